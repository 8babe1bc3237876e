/** `npm run check`: validates the whole archive in one pass and exits 1 on any error. */
import { checkArchive, formatReport, hasErrors } from '../src/lib/check/index.ts';
import { loadConfig, missingContentDir } from '../src/lib/config.ts';

const config = loadConfig();
const missing = missingContentDir(config);
if (missing) {
	console.error(missing);
	process.exit(1);
}
const result = checkArchive(config.contentDir);
console.log(formatReport(result));
process.exit(hasErrors(result.problems) ? 1 : 0);
