/**
 * Runs `npm run check` before Astro touches the content. Astro alone stops at the first bad file
 * without a line and only logs dangling references; this reports every problem and stops the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndex } from './lib/search-index.ts';
import { lintArchive } from './lib/lint/index.ts';
import { builtPages, sitemapXml } from './lib/sitemap.ts';
import { checkArchive, formatReport, hasErrors } from './lib/check/index.ts';
import { loadConfig, missingContentDir } from './lib/config.ts';

/** The public edition is built only if what it publishes passes `npm run lint`. */
async function lintPublished(config: ReturnType<typeof loadConfig>, logger: { info(message: string): void; warn(message: string): void }) {
	if (!process.env.HINDSIGHT_SITE) logger.warn('HINDSIGHT_SITE is not set: the feeds and the sitemap will point at http://localhost:4321/. Set it to the public address.');
	const lint = await lintArchive(config.contentDir, { publishedOnly: true, publicOwners: config.publicOwners });
	const report = formatReport({ ...lint, noun: 'published postmortem', verb: 'linted' });
	if (!hasErrors(lint.problems)) {
		logger.info(report);
		return;
	}
	console.error(report);
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
			'astro:config:setup': async ({ command, logger }) => {
				if (command !== 'build' && command !== 'dev') return;
				const config = loadConfig();
				const missing = missingContentDir(config);
				if (missing) {
					console.error(missing);
					process.exit(1);
				}
				const result = checkArchive(config.contentDir);
				if (!hasErrors(result.problems)) {
					logger.info(formatReport(result));
					if (command === 'build' && config.edition === 'public') await lintPublished(config, logger);
					return;
				}
				console.error(formatReport(result));
				if (command === 'build') {
					console.error('The build stopped because the archive has errors (npm run check shows the same list).');
					process.exit(1);
				}
				logger.warn('The archive has errors; pages of broken postmortems are left out until they are fixed.');
			},
			// The search index is part of every build, so `npm run build` alone gives a searchable site.
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				// Written from what is on disk, so the sitemap lists exactly the pages this edition built.
				writeFileSync(join(out, 'sitemap.xml'), sitemapXml(builtPages(out), site));
				const started = performance.now();
				const { pages, errors } = await buildSearchIndex(out);
				if (errors.length > 0) {
					console.error(`✖ Building the search index failed:\n${errors.join('\n')}`);
					process.exit(1);
				}
				logger.info(`Search index: ${pages} incident pages indexed in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
			},
		},
	};
}
