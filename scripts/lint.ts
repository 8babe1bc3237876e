/**
 * `npm run lint`: secrets, personal and internal data, blameless language and unsafe MDX.
 * `--published` lints only what the public edition publishes (build:public runs that first).
 */
import { formatReport, hasErrors } from '../src/lib/check/index.ts';
import { loadConfig, missingContentDir } from '../src/lib/config.ts';
import { lintArchive } from '../src/lib/lint/index.ts';

const config = loadConfig();
const missing = missingContentDir(config);
if (missing) {
	console.error(missing);
	process.exit(1);
}
const publishedOnly = process.argv.includes('--published');
const result = await lintArchive(config.contentDir, { publishedOnly, publicOwners: config.publicOwners, componentsDir: config.componentsDir });
console.log(formatReport({ ...result, noun: publishedOnly ? 'published postmortem' : 'postmortem', verb: 'linted' }));
process.exit(hasErrors(result.problems) ? 1 : 0);
