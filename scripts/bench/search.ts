/**
 * Search as a reader meets it, measured in Chromium on a built site served as static files: what
 * is downloaded before the first keystroke, what the first and the second search download, and how
 * long a query takes from Enter to results shown, first (index chunks not yet loaded) and warm.
 *
 *   node scripts/bench/search.ts <built site folder>
 *
 * Transfer sizes are what a host that compresses would send: JavaScript, JSON and HTML gzipped
 * here; Pagefind's index files and WebAssembly are stored compressed and count as they are.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../../test/browser/browser.ts';
import { serve } from '../../test/browser/static-server.ts';

export interface SearchBench {
	/** Bytes of search code and index fetched after the search page loaded, before any typing. */
	beforeKeystroke: number;
	/** Bytes the first search fetched until its results were shown, and until it was complete (facet counts included). */
	firstSearch: { shown: number; complete: number };
	secondSearch: { shown: number; complete: number };
	/** Milliseconds from Enter to results shown, and to complete: each query's first run, then the same query again. */
	first: { shown: Stats; complete: Stats };
	warm: { shown: Stats; complete: Stats };
	queries: number;
	/** Compressed size of the search page's HTML. */
	searchPage: number;
	/** The built site measured. */
	site: string;
}

interface Stats {
	median: number;
	p95: number;
}

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const stats = (values: number[]): Stats => ({ median: percentile(values, 50), p95: percentile(values, 95) });

/** Pagefind's index files and its WebAssembly are stored gzipped already (they start with gzip's magic bytes). */
const gzipped = (bytes: Buffer) => bytes[0] === 0x1f && bytes[1] === 0x8b;

interface Run {
	/** Milliseconds from Enter until the first results (or the "no incident matches" line) are on screen. */
	shown: number;
	/** …and until the search is complete: partial matches, spelling, facet counts (aria-busy off). */
	complete: number;
	/** When Enter was pressed, by the clock the requests are timed with. */
	at: number;
}

export async function benchSearch(site: string, queries: readonly string[]): Promise<SearchBench> {
	const server = await serve(site);
	const browser = await launch();
	const sizes = new Map<string, number>();
	const size = (path: string) => {
		if (!sizes.has(path)) {
			const bytes = readFileSync(join(site, decodeURIComponent(path)));
			sizes.set(path, gzipped(bytes) ? bytes.length : gzipSync(bytes).length);
		}
		return sizes.get(path)!;
	};
	const searchFiles = (paths: string[]) => paths.filter((p) => p.startsWith('/pagefind/') || p.startsWith('/search/words'));
	try {
		const page = await browser.newPage();
		// Every request of the page and of Pagefind's worker, with when it finished (Date.now(), the clock the page reports with too).
		const fetched: { path: string; end: number }[] = [];
		page.on('requestfinished', (request) => fetched.push({ path: new URL(request.url()).pathname, end: Date.now() }));
		await page.goto(`${server.url}/search/`);
		await page.waitForLoadState('networkidle');
		const between = (from: number, to: number) => searchFiles(fetched.filter((f) => f.end > from && f.end <= to).map((f) => f.path)).reduce((sum, p) => sum + size(p), 0);
		const beforeKeystroke = between(0, Infinity);

		/** Sets the query, presses Enter and waits until the search is complete. */
		const run = (query: string) =>
			page.evaluate(
				(q) =>
					new Promise<Run>((resolve) => {
						const box = document.querySelector<HTMLInputElement>('#search-q')!;
						const list = document.querySelector('.search-results')!;
						const status = document.querySelector('.search-status')!;
						box.value = q;
						const at = Date.now();
						const started = performance.now();
						let shown: number | undefined;
						const observer = new MutationObserver(() => {
							// The status names the new query once its results replace the last query's.
							const current = status.textContent!.includes(`“${q}”`);
							shown ??= current && (list.children.length > 0 || status.textContent!.startsWith('No incident')) ? performance.now() - started : undefined;
							if (list.getAttribute('aria-busy') !== 'false') return;
							observer.disconnect();
							const complete = performance.now() - started;
							resolve({ shown: shown ?? complete, complete, at });
						});
						observer.observe(document.body, { attributes: true, childList: true, subtree: true, characterData: true });
						box.form!.requestSubmit();
					}),
				query,
			);
		const first: Run[] = [];
		const after: number[] = [];
		for (const query of queries) {
			first.push(await run(query));
			// Requests still in flight when the run ends (a lazy download) belong to it, not to the next query.
			await page.waitForLoadState('networkidle');
			after.push(Date.now());
		}
		const warm: Run[] = [];
		for (const query of queries) warm.push(await run(query));
		const transfer = (i: number) => (first[i] ? { shown: between(first[i].at, first[i].at + first[i].shown), complete: between(first[i].at, after[i]) } : { shown: 0, complete: 0 });
		return {
			beforeKeystroke,
			firstSearch: transfer(0),
			secondSearch: transfer(1),
			first: { shown: stats(first.map((r) => r.shown)), complete: stats(first.map((r) => r.complete)) },
			warm: { shown: stats(warm.map((r) => r.shown)), complete: stats(warm.map((r) => r.complete)) },
			queries: queries.length,
			searchPage: gzipSync(readFileSync(join(site, 'search', 'index.html'))).length,
			site,
		};
	} finally {
		await browser.close();
		await server.close();
	}
}

