/**
 * Hindsight's part of every build. Before Astro touches the content: `npm run check` (Astro alone
 * stops at the first bad file without a line, and only logs dangling references), and for the
 * public edition `npm run lint` on what it publishes. After the pages are written: the sitemap and
 * the search index.
 */
import type { AstroIntegration } from 'astro';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArchive, formatReport, hasErrors } from './lib/check/index.ts';
import { loadConfig, missingContentDir } from './lib/config.ts';
import { buildSearchIndex } from './lib/search-index.ts';
import { builtPages, sitemapXml } from './lib/sitemap.ts';

/**
 * The public edition is built only if what it publishes passes `npm run lint`. The lint runs as its
 * own process: run inside Astro's, its language model (compromise) left the following build many
 * times slower at 10,000 postmortems (seen: 30 s became more than 7 minutes).
 */
function lintPublished(root: string, logger: { warn(message: string): void }) {
	if (!process.env.HINDSIGHT_SITE) logger.warn('HINDSIGHT_SITE is not set: the feeds and the sitemap will point at http://localhost:4321/. Set it to the public address.');
	const lint = spawnSync(process.execPath, [join(root, 'scripts', 'lint.ts'), '--published'], { stdio: 'inherit', env: process.env });
	if (lint.status === 0) return;
	console.error('The public edition was not built: fix the errors above (npm run lint -- --published shows the same list).');
	process.exit(1);
}

export function hindsight(): AstroIntegration {
	let site = 'http://localhost:4321/';
	return {
		name: 'hindsight',
		hooks: {
			'astro:config:done': ({ config }) => {
				if (config.site) site = config.site;
			},
			'astro:config:setup': ({ command, logger, config: astroConfig, injectRoute }) => {
				if (command !== 'build' && command !== 'dev') return;
				const config = loadConfig();
				// The action ledger names owners and overdue work: the team's edition has it, the public one never does.
				if (config.edition === 'internal') {
					injectRoute({ pattern: '/actions', entrypoint: fileURLToPath(new URL('./internal-pages/actions.astro', import.meta.url)) });
					injectRoute({ pattern: '/actions.csv', entrypoint: fileURLToPath(new URL('./internal-pages/actions.csv.ts', import.meta.url)) });
				}
				const missing = missingContentDir(config);
				if (missing) {
					console.error(missing);
					process.exit(1);
				}
				const result = checkArchive(config.contentDir, config.componentsDir);
				if (!hasErrors(result.problems)) {
					logger.info(formatReport(result));
					if (command === 'build' && config.edition === 'public') lintPublished(fileURLToPath(astroConfig.root), logger);
					return;
				}
				console.error(formatReport(result));
				if (command === 'build') {
					console.error('The build stopped because the archive has errors (npm run check shows the same list).');
					process.exit(1);
				}
				logger.warn('The archive has errors; pages of broken postmortems are left out until they are fixed.');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				// Written from what is on disk, so the sitemap lists exactly the pages this edition built.
				writeFileSync(join(out, 'sitemap.xml'), sitemapXml(builtPages(out), site));
				// The search index is part of every build, so `astro build` alone gives a searchable site;
				// `npm run build` (scripts/build.ts) writes it after Astro exits, so the two never hold memory at once.
				const handoff = process.env.HINDSIGHT_SEARCH_INDEX_HANDOFF;
				if (handoff) {
					writeFileSync(handoff, out);
					return;
				}
				const started = performance.now();
				const { pages, errors } = await buildSearchIndex(out);
				if (errors.length > 0) {
					console.error(`✖ Building the search index failed:\n${errors.join('\n')}`);
					process.exit(1);
				}
				logger.info(`Search index: ${pages} pages (incidents and guides) indexed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
			},
		},
	};
}
