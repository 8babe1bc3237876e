/**
 * A body full of hostile HTML, built and opened in Debian's Chromium: whatever the author wrote, the
 * page must not navigate away, open a dialog, trip the Content-Security-Policy or load anything from
 * another host. The CSP is the second line; this proves the sanitizer is the first.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, root, run } from '../helpers.ts';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

const site = join(root, 'test', '.tmp', 'hostile');
const path = '/incidents/2025-06-01-hostile-html/';

let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let page: Page;
const dialogs: string[] = [];
const navigations: string[] = [];
const foreign: string[] = [];
let violations: string[] = [];

beforeAll(async () => {
	rmSync(site, { recursive: true, force: true });
	const build = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', site], { HINDSIGHT_CONTENT_DIR: fixture('hostile') });
	if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
	server = await serve(site);
	browser = await launch();
	page = await browser.newPage();
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) navigations.push(frame.url());
	});
	page.on('request', (request) => {
		if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
	});
	await page.goto(server.url + path);
	// A meta refresh with a zero delay fires at once; give anything slower a moment too.
	await page.waitForTimeout(1500);
	violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}, 180_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

describe('an incident page whose body is full of hostile HTML', () => {
	it('stays on the page: no redirect, no base element sending links elsewhere', async () => {
		expect(navigations).toEqual([server.url + path]);
		expect(await page.evaluate(() => document.baseURI)).toBe(server.url + path);
	});

	it('opens no dialog and trips no Content-Security-Policy rule, because nothing hostile is left to run', () => {
		expect(dialogs).toEqual([]);
		expect(violations).toEqual([]);
	});

	it('asks no other host for anything', () => {
		expect(foreign).toEqual([]);
	});

	it('keeps the text, with no script, frame, handler, style or unsafe link left in the narrative', async () => {
		const narrative = page.locator('.narrative');
		await expect(narrative.textContent()).resolves.toContain('SAFE-TEXT-START');
		await expect(narrative.textContent()).resolves.toContain('SAFE-TEXT-END');
		const left = await narrative.evaluate((el) => {
			const found: string[] = [];
			for (const node of el.querySelectorAll('*')) {
				if (/^(script|iframe|object|embed|link|style|meta|base|form|button|svg|math|noscript)$/i.test(node.tagName)) found.push(node.tagName);
				for (const attr of node.attributes) {
					if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc' || attr.name === 'formaction') found.push(`${node.tagName}[${attr.name}]`);
					if ((attr.name === 'href' || attr.name === 'src') && !/^(https?:|\/|#|[\w.-]+(\/|$))/i.test(attr.value)) found.push(`${node.tagName}[${attr.name}=${attr.value}]`);
				}
			}
			return found;
		});
		expect(left).toEqual([]);
	});

	it('shows no HTML comment, in the page or its source', async () => {
		expect(readFileSync(join(site, path, 'index.html'), 'utf8')).not.toContain('COMMENT-CANARY');
	});
});
