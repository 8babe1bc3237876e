/**
 * The archive check: parse every file, validate it against the schemas, apply every rule,
 * and return all problems at once. `npm run check`, the build and the tests all call this.
 */
import { postmortemFields, postmortemSchema, type Postmortem } from '../../schemas/postmortem.ts';
import { causeSchema, componentSchema, type Cause, type Component } from '../../schemas/registry.ts';
import { CAUSES_FILE, COMPONENTS_FILE, display, listNotes, listPostmortemFiles, readPostmortem, readRegistry, type Located, type PostmortemSource } from '../source.ts';
import type { Problem } from './problem.ts';
import { rules, type BodyDocument, type CheckContext, type CheckedPostmortem } from './rules.ts';
import { readLintSettings } from '../lint/settings.ts';
import { readNotes } from '../notes.ts';
import { readSynonyms } from '../synonyms.ts';
import { analyzeBody } from '../publish/body.ts';
import { fieldNames, schemaProblems } from './schema-issues.ts';
import type { z } from 'astro/zod';
import { join, resolve } from 'node:path';
import { plural } from '../count.ts';
import { learnRules } from './learn-rules.ts';
import { mdxRules } from './mdx-rules.ts';
import { analyzeMdx, readsAsMdx } from '../mdx/analyze.ts';
import { mdxBodyAnalysis } from '../mdx/texts.ts';
import { readCollections, readGlossary, readGuides } from '../learn/source.ts';

export type { Problem } from './problem.ts';
export { rules } from './rules.ts';
export { learnRules } from './learn-rules.ts';
export { mdxRules } from './mdx-rules.ts';

export interface CheckResult {
	problems: Problem[];
	/** How many postmortem files were read. */
	files: number;
	/** What else was read, as the report names it ("7 guides", "59 glossary terms"). */
	alongside: string[];
	context: CheckContext;
}

function registry<T extends { id: string }>(dir: string, name: string, schema: z.ZodType<T>, problems: Problem[]) {
	const { located, items, problems: readProblems } = readRegistry(dir, name);
	problems.push(...readProblems);
	const entries = new Map<string, T>();
	const known = fieldNames(schema);
	items.forEach((item, index) => {
		const parsed = schema.safeParse(item);
		if (parsed.success) entries.set(parsed.data.id, parsed.data);
		else problems.push(...schemaProblems(located as Located, parsed.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })), known));
	});
	return { located, items, entries };
}

/** The fields of a broken file that pass on their own, so the rules can still check them. */
function validFields(raw: Record<string, unknown>): Partial<Postmortem> {
	const data: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(postmortemFields)) {
		const parsed = (field as z.ZodType).safeParse(raw[key]);
		if (parsed.success) data[key] = parsed.data;
	}
	return data as Partial<Postmortem>;
}

export function checkArchive(dir: string, componentsDir = join(dir, 'components')): CheckResult {
	const problems: Problem[] = [];
	const components = registry<Component>(dir, COMPONENTS_FILE, componentSchema, problems);
	const causes = registry<Cause>(dir, CAUSES_FILE, causeSchema, problems);
	const known = fieldNames(postmortemSchema);
	const postmortems: CheckedPostmortem[] = [];
	const allIds = new Map<string, PostmortemSource>();
	const files = listPostmortemFiles(dir);
	for (const path of files) {
		const { source, problems: fileProblems } = readPostmortem(path);
		problems.push(...fileProblems);
		if (!source) continue;
		allIds.set(source.id, source);
		const parsed = postmortemSchema.safeParse(source.data);
		if (parsed.success) postmortems.push({ source, data: parsed.data });
		else {
			problems.push(...schemaProblems(source, parsed.error.issues, known));
			postmortems.push({ source, data: validFields(source.data) });
		}
	}
	const notes = readNotes(dir);
	problems.push(...notes.problems);
	// A lint.yml that does not read would switch the publishing lint's own rules off: every build says so.
	problems.push(...readLintSettings(dir).problems);
	problems.push(...readSynonyms(dir).problems);
	const guides = readGuides(dir);
	const glossary = readGlossary(dir);
	const collections = readCollections(dir);
	problems.push(...guides.problems, ...glossary.problems, ...collections.problems);
	const documents: BodyDocument[] = [
		...postmortems.map(({ source, data }) => {
			const mdx = analyzeMdx(source.body);
			// What the loader builds: an MDX body from its MDX tree, anything else as Markdown.
			const analysis = readsAsMdx(source.file, mdx) ? mdxBodyAnalysis(source.body) : analyzeBody(source.body);
			return { file: source.file, body: source.body, bodyLine: source.bodyLine, analysis, mdx, visibility: data.visibility };
		}),
		...notes.notes.map((note) => ({ file: note.file, body: note.body, bodyLine: note.bodyLine, analysis: analyzeBody(note.body) })),
		...guides.guides.map((guide) => ({ file: guide.file, body: guide.body, bodyLine: guide.bodyLine, analysis: analyzeBody(guide.body) })),
	];
	const context: CheckContext = {
		contentDir: resolve(dir),
		componentsDir: resolve(componentsDir),
		postmortems,
		components: components.entries,
		causes: causes.entries,
		allIds,
		notes: listNotes(dir).map(({ kind, target, path }) => ({ kind, target, file: display(path) })),
		documents,
		registries: { components: components.located, causes: causes.located, componentItems: components.items, causeItems: causes.items },
		learn: { guides: guides.guides, glossary: { located: glossary.located, terms: glossary.terms }, collections: collections.collections },
	};
	for (const rule of [...rules, ...learnRules, ...mdxRules]) problems.push(...rule.check(context));
	problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
	const alongside = [plural(guides.guides.length, 'guide'), plural(glossary.terms.length, 'glossary term'), plural(collections.collections.length, 'reading collection')].filter((s) => !s.startsWith('0 '));
	return { problems, files: files.length, alongside, context };
}


/** The report as a terminal shows it: one problem per entry, file:line:column first so editors can jump there. */
export function formatReport({ problems, files, alongside = [], noun = 'postmortem', verb = 'checked' }: Pick<CheckResult, 'problems' | 'files'> & { alongside?: string[]; noun?: string; verb?: string }): string {
	const lines = problems.map((p) => {
		const where = [p.file, p.line, p.line ? p.column : undefined].filter((part) => part !== undefined).join(':');
		return `${where}  ${p.severity}  ${p.message}  [${p.rule}]${p.fix ? `\n    fix: ${p.fix}` : ''}`;
	});
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	const affected = new Set(problems.map((p) => p.file)).size;
	const read = [plural(files, noun), ...alongside];
	const counted = read.length === 1 ? read[0] : `${read.slice(0, -1).join(', ')} and ${read.at(-1)}`;
	lines.push(
		problems.length === 0
			? `✔ ${counted} ${verb}: no problems.`
			: `${errors ? '✖' : '⚠'} ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(affected, 'file')} (${counted} ${verb}).`,
	);
	return lines.join('\n');
}

export const hasErrors = (problems: Problem[]) => problems.some((p) => p.severity === 'error');
