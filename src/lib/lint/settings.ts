/**
 * lint.yml, read and validated. Kept apart from the lint itself so that `npm run check` can report
 * a broken lint.yml without loading the lint's language model.
 */
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { lintSettingsSchema, type LintSettings } from '../../schemas/lint.ts';
import type { Problem } from '../check/problem.ts';
import { fieldNames, schemaProblems } from '../check/schema-issues.ts';
import { display, readText } from '../source.ts';

export const LINT_FILE = 'lint.yml';

/** lint.yml, validated, YAML errors included; a missing file means the defaults. */
export function readLintSettings(dir: string): { settings: LintSettings; problems: Problem[] } {
	const path = join(dir, LINT_FILE);
	const defaults = lintSettingsSchema.parse({});
	const { text, problems: readProblems } = readText(path);
	if (text === undefined) return { settings: defaults, problems: readProblems };
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
	const file = display(path);
	if (doc.errors.length > 0) {
		const problems = doc.errors.map((error): Problem => {
			const pos = lines.linePos(error.pos[0]);
			return { file, line: pos.line, column: pos.col, rule: 'lint-settings', severity: 'error', message: `lint.yml cannot be read: ${error.message.split('\n')[0]}`, fix: 'check indentation and quoting; until it reads, the lint would run without your rules' };
		});
		return { settings: defaults, problems };
	}
	const parsed = lintSettingsSchema.safeParse(doc.toJS() ?? {});
	if (parsed.success) return { settings: parsed.data, problems: [] };
	const problems = schemaProblems({ file, doc, lines, lineOffset: 0 }, parsed.error.issues, fieldNames(lintSettingsSchema)).map((p) => ({ ...p, rule: 'lint-settings' }));
	return { settings: defaults, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

