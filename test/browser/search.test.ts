/**
 * The bundled archive, built and served as static files, used in Debian's Chromium the way an
 * engineer in the middle of an incident would use it. Expected incidents come from the archive's
 * own data, so the tests follow the content rather than hard-coding it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/check/index.ts';
import { durations } from '../../src/lib/time.ts';
import { root } from '../helpers.ts';
import { servedSite } from './browser.ts';

const site = servedSite('site', { HINDSIGHT_TODAY: '2026-11-22' });
const archive = checkArchive(join(root, 'postmortems')).context.postmortems;
const idsWhere = (test: (data: (typeof archive)[number]['data']) => boolean) =>
	archive
		.filter(({ data }) => test(data))
		.map(({ source }) => source.id)
		.sort();

async function open(path: string) {
	const page = await site.browser.newPage();
	await page.goto(site.url + path);
	return page;
}

/** The incident ids the search page lists once the newest search is shown (the list is aria-busy until then). */
async function resultIds(p: Page): Promise<string[]> {
	await p.waitForSelector('.search-results[aria-busy="false"]', { state: 'attached' });
	const hrefs = await p.$$eval('.search-results .result-title', (links) => links.map((a) => a.getAttribute('href')!));
	return hrefs.map((href) => href.replace(/^\/incidents\/|\/$/g, ''));
}