/** Twenty queries of one to three words in the way people type them: common and rare words, a typo. */
export function benchQueries(vocabulary: readonly string[]): string[] {
	const pick = (rank: number) => vocabulary[Math.min(rank, vocabulary.length - 1)];
	return Array.from({ length: 20 }, (_, i) => {
		const words = [pick(20 + i * 7), pick(200 + i * 31), pick(1000 + i * 53)].slice(0, 1 + (i % 3));
		// Every fifth query has a typo: a letter dropped from its first word.
		if (i % 5 === 4) words[0] = words[0].slice(0, -2) + words[0].slice(-1);
		return words.join(' ');
	});
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = ({ median, p95 }: Stats) => `median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`;
const format = (r: SearchBench) =>
	[
		`before the first keystroke: ${r.beforeKeystroke} B`,
		`first search: ${kb(r.firstSearch.shown)} until results are shown, ${kb(r.firstSearch.complete)} in all; second search: ${kb(r.secondSearch.shown)}, ${kb(r.secondSearch.complete)} in all`,
		`Enter to results shown over ${r.queries} queries: first run ${ms(r.first.shown)}; warm ${ms(r.warm.shown)}`,
		`Enter to complete (facet counts, partial matches, spelling): first run ${ms(r.first.complete)}; warm ${ms(r.warm.complete)}`,
		`search page: ${kb(r.searchPage)} compressed`,
		`compressed pages: ${Object.entries(pageSizes(r.site)).map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`,
	].join('\n');

/** The compressed size of one page of each kind: what a reader's first visit to it transfers as HTML. */
export function pageSizes(site: string): Record<string, number> {
	const first = (dir: string) => readdirSync(join(site, dir), { withFileTypes: true }).find((e) => e.isDirectory() && !/^\d{4}$/.test(e.name))?.name;
	const pages: Record<string, string | undefined> = {
		incident: first('incidents') && join('incidents', first('incidents')!, 'index.html'),
		search: join('search', 'index.html'),
		pattern: first(join('patterns', 'components')) && join('patterns', 'components', first(join('patterns', 'components'))!, 'index.html'),
		insights: join('insights', 'index.html'),
	};
	return Object.fromEntries(Object.entries(pages).flatMap(([name, path]) => (path && existsSync(join(site, path)) ? [[name, gzipSync(readFileSync(join(site, path))).length]] : [])));
}

export async function printSearchBench(label: string, site: string, vocabulary: readonly string[]) {
	const result = await benchSearch(site, benchQueries(vocabulary));
	console.log(`${label}  search in Chromium:\n  ${format(result).split('\n').join('\n  ')}`);
	return result;
}

if (import.meta.main) {
	const site = process.argv[2];
	if (!site) {
		console.error('Usage: node scripts/bench/search.ts <built site folder>');
		process.exit(1);
	}
	const vocabulary = JSON.parse(readFileSync(join(site, 'search', 'words.json'), 'utf8')) as string[];
	await printSearchBench(site, site, vocabulary);
}
