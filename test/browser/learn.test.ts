/**
 * The archive as a newcomer reads it, in Chromium: the reading path from "Start here" to its end,
 * the glossary behind every header figure, and incident pages that read in order, on a phone and
 * on paper. Expectations come from the bundled content, not from copies of it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/check/index.ts';
import { root } from '../helpers.ts';
import { servedSite } from './browser.ts';

const site = servedSite('learn-site', { HINDSIGHT_TODAY: '2026-11-22' });
const { context } = checkArchive(join(root, 'postmortems'));
const guides = context.learn.guides;
const incidents = readdirSync(join(root, 'postmortems')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));

async function open(path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
	const page = await site.browser.newPage(options);
	await page.goto(site.url + path);
	return page;
}

/** WCAG contrast of an element's text against the first opaque background behind it. */
const contrastOf = (page: Page, selector: string) =>
	page.$eval(selector, (el) => {
		const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
		const lum = ([r, g, b]: number[]) => {
			const c = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
			return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
		};
		let node: Element | null = el;
		let bg = [255, 255, 255];
		while (node) {
			const c = rgb(getComputedStyle(node).backgroundColor);
			if (c.length === 3 || (c.length === 4 && c[3] === 1)) {
				bg = c.slice(0, 3);
				break;
			}
			node = node.parentElement;
		}
		const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(bg)];
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	});

describe('the reading path', () => {
	it('goes from Start here through every guide by "Next", in order, without the mouse knowing the URLs', async () => {
		const page = await open('/learn/');
		await page.getByRole('link', { name: 'Start here' }).first().click();
		const seen: string[] = [];
		for (let i = 1; ; i++) {
			await expect(page.locator('.badges').first().textContent()).resolves.toMatch(new RegExp(`^Guide ${i} of ${guides.length} · \\d+ min read$`));
			seen.push(new URL(page.url()).pathname);
			const next = page.locator('nav.pager a[rel=next]');
			if (/End of the path/.test((await next.textContent())!)) break;
			await next.click();
			await page.waitForURL((url) => url.pathname !== seen.at(-1));
		}
		expect(seen).toEqual(guides.map((g) => `/learn/${g.id}/`));
		await page.close();
	});

	it('lists real postmortems as examples on each guide, every one of which opens', async () => {
		const page = await open('/learn/root-cause-analysis/');
		const links = await page.$$eval('#examples ~ .table-wrap a', (as) => as.map((a) => a.getAttribute('href')!));
		expect(links.length).toBeGreaterThan(0);
		for (const href of links) expect((await page.request.get(site.url + href)).status(), href).toBe(200);
		await page.close();
	});
});

