/** `npm run check`: validates the whole archive in one pass and exits 1 on any error. */
import { checkArchive, formatReport, hasErrors } from '../src/lib/check/index.ts';
import { loadConfig } from '../src/lib/config.ts';
import { existsSync } from 'node:fs';

const config = loadConfig();
if (!existsSync(config.contentDir)) {
	console.error(`✖ The content folder ${config.contentDir} does not exist.\n    fix: create it, or point HINDSIGHT_CONTENT_DIR (or "hindsight.contentDir" in package.json) at your postmortems.`);
	process.exit(1);
}
const result = checkArchive(config.contentDir);
console.log(formatReport(result));
process.exit(hasErrors(result.problems) ? 1 : 0);
