/**
 * The content loaders: postmortems, the registries with their notes, and the learning library.
 * Bodies are rendered with Astro's Markdown processor inside the loader, as Astro does for .md,
 * instead of one MDX module per file: at 10,000 postmortems that is the difference between about
 * 30 s and 140 s of build (BENCHMARKS.md). Only a body that uses components (src/lib/mdx/analyze.ts)
 * is left to @astrojs/mdx, with deferredRender, so Astro builds a module for those files alone.
 * What an edition may not show is dropped here, before anything reaches Astro's store, and every
 * rendered body is sanitized. The Markdown source is not stored: no page reads it.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Edition } from './config.ts';
import { editionData, inEdition, noteInEdition, type EditionOptions } from './edition.ts';
import { readNotes } from './notes.ts';
import { editionBody } from './publish/body.ts';
import { writtenSections } from './insights/completeness.ts';
import { sanitizeBody } from './publish/sanitize.ts';
import { unindexStandardHeadings } from './search.ts';
import { listPostmortemFiles, readPostmortem, readRegistry, type PostmortemSource } from './source.ts';
import { readCollections, readGlossary, readGuides } from './learn/source.ts';
import { readingMinutes } from './learn/guides.ts';
import { analyzeMdx } from './mdx/analyze.ts';

/**
 * A digest of the code that decides what a stored entry holds. Part of every entry's digest, so an
 * upgrade of the sanitizer or of the edition rules re-renders every entry instead of serving what
 * an older version stored.
 */
function codeDigest(root: string): string {
	const lib = join(root, 'src', 'lib');
	const files = [join(lib, 'loaders.ts'), join(lib, 'edition.ts'), join(lib, 'search.ts'), join(lib, 'template.ts'), ...['publish', 'mdx'].flatMap((dir) => readdirSync(join(lib, dir)).map((f) => join(lib, dir, f)))];
	const hash = createHash('sha256');
	for (const file of files.sort()) hash.update(readFileSync(file));
	return hash.digest('hex').slice(0, 16);
}

/**
 * Renders a body as an edition shows it: <Internal> parts cut or marked, then sanitized. A
 * postmortem's standard headings are kept out of the search index; a guide's are its content.
 */
async function renderBody(body: string, edition: Edition, path: string, renderMarkdown: LoaderContext['renderMarkdown'], { standardHeadings = false } = {}) {
	const rendered = await renderMarkdown(editionBody(body, edition), { fileURL: pathToFileURL(path) });
	const html = sanitizeBody(rendered.html, edition);
	return { ...rendered, html: standardHeadings ? html : unindexStandardHeadings(html) };
}

export function postmortemLoader({ dir, ...options }: { dir: string } & EditionOptions): Loader {
	const { edition } = options;
	return {
		name: 'hindsight-postmortems',
		load: async ({ store, parseData, renderMarkdown, generateDigest, watcher, logger, config }) => {
			const root = config.root.pathname;
			const code = codeDigest(fileURLToPath(config.root));
			const sync = async () => {
				const sources: { path: string; source: PostmortemSource }[] = [];
				for (const path of listPostmortemFiles(dir)) {
					const { source } = readPostmortem(path);
					// Broken files were reported by the check that runs before the build; in dev they are skipped with a warning.
					if (!source) logger.warn(`${relative(root, path)} cannot be read and is left out; run npm run check`);
					else if (inEdition(source.data, edition)) sources.push({ path, source });
				}
				// Links to postmortems outside this edition are dropped, so every output names only what it builds.
				const ids = new Set(sources.map(({ source }) => source.id));
				for (const { path, source } of sources) {
					const raw = editionData(source.data, { ...options, ids });
					// Code, path, edition and the links kept are part of the digest: an entry stored by one edition or folder is never reused by another.
					const digest = generateDigest(`${code}\n${edition}\n${path}\n${JSON.stringify([raw.related, raw.recurrenceOf])}\n${source.raw}`);
					if (store.get(source.id)?.digest === digest) continue;
					let data: Record<string, unknown>;
					try {
						data = await parseData({ id: source.id, data: raw, filePath: path });
					} catch {
						// Only reachable in dev: the build stops at the check first. Keep serving the rest of the archive.
						logger.warn(`${relative(root, path)} is invalid and left out; run npm run check`);
						store.delete(source.id);
						continue;
					}
					// The sections written, for the completeness score: the source is not kept, so they are noted now.
					const sections = writtenSections(source.body);
					// Only .mdx files are compiled by @astrojs/mdx; a .md body with components stays Markdown,
					// cut and sanitized like any other (and the check refuses it: mdx-extension).
					if (/\.mdx$/i.test(path) && analyzeMdx(source.body).mdx) {
						// A body with components is compiled by @astrojs/mdx when its page renders, one module for
						// this file only; the edition's cuts happen on its syntax tree (src/lib/mdx/plugin.ts).
						store.set({ id: source.id, data, digest, filePath: relative(root, path), deferredRender: true, rendered: { html: '', metadata: { sections } } });
						continue;
					}
					const rendered = await renderBody(source.body, edition, path, renderMarkdown);
					rendered.metadata = { ...rendered.metadata, sections };
					store.set({ id: source.id, data, rendered, digest, filePath: relative(root, path) });
				}
				// Whatever is no longer in the folder, or no longer in this edition, must not stay in the store.
				for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
			};
			await sync();
			watchContent(watcher, dir, () => sync().catch((error) => logger.error(String(error))));
		},
	};
}

