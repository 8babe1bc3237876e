/**
 * `npm run build` and `npm run build:public`: `astro build`, then the search index in this small
 * process once Astro has exited. Pagefind needs about 300 KB per indexed page (3.1 GB at 10,000
 * postmortems) and Astro as much again; run from the build's last hook, both were resident at once
 * (5.9 GB at 10,000, BENCHMARKS.md). A plain `astro build` still writes the index itself.
 *
 *   node scripts/build.ts [astro build options, e.g. --outDir dist-public]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../src/lib/search-index.ts';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const handoff = mkdtempSync(join(tmpdir(), 'hindsight-build-'));
const file = join(handoff, 'site-dir');
const build = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', HINDSIGHT_SEARCH_INDEX_HANDOFF: file } });
// The integration names the folder it built, so options and config decide it in one place.
const site = build.status === 0 ? readFileSync(file, 'utf8') : undefined;
rmSync(handoff, { recursive: true, force: true });
if (site === undefined) process.exit(build.status ?? 1);
const started = performance.now();
const { pages, errors } = await buildSearchIndex(site);
if (errors.length > 0) {
	console.error(`✖ Building the search index failed:\n${errors.join('\n')}`);
	process.exit(1);
}
console.log(`Search index: ${pages} pages (incidents and guides) indexed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
