/**
 * The content loader for postmortems. Bodies are rendered with Astro's Markdown processor inside the
 * loader, as Astro does for .md, instead of one MDX module per file: at 10,000 postmortems that is
 * the difference between about 30 s and 140 s of build (BENCHMARKS.md). Postmortem bodies therefore
 * run no code; `npm run check` says so when a file tries.
 */
import type { Loader } from 'astro/loaders';
import { relative } from 'node:path';
import type { Edition } from './config.ts';
import { inEdition } from './edition.ts';
import { readFileSync } from 'node:fs';
import { listNotes, listPostmortemFiles, readPostmortem, splitFrontmatter } from './source.ts';

export function postmortemLoader({ dir, edition }: { dir: string; edition: Edition }): Loader {
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
					// The path is part of the digest so that pointing Hindsight at another folder never reuses a stale entry.
					const digest = generateDigest(`${path}\n${source.raw}`);
					if (store.get(source.id)?.digest === digest) continue;
					let data: Record<string, unknown>;
					try {
						data = await parseData({ id: source.id, data: source.data, filePath: path });
					} catch {
						// Only reachable in dev: the build stops at the check first. Keep serving the rest of the archive.
						logger.warn(`${relative(root, path)} is invalid and left out; run npm run check`);
						store.delete(source.id);
						continue;
					}
					const rendered = await renderMarkdown(source.body, { fileURL: new URL(`file://${path}`) });
					store.set({ id: source.id, data, body: source.body, rendered, digest, filePath: relative(root, path) });
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
 * Hand-written notes for pattern pages, rendered like postmortem bodies: Markdown, no code, one
 * loader pass instead of one MDX module each.
 */
export function notesLoader({ dir }: { dir: string }): Loader {
	return {
		name: 'hindsight-notes',
		load: async ({ store, renderMarkdown, watcher, config }) => {
			const root = config.root.pathname;
			const sync = async () => {
				store.clear();
				for (const note of listNotes(dir)) {
					const { body } = splitFrontmatter(readFileSync(note.path, 'utf8'));
					const rendered = await renderMarkdown(body, { fileURL: new URL(`file://${note.path}`) });
					store.set({ id: note.id, data: {}, body, rendered, filePath: relative(root, note.path) });
				}
			};
			await sync();
			watcher?.on('all', (_event, path) => {
				if (path.startsWith(dir)) void sync();
			});
		},
	};
}
