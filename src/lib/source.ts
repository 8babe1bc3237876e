/**
 * Reads postmortem files and the registries beside them, keeping the YAML documents so that
 * every problem can be reported at its line. Shared by the content loader and `npm run check`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from './check/problem.ts';

export const POSTMORTEM_EXTENSIONS = ['.mdx', '.md'] as const;
export const COMPONENTS_FILE = 'components.yml';
export const CAUSES_FILE = 'causes.yml';
/** Hand-written notes for pattern pages live in this subfolder, by kind: notes/components/<id>.mdx. */
export const NOTES_DIR = 'notes';
export const NOTE_KINDS = ['components', 'causes'] as const;

/** Every note file, with the id the pattern page looks it up by ("components/orders-db"). */
export function listNotes(contentDir: string): { id: string; kind: (typeof NOTE_KINDS)[number]; target: string; path: string }[] {
	return NOTE_KINDS.flatMap((kind) =>
		listPostmortemFiles(join(contentDir, NOTES_DIR, kind)).map((path) => ({ id: `${kind}/${idOf(path)}`, kind, target: idOf(path), path })),
	);
}

/** A YAML document with what is needed to turn a data path into a file position. */
export interface Located {
	/** Path shown in messages, relative to the working directory. */
	file: string;
	doc: Document;
	lines: LineCounter;
	/** Lines before the YAML starts: 1 for frontmatter after the opening `---`. */
	lineOffset: number;
}

export interface PostmortemSource extends Located {
	/** The URL id: the file name without its extension. */
	id: string;
	/** The frontmatter as plain data, not yet validated. */
	data: Record<string, unknown>;
	body: string;
	/** The file line on which the body starts. */
	bodyLine: number;
	raw: string;
}

export interface Position {
	line: number;
	column: number;
}

/** A path as messages show it: relative to the working directory. */
export const display = (path: string) => relative(process.cwd(), path) || path;

/** The postmortem files of a content folder, sorted; registries and other files are not postmortems. */
export function listPostmortemFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isFile() && POSTMORTEM_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !entry.name.startsWith('_'))
		.map((entry) => join(dir, entry.name))
		.sort();
}

export const idOf = (path: string) => path.split(/[\\/]/).pop()!.replace(/\.(mdx|md)$/, '');

function parseYaml(file: string, text: string, lineOffset: number): { located: Located; problems: Problem[] } {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
	const located = { file, doc, lines, lineOffset };
	const problems = doc.errors.map((error): Problem => {
		const pos = lines.linePos(error.pos[0]);
		return {
			file,
			line: pos.line + lineOffset,
			column: pos.col,
			rule: 'yaml',
			severity: 'error',
			message: `the YAML cannot be read: ${error.message.split('\n')[0]}`,
			fix: error.code === 'DUPLICATE_KEY' ? 'remove one of the two keys' : 'check indentation, quoting and the colon after each key',
		};
	});
	return { located, problems };
}

/** The YAML between the opening and closing --- lines, if any, and the body after it. */
export function splitFrontmatter(raw: string): { yaml?: string; body: string; bodyLine: number } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(raw);
	if (!match) return { body: raw, bodyLine: 1 };
	return { yaml: match[1], body: raw.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** Splits and parses one postmortem. Problems are returned, never thrown, so a run can report every file. */
export function parsePostmortem(path: string, raw: string): { source?: PostmortemSource; problems: Problem[] } {
	const file = display(path);
	const { yaml, body, bodyLine } = splitFrontmatter(raw);
	if (yaml === undefined) {
		return {
			problems: [
				{
					file,
					line: 1,
					rule: 'frontmatter',
					severity: 'error',
					message: 'the file does not start with YAML frontmatter between two --- lines',
					fix: 'start the file with ---, the fields (title, summary, severity, …), and another ---; `npm run new` writes a template',
				},
			],
		};
	}
	const { located, problems } = parseYaml(file, yaml, 1);
	const data = located.doc.toJS() as unknown;
	if (problems.length === 0 && (typeof data !== 'object' || data === null || Array.isArray(data))) {
		problems.push({ file, line: 2, rule: 'frontmatter', severity: 'error', message: 'the frontmatter is not a map of fields', fix: 'write one `field: value` per line' });
	}
	if (problems.length > 0) return { problems };
	return {
		source: { ...located, id: idOf(path), data: data as Record<string, unknown>, body, bodyLine, raw },
		problems,
	};
}

export function readPostmortem(path: string) {
	return parsePostmortem(path, readFileSync(path, 'utf8'));
}

/** A registry file: a YAML list of maps. A missing file is an empty registry, reported by the check. */
export function readRegistry(dir: string, name: string): { located?: Located; items: unknown[]; problems: Problem[] } {
	const path = join(dir, name);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return {
			items: [],
			problems: [
				{
					file: display(path),
					rule: 'registry',
					severity: 'error',
					message: `${name} is missing from the content folder`,
					fix: `create ${display(path)} as a YAML list of entries (id, name, …); see the README's content model`,
				},
			],
		};
	}
	const { located, problems } = parseYaml(display(path), text, 0);
	if (problems.length > 0) return { items: [], problems };
	const items = located.doc.toJS() as unknown;
	if (!Array.isArray(items)) {
		return { items: [], problems: [{ file: located.file, line: 1, rule: 'registry', severity: 'error', message: `${name} must be a YAML list`, fix: 'start each entry with "- id: …"' }] };
	}
	return { located, items, problems };
}

/** The deepest YAML node along a data path, so a message points at the value, or at its parent when the key is missing. */
export function locate(source: Located, path: readonly PropertyKey[]): Position {
	let node: unknown = source.doc.contents;
	let offset = (node as Node | null)?.range?.[0] ?? 0;
	for (const key of path) {
		if (isMap(node)) {
			const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
			if (!pair || !isScalar(pair.key) || !pair.key.range) break;
			offset = pair.key.range[0];
			node = pair.value;
		} else if (isSeq(node) && typeof key === 'number') {
			const item = node.items[key] as Node | undefined;
			if (!item?.range) break;
			offset = item.range[0];
			node = item;
		} else break;
	}
	const pos = source.lines.linePos(offset);
	return { line: pos.line + source.lineOffset, column: pos.col };
}

/** For each file line that starts a frontmatter field, the data path of that field: line 20 → ['timeline', 0, 'event']. */
export function fieldLines(source: Located): Map<number, PropertyKey[]> {
	const lines = new Map<number, PropertyKey[]>();
	const line = (offset: number) => source.lines.linePos(offset).line + source.lineOffset;
	const visit = (node: unknown, path: PropertyKey[]) => {
		if (isMap(node)) {
			for (const pair of node.items) {
				if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
				const key = [...path, pair.key.value as PropertyKey];
				if (!lines.has(line(pair.key.range[0]))) lines.set(line(pair.key.range[0]), key);
				visit(pair.value, key);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => visit(item, [...path, i]));
		}
	};
	visit(source.doc.contents, []);
	return lines;
}