/**
 * Re-reads on any change under the content folder. When the folder itself disappears (moved away,
 * a branch switch), the watcher loses it and would never report its return; a light poll notices
 * it coming back and watches it again. A burst of events (a folder of files arriving at once)
 * becomes one re-read, never two at a time.
 */
function watchContent(watcher: LoaderContext['watcher'], dir: string, sync: () => Promise<void>) {
	if (!watcher) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running = Promise.resolve();
	const resync = () => {
		clearTimeout(timer);
		timer = setTimeout(() => (running = running.then(sync)), 50);
	};
	let poll: ReturnType<typeof setInterval> | undefined;
	const awaitReturn = () => {
		poll ??= setInterval(() => {
			if (!existsSync(dir)) return;
			clearInterval(poll);
			poll = undefined;
			watcher.add(dir);
			resync();
		}, 500);
		poll.unref();
	};
	watcher.add(dir);
	watcher.on('all', (event, path) => {
		if (!path.startsWith(dir)) return;
		if (path === dir && event === 'unlinkDir') awaitReturn();
		resync();
	});
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
				const notes = new Map(readNotes(dir).notes.filter((n) => n.kind === kind).map((n) => [n.target, n]));
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
					const note = notes.get(id);
					const show = note && noteInEdition(note.data, edition);
					const rendered = show ? await renderBody(note.body, edition, note.path, renderMarkdown) : undefined;
					store.set({ id, data, rendered, filePath: show ? relative(root, note.path) : undefined });
				}
			};
			await sync();
			watchContent(watcher, dir, () => sync().catch((error) => logger.error(String(error))));
		},
	};
}

/**
 * The learning library's guides (guides/<id>.mdx): rendered like notes, internal unless they say
 * `visibility: public`, with their reading time noted while the source is at hand.
 */
export function guideLoader({ dir, edition }: { dir: string } & Pick<EditionOptions, 'edition'>): Loader {
	return {
		name: 'hindsight-guides',
		load: async ({ store, parseData, renderMarkdown, watcher, logger, config }) => {
			const root = config.root.pathname;
			const sync = async () => {
				store.clear();
				for (const guide of readGuides(dir).guides) {
					if (!noteInEdition(guide.raw, edition)) continue;
					let data: Record<string, unknown>;
					try {
						data = await parseData({ id: guide.id, data: guide.raw, filePath: guide.path });
					} catch {
						logger.warn(`${relative(root, guide.path)} is invalid and left out; run npm run check`);
						continue;
					}
					const rendered = await renderBody(guide.body, edition, guide.path, renderMarkdown, { standardHeadings: true });
					rendered.metadata = { ...rendered.metadata, minutes: readingMinutes(guide.body) };
					store.set({ id: guide.id, data, rendered, filePath: relative(root, guide.path) });
				}
			};
			await sync();
			watchContent(watcher, dir, () => sync().catch((error) => logger.error(String(error))));
		},
	};
}

/** The glossary's terms and the reading collections: data only, validated by their schemas. */
export function learnDataLoader({ dir, kind }: { dir: string; kind: 'glossary' | 'reading' }): Loader {
	return {
		name: `hindsight-${kind}`,
		load: async ({ store, parseData, watcher, logger }) => {
			const sync = async () => {
				store.clear();
				const entries = kind === 'glossary' ? readGlossary(dir).terms.map((t) => ({ id: t.id, data: t as unknown as Record<string, unknown> })) : readCollections(dir).collections;
				for (const { id, data } of entries) {
					try {
						store.set({ id, data: await parseData({ id, data: data as Record<string, unknown> }) });
					} catch {
						logger.warn(`${kind} entry ${id} is invalid and left out; run npm run check`);
					}
				}
			};
			await sync();
			watchContent(watcher, dir, () => sync().catch((error) => logger.error(String(error))));
		},
	};
}
