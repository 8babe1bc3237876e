/**
 * /insights/ and /actions/ on the bundled archive, built with a fixed build day, in Chromium.
 * Expectations come from the archive's own data, so the tests follow the content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/check/index.ts';
import { root, run } from '../helpers.ts';
import { servedSite } from './browser.ts';

const TODAY = '2026-11-22';
const site = servedSite('insights-site', { HINDSIGHT_TODAY: TODAY });
const archive = checkArchive(join(root, 'postmortems')).context.postmortems;
const own = archive.filter(({ data }) => !data.source);

/** A page with every console error and CSP violation collected. */
async function open(path: string, options: { javaScriptEnabled?: boolean } = {}) {
	const context = await site.browser.newContext(options);
	const page = await context.newPage();
	const problems: string[] = [];
	await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`)));
	page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
	page.on('pageerror', (e) => problems.push(e.message));
	await page.goto(site.url + path);
	return { page, problems, close: () => context.close() };
}

const numbers = (texts: string[]) => texts.map((t) => (t.trim() === '—' ? null : Number(t.trim())));

describe('the insights page', () => {
	it('draws every chart, without a console error or a CSP violation, from the numbers its tables hold', async () => {
		const { page, problems, close } = await open('/insights/');
		const figures = await page.locator('figure.chart').all();
		expect(figures.length).toBeGreaterThanOrEqual(5);
		for (const figure of figures) {
			await figure.scrollIntoViewIfNeeded();
			await figure.locator('hs-chart[data-drawn]').waitFor({ state: 'attached' });
			const spec = JSON.parse((await figure.locator('hs-chart').getAttribute('data-chart'))!) as { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
			const rows = await figure.locator('tbody tr').all();
			expect(await Promise.all(rows.map((r) => r.locator('th').textContent()))).toEqual(spec.labels);
			const columns = await figure.locator('thead th').count();
			const table = await Promise.all(Array.from({ length: columns - 1 }, (_, i) => Promise.all(rows.map(async (r) => (await r.locator('td').nth(i).textContent())!))));
			// Every series drawn is one column of the table (the trend line is computed from the medians, so it is checked apart).
			for (const dataset of spec.datasets.filter((d) => !d.label.startsWith('Trend'))) {
				expect(table.some((column) => JSON.stringify(numbers(column)) === JSON.stringify(dataset.data)), `${dataset.label} in ${spec.labels.length} rows`).toBe(true);
			}
		}
		expect(problems).toEqual([]);
		await close();
	});

	it('counts our incidents only, per month and severity as the archive says', async () => {
		const { page, close } = await open('/insights/');
		await expect(page.locator('.lede').textContent()).resolves.toMatch(new RegExp(`^\\s*${own.length} of our incidents.*The ${archive.length - own.length} summaries`, 's'));
		const figure = page.locator('figure.chart').first();
		for (const severity of ['SEV-1', 'SEV-2']) {
			const column = (await figure.locator('thead th').allTextContents()).indexOf(severity) - 1;
			const perMonth = new Map<string, number>();
			for (const { data } of own.filter(({ data }) => data.severity === severity)) {
				const month = data.started!.at.toISOString().slice(0, 7);
				perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
			}
			for (const row of await figure.locator('tbody tr').all()) {
				expect(Number(await row.locator('td').nth(column).textContent()), `${severity} ${await row.locator('th').textContent()}`).toBe(perMonth.get((await row.locator('th').textContent())!) ?? 0);
			}
		}
		await close();
	});

	it('recomputes the summary for a severity and a period, and shows the whole archive with JavaScript off', async () => {
		const { page, close } = await open('/insights/');
		const incidents = page.locator('.selection-summary [data-field=incidents]');
		await expect(incidents.textContent()).resolves.toBe(String(own.length));
		await page.check('.insights-filter input[value="SEV-1"]');
		await expect(incidents.textContent()).resolves.toBe(String(own.filter(({ data }) => data.severity === 'SEV-1').length));
		await page.uncheck('.insights-filter input[value="SEV-1"]');
		await page.selectOption('.insights-filter select[name=from]', '2026-07');
		await expect(incidents.textContent()).resolves.toBe(String(own.filter(({ data }) => data.started!.at.toISOString().slice(0, 7) >= '2026-07').length));
		await close();

		const off = await open('/insights/', { javaScriptEnabled: false });
		await expect(off.page.locator('.selection-summary [data-field=incidents]').textContent()).resolves.toBe(String(own.length));
		await expect(off.page.locator('.insights-filter').isHidden()).resolves.toBe(true);
		expect(await off.page.locator('figure.chart table').count()).toBeGreaterThanOrEqual(5);
		await off.close();
	});

	it('lists the incomplete postmortems the check lists, with the same scores, and each incident page shows its own', async () => {
		const report = run([join(root, 'scripts', 'check.ts'), '--incomplete']).stdout;
		const expected = [...report.matchAll(/postmortems\/(.+)\.mdx: (\d+)\/100/g)].map((m) => [m[1], m[2]]);
		expect(expected.length).toBeGreaterThan(0);
		const { page, close } = await open('/insights/');
		const rows = await page.locator('table.incomplete tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('a')!.getAttribute('href')!.replace(/^\/incidents\/|\/$/g, ''), tr.querySelector('td')!.textContent!]));
		expect(rows).toEqual(expected);
		const [id, score] = expected[0];
		await page.goto(`${site.url}/incidents/${id}/`);
		await expect(page.locator('details.completeness summary').textContent()).resolves.toContain(`${score}/100`);
		const external = archive.find(({ data }) => data.source)!;
		await page.goto(`${site.url}/incidents/${external.source.id}/`);
		expect(await page.locator('details.completeness').count()).toBe(0);
		await close();
	});

		it('compares this quarter with the last', async () => {
		const { page, close } = await open('/insights/');
		await expect(page.locator('table.comparison thead').textContent()).resolves.toContain('2026-Q4');
		await expect(page.locator('table.comparison thead').textContent()).resolves.toContain('2026-Q3');
		await close();
	});
});

describe('the action ledger', () => {
	const actions = own.flatMap(({ data }) => (data.actions ?? []).map((a) => ({ ...a, incident: data.title })));
	const overdue = actions.filter((a) => (a.status === 'open' || a.status === 'in-progress' || a.status === undefined) && a.due && a.due < TODAY);

	it('marks an item overdue exactly when it is open past its due day, and lists the overdue first', async () => {
		expect(overdue.length).toBeGreaterThan(0);
		const { page, problems, close } = await open('/actions/');
		const rows = page.locator('table.ledger tbody tr');
		expect(await rows.count()).toBe(actions.length);
		const marked = await page.locator('table.ledger tbody tr.overdue td:first-child').allTextContents();
		expect(marked.map((t) => t.replace(/\s*\([a-z]+\)$/, '')).sort()).toEqual(overdue.map((a) => a.title).sort());
		const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.classList.contains('overdue')));
		expect(order.slice(0, overdue.length).every(Boolean)).toBe(true);
		expect(problems).toEqual([]);
		await close();
	});

	it('puts the owner with the most overdue items first, and filters by owner', async () => {
		const byOwner = new Map<string, number>();
		for (const a of overdue) byOwner.set(a.owner ?? 'no owner', (byOwner.get(a.owner ?? 'no owner') ?? 0) + 1);
		const most = Math.max(...byOwner.values());
		const { page, close } = await open('/actions/');
		const top = (await page.locator('table.owners tbody tr').first().locator('th').textContent())!;
		expect(byOwner.get(top)).toBe(most);
		await page.selectOption('.ledger-filters select[name=owner]', top);
		const visible = page.locator('table.ledger tbody tr:not([hidden])');
		expect(await visible.count()).toBe(actions.filter((a) => (a.owner ?? 'no owner') === top).length);
		for (const cell of await visible.locator('td:nth-child(3)').allTextContents()) expect(cell).toBe(top);
		await close();
	});

	it('sorts by a column heading', async () => {
		const { page, close } = await open('/actions/');
		await page.getByRole('button', { name: 'Due' }).click();
		const dues = (await page.locator('table.ledger tbody tr td:nth-child(5)').allTextContents()).map((t) => t.replace(' overdue', '').trim()).filter((t) => t !== '—');
		expect(dues).toEqual([...dues].sort());
		await close();
	});

	it('is also a CSV, one line per item', async () => {
		const response = await fetch(`${site.url}/actions.csv`);
		const lines = (await response.text()).trim().split('\r\n');
		expect(lines).toHaveLength(actions.length + 1);
	});
});

describe('a <Graph> in a postmortem', () => {
	it('draws the CSV beside it in Chromium, without a CSP violation, with the same numbers in its table', async () => {
		const { page, problems, close } = await open('/incidents/2026-09-15-disk-full-log-rotation/');
		const figure = page.locator('.narrative figure.chart');
		await figure.scrollIntoViewIfNeeded();
		await figure.locator('hs-chart[data-drawn]').waitFor({ state: 'attached' });
		const csv = readFileSync(join(root, 'postmortems', '2026-09-15-disk-full-storefront-errors.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
		const rows = await figure.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
		expect(rows.map((r) => r.slice(0, 2))).toEqual(csv);
		// The timeline's milestones are marked at the nearest time of the CSV.
		expect(rows.filter((r) => r[2]).map((r) => [r[0], r[2]])).toEqual([['19:48', 'trigger'], ['19:52', 'detection'], ['20:22', 'mitigation']]);
		const box = await figure.locator('canvas').boundingBox();
		expect(box!.height).toBeGreaterThan(100);
		expect(problems).toEqual([]);
		await close();
	});
});
