/**
 * Builds fixture archives with the real Astro CLI and reads the output, as a reader of the site would.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, root, run } from '../helpers.ts';
import { SHORTCUT_HASH, SHORTCUT_SCRIPT } from '../../src/lib/shortcut.ts';

const out = join(root, 'test', '.tmp', 'smoke');

/** As `npm run build` runs it: Astro, then the search index in a process of its own (scripts/build.ts). */
function build(content: string, outDir: string) {
	rmSync(outDir, { recursive: true, force: true });
	return run([join(root, 'scripts', 'build.ts'), '--outDir', outDir], { HINDSIGHT_CONTENT_DIR: content, HINDSIGHT_TODAY: '2026-01-01', HINDSIGHT_EDIT_URL: 'https://git.example/edit/main/postmortems/{path}' });
}

const page = (path: string) => readFileSync(join(out, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [relative(out, join(dir, e.name))]));

describe('building the fixture archive', () => {
	beforeAll(() => {
		const result = build(fixture('archive'), out);
		if (result.status !== 0) throw new Error(`build failed:\n${result.output}`);
	}, 120_000);

	it('produces exactly the expected pages', () => {
		expect(files(out).filter((f) => f.endsWith('.html')).sort()).toEqual([
			'404.html',
			'actions/index.html',
			'glossary/index.html',
			'incidents/2025-03-01-pool-leak/index.html',
			'incidents/2025-06-10-config-push/index.html',
			'incidents/2025-09-01-draft/index.html',
			'incidents/2025/index.html',
			'incidents/index.html',
			'index.html',
			'insights/index.html',
			'learn/collections/fixture-reading/index.html',
			'learn/first-steps/index.html',
			'learn/index.html',
			'learn/internal-drills/index.html',
			'patterns/causes/config-change/index.html',
			'patterns/causes/deployment/index.html',
			'patterns/causes/resource-leak/index.html',
			'patterns/components/checkout-api/index.html',
			'patterns/components/orders-db/index.html',
			'patterns/index.html',
			'search/index.html',
			'severity/index.html',
			'tags/connection-pool/index.html',
			'tags/index.html',
		]);
	});

	it('home page counts postmortems by severity and year and lists the latest', () => {
		const home = text(page('index.html'));
		// The fixture's config push is another organization's incident, counted apart from ours.
		expect(home).toContain('2 postmortems of our own, and 1 summary of other organizations’ incidents');
		expect(home).toMatch(/SEV-1 · Critical 1 0 SEV-2 · Major 0 0 SEV-3 · Minor 0 1 SEV-4 · Low 1 0/);
		expect(home).toContain('2025 2 1');
		expect(home).toContain('Draft fixture incident');
	});

	it('incident list is a table, newest first, with duration and components', () => {
		const html = page('incidents/index.html');
		const titles = [...html.matchAll(/<a href="\/incidents\/(\d{4}-\d{2}-\d{2}-[^"]+)\/">/g)].map((m) => m[1]);
		expect(titles).toEqual(['2025-09-01-draft', '2025-06-10-config-push', '2025-03-01-pool-leak']);
		expect(text(html)).toContain('2025-03-01 Pool leak fixture outage SEV-1 40 min Checkout API, Orders database published');
		// The years, ours and other organizations' apart, each linking its page.
		expect(html).toContain('<a href="/incidents/2025/">2025</a>');
		expect(text(html)).toMatch(/2025 2 1/);
	});

	it('lists a year on its own page, ours apart from other organizations\', with a link to search', () => {
		const html = page('incidents/2025/index.html');
		const ids = (from: string) => [...html.slice(html.indexOf(from)).matchAll(/<a href="\/incidents\/(\d{4}-\d{2}-\d{2}-[^"]+)\/">/g)].map((m) => m[1]);
		expect(ids('id="ours"').slice(0, 2)).toEqual(['2025-09-01-draft', '2025-03-01-pool-leak']);
		expect(ids('id="elsewhere"')).toEqual(['2025-06-10-config-push']);
		// The fixture archive has one year, so search has no year filter and the link is to search itself.
		expect(html).toMatch(/<a href="\/search\/">search 2025<\/a>/);
	});

	describe('an incident page', () => {
		const html = () => page('incidents/2025-03-01-pool-leak/index.html');
		it('has the header card with computed durations', () => {
			const t = text(html());
			expect(t).toContain('SEV-1 · Critical');
			expect(t).toContain('Time to detect 12 min');
			expect(t).toContain('Time to mitigate 40 min');
			expect(t).toContain('Time to resolve ≈ 2 h');
			expect(t).toContain('Started 2025-03-01 10:00 UTC');
		});
		it('draws the timeline from the data and renders the narrative', () => {
			const t = text(html());
			expect(t).toMatch(/2025-03-01 10:12 UTC T\+12 min detection Fixture alert pages on-call\./);
			expect(html()).toContain('<strong>fixture-body-marker</strong>');
		});
		it('renders GitHub-flavoured Markdown: tables, strikethrough, autolinks, task lists', () => {
			expect(html()).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>Pool<\/th>/);
			expect(html()).toContain('<del>struck</del>');
			expect(html()).toContain('<a href="https://autolink.example/path">');
			expect(html()).toMatch(/<input[^>]*checked[^>]*type="checkbox"|<input[^>]*type="checkbox"[^>]*checked/);
		});
		it('marks overdue actions relative to the build day', () => {
			expect(text(html())).toContain('1 overdue as of 2026-01-01');
			expect(html()).toMatch(/<tr class="overdue">\s*<td data-label="Action">Fixture action long overdue/);
		});
		it('links to the file for editing', () => {
			expect(html()).toContain('href="https://git.example/edit/main/postmortems/2025-03-01-pool-leak.mdx"');
		});
		it('loads no script file, and its one inline script is the shortcut the CSP admits by hash', () => {
			expect(html()).not.toMatch(/<script[^>]+src|modulepreload|\.js["']/i);
			const scripts = [...html().matchAll(/<script>([^<]*)<\/script>/g)].map((m) => m[1]);
			expect(scripts).toEqual([SHORTCUT_SCRIPT]);
			expect(html()).toContain(`'${SHORTCUT_HASH}'`);
		});
		it('is indexed for search with its facets, and only the article is', () => {
			expect(html()).toMatch(/<article class="postmortem" data-pagefind-body>/);
			for (const filter of ['severity:SEV-1', 'component:orders-db', 'cause:resource-leak', 'trigger:deployment', 'tag:connection-pool', 'year:2025', 'status:published']) {
				expect(html()).toContain(`data-pagefind-filter="${filter}"`);
			}
			expect(html()).toContain('data-pagefind-sort="date:2025-03-01"');
			expect(html().match(/data-pagefind-body/g)).toHaveLength(1);
		});
	});

	it('indexes what an incident says, not the labels every page shares', () => {
		const fragments = files(out)
			.filter((f) => f.startsWith('pagefind/fragment/'))
			.map((f) => JSON.parse(gunzipSync(readFileSync(join(out, f))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; content: string; filters: Record<string, string[]> })
			.filter((f) => f.url.startsWith('/incidents/'));
		expect(fragments).toHaveLength(3);
		for (const f of fragments) expect(f.filters.kind).toEqual(['incident']);
		for (const { content } of fragments) {
			expect(content).not.toMatch(/\b(?:Timeline|Time to resolve|Time to detect|Action items|Root cause \(5 whys\)|Components)\b/);
		}
		const leak = fragments.find((f) => f.url.includes('pool-leak'))!.content;
		// The tag as words, and the component by name and id, each separated from the next.
		expect(leak).toMatch(/\bconnection pool\b/);
		expect(leak).toMatch(/\borders-db\b/);
	});

	it('writes the Pagefind index as part of the build: the incidents and the guides, nothing else', () => {
		const entry = JSON.parse(page('pagefind/pagefind-entry.json'));
		expect(entry.languages.en.page_count).toBe(5);
		expect(files(out).some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
	});

	it('lists exactly the built pages in the sitemap', () => {
		const listed = [...page('sitemap.xml').matchAll(/<loc>http:\/\/localhost:4321(\/[^<]*)<\/loc>/g)].map((m) => m[1]).sort();
		const built = files(out).filter((f) => f.endsWith('index.html')).map((f) => `/${f.replace(/index\.html$/, '')}`).sort();
		expect(listed).toEqual(built);
	});

	it('has a 404 page with a search box and the navigation', () => {
		const html = page('404.html');
		expect(html).toContain('<form class="search not-found-search" role="search" action="/search/"');
		expect(text(html)).toContain('it may have been renamed');
		expect(html).toContain('<a href="/patterns/">Patterns</a>');
	});

	it('publishes feeds of published postmortems with summaries only', () => {
		const json = JSON.parse(page('feed.json'));
		expect(json.version).toBe('https://jsonfeed.org/version/1.1');
		expect(json.items.map((i: { url: string }) => i.url)).toEqual(['http://localhost:4321/incidents/2025-06-10-config-push/', 'http://localhost:4321/incidents/2025-03-01-pool-leak/']);
		expect(json.items[1]).toMatchObject({ title: 'SEV-1: Pool leak fixture outage', summary: 'A fixture release leaked connections until checkout failed.', date_published: '2025-03-05T00:00:00Z' });
		const rss = page('feed.xml');
		expect(rss).toContain('<title>SEV-1: Pool leak fixture outage</title>');
		for (const feed of [page('feed.json'), rss]) {
			expect(feed).not.toContain('fixture-body-marker');
			expect(feed).not.toContain('Draft fixture incident');
		}
	});

	it('writes one JSON document per incident without revenue or ticket links', () => {
		const doc = JSON.parse(page('incidents/2025-03-01-pool-leak.json'));
		expect(doc).toMatchObject({ id: '2025-03-01-pool-leak', severity: 'SEV-1', minutes: { toDetect: 12, toMitigate: 40, toResolve: 120 }, impact: { description: 'Checkout failed for most fixture users.', usersAffected: 1234 } });
		expect(doc.times.resolved).toEqual({ at: '2025-03-01T12:00:00Z', approximate: true });
		expect(JSON.stringify(doc)).not.toContain('FIXTURE-REVENUE');
	});

	it('sets a Content-Security-Policy on every page, with no inline script allowance', () => {
		for (const path of files(out).filter((f) => f.endsWith('.html'))) {
			const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(page(path))?.[1];
			expect(csp, path).toMatch(/default-src 'self'/);
			expect(csp, path).not.toContain('unsafe-inline');
		}
	});

	it('marks a draft with a banner in the internal edition', () => {
		expect(text(page('incidents/2025-09-01-draft/index.html'))).toContain('Draft: this postmortem is not finished');
		expect(page('incidents/2025-03-01-pool-leak/index.html')).not.toContain('draft-banner');
	});

	it("credits another organization's postmortem with its source link", () => {
		const html = page('incidents/2025-06-10-config-push/index.html');
		expect(html).toContain('href="https://example.org/postmortem"');
		expect(text(html)).toContain('Public postmortem by Example Org');
	});
});

describe('building a broken archive', () => {
	it('stops before rendering, with every problem and no stack trace', () => {
		const dir = join(root, 'test', '.tmp', 'broken');
		const result = build(fixture('broken'), dir);
		expect(result.status).toBe(1);
		for (const line of ['five-mistakes.mdx:4:1', 'five-mistakes.mdx:5:1', 'five-mistakes.mdx:7:1', 'five-mistakes.mdx:10:14', 'five-mistakes.mdx:22:5', 'bad-yaml.mdx:3:']) {
			expect(result.output).toContain(line);
		}
		expect(result.output).toContain('✖ 13 errors');
		expect(result.output).not.toMatch(/\n\s+at [\w.<]+ \(/);
		expect(existsSync(join(dir, 'index.html'))).toBe(false);
	});
});
