/**
 * Pattern-page notes (notes/components/<id>.mdx, notes/causes/<id>.mdx), read the way postmortems
 * are: problems are returned with their line, never thrown, so one broken note neither passes the
 * check nor stops the build or blanks the registry after it in dev.
 */
import type { Problem } from './check/problem.ts';
import { fieldNames, schemaProblems } from './check/schema-issues.ts';
import { display, listNotes, parsePostmortem, readText, splitFrontmatter, type Located } from './source.ts';
import { noteSchema, type Note } from '../schemas/note.ts';

export interface NoteSource {
	/** components/orders-db */
	id: string;
	kind: 'components' | 'causes';
	/** The component or cause id it is about. */
	target: string;
	path: string;
	/** Path as messages show it. */
	file: string;
	data: Note;
	body: string;
	/** The file line on which the body starts. */
	bodyLine: number;
	/** The frontmatter's YAML, for locating problems; absent when the note has none. */
	located?: Located;
}

const known = fieldNames(noteSchema);

export function readNote({ kind, target, path }: { kind: NoteSource['kind']; target: string; path: string }): { note?: NoteSource; problems: Problem[] } {
	const { text, problems: readProblems } = readText(path);
	if (text === undefined) return { problems: readProblems };
	const file = display(path);
	const base = { id: `${kind}/${target}`, kind, target, path, file };
	const { yaml, body, bodyLine } = splitFrontmatter(text);
	if (yaml === undefined || !yaml.trim()) return { note: { ...base, data: {}, body, bodyLine }, problems: [] };
	const { source, problems } = parsePostmortem(path, text);
	if (!source) return { problems };
	const parsed = noteSchema.safeParse(source.data);
	if (!parsed.success) return { problems: schemaProblems(source, parsed.error.issues, known) };
	return { note: { ...base, data: parsed.data, body: source.body, bodyLine: source.bodyLine, located: source }, problems: [] };
}

/** Every note of a content folder, with the problems of those that cannot be read. */
export function readNotes(contentDir: string): { notes: NoteSource[]; problems: Problem[] } {
	const notes: NoteSource[] = [];
	const problems: Problem[] = [];
	for (const entry of listNotes(contentDir)) {
		const result = readNote(entry);
		if (result.note) notes.push(result.note);
		problems.push(...result.problems);
	}
	return { notes, problems };
}
