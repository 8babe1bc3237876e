/**
 * Reads postmortem files and the registries beside them, keeping the YAML documents so that
 * every problem can be reported at its line. Shared by the content loader and `npm run check`.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Node } from 'yaml';
import type { Problem } from './check/problem.ts';

/** Postmortem file extensions, matched in any letter case: .mdx, .MD, .Markdown … */
export const POSTMORTEM_EXTENSIONS = ['.mdx', '.md', '.markdown'] as const;
export const COMPONENTS_FILE = 'components.yml';
export const CAUSES_FILE = 'causes.yml';
/** Hand-written notes for pattern pages live in this subfolder, by kind: notes/components/<id>.mdx. */
export const NOTES_DIR = 'notes';
export const NOTE_KINDS = ['components', 'causes'] as const;
/**
 * Top-level folders of the content folder that hold no postmortems: the pattern-page notes (read
 * by `listNotes`) and the names kept for upcoming content types.
 */
export const RESERVED_DIRS = [NOTES_DIR, 'guides', 'collections', 'components'] as const;
/** The frontmatter fields every postmortem needs, for messages; src/schemas/postmortem.ts is what enforces them. */
export const REQUIRED_FIELDS = ['title', 'summary', 'severity', 'status', 'visibility', 'started', 'detected', 'resolved', 'components', 'causes', 'impact', 'timeline'] as const;

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

/** `.mdx`, `.md` or `.markdown` at the end of a name, in any letter case. */
const EXTENSION = new RegExp(`(?:${POSTMORTEM_EXTENSIONS.map((ext) => ext.replace('.', '\\.')).join('|')})$`, 'i');
const isPostmortemName = (name: string) => EXTENSION.test(name) && !name.startsWith('_');
const skipsFolder = (name: string, top: boolean) =>
	name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || (top && (RESERVED_DIRS as readonly string[]).includes(name));

/**
 * The postmortem files of a content folder and of its subfolders, sorted, each as the path it was
 * reached by (a symlinked file keeps its link's path). Symlinks to files and folders are followed; a
 * folder is walked once by its real path, so a symlink loop ends. Left out: registries and other
 * files, files starting with `_`, folders starting with `.` or `_`, node_modules, and RESERVED_DIRS
 * at the top. A postmortem-named symlink that leads nowhere, and a subfolder that cannot be read,
 * are listed anyway, so that readPostmortem reports them instead of the archive silently shrinking.
 */
export function listPostmortemFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const files: string[] = [];
	const walked = new Set<string>();
	const walk = (folder: string, top: boolean) => {
		let entries;
		try {
			const real = realpathSync(folder);
			if (walked.has(real)) return;
			walked.add(real);
			// In name order, so that of two ways to one folder the same one is always walked.
			entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		} catch {
			if (!top) files.push(folder);
			return;
		}
		for (const entry of entries) {
			const path = join(folder, entry.name);
			let stats: Pick<Stats, 'isFile' | 'isDirectory'> = entry;
			if (entry.isSymbolicLink()) {
				try {
					stats = statSync(path);
				} catch {
					if (isPostmortemName(entry.name)) files.push(path);
					continue;
				}
			}
			if (stats.isDirectory()) {
				if (!skipsFolder(entry.name, top)) walk(path, false);
			} else if (stats.isFile() && isPostmortemName(entry.name)) files.push(path);
		}
	};
	walk(dir, true);
	return files.sort();
}

/** The URL id: the file name without its extension, whatever the folder. */
export const idOf = (path: string) => path.split(/[\\/]/).pop()!.replace(EXTENSION, '');

