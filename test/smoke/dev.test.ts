/**
 * `npm run dev` while the content changes under it: the folder moved away and back (a branch
 * switch, a rename), and a note whose frontmatter does not read. The server must keep serving.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, root } from '../helpers.ts';

// Outside the project, as a team's own postmortems repository usually is: nothing else watches it.
const dir = join(tmpdir(), `hindsight-dev-content-${process.pid}`);
const away = `${dir}-away`;
let server: ChildProcess;
let url: string;

const freePort = () =>
	new Promise<number>((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});

/** Polls a page until it answers with the status wanted, or the time is up; returns the last status and body. */
async function until(path: string, status: number, seconds = 20): Promise<{ status: number; body: string }> {
	let last = { status: 0, body: '' };
	for (const end = Date.now() + seconds * 1000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
		try {
			const response = await fetch(url + path);
			last = { status: response.status, body: await response.text() };
			if (last.status === status) break;
		} catch {
			// Not listening yet.
		}
	}
	return last;
}

beforeAll(async () => {
	rmSync(dir, { recursive: true, force: true });
	rmSync(away, { recursive: true, force: true });
	cpSync(fixture('leak'), dir, { recursive: true });
	const port = await freePort();
	url = `http://127.0.0.1:${port}`;
	server = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1', '--force'], {
		cwd: root,
		// Vitest's own variables (NODE_ENV=test, VITEST…) put Vite into test mode, where the dev server serves no pages.
		env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(key))), ASTRO_TELEMETRY_DISABLED: '1', HINDSIGHT_CONTENT_DIR: dir },
		stdio: process.env.HINDSIGHT_DEBUG_DEV ? 'inherit' : 'ignore',
	});
	const first = await until('/incidents/2025-04-01-public-outage/', 200, 60);
	if (first.status !== 200) throw new Error(`the dev server did not serve the fixture: ${first.status}`);
}, 90_000);

afterAll(() => {
	server?.kill();
	rmSync(dir, { recursive: true, force: true });
	rmSync(away, { recursive: true, force: true });
});

describe('the dev server', () => {
	it('recovers when the content folder is moved away and back', async () => {
		renameSync(dir, away);
		expect((await until('/incidents/2025-04-01-public-outage/', 404)).status).toBe(404);
		renameSync(away, dir);
		expect((await until('/incidents/2025-04-01-public-outage/', 200)).status).toBe(200);
	}, 60_000);

	it('keeps every component of the registry when a note does not read', async () => {
		writeFileSync(join(dir, 'notes', 'components', 'storefront.mdx'), '---\ntitle: [never closed\n---\n\nBroken.\n');
		const page = await until('/patterns/components/leakcanary-ledger/', 200);
		expect(page.body).toContain('<h1>LEAKCANARY-COMPONENT-NAME</h1>');
		expect((await until('/patterns/components/storefront/', 200)).body).toContain('<h1>Storefront</h1>');
	}, 60_000);
});
