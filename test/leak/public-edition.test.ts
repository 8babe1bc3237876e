/**
 * The leak test: build both editions of a fixture archive whose internal material carries canary
 * strings, then read every byte of the public output, Pagefind's compressed index included.
 * The internal build must contain every canary, which proves the canaries are real and reachable;
 * the public build must contain none.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/check/index.ts';
import { inEdition } from '../../src/lib/edition.ts';
import { analyzeBody } from '../../src/lib/publish/body.ts';
import { fixture, root, run } from '../helpers.ts';

const CANARIES = [
	'LEAKCANARY-COMPONENT-NAME', 'LEAKCANARY-TEAM', 'LEAKCANARY-CAUSE-NAME', 'LEAKCANARY-NOTE-HOST',
	'LEAKCANARY-REVENUE', 'LEAKCANARY-OWNER', 'LEAKCANARY-TICKET', 'LEAKCANARY-BLOCK-HOST', 'LEAKCANARY-BLOCK-TICKET', 'LEAKCANARY-INLINE',
	'LEAKCANARY-INTERNAL-TITLE', 'LEAKCANARY-INTERNAL-SUMMARY', 'LEAKCANARY-INTERNAL-IMPACT', 'LEAKCANARY-INTERNAL-EVENT', 'LEAKCANARY-INTERNAL-BODY',
	'leakcanary-ledger', 'leakcanary-cause', 'leakcanary-tag', '2025-04-02-internal-only',
	'LEAKCANARY-DRAFT-TITLE', 'LEAKCANARY-DRAFT-IMPACT', 'LEAKCANARY-DRAFT-EVENT', 'LEAKCANARY-DRAFT-BODY', '2025-04-03-public-draft',
	'LEAKCANARY-EDIT',
	// Other spellings of <Internal>, and an <Internal> block in a public note.
	'LEAKCANARY-LOWER', 'LEAKCANARY-UPPER', 'LEAKCANARY-ATTR', 'LEAKCANARY-SPACED', 'LEAKCANARY-NOTE-INTERNAL',
	// The learning library: an internal guide, an <Internal> part of a public one, the items of a
	// collection whose postmortem is internal, and a collection with nothing public.
	'LEAKCANARY-GUIDE-TITLE', 'LEAKCANARY-GUIDE-DESCRIPTION', 'LEAKCANARY-GUIDE-BODY', 'LEAKCANARY-GUIDE-INTERNAL',
	'LEAKCANARY-COLLECTION-LEARN', 'LEAKCANARY-COLLECTION-QUESTION', 'LEAKCANARY-COLLECTION-TITLE',
];
/** HTML comments are for authors: neither edition may contain them. */
const COMMENTS = ['LEAKCANARY-COMMENT', 'LEAKCANARY-NOTE-COMMENT', 'LEAKCANARY-GUIDE-COMMENT'];
/** What the public edition may contain: pages, styles, the search engine and its index, feeds. */
const ALLOWED = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.pagefind', '.pf_fragment', '.pf_index', '.pf_meta', '.pf_filter']);

const editions = { internal: join(root, 'test', '.tmp', 'leak-internal'), public: join(root, 'test', '.tmp', 'leak-public'), bundled: join(root, 'test', '.tmp', 'bundled-public') };