/** Windows-1252's characters for the bytes 0x80–0x9F; the five it leaves undefined stay control characters. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const INVISIBLE: Record<number, string> = { 0xa0: 'no-break space', 0xad: 'soft hyphen' };

/** Where the first ill-formed UTF-8 sequence starts (the WHATWG decoder's rules), or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; ) {
		const lead = bytes[i];
		if (lead < 0x80) {
			i++;
			continue;
		}
		let length: number;
		let [low, high] = [0x80, 0xbf];
		if (lead >= 0xc2 && lead <= 0xdf) length = 2;
		else if (lead >= 0xe0 && lead <= 0xef) {
			length = 3;
			if (lead === 0xe0) low = 0xa0;
			if (lead === 0xed) high = 0x9f;
		} else if (lead >= 0xf0 && lead <= 0xf4) {
			length = 4;
			if (lead === 0xf0) low = 0x90;
			if (lead === 0xf4) high = 0x8f;
		} else return i;
		for (let k = 1; k < length; k++) {
			const byte = bytes[i + k];
			if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
		}
		i += length;
	}
	return -1;
}

function encodingProblem(file: string, bytes: Uint8Array): Problem {
	const problem = { file, rule: 'encoding', severity: 'error' } as const;
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		return { ...problem, line: 1, message: 'the file is not UTF-8: it starts with a UTF-16 byte-order mark', fix: 're-save it as UTF-8 (in VS Code: Save with Encoding → UTF-8; or iconv -f utf-16 -t utf-8)' };
	}
	const at = Math.max(0, firstInvalidByte(bytes));
	let line = 1;
	let lineStart = 0;
	for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) [line, lineStart] = [line + 1, i + 1];
	const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
	const byte = bytes[at];
	const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	const char = byte >= 0xa0 ? String.fromCharCode(byte) : byte >= 0x80 ? CP1252[byte - 0x80] : undefined;
	const legacy = byte >= 0xa0 ? 'Latin-1' : char && char.charCodeAt(0) > 0x9f ? 'Windows-1252' : undefined;
	return {
		...problem,
		line,
		column,
		message: `the file is not UTF-8 (byte ${hex} on line ${line}${legacy ? ` looks like ${legacy} ${INVISIBLE[byte] ?? `'${char}'`}` : ''})`,
		fix: `re-save it as UTF-8 (in VS Code: Save with Encoding → UTF-8; or iconv -f ${legacy === 'Windows-1252' ? 'windows-1252' : 'latin1'} -t utf-8)`,
	};
}

/**
 * A file's bytes as text, strictly UTF-8 (a byte-order mark is dropped). Anything else is a problem
 * at the line of the first byte that is not UTF-8, instead of text with replacement characters.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string; problem?: undefined } | { text?: undefined; problem: Problem } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		return { problem: encodingProblem(file, bytes) };
	}
}

const isSymlink = (path: string) => {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
};

/** Why a path cannot be read, and what to do, for a read that failed with `error`. */
function readFailure(path: string, error: unknown): { reason: string; fix: string } {
	const code = (error as { code?: string } | undefined)?.code;
	let link: string | undefined;
	try {
		link = isSymlink(path) ? readlinkSync(path) : undefined;
	} catch {
		// Gone in the meantime.
	}
	if (code === 'EISDIR') return { reason: 'it is a folder', fix: 'replace the folder with a file' };
	if (link !== undefined && code === 'ENOENT') return { reason: `it is a symbolic link to ${link}, which does not exist`, fix: 'point the link at an existing file, or delete it' };
	if (code === 'ELOOP') return { reason: 'it is a symbolic link that leads back to itself', fix: 'point the link at an existing file, or delete it' };
	if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission denied', fix: `give yourself read permission: chmod u+r ${display(path)}` };
	return { reason: code ?? String(error), fix: 'check that the file exists and can be opened' };
}

/** A postmortem path (from listPostmortemFiles) that could not be read: a dangling symlink, a folder without permission, … */
function unreadable(path: string, error: unknown): Problem {
	const problem = { file: display(path), rule: 'read', severity: 'error' } as const;
	if ((error as { code?: string } | undefined)?.code !== 'EISDIR') {
		const { reason, fix } = readFailure(path, error);
		return { ...problem, message: `the file cannot be read: ${reason}`, fix };
	}
	// A subfolder listed because it could not be listed itself.
	let inner = error;
	try {
		readdirSync(path);
	} catch (failure) {
		inner = failure;
	}
	const { reason, fix } = readFailure(path, inner);
	return { ...problem, message: `the folder cannot be read: ${reason}, so the postmortems in it are not checked`, fix: fix.replace('chmod u+r ', 'chmod u+rx ') };
}

