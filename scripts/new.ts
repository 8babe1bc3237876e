/** `npm run new -- "Short title"`: starts a postmortem from the template, named by today's date and the title. */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkArchive } from '../src/lib/check/index.ts';
import { loadConfig, missingContentDir } from '../src/lib/config.ts';
import { postmortemTemplate, templateFileName } from '../src/lib/template.ts';

const title = process.argv.slice(2).join(' ').trim();
if (!title) {
	console.error('✖ Give the postmortem a short title:\n    npm run new -- "Checkout outage from a connection leak"');
	process.exit(1);
}
const config = loadConfig();
const missing = missingContentDir(config);
if (missing) {
	console.error(missing);
	process.exit(1);
}
const { context } = checkArchive(config.contentDir);
const first = <T>(map: Map<string, T>, fallback: string) => map.keys().next().value ?? fallback;
const path = join(config.contentDir, templateFileName(title, config.today));
if (existsSync(path)) {
	console.error(`✖ ${relative(process.cwd(), path)} already exists.\n    fix: choose another title, or edit that file.`);
	process.exit(1);
}
writeFileSync(path, postmortemTemplate({ title, today: config.today, component: first(context.components, 'TODO-component'), cause: first(context.causes, 'TODO-cause') }));
console.log(`✔ Created ${relative(process.cwd(), path)} (status: draft, visibility: internal).
  Fill in every TODO; \`npm run check\` lists what is left. Drafts may keep TODOs; in-review and published postmortems may not.`);