describe('the glossary', () => {
	it('is where the header figures, cause labels and milestone kinds of an incident page lead, each to an entry that exists', async () => {
		const page = await open('/incidents/2026-06-09-checkout-connection-leak/');
		const links = await page.$$eval('dl.facts dt a, dl.facets dt a, ol.timeline .kind a', (as) => as.map((a) => [a.textContent!.trim(), a.getAttribute('href')!]));
		expect(links.map(([label]) => label)).toEqual(expect.arrayContaining(['Duration of impact', 'Time to detect', 'Time to resolve', 'Trigger', 'Contributing', 'impact', 'detection']));
		// No tooltip carries an explanation a touch or keyboard user could not reach.
		expect(await page.locator('dl.facts dt[title]').count()).toBe(0);
		const glossary = await open('/glossary/');
		const anchors = new Set(await glossary.$$eval('[id]', (els) => els.map((e) => e.id)));
		for (const [label, href] of links) expect(anchors.has(href.replace('/glossary/#', '')), `${label} → ${href}`).toBe(true);
		await page.getByRole('link', { name: 'Time to detect' }).click();
		await page.waitForURL(/\/glossary\/#time-to-detect$/);
		await expect(page.locator('#time-to-detect').isVisible()).resolves.toBe(true);
		await page.close();
		await glossary.close();
	});

	it('has at least 44 terms, each with its definition, why it matters and a pitfall', async () => {
		const page = await open('/glossary/');
		const terms = await page.$$eval('dl.glossary .term', (els) => els.map((el) => [el.id, el.querySelectorAll('dd p').length]));
		expect(terms.length).toBeGreaterThanOrEqual(44);
		for (const [id, parts] of terms) expect(parts, String(id)).toBeGreaterThanOrEqual(3);
		await page.close();
	});
});

describe('every incident page', () => {
	it('has one Impact section, unique ids, and reads header, summary, impact, timeline, narrative, action items', async () => {
		const page = await site.browser.newPage();
		for (const id of incidents) {
			await page.goto(`${site.url}/incidents/${id}/`);
			const layout = await page.evaluate(() => {
				const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
				const h2 = [...document.querySelectorAll('article h2')].map((h) => h.firstChild?.textContent?.trim() ?? '');
				const top = (sel: string) => document.querySelector(sel)?.getBoundingClientRect().top ?? -1;
				return { ids, h2, header: top('header.card'), summary: top('h2#summary'), impact: top('#impact'), timeline: top('#timeline'), actions: top('#actions') };
			});
			expect(layout.ids.length, id).toBe(new Set(layout.ids).size);
			expect(layout.h2.filter((h) => h === 'Impact'), id).toEqual(['Impact']);
			const order = [layout.header, ...(layout.summary >= 0 ? [layout.summary] : []), layout.impact, layout.timeline, layout.actions];
			expect(order, id).toEqual([...order].sort((a, b) => a - b));
			// "On this page" names every section, and each entry leads to one.
			const toc = await page.$$eval('nav.toc a', (as) => as.map((a) => a.getAttribute('href')!.slice(1)));
			expect(toc.every((target) => layout.ids.includes(target)), id).toBe(true);
			expect(toc.at(-1) === 'actions' || toc.at(-2) === 'actions', id).toBe(true);
		}
		await page.close();
	});

	it('reaches the action items in one step from the header', async () => {
		const page = await open('/incidents/2026-06-09-checkout-connection-leak/');
		await page.locator('.jump a').click();
		await page.waitForURL(/#actions$/);
		const top = await page.$eval('#actions', (h) => h.getBoundingClientRect().top);
		expect(Math.abs(top)).toBeLessThan(50);
		await page.close();
	});

	it('copies a section’s address from its anchor link', async () => {
		const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
		const page = await context.newPage();
		const url = `${site.url}/incidents/2026-06-09-checkout-connection-leak/`;
		await page.goto(url);
		await page.locator('h2#timeline .heading-link').click();
		await page.waitForURL(/#timeline$/);
		await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${url}#timeline`);
		await expect(page.locator('h2#timeline .heading-link[data-copied]').count()).resolves.toBe(1);
		await context.close();
	});

	it('counts the duration of impact from when users were hurt, as the summary tells it', async () => {
		const page = await open('/incidents/2026-06-09-checkout-connection-leak/');
		const facts = Object.fromEntries(await page.$$eval('dl.facts div', (divs) => divs.map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()])));
		expect(facts['Duration of impact']).toBe('52 min');
		expect(facts['Impact began']).toBe('2026-06-09 14:11 UTC');
		expect(facts['Time to mitigate']).toBe('1 h 58 min');
		await page.close();
	});

	it('reaches 4.5:1 contrast for the SEV-2 badge and the trigger and detection labels in light mode', async () => {
		const results = await open('/search/?severity=SEV-2', { colorScheme: 'light' });
		await results.waitForSelector('.search-results .sev-2');
		expect(await contrastOf(results, '.search-results .sev-2')).toBeGreaterThanOrEqual(4.5);
		const page = await open('/incidents/2026-06-09-checkout-connection-leak/', { colorScheme: 'light' });
		for (const selector of ['.kind-trigger .kind a', '.kind-detection .kind a']) expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(4.5);
		await page.close();
		await results.close();
	});

	it('keeps due day and status in view on a phone, each labelled, with no sideways scrolling', async () => {
		const page = await open('/incidents/2026-06-09-checkout-connection-leak/', { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
		const cells = await page.$$eval('table.actions td[data-label="Due"], table.actions td[data-label="Status"]', (tds) => tds.map((td) => {
			const box = td.getBoundingClientRect();
			return { right: box.right, label: getComputedStyle(td, '::before').content };
		}));
		expect(cells.length).toBeGreaterThan(0);
		for (const cell of cells) {
			expect(cell.right).toBeLessThanOrEqual(375);
			expect(cell.label).toMatch(/^"(Due|Status)"$/);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
		// Tag chips and table links are targets of at least 24 px.
		const heights = await page.$$eval('a.tag, table.actions td a', (as) => as.map((a) => a.getBoundingClientRect().height));
		expect(heights.length).toBeGreaterThan(0);
		for (const h of heights) expect(h).toBeGreaterThanOrEqual(24);
		await page.close();
	});

	it('prints on A4 with every column of the action items and the address of each link', async () => {
		// A4 is 210 mm wide; with Chromium's default margins about 718 CSS pixels are printed.
		const page = await open('/incidents/2026-06-09-checkout-connection-leak/', { viewport: { width: 718, height: 1000 } });
		await page.emulateMedia({ media: 'print' });
		const table = await page.$eval('table.actions', (t) => {
			const status = [...t.querySelectorAll('th')].find((th) => th.textContent === 'Status')!.getBoundingClientRect();
			return { right: status.right, scroll: t.parentElement!.scrollWidth, width: t.parentElement!.clientWidth };
		});
		expect(table.right).toBeLessThanOrEqual(718);
		expect(table.scroll).toBeLessThanOrEqual(table.width);
		const printed = await page.$$eval('ul.related a, .narrative a[href^="http"], table.actions td a', (as) => as.map((a) => [a.getAttribute('href'), getComputedStyle(a, '::after').content]));
		expect(printed.length).toBeGreaterThan(0);
		for (const [href, content] of printed) expect(content).toBe(`" <${href}>"`);
		expect(await page.locator('nav.toc').isVisible()).toBe(false);
		await page.close();
	});
});
