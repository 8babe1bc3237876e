/**
 * Generates N synthetic postmortems (one in ten using components), builds them, and prints wall
 * time and peak memory of the check and the build beside a plain Astro site of the same corpus, then measures search on the built site in Chromium (search.ts), so
 * BENCHMARKS.md can be kept current.
 *
 *   npm run bench -- 1000            (several sizes: npm run bench -- 1000 10000)
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBaseline } from './baseline.ts';
import { generate } from './generate.ts';
import { printSearchBench } from './search.ts';

const status = (pid: number, field: string) => {
	try {
		return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
	} catch {
		return 0;
	}
};

/** The process and every descendant (the build starts Pagefind's indexer as a child process). */
function tree(root: number): number[] {
	const parents = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			parents.set(Number(name), Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	const pids = [root];
	for (let i = 0; i < pids.length; i++) for (const [pid, parent] of parents) if (parent === pids[i]) pids.push(pid);
	return pids;
}

/** Peak resident memory in KiB: the largest sum over the process tree, or the main process's own high-water mark if larger (Linux). */
function sample(root: number, peak: number): number {
	const sum = tree(root).reduce((total, pid) => total + status(pid, 'VmRSS'), 0);
	return Math.max(peak, sum, status(root, 'VmHWM'));
}

function measure(args: string[], env: Record<string, string>): Promise<{ seconds: number; peakMiB: number; code: number | null }> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(process.execPath, args, { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
		let peak = 0;
		const timer = setInterval(() => (peak = sample(child.pid!, peak)), 100);
		child.on('exit', (code) => {
			clearInterval(timer);
			resolve({ seconds: (performance.now() - started) / 1000, peakMiB: Math.round(peak / 1024), code });
		});
	});
}

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
for (const count of sizes.length ? sizes : [1000]) {
	const content = join(tmpdir(), `hindsight-bench-${count}`);
	const out = join(tmpdir(), `hindsight-bench-${count}-dist`);
	generate(count, content);
	rmSync(out, { recursive: true, force: true });
	const env = { HINDSIGHT_CONTENT_DIR: content };
	const check = await measure(['scripts/check.ts'], env);
	const lint = await measure(['scripts/lint.ts', '--published'], env);
	// As `npm run build` runs it: Astro, then the search index once Astro has exited.
	const cold = await measure(['scripts/build.ts', '--force', '--outDir', out], env);
	const warm = await measure(['scripts/build.ts', '--outDir', out], env);
	// The public edition: half of the synthetic postmortems are public; its build lints them first.
	const published = await measure(['scripts/build.ts', '--force', '--outDir', `${out}-public`], { ...env, HINDSIGHT_EDITION: 'public', HINDSIGHT_SITE: 'https://example.org' });
	// The baseline: the same corpus as plain Astro .md pages, built in the same run on the same machine.
	const baselineDir = join(tmpdir(), `hindsight-bench-${count}-baseline`);
	writeBaseline(content, baselineDir);
	const baseline = await measure(['node_modules/astro/bin/astro.mjs', 'build', '--force', '--root', baselineDir], {});
	for (const [name, r] of [['check', check], ['lint --published', lint], ['build (cold cache)', cold], ['build (warm cache)', warm], ['build:public (cold)', published], ['baseline .md site', baseline]] as const) {
		console.log(`${count} postmortems  ${name.padEnd(18)}  ${r.seconds.toFixed(1)} s  peak ${r.peakMiB} MiB${r.code ? `  FAILED (exit ${r.code})` : ''}`);
	}
	console.log(`${count} postmortems  cold build / baseline: ${(cold.seconds / baseline.seconds).toFixed(2)} × the time, ${(cold.peakMiB / Math.max(1, baseline.peakMiB)).toFixed(2)} × the memory`);
	if (warm.code === 0) await printSearchBench(`${count} postmortems`, out, JSON.parse(readFileSync(join(out, 'search', 'words.json'), 'utf8')) as string[]);
}
