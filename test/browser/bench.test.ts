/**
 * The search benchmark (scripts/bench/search.ts) run on the bundled archive, to prove it works and
 * that it measures what it says. Its times are printed by `npm run bench`, never asserted here.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { benchQueries, benchSearch } from '../../scripts/bench/search.ts';
import { root, run } from '../helpers.ts';

const site = join(root, 'test', '.tmp', 'bench-site');

beforeAll(() => {
	rmSync(site, { recursive: true, force: true });
	const build = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', site]);
	if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
}, 180_000);

it('measures search in Chromium: nothing before the first keystroke, then what each search fetches', async () => {
	const result = await benchSearch(site, ['connection pool', 'replicaton lag', 'dns']);
	expect(result.beforeKeystroke).toBe(0);
	// The first search brings Pagefind's code and WebAssembly (tens of kilobytes); a later one only index chunks and fragments.
	expect(result.firstSearch.shown).toBeGreaterThan(50_000);
	expect(result.firstSearch.complete).toBeGreaterThanOrEqual(result.firstSearch.shown);
	expect(result.secondSearch.complete).toBeLessThan(result.firstSearch.shown);
	expect(result.queries).toBe(3);
	expect(result.warm.shown.median).toBeGreaterThan(0);
}, 120_000);

it('asks twenty queries of one to three words, one in five with a typo', () => {
	// Distinct words that all end in "ing": a typo (a letter dropped) is never another word of the list.
	const vocabulary = Array.from({ length: 5000 }, (_, i) => `${i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))}ing`);
	const queries = benchQueries(vocabulary);
	expect(queries).toHaveLength(20);
	expect(queries.map((q) => q.split(' ').length)).toEqual(Array.from({ length: 20 }, (_, i) => 1 + (i % 3)));
	const known = new Set(vocabulary);
	expect(queries.filter((q) => !q.split(' ').every((w) => known.has(w))).length).toBe(4);
});
