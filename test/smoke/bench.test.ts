/**
 * The benchmark's corpus and baseline at a small size, to prove they are what BENCHMARKS.md says:
 * valid postmortems, one in ten using components (with its CSV or image beside it), and a plain
 * Astro site of the same corpus that builds. Times are printed by `npm run bench`, never asserted.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBaseline } from '../../scripts/bench/baseline.ts';
import { generate, usesComponents } from '../../scripts/bench/generate.ts';
import { checkArchive } from '../../src/lib/check/index.ts';
import { analyzeMdx } from '../../src/lib/mdx/analyze.ts';
import { root, run } from '../helpers.ts';

const content = join(root, 'test', '.tmp', 'bench-corpus');
const baseline = join(root, 'test', '.tmp', 'bench-baseline');
afterAll(() => rmSync(baseline, { recursive: true, force: true }));

describe('the benchmark corpus', () => {
	generate(40, content);
	const files = readdirSync(content);
	const postmortems = files.filter((f) => f.endsWith('.mdx')).sort();

	it('is valid, and one postmortem in ten uses components with a CSV or an image beside it', () => {
		expect(checkArchive(content).problems).toEqual([]);
		const mdx = postmortems.filter((f) => analyzeMdx(readFileSync(join(content, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')).mdx);
		expect(mdx).toHaveLength(4);
		expect(mdx.map((f) => Number(/(\d{5})\.mdx$/.exec(f)![1])).every(usesComponents)).toBe(true);
		expect(files.filter((f) => /\.(csv|png)$/.test(f))).toHaveLength(4);
	});

	it('has a baseline of plain .md pages that Astro builds, one page each', () => {
		expect(writeBaseline(content, baseline)).toBe(40);
		const result = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', baseline]);
		expect(result.status, result.output.slice(-2000)).toBe(0);
		const built = readdirSync(join(baseline, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('index.html'));
		expect(built).toHaveLength(40);
	}, 120_000);
});