/** timeline[2].at, the way authors read a path (as fieldName in check/schema-issues.ts). */
const dotted = (path: readonly PropertyKey[]) =>
	path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');

const nodeEnd = (node: unknown) => (node as Node | null)?.range?.[2];

/**
 * The data path of the innermost field or list item whose text holds the offset. A collection that
 * starts right at the offset is the thing the error is about, so the path stops at its field.
 */
function pathAt(doc: Document, offset: number): PropertyKey[] {
	const path: PropertyKey[] = [];
	let node: unknown = doc.contents;
	while ((isMap(node) || isSeq(node)) && !(path.length > 0 && node.range?.[0] === offset)) {
		let next: { key: PropertyKey; node: unknown } | undefined;
		if (isMap(node)) {
			for (const pair of node.items) {
				if (!isScalar(pair.key) || !pair.key.range) continue;
				const end = nodeEnd(pair.value) ?? pair.key.range[2];
				if (pair.key.range[0] <= offset && offset <= end) next = { key: pair.key.value as PropertyKey, node: pair.value };
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => {
				const range = (item as Node | null)?.range;
				// An item's own text only: just after the last item is the list's business (a missing ]).
				if (range && range[0] <= offset && offset < range[1]) next = { key: i, node: item };
			});
		}
		if (!next) break;
		path.push(next.key);
		node = next.node;
	}
	return path;
}

/** A value that has to be closed: a quoted scalar, or a flow list `[…]` or map `{…}`. */
interface Opening {
	node: Node;
	/** The data path of the field it belongs to. */
	path: PropertyKey[];
	/** The character that opens it: " ' [ { */
	opener: string;
}

/** Every quoted scalar and flow collection of a document, keys included, in the order they open. */
function openings(doc: Document, text: string): Opening[] {
	const found: Opening[] = [];
	const add = (node: Node, path: PropertyKey[]) => {
		if (node.range) found.push({ node, path, opener: text[node.range[0]] });
	};
	const visit = (node: unknown, path: PropertyKey[]) => {
		if (isScalar(node)) {
			if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) add(node, path);
		} else if (isPair(node)) {
			const key = isScalar(node.key) && node.key.value !== null ? [...path, node.key.value as PropertyKey] : path;
			visit(node.key, key);
			visit(node.value, key);
		} else if (isMap(node)) {
			if (node.flow) add(node, path);
			for (const pair of node.items) visit(pair, path);
		} else if (isSeq(node)) {
			if (node.flow) add(node, path);
			node.items.forEach((item, i) => visit(item, isPair(item) ? path : [...path, i]));
		}
	};
	visit(doc.contents, []);
	return found.sort((a, b) => a.node.range![0] - b.node.range![0]);
}

/** What closes each opening, and how the message names it. */
const CLOSING: Record<string, { closer: string; what: string; fix: string }> = {
	'"': { closer: '"', what: 'the quoted value', fix: 'add the closing " where the value ends (a " inside "…" is written \\"), or remove the opening "' },
	"'": { closer: "'", what: 'the quoted value', fix: "add the closing ' where the value ends (an apostrophe inside '…' is written ''), or remove the opening '" },
	'[': { closer: ']', what: 'the list opened with [', fix: 'add the closing ] where the list ends; a list that goes on over more lines needs those lines indented' },
	'{': { closer: '}', what: 'the map opened with {', fix: 'add the closing } where the map ends; a map that goes on over more lines needs those lines indented' },
};

/** The opening a YAML error says was never closed, if it is one of those errors. */
function unclosedOpener(error: { code: string; message: string }): string | undefined {
	if (error.code === 'MISSING_CHAR' && /closing "quote/.test(error.message)) return '"';
	if (error.code === 'MISSING_CHAR' && /closing 'quote/.test(error.message)) return "'";
	if (/^Flow sequence\b.*\]/.test(error.message)) return '[';
	if (/^Flow map\b.*\}/.test(error.message)) return '{';
	return undefined;
}