describe('search', () => {
	it('finds the connection-leak outage by typing "connection pool"', async () => {
		const p = await open('/search/');
		await p.fill('#search-q', 'connection pool');
		const ids = await resultIds(p);
		expect(ids[0]).toBe('2026-06-09-checkout-connection-leak');
		await expect(p.locator('.search-results li').first().locator('mark').first().textContent()).resolves.toMatch(/connection|pool/i);
		expect(new URL(p.url()).searchParams.get('q')).toBe('connection pool');
		await p.close();
	});

	it('shows title, date, severity and components for each result', async () => {
		const p = await open('/search/?q=connection%20pool');
		await resultIds(p);
		const first = p.locator('.search-results li').first();
		await expect(first.locator('.result-title').textContent()).resolves.toBe('Checkout outage from a database connection leak in release 4.12');
		await expect(first.locator('.result-meta').textContent()).resolves.toMatch(/SEV-1\s+2026-06-09 · \d+ (?:min|h)[^·]* · Checkout API, Orders database$/);
		await p.close();
	});

	it("says which results are drafts and which summarize another organization's incident, and filters by whose incident it is", async () => {
		const p = await open('/search/?q=certificate');
		await resultIds(p);
		const metas = await p.locator('.search-results .result-meta').allTextContents();
		expect(metas.some((m) => /summary of Microsoft's postmortem/.test(m))).toBe(true);
		await p.locator('details', { hasText: 'Whose incident' }).locator('summary').click();
		await p.check('input[name=origin][value="ours"]');
		const ours = await resultIds(p);
		expect(ours.length).toBeGreaterThan(0);
		const external = new Set(idsWhere((d) => Boolean(d.source)));
		expect(ours.filter((id) => external.has(id))).toEqual([]);
		await p.close();
		const drafts = idsWhere((d) => d.status !== 'published');
		if (drafts.length) {
			const q = await open('/search/?status=' + archive.find(({ source }) => source.id === drafts[0])!.data.status);
			await resultIds(q);
			await expect(q.locator('.search-results .result-meta .status').first().textContent()).resolves.toMatch(/draft|in-review/);
			await q.close();
		}
	});

	// What an engineer types in the middle of an incident: symptoms, pasted errors, abbreviations.
	it.each([
		['checkout returns 500s, db connections maxed', '2026-06-09-checkout-connection-leak'],
		['no space left on device', '2026-09-15-disk-full-log-rotation'],
		['login down after secret rotation', '2026-07-02-auth-crash-loop-rotated-credentials'],
		['CrashLoopBackOff after password change', '2026-07-02-auth-crash-loop-rotated-credentials'],
		['mobile app cert expired', '2026-10-07-expired-internal-certificate'],
		['customers got the confirmation email twice', '2026-10-28-duplicate-order-emails'],
		['order history stale, replica lagging', '2026-04-14-orders-db-replica-lag'],
		['card processor slow and our retries made it worse', '2026-05-20-payment-retry-storm'],
		['migration locked the orders table', '2026-08-20-orders-migration-lock'],
		['product search returns nothing for two words', '2026-02-05-search-mapping-change'],
		['k8s upgrade broke pod networking', '2023-03-14-reddit-kubernetes-upgrade-pi-day'],
		['leap second dns panic', '2017-01-01-cloudflare-leap-second-dns'],
		['bgp routes withdrawn, dns gone', '2021-10-04-facebook-backbone-bgp-withdrawal'],
		['regex pegged cpu at 100%', '2019-07-02-cloudflare-waf-regex-cpu'],
		['deleted the wrong database directory, backups did not work', '2017-01-31-gitlab-database-deletion'],
		['typo in a command removed too many servers', '2017-02-28-aws-s3-us-east-1-capacity-removal'],
		['windows machines blue screen after content update', '2024-07-19-crowdstrike-channel-file-291'],
		// Error strings pasted whole from a log or an alert, with their punctuation, or wrapped in a few words.
		['FATAL: sorry, too many clients already', '2026-06-09-checkout-connection-leak'],
		['postgres too many clients', '2026-06-09-checkout-connection-leak'],
		['ECONNREFUSED auth db', '2026-07-02-auth-crash-loop-rotated-credentials'],
		['x509: certificate has expired or is not yet valid', '2026-10-07-expired-internal-certificate'],
		['write() failed (28: No space left on device)', '2026-09-15-disk-full-log-rotation'],
	])('"%s" puts %s in the first three results', async (query, id) => {
		const p = await open(`/search/?q=${encodeURIComponent(query)}`);
		const ids = await resultIds(p);
		expect(ids.slice(0, 3), ids.join(', ')).toContain(id);
		await p.close();
	});

	it('ranks the page that contains a pasted error word for word above pages that only share its words', async () => {
		const p = await open(`/search/?q=${encodeURIComponent('certificate has expired')}`);
		const ids = await resultIds(p);
		expect(ids[0]).toBe('2026-10-07-expired-internal-certificate');
		await expect(p.locator('.search-results li').first().locator('.result-excerpt').textContent()).resolves.toMatch(/certificate has expired/);
		await p.close();
	});

	it('offers "did you mean" for a typo, and following it finds the incident', async () => {
		const p = await open(`/search/?q=${encodeURIComponent('replicaton lagg')}`);
		await resultIds(p);
		const suggestion = p.locator('.search-suggest');
		await expect(suggestion.textContent()).resolves.toBe('Did you mean replication lag?');
		await suggestion.locator('a').click();
		await p.waitForURL(/q=replication\+lag/);
		expect((await resultIds(p)).slice(0, 3)).toContain('2026-04-14-orders-db-replica-lag');
		await expect(suggestion.isHidden()).resolves.toBe(true);
		await p.close();
	});

	it('fetches the word list for "did you mean" only when a word is not found as typed, even with results', async () => {
		const p = await site.browser.newPage();
		const requests: string[] = [];
		p.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await p.goto(`${site.url}/search/?q=database`);
		await resultIds(p);
		expect(requests).not.toContain('/search/words.json');
		// Pagefind finds "data" for "databse": results, but not the word the reader meant.
		await p.fill('#search-q', 'databse');
		expect((await resultIds(p)).length).toBeGreaterThan(0);
		await expect(p.locator('.search-suggest').textContent()).resolves.toBe('Did you mean database?');
		expect(requests).toContain('/search/words.json');
		await p.close();
	});

	it('cuts excerpts from the narrative, never from the hidden words that name components and tags', async () => {
		for (const query of ['dns', 'database', 'certificate', 'leap second', 'rollback']) {
			const p = await open(`/search/?q=${encodeURIComponent(query)}`);
			await resultIds(p);
			// Guides have no hidden words; their excerpts are checked in the guides test.
			for (const item of await p.locator('.search-results li:not(.result-guide)').all()) {
				const href = (await item.locator('.result-title').getAttribute('href'))!;
				const html = readFileSync(join(site.dir, href, 'index.html'), 'utf8');
				const hidden = /<p class="index-words"[^>]*>([^<]*)<\/p>/.exec(html)![1].split(/\s+/);
				const excerpt = (await item.locator('.result-excerpt').textContent())!;
				// Three hidden words in a row ("Database, database, Capacity,") would be the glued list.
				for (let i = 0; i + 3 <= hidden.length; i++) expect(excerpt, `${query}: ${href}`).not.toContain(hidden.slice(i, i + 3).join(' '));
			}
			await p.close();
		}
	});

	it('sorts by severity, worst first, and by duration, longest first', async () => {
		const p = await open('/search/?q=database');
		const byId = new Map(archive.map(({ source, data }) => [source.id, data]));
		// Guides have no severity or duration: a sorted list holds the incidents only.
		const relevance = (await resultIds(p)).filter((id) => byId.has(id));
		expect(relevance.length).toBeGreaterThan(2);
		await p.selectOption('select[name=sort]', 'severity');
		await p.waitForURL(/sort=severity/);
		const bySeverity = await resultIds(p);
		expect([...bySeverity].sort()).toEqual([...relevance].sort());
		const ranks = bySeverity.map((id) => byId.get(id)!.severity);
		expect(ranks).toEqual([...ranks].sort());
		await p.selectOption('select[name=sort]', 'duration');
		await p.waitForURL(/sort=duration/);
		const minutes = (await resultIds(p)).map((id) => Math.round(durations(byId.get(id) as Parameters<typeof durations>[0]).impact.ms / 60_000));
		expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
		await p.close();
	});

	it('narrows to a date range, alone or with words, and offers to remove it when nothing is left', async () => {
		const month = (d: (typeof archive)[number]['data']) => d.started!.at.toISOString().slice(0, 7);
		const inRange = idsWhere((d) => month(d) >= '2026-04' && month(d) <= '2026-08');
		expect(inRange.length).toBeGreaterThan(1);
		const p = await open('/search/?from=2026-04&to=2026-08');
		expect((await resultIds(p)).sort()).toEqual(inRange);
		await p.fill('#search-q', 'database');
		const withWords = await resultIds(p);
		expect(withWords.length).toBeGreaterThan(0);
		for (const id of withWords) expect(inRange, id).toContain(id);
		await p.goto(`${site.url}/search/?q=database&from=2099-01`);
		expect(await resultIds(p)).toEqual([]);
		await p.getByRole('button', { name: 'Remove “from 2099-01”' }).click();
		expect((await resultIds(p)).length).toBeGreaterThan(0);
		await p.close();
	});

	it('labels partial matches as such, below the exact ones', async () => {
		const p = await open(`/search/?q=${encodeURIComponent('checkout returns 500s, db connections maxed')}`);
		await resultIds(p);
		await expect(p.locator('.search-partial h2').textContent()).resolves.toBe('Partial matches');
		await expect(p.locator('.search-status').textContent()).resolves.toMatch(/match(es)? some of the words\.$/);
		await p.close();
	});

	it('does not match every incident on a word every page shows as a label or a standard heading', async () => {
		for (const word of ['timeline', 'summary', 'owner']) {
			const p = await open(`/search/?q=${word}`);
			const ids = await resultIds(p);
			expect(ids.length, word).toBeLessThan(archive.length / 2);
			await p.close();
		}
	});

	it('finds a tag by its words, exactly the incidents that carry it', async () => {
		const tag = 'leap-second';
		const p = await open('/search/?q=leap%20second');
		expect((await resultIds(p)).slice(0, idsWhere((d) => (d.tags ?? []).includes(tag)).length).sort()).toEqual(idsWhere((d) => (d.tags ?? []).includes(tag)));
		const excerpt = await p.locator('.search-results li .result-excerpt').first().textContent();
		expect(excerpt).not.toMatch(/Tags|Components|Trigger/);
		await p.close();
	});

	it('narrows results with a severity filter', async () => {
		const p = await open('/search/?q=checkout');
		const all = await resultIds(p);
		await p.check('input[name=severity][value="SEV-1"]');
		const sev1 = await resultIds(p);
		expect(sev1.length).toBeGreaterThan(0);
		expect(sev1.length).toBeLessThan(all.length);
		const expected = new Set(idsWhere((d) => d.severity === 'SEV-1'));
		for (const id of sev1) expect(expected.has(id), id).toBe(true);
		expect(new URL(p.url()).searchParams.getAll('severity')).toEqual(['SEV-1']);
		await p.close();
	});

	it('shows beside each filter value how many results ticking it gives, also for other values of a ticked facet', async () => {
		const p = await open('/search/?q=database&severity=SEV-1');
		await resultIds(p);
		const count = async (page: Page, value: string) => Number(await page.locator(`input[name=severity][value="${value}"] ~ .count`).textContent());
		const shown: number[] = [];
		for (const value of ['SEV-2', 'SEV-3']) {
			shown.push(await count(p, value));
			const q = await open(`/search/?q=database&severity=${value}`);
			expect(shown.at(-1), value).toBe((await resultIds(q)).length);
			await q.close();
		}
		// Counted within the SEV-1 results alone, both would be 0.
		expect(Math.max(...shown)).toBeGreaterThan(0);
		await p.close();
	});

	it('lists exactly a component’s incidents when browsing by that facet with no search term', async () => {
		const p = await open('/search/');
		await p.check('input[name=component][value="orders-db"]');
		expect((await resultIds(p)).sort()).toEqual(idsWhere((d) => (d.components ?? []).includes('orders-db')));
		await p.close();
	});

	it('finds guides beside incidents, shows their reading time, and the Kind filter separates the two', async () => {
		const p = await open('/search/?q=five%20whys');
		const all = await resultIds(p);
		expect(all).toContain('/learn/root-cause-analysis');
		expect(all.some((id) => !id.startsWith('/learn/'))).toBe(true);
		const guide = p.locator('.search-results li.result-guide', { has: p.locator('a[href="/learn/root-cause-analysis/"]') });
		await expect(guide.locator('.result-meta').textContent()).resolves.toMatch(/^Guide · \d+ min read$/);
		await expect(guide.locator('.result-excerpt mark').count()).resolves.toBeGreaterThan(0);
		await p.check('input[name=kind][value="guide"]');
		await p.waitForURL(/kind=guide/);
		const guides = await resultIds(p);
		expect(guides.length).toBeGreaterThan(0);
		expect(guides.every((id) => id.startsWith('/learn/'))).toBe(true);
		await p.uncheck('input[name=kind][value="guide"]');
		await p.check('input[name=kind][value="incident"]');
		await p.waitForURL(/kind=incident/);
		expect((await resultIds(p)).sort()).toEqual(all.filter((id) => !id.startsWith('/learn/')).sort());
		await p.close();
	});

	it('says when nothing matches and offers to remove each filter', async () => {
		const p = await open('/search/?q=database&severity=SEV-4');
		expect(await resultIds(p)).toEqual([]);
		await expect(p.locator('.search-status').textContent()).resolves.toBe('Nothing matches all of “database”.');
		await expect(p.locator('.search-empty').isVisible()).resolves.toBe(true);
		const remove = p.getByRole('button', { name: 'Remove severity: SEV-4' });
		await remove.click();
		expect((await resultIds(p)).length).toBeGreaterThan(0);
		await p.close();
	});

	it('loads the search code only once the reader starts to search', async () => {
		const p = await site.browser.newPage();
		const requests: string[] = [];
		p.on('request', (request) => requests.push(new URL(request.url()).pathname));
		await p.goto(`${site.url}/search/`);
		await p.waitForLoadState('networkidle');
		expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
		await p.fill('#search-q', 'leap second');
		await resultIds(p);
		expect(requests).toContain('/pagefind/pagefind.js');
		await p.close();
	});
});

describe('keyboard', () => {
	it('goes from "/" to an open incident without the mouse: type, arrow down, Enter', async () => {
		const p = await open('/search/');
		await p.keyboard.press('/');
		await p.keyboard.type('connection pool');
		await p.waitForSelector('.search-results[aria-busy="false"] .result-title');
		await p.keyboard.press('ArrowDown');
		await expect(p.evaluate(() => document.activeElement?.classList.contains('result-title'))).resolves.toBe(true);
		await Promise.all([p.waitForURL(/\/incidents\/2026-06-09-checkout-connection-leak\/$/), p.keyboard.press('Enter')]);
		await p.close();
	});

	it('clears the search with Escape, focuses it with Ctrl+K, and lets Tab skip the filters', async () => {
		const p = await open('/search/?q=dns');
		await resultIds(p);
		await p.keyboard.press('Control+k');
		await expect(p.evaluate(() => document.activeElement?.id)).resolves.toBe('search-q');
		await p.keyboard.press('Escape');
		await expect(p.inputValue('#search-q')).resolves.toBe('');
		// From the box, the next Tab offers to skip the sort and every filter.
		await p.focus('#search-q');
		await p.keyboard.press('Tab');
		await p.keyboard.press('Tab');
		await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to results');
		await p.close();
	});

	it('on a phone, opens the filters in a panel above the results, with one search box and no keyboard hint', async () => {
		const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const p = await context.newPage();
		await p.goto(`${site.url}/search/?q=database`);
		await p.waitForSelector('.search-results[aria-busy="false"] .result-title');
		const visibleBoxes = await p.locator('input[type=search]').evaluateAll((boxes) => boxes.filter((b) => (b as HTMLElement).offsetParent !== null).length);
		expect(visibleBoxes).toBe(1);
		await expect(p.locator('.facets').isVisible()).resolves.toBe(false);
		await p.getByRole('button', { name: 'Filters' }).tap();
		await expect(p.locator('.facets').isVisible()).resolves.toBe(true);
		const facets = (await p.locator('.facets').boundingBox())!;
		const results = (await p.locator('.search-results').first().boundingBox())!;
		expect(facets.y + facets.height).toBeLessThanOrEqual(results.y);
		await p.goto(`${site.url}/`);
		await expect(p.getAttribute('#site-search', 'placeholder')).resolves.toBe('Search');
		await context.close();
	});

	it('"/" and Ctrl+K focus a search box on every page: home, search and an incident page', async () => {
		for (const [path, box] of [['/', 'site-search'], ['/search/', 'search-q'], ['/incidents/2026-06-09-checkout-connection-leak/', 'site-search']]) {
			for (const key of ['/', 'Control+k']) {
				const p = await open(path);
				await p.keyboard.press(key);
				await expect(p.evaluate(() => document.activeElement?.id), `${key} on ${path}`).resolves.toBe(box);
				// "/" focuses without typing itself into the box.
				await expect(p.inputValue(`#${box}`)).resolves.toBe('');
				await p.close();
			}
		}
	});

	it('"/" typed into a field stays in the field', async () => {
		const p = await open('/incidents/2026-06-09-checkout-connection-leak/');
		await p.focus('#site-search');
		await p.keyboard.type('5xx/503');
		await expect(p.inputValue('#site-search')).resolves.toBe('5xx/503');
		await p.close();
	});

	it('the header box takes a query to the search page', async () => {
		const p = await open('/incidents/2017-01-31-gitlab-database-deletion/');
		await p.fill('#site-search', 'backups');
		await p.press('#site-search', 'Enter');
		await p.waitForURL(/\/search\/\?q=backups/);
		expect(await resultIds(p)).toContain('2017-01-31-gitlab-database-deletion');
		await p.close();
	});
});

describe('pages without search code', () => {
	it('an incident page loads no script file; its one inline script is the search shortcut', async () => {
		const p = await site.browser.newPage();
		const scripts: string[] = [];
		p.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await p.goto(`${site.url}/incidents/2026-06-09-checkout-connection-leak/`);
		await p.waitForLoadState('networkidle');
		expect(scripts).toEqual([]);
		const inline = await p.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, length: s.text.length })));
		expect(inline).toHaveLength(1);
		expect(inline[0].src).toBe('');
		// The search shortcut and the copy of a section's link: a few hundred bytes, no script file.
		expect(inline[0].length).toBeLessThan(800);
		await p.close();
	});

	it('an incident page lists its related incidents, explicit links first', async () => {
		const p = await open('/incidents/2026-06-09-checkout-connection-leak/');
		const items = await p.$$eval('ul.related li', (lis) => lis.map((li) => [li.querySelector('a')!.getAttribute('href'), li.textContent!.replace(/\s+/g, ' ').trim()]));
		// Both directions of explicit links (related from the replica-lag postmortem, recurrenceOf from the lock) come before similar ones.
		expect(items.slice(0, 2)).toEqual([
			['/incidents/2026-04-14-orders-db-replica-lag/', expect.stringMatching(/— links to this postmortem$/)],
			['/incidents/2026-08-20-orders-migration-lock/', expect.stringMatching(/— repeats this incident$/)],
		]);
		expect(items[2][1]).toMatch(/— shares /);
		expect(items.length).toBeLessThanOrEqual(5);
		await p.close();
	});

	it('a tag page lists exactly the incidents with that tag, newest first', async () => {
		const p = await open('/tags/connection-pool/');
		const ids = await p.$$eval('table.incidents tbody a', (links) => links.map((a) => a.getAttribute('href')!.replace(/^\/incidents\/|\/$/g, '')));
		expect([...ids].sort()).toEqual(idsWhere((d) => (d.tags ?? []).includes('connection-pool')));
		const dates = await p.$$eval('table.incidents tbody time', (times) => times.map((t) => t.getAttribute('datetime')!));
		expect(dates).toEqual([...dates].sort().reverse());
		await p.close();
	});
});

