/**
 * `npm run check`: validates the whole archive in one pass and exits 1 on any error.
 * `npm run check -- --incomplete` also lists our postmortems that score below 100 on the
 * completeness rubric, and what each lacks (a list to work through, not an error).
 */
import { checkArchive, formatReport, hasErrors } from '../src/lib/check/index.ts';
import { loadConfig, missingContentDir } from '../src/lib/config.ts';
import { incompleteReport } from '../src/lib/insights/completeness.ts';

const config = loadConfig();
const missing = missingContentDir(config);
if (missing) {
	console.error(missing);
	process.exit(1);
}
const result = checkArchive(config.contentDir, config.componentsDir);
console.log(formatReport(result));
if (process.argv.includes('--incomplete')) console.log(incompleteReport(result));
process.exit(hasErrors(result.problems) ? 1 : 0);
