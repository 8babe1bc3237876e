/**
 * Bodies that use components, built in both editions with the real Astro CLI: every built-in
 * component renders, GFM works as on the Markdown path, and the public edition holds no byte of an
 * <Internal> part (block or inline, inside a component), a comment or an internal postmortem,
 * its search index included.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, root, run } from '../helpers.ts';

const out = { internal: join(root, 'test', '.tmp', 'mdx-internal'), public: join(root, 'test', '.tmp', 'mdx-public') };
// Images are named for the leak test too: an internal one would appear as /_astro/mdxcanary-….webp.
const CANARIES = ['mdxcanary-internal-dashboard', 'mdxcanary-internal-only', 'MDXCANARY-FIGURE-CAPTION', 'MDXCANARY-BLOCK-HOST', 'MDXCANARY-INLINE-HOST', 'MDXCANARY-INTERNAL-TITLE', 'MDXCANARY-INTERNAL-SUMMARY', 'MDXCANARY-INTERNAL-BODY', '2025-08-02-internal-mdx'];

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const corpus = (dir: string) =>
	new Map(
		files(dir).map((path) => {
			const bytes = readFileSync(path);
			return [relative(dir, path), (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8')];
		}),
	);
const containing = (site: Map<string, string>, needle: string) => [...site].filter(([path, text]) => path.includes(needle) || text.includes(needle)).map(([path]) => path);
const page = (edition: keyof typeof out, id: string) => readFileSync(join(out[edition], 'incidents', id, 'index.html'), 'utf8');

beforeAll(() => {
	for (const edition of ['internal', 'public'] as const) {
		rmSync(out[edition], { recursive: true, force: true });
		const result = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out[edition]], { HINDSIGHT_CONTENT_DIR: fixture('mdx'), HINDSIGHT_EDITION: edition, HINDSIGHT_TODAY: '2026-01-01' });
		if (result.status !== 0) throw new Error(`${edition} build failed:\n${result.output}`);
	}
}, 180_000);

describe('a body with every built-in component', () => {
	it('renders each of them in the internal edition, with its internal parts marked', () => {
		const html = page('internal', '2025-08-01-every-component');
		expect(html).toMatch(/<aside class="callout callout-lucky"><p class="callout-title"><strong>Where we got lucky<\/strong><\/p><p>The replica held\. MDXPUBLIC-CALLOUT/);
		expect(html).toMatch(/<figure class="chat"><figcaption>Incident channel<\/figcaption><blockquote><p><strong>On-call engineer:<\/strong>/);
		expect(html).toContain('<a class="incident-card" href="/incidents/2025-08-04-public-peer/"><strong>Public peer fixture</strong>');
		expect(html).toContain('<a class="term" href="/glossary/#trigger">trigger</a>');
		// A team's own component, imported from the components folder of the content folder.
		expect(html).toContain('<p class="runbook">Runbook used: <strong>Payments rollback</strong>. It worked as written. MDXPUBLIC-RUNBOOK</p>');
		// The graph from the CSV: its numbers as a table, the detection and mitigation marked at the nearest point.
		expect(html).toMatch(/<hs-chart data-chart="[^"]*&quot;detection \(10:05 UTC\)&quot;/);
		expect(html.replace(/\s+/g, '')).toContain('<tr><td>10:05</td><td>14.5</td><td>detection</td></tr>');
		expect(html).toContain('<tr><td>10:40</td><td>2.1</td><td>mitigation</td></tr>');
		// The screenshot beside the postmortem, through Astro's image pipeline.
		expect(html).toMatch(/<figure class="figure"><p><img src="\/_astro\/error-rate-public\.[\w-]+\.webp"[^>]* alt="Error rate during the incident\s+\{'MDXCANARY' \+ '-EXECUTED'\}\s+end"[^>]*><\/p><figcaption>Errors peaked at the rollout\. MDXPUBLIC-FIGURE<\/figcaption><\/figure>/);
		expect(html).toMatch(/<div class="internal-only">[\s\S]*MDXCANARY-BLOCK-HOST/);
		expect(html).toContain('MDXCANARY-INLINE-HOST');
	});

	it('reads header, summary, impact with its figures, timeline, narrative, with one Impact and unique ids', () => {
		const html = page('public', '2025-08-01-every-component');
		const order = ['<h2 id="summary"', '<h2 id="impact"', 'class="impact-lead"', '<h2 id="timeline"', '<h2 id="what-went-poorly"', '<h2 id="actions"'].map((s) => html.indexOf(s));
		expect(order.every((i) => i > 0)).toBe(true);
		expect(order).toEqual([...order].sort((a, b) => a - b));
		const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids.length).toBe(new Set(ids).size);
		expect(html.match(/>Impact</g)).toHaveLength(2); // the heading, and its entry in "on this page"
		const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0];
		expect([...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(['summary', 'impact', 'timeline', 'what-went-poorly', 'where-we-got-lucky', 'lessons-learned', 'actions']);
	});

	it('renders GitHub-flavoured Markdown as the Markdown path does: tables, strikethrough, autolinks, task lists, footnotes', () => {
		const html = page('public', '2025-08-01-every-component');
		expect(html).toContain('<td><del>struck</del></td>');
		expect(html).toContain('<a href="https://example.com/autolink">https://example.com/autolink</a>');
		expect(html).toMatch(/<input type="checkbox" checked disabled\/?> a task list/);
		expect(html).toContain('MDXPUBLIC-FOOTNOTE');
	});
});

describe('the public edition of MDX bodies', () => {
	it('holds no internal part, comment or internal postmortem in any byte, the search index included', () => {
		const site = corpus(out.public);
		// MDXCANARY-EXECUTED would appear only if text of an alt were run as an expression.
		expect([...CANARIES, 'MDXCANARY-COMMENT', 'MDXCANARY-EXECUTED'].flatMap((c) => containing(site, c).map((p) => `${c} in ${p}`))).toEqual([]);
		// The canaries are real: the internal edition has them (but never the comment).
		const internal = corpus(out.internal);
		expect(CANARIES.filter((c) => containing(internal, c).length === 0)).toEqual([]);
		expect([...containing(internal, 'MDXCANARY-COMMENT'), ...containing(internal, 'MDXCANARY-EXECUTED')]).toEqual([]);
		// And the public text is there, searchable.
		expect(containing(site, 'MDXPUBLIC-CALLOUT').some((p) => p.startsWith('pagefind/fragment/'))).toBe(true);
	});
});