function parseYaml(file: string, text: string, lineOffset: number): { located: Located; problems: Problem[] } {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
	const located = { file, doc, lines, lineOffset };
	const at = (offset: number) => {
		const pos = lines.linePos(offset);
		return { line: pos.line + lineOffset, column: pos.col };
	};
	const found: { problem: Problem; offset?: number }[] = [];
	// What an unclosed quote or bracket swallowed: later errors in there are the same mistake.
	const swallowed: [number, number][] = [];
	const within = (offset: number) => swallowed.some(([from, to]) => from <= offset && offset <= to);
	for (const error of doc.errors) {
		const offset = error.pos[0];
		const opener = unclosedOpener(error);
		// The one never closed is the last of its kind opened before the point where the parser gave up.
		const open = opener && openings(doc, text).findLast((o) => o.opener === opener && o.node.range![0] <= offset);
		if (open) {
			const [start, , end] = open.node.range!;
			// Already explained by a value it contains, or by the one that swallowed it.
			if (within(offset) || swallowed.some(([from]) => start <= from && from <= offset)) continue;
			swallowed.push([start, Math.max(end, offset)]);
			const field = dotted(open.path) || undefined;
			const { what, fix } = CLOSING[opener];
			found.push({ problem: { file, ...at(start), field, rule: 'yaml', severity: 'error', message: `${field ? `${field}: ` : ''}${what} is never closed`, fix } });
			continue;
		}
		const field = dotted(pathAt(doc, offset)) || undefined;
		found.push({
			offset,
			problem: {
				file,
				...at(offset),
				field,
				rule: 'yaml',
				severity: 'error',
				message: `${field ? `${field}: ` : ''}the YAML cannot be read: ${error.message.split('\n')[0]}`,
				fix: error.code === 'DUPLICATE_KEY' ? 'remove one of the two keys' : 'check indentation, quoting and the colon after each key',
			},
		});
	}
	const problems = found.filter(({ offset }) => offset === undefined || !within(offset)).map(({ problem }) => problem);
	if (problems.length === 0) problems.push(...indirections(located));
	return { located, problems };
}

/**
 * Anchors (&a), aliases (*a) and keys that are not plain words. A value written once and shown in
 * several fields defeats every check that reads fields by their place (a revenue figure aliased
 * into the summary), and an alias before its anchor cannot be read at all. Postmortems need none.
 */
function indirections(located: Located): Problem[] {
	const problems: Problem[] = [];
	const at = (node: { range?: [number, number, number] | null } | null | undefined, message: string, fix: string) => {
		const pos = located.lines.linePos(node?.range?.[0] ?? 0);
		problems.push({ file: located.file, line: pos.line + located.lineOffset, column: pos.col, rule: 'yaml', severity: 'error', message, fix });
	};
	visit(located.doc, {
		Alias: (_key, node) => void at(node, `the alias *${node.source} repeats a value written elsewhere`, 'write the value out where it is used; anchors and aliases are not allowed in postmortems'),
		Node: (_key, node) => {
			if ((node as { anchor?: string }).anchor) at(node, `the anchor &${(node as { anchor?: string }).anchor} marks a value to repeat elsewhere`, 'remove the anchor and write each value where it is used');
		},
		Pair: (_key, pair) => {
			if (pair.key !== null && !isScalar(pair.key)) at(pair.key as Node, 'a key that is a list, a map or an alias', 'write each key as a plain word, e.g. summary:');
		},
	});
	return problems;
}

/**
 * The YAML between the opening and closing --- lines, if any (an empty frontmatter is ''), and the
 * body after it. `unclosed` says the file opens a frontmatter on line 1 that no --- line closes.
 * A leading byte-order mark is ignored.
 */
