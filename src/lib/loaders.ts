/**
 * The content loaders: postmortems, and the registries with their notes. Bodies are rendered with
 * Astro's Markdown processor inside the loader, as Astro does for .md, instead of one MDX module per
 * file: at 10,000 postmortems that is the difference between about 30 s and 140 s of build
 * (BENCHMARKS.md). Bodies therefore run no code; `npm run check` says so when a file tries.
 * What an edition may not show is dropped here, before anything reaches Astro's store.
 */
import type { Loader } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'yaml';
import { editionBody, editionData, inEdition, noteInEdition, type EditionOptions } from './edition.ts';
import { listNotes, listPostmortemFiles, readPostmortem, readRegistry, splitFrontmatter } from './source.ts';

export function postmortemLoader({ dir, ...options }: { dir: string } & EditionOptions): Loader {
	const { edition } = options;
	return {
		name: 'hindsight-postmortems',
		load: async ({ store, parseData, renderMarkdown, generateDigest, watcher, logger, config }) => {
			const root = config.root.pathname;
			const sync = async () => {
				const seen = new Set<string>();
				for (const path of listPostmortemFiles(dir)) {
					const { source } = readPostmortem(path);
					// Broken files were reported by the check that runs before the build; in dev they are skipped with a warning.
					if (!source) {
						logger.warn(`${relative(root, path)} cannot be read and is left out; run npm run check`);
						continue;
					}
					if (!inEdition(source.data, edition)) continue;
					seen.add(source.id);
					// Path and edition are part of the digest: an entry stored by one edition or folder is never reused by another.
					const digest = generateDigest(`${edition}\n${path}\n${source.raw}`);
					if (store.get(source.id)?.digest === digest) continue;
					let data: Record<string, unknown>;
					try {
						data = await parseData({ id: source.id, data: editionData(source.data, options), filePath: path });
					} catch {
						// Only reachable in dev: the build stops at the check first. Keep serving the rest of the archive.
						logger.warn(`${relative(root, path)} is invalid and left out; run npm run check`);
						store.delete(source.id);
						continue;
					}
					const body = editionBody(source.body, edition);
					const rendered = await renderMarkdown(body, { fileURL: new URL(`file://${path}`) });
					store.set({ id: source.id, data, body, rendered, digest, filePath: relative(root, path) });
				}
				// Whatever is no longer in the folder, or no longer in this edition, must not stay in the store.
				for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
			};
			await sync();
			if (watcher) {
				watcher.add(dir);
				const onChange = (path: string) => {
					if (path.startsWith(dir)) sync().catch((error) => logger.error(String(error)));
				};
				watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
			}
		},
	};
}

/**
 * A registry (components.yml or causes.yml), each entry with its hand-written note, if any, as its
 * rendered body: notes/components/<id>.mdx. Notes are rendered like postmortem bodies (Markdown, no
 * code) and are internal unless their frontmatter says `visibility: public`.
 */
export function registryLoader({ dir, file, kind, edition }: { dir: string; file: string; kind: 'components' | 'causes' } & Pick<EditionOptions, 'edition'>): Loader {
	return {
		name: `hindsight-${kind}`,
		load: async ({ store, parseData, renderMarkdown, watcher, logger, config }) => {
			const root = config.root.pathname;
			const sync = async () => {
				store.clear();
				const notes = new Map(listNotes(dir).filter((n) => n.kind === kind).map((n) => [n.target, n.path]));
				const { items } = readRegistry(dir, file);
				for (const item of items as Record<string, unknown>[]) {
					const id = String(item?.id ?? '');
					let data: Record<string, unknown>;
					try {
						data = await parseData({ id, data: item });
					} catch {
						logger.warn(`an entry of ${file} is invalid and left out; run npm run check`);
						continue;
					}
					const path = notes.get(id);
					const note = path ? splitFrontmatter(readFileSync(path, 'utf8')) : undefined;
					const show = note && noteInEdition((note.yaml && (parse(note.yaml) as Record<string, unknown>)) || {}, edition);
					const rendered = show ? await renderMarkdown(editionBody(note.body, edition), { fileURL: new URL(`file://${path}`) }) : undefined;
					store.set({ id, data, rendered, filePath: path && show ? relative(root, path) : undefined });
				}
			};
			await sync();
			watcher?.on('all', (_event, path) => {
				if (path.startsWith(dir)) void sync();
			});
		},
	};
}