function build(edition: keyof typeof editions) {
	rmSync(editions[edition], { recursive: true, force: true });
	const result = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', editions[edition]], {
		HINDSIGHT_CONTENT_DIR: edition === 'bundled' ? join(root, 'postmortems') : fixture('leak'),
		HINDSIGHT_EDITION: edition === 'internal' ? 'internal' : 'public',
		HINDSIGHT_PUBLIC_OWNERS: 'false',
		HINDSIGHT_EDIT_URL: 'https://git.example/LEAKCANARY-EDIT/{path}',
	});
	if (result.status !== 0) throw new Error(`${edition} build failed:\n${result.output}`);
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** Every file as text, gzip (Pagefind's index and fragments) decompressed, keyed by its path in the site. */
function corpus(dir: string): Map<string, string> {
	return new Map(
		files(dir).map((path) => {
			const bytes = readFileSync(path);
			const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
			return [relative(dir, path), plain.toString('utf8')];
		}),
	);
}

const containing = (site: Map<string, string>, canary: string) => [...site].filter(([path, text]) => path.includes(canary) || text.includes(canary)).map(([path]) => path);

beforeAll(() => {
	build('internal');
	build('public');
	build('bundled');
}, 180_000);

describe('the internal edition of the leak fixture', () => {
	it('contains every canary, so their absence from the public edition means something', () => {
		const site = corpus(editions.internal);
		const missing = CANARIES.filter((canary) => containing(site, canary).length === 0);
		expect(missing).toEqual([]);
	});

	it('contains no HTML comment of a body or a note', () => {
		const site = corpus(editions.internal);
		expect(COMMENTS.flatMap((canary) => containing(site, canary))).toEqual([]);
		expect(containing(site, 'PUBLICMARKER-NOTE').length).toBeGreaterThan(0);
	});
});

describe('the public edition of the leak fixture', () => {
	const site = () => corpus(editions.public);

	it('contains no canary in any file, name or compressed index', () => {
		const leaks = [...CANARIES, ...COMMENTS].flatMap((canary) => containing(site(), canary).map((path) => `${canary} in ${path}`));
		expect(leaks).toEqual([]);
	});

	it('tells a reader who followed a link to a missing postmortem that it may not be public', () => {
		expect(site().get('404.html')).toContain('it may not be public');
	});

	it('keeps the public text around every <Internal> spelling, and the public note', () => {
		expect(containing(site(), 'PUBLICMARKER-END')).toContain('incidents/2025-04-01-public-outage/index.html');
		expect(containing(site(), 'PUBLICMARKER-NOTE')).toContain('patterns/causes/deployment/index.html');
	});

	it('publishes the public guide, the glossary and the public half of a collection', () => {
		expect(containing(site(), 'PUBLICMARKER-GUIDE-BODY')).toEqual(expect.arrayContaining(['learn/public-guide/index.html']));
		expect(containing(site(), 'PUBLICMARKER-GLOSSARY')).toContain('glossary/index.html');
		expect(containing(site(), 'PUBLICMARKER-COLLECTION-LEARN')).toContain('learn/collections/mixed/index.html');
		const paths = files(editions.public).map((path) => relative(editions.public, path));
		expect(paths.filter((path) => path.startsWith('learn/')).sort()).toEqual(['learn/collections/mixed/index.html', 'learn/index.html', 'learn/public-guide/index.html']);
	});

	it('does contain the public postmortem, in its page and in the decompressed search index', () => {
		const pages = containing(site(), 'PUBLICMARKER-BODY');
		expect(pages).toContain('incidents/2025-04-01-public-outage/index.html');
		expect(pages.some((path) => path.startsWith('pagefind/fragment/'))).toBe(true);
	});

	it('has no action ledger, and its metrics and insights say nothing of action items, owners or overdue work', () => {
		const internal = files(editions.internal).map((path) => relative(editions.internal, path));
		expect(internal).toEqual(expect.arrayContaining(['actions/index.html', 'actions.csv', 'insights/index.html', 'metrics.json']));
		const paths = files(editions.public).map((path) => relative(editions.public, path));
		expect(paths.filter((path) => path.startsWith('actions'))).toEqual([]);
		expect(JSON.parse(readFileSync(join(editions.public, 'metrics.json'), 'utf8'))).not.toHaveProperty('actions');
		const insights = readFileSync(join(editions.public, 'insights', 'index.html'), 'utf8');
		expect(insights).not.toMatch(/overdue|action items|\/actions\//i);
		expect(readFileSync(join(editions.public, 'index.html'), 'utf8')).not.toContain('href="/actions/"');
	});

		it('holds only expected file types and no source maps', () => {
		const paths = files(editions.public).map((path) => relative(editions.public, path));
		expect(paths.filter((path) => path.endsWith('.map') || readFileSync(join(editions.public, path), 'utf8').includes('sourceMappingURL'))).toEqual([]);
		expect([...new Set(paths.map((path) => extname(path)))].filter((ext) => !ALLOWED.has(ext))).toEqual([]);
	});
});

describe('the public edition of the bundled archive', () => {
	const postmortems = checkArchive(join(root, 'postmortems')).context.postmortems;
	const published = postmortems.filter(({ source }) => inEdition(source.data, 'public'));
	const kept = postmortems.filter((p) => !published.includes(p));

	it('builds a page for exactly the public, published postmortems', () => {
		const pages = files(join(editions.bundled, 'incidents')).filter((f) => f.endsWith('index.html')).map((f) => relative(join(editions.bundled, 'incidents'), f).split('/')[0]).filter((p) => !/^\d{4}$/.test(p));
		expect(pages.filter((p) => p !== 'index.html').sort()).toEqual(published.map(({ source }) => source.id).sort());
		expect(kept.length).toBeGreaterThan(0);
	});

	it('speaks to outside readers: no on-call wording, no overdue counts or priorities, no status facet with one value', () => {
		// The guides and the glossary teach the vocabulary ("an item is overdue when…"); what must
		// not reach outside readers is our own operational state, on the archive's pages.
		const html = [...corpus(editions.bundled)].filter(([path]) => path.endsWith('.html') && !/^(?:learn|glossary)\//.test(path));
		const said = (pattern: RegExp) => html.filter(([, text]) => pattern.test(text.replace(/<[^>]+>/g, ' '))).map(([path]) => path);
		expect(said(/during an incident|have we seen this before|architectural attention|needs attention/i)).toEqual([]);
		expect(said(/\boverdue\b/i)).toEqual([]);
		expect(html.filter(([, text]) => text.includes('<th scope="col">Priority</th>')).map(([path]) => path)).toEqual([]);
		expect(readFileSync(join(editions.bundled, 'search', 'index.html'), 'utf8')).not.toContain('name="status"');
	});

		it('shows none of the internal postmortems, <Internal> details, revenue or tickets anywhere', () => {
		// Canaries taken from the archive itself: what is kept back must not appear in any output byte.
		const canaries = [
			...kept.flatMap(({ source, data }) => [source.id, data.title!]),
			...published.flatMap(({ source, data }) => [
				...analyzeBody(source.body)
					.internal.flatMap((part) => source.body.slice(part.innerStart, part.innerEnd).match(/[\w.#-]*\d[\w.,-]*\w/g) ?? [])
					.filter((token) => token.length >= 5),
				...(data.impact?.revenue ? [data.impact.revenue] : []),
				...(data.actions ?? []).flatMap((a) => (a.ticket ? [a.ticket] : [])),
			]),
		];
		expect(canaries.length).toBeGreaterThan(20);
		const site = corpus(editions.bundled);
		expect(canaries.flatMap((canary) => containing(site, canary).map((path) => `${canary} in ${path}`))).toEqual([]);
	});
});