export function splitFrontmatter(raw: string): { yaml?: string; body: string; bodyLine: number; unclosed?: boolean } {
	const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
	const match = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
	if (!match) return { body: text, bodyLine: 1, ...(/^---[ \t]*(?:\r?\n|$)/.test(text) && { unclosed: true }) };
	return { yaml: match[1] ?? '', body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/**
 * Splits and parses one postmortem. Problems are returned, never thrown, so a run can report every file.
 * A byte-order mark is dropped and CRLF and lone CR line ends become LF, so `raw` and `body` line up
 * with the file's lines the way the Markdown parser counts them.
 */
export function parsePostmortem(path: string, raw: string): { source?: PostmortemSource; problems: Problem[] } {
	const file = display(path);
	raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const { yaml, body, bodyLine, unclosed } = splitFrontmatter(raw);
	const required = `${REQUIRED_FIELDS.join(', ')}; \`npm run new\` writes a template with all of them`;
	if (yaml === undefined) {
		return {
			problems: [
				unclosed
					? { file, line: 1, rule: 'frontmatter', severity: 'error', message: 'the frontmatter opens with --- on line 1 but no --- line closes it', fix: 'add a line with only --- after the last field, before the body' }
					: {
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
	if (problems.length === 0 && located.doc.contents === null) {
		return { problems: [{ file, line: 1, rule: 'frontmatter', severity: 'error', message: 'the frontmatter is empty', fix: `write the fields between the two --- lines: ${required}` }] };
	}
	// A document with problems is not converted: an alias used before its anchor would throw.
	if (problems.length > 0) return { problems };
	const data = located.doc.toJS() as unknown;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return { problems: [{ file, line: 2, rule: 'frontmatter', severity: 'error', message: 'the frontmatter is not a map of fields', fix: 'write one `field: value` per line' }] };
	}
	return {
		source: { ...located, id: idOf(path), data: data as Record<string, unknown>, body, bodyLine, raw },
		problems,
	};
}

/** Reads one postmortem as UTF-8; a file that cannot be read or is in another encoding is a problem, not an exception. */
export function readPostmortem(path: string): { source?: PostmortemSource; problems: Problem[] } {
	const { text, problems } = readText(path);
	return text === undefined ? { problems } : parsePostmortem(path, text);
}

/** Any text file of the content folder (a note, lint.yml), decoded as UTF-8, with problems instead of exceptions. */
export function readText(path: string): { text?: string; problems: Problem[]; missing?: boolean } {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		if ((error as { code?: string }).code === 'ENOENT' && !isSymlink(path)) return { problems: [], missing: true };
		return { problems: [unreadable(path, error)] };
	}
	const { text, problem } = decodeUtf8(display(path), bytes);
	return problem ? { problems: [problem] } : { text, problems: [] };
}

/**
 * A YAML file of the content folder, located for messages. A file that is not there is `missing`,
 * not a problem: callers decide whether it is required.
 */
export function readYamlFile(path: string): { located?: Located; value?: unknown; problems: Problem[]; missing?: boolean } {
	const file = display(path);
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		if ((error as { code?: string }).code === 'ENOENT' && !isSymlink(path)) return { problems: [], missing: true };
		const { reason, fix } = readFailure(path, error);
		return { problems: [{ file, rule: 'read', severity: 'error', message: `${file.split(/[\\/]/).pop()} cannot be read: ${reason}`, fix }] };
	}
	const decoded = decodeUtf8(file, bytes);
	if (decoded.problem) return { problems: [decoded.problem] };
	const { located, problems } = parseYaml(file, decoded.text, 0);
	if (problems.length > 0) return { problems };
	return { located, value: located.doc.toJS() as unknown, problems };
}

/** A registry file: a YAML list of maps. A missing file is an empty registry, reported by the check. */
export function readRegistry(dir: string, name: string): { located?: Located; items: unknown[]; problems: Problem[] } {
	const path = join(dir, name);
	const { located, value, problems, missing } = readYamlFile(path);
	if (missing) {
		const file = display(path);
		return {
			items: [],
			problems: [
				{
					file,
					rule: 'registry',
					severity: 'error',
					message: `${name} is missing from the content folder`,
					fix: `create ${file} as a YAML list of entries (id, name, …); see the README's content model`,
				},
			],
		};
	}
	if (!located) return { items: [], problems: problems.map((p) => (p.rule === 'read' ? { ...p, rule: 'registry' } : p)) };
	if (!Array.isArray(value)) {
		return { items: [], problems: [{ file: located.file, line: 1, rule: 'registry', severity: 'error', message: `${name} must be a YAML list`, fix: 'start each entry with "- id: …"' }] };
	}
	return { located, items: value, problems };
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