describe('Content-Security-Policy', () => {
	it('search, charts and pages run without a single violation', async () => {
		const p = await site.browser.newPage();
		const violations: string[] = [];
		await p.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				(window as unknown as { __csp: string[] }).__csp ??= [];
				(window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
			});
		});
		p.on('console', (message) => {
			if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${p.url()}: ${message.text()}`);
		});
		const collect = async () => violations.push(...((await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[]).map((v) => `${p.url()}: ${v}`));
		for (const path of ['/', '/incidents/', '/incidents/2026-06-09-checkout-connection-leak/', '/tags/', '/patterns/', '/patterns/components/orders-db/', '/severity/']) {
			await p.goto(site.url + path);
			await p.waitForLoadState('networkidle');
			await collect();
		}
		await p.goto(`${site.url}/search/?q=connection%20pool&severity=SEV-1`);
		expect(await resultIds(p)).toContain('2026-06-09-checkout-connection-leak');
		await collect();
		expect(await p.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
		expect(violations).toEqual([]);
		await p.close();
	});
});

describe('patterns', () => {
	it('flags the component with three incidents in six months on its pattern page', async () => {
		const p = await open('/patterns/components/orders-db/');
		await expect(p.locator('.recurrence-flag').textContent()).resolves.toMatch(/Recurring: 3 incidents between 2026-04-14 and 2026-08-20, within 180 days/);
		await expect(p.locator('hs-chart canvas').count()).resolves.toBe(1);
		await p.close();
	});

	it('reaches every one of our incidents of a cause through the matrix, and none of the summaries of others', async () => {
		const cause = 'database';
		const p = await open('/patterns/');
		const column = await p.$$eval('table.matrix thead th', (ths) => ths.map((th) => th.querySelector('a')!.getAttribute('href')));
		const index = column.indexOf(`/patterns/causes/${cause}/`);
		expect(index).toBeGreaterThanOrEqual(0);
		const cells = await p.$$eval(`table.matrix tbody tr td:nth-of-type(${index + 1}) a`, (links) => links.map((a) => a.getAttribute('href')!));
		expect(cells.length).toBeGreaterThan(0);
		const reached = new Set<string>();
		for (const href of cells) {
			await p.goto(site.url + href);
			for (const id of await resultIds(p)) reached.add(id);
		}
		expect([...reached].sort()).toEqual(idsWhere((d) => !d.source && (d.causes?.trigger === cause || (d.causes?.contributing ?? []).includes(cause))));
		await p.close();
	});
});
