/** Debian's Chromium, driven by playwright-core: no browser download, flags that keep it off the network. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { root, run } from '../helpers.ts';
import { serve } from './static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
}

/**
 * Builds the bundled archive into test/.tmp/<name>, serves it as a static host would and launches
 * Chromium, for the tests of one file; closed after them. Read `site.url` and `site.browser` inside tests.
 */
export function servedSite(name: string, env: Record<string, string> = {}) {
	const dir = join(root, 'test', '.tmp', name);
	const site = { dir, url: '', browser: undefined as unknown as Browser };
	let server: Awaited<ReturnType<typeof serve>> | undefined;
	beforeAll(async () => {
		rmSync(dir, { recursive: true, force: true });
		const build = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', dir], env);
		if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
		server = await serve(dir);
		site.url = server.url;
		site.browser = await launch();
	}, 180_000);
	afterAll(async () => {
		await site.browser?.close();
		await server?.close();
	});
	return site;
}
