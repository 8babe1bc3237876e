/**
 * The text the lint reads: every string a page can show, from the frontmatter (as YAML decodes it),
 * the body (as Sätteri parses it, entities decoded), notes and registry entries, each with where it
 * comes from in the file and whether the public edition publishes it. Whether it is published is
 * decided by the functions the loader uses (editionData, the body's <Internal> parts), so the lint
 * judges exactly what would be built, not a guess from the raw file.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { editionData } from '../edition.ts';
import { analyzeBody, bodyPosition, codeRanges, within, type BodyAnalysis, type BodyText } from '../publish/body.ts';
import { normalize } from '../publish/text.ts';
import type { Located, Position } from '../source.ts';

export interface Segment {
	/** Decoded and normalized: no zero-width characters, compatibility forms folded (NFKC). */
	text: string;
	kind: 'prose' | 'code' | 'url' | 'html' | 'comment' | 'script';
	/** Whether the public edition shows it, given that its document is published. */
	published: boolean;
	/** Only in a field the public edition drops (ticket, revenue, owners when hidden). */
	dropped?: boolean;
	/** In a blockquote: someone else's words. */
	quoted: boolean;
	/** The link to another organization's public write-up (`source.url`). */
	publicLink?: boolean;
	/** An image source, loaded by every reader. */
	image?: boolean;
	/** The frontmatter field, dotted, where it is one. */
	field?: string;
	/** `text` with code spans blanked, where the segment has some: for the checks of the author's own words. */
	masked?: string;
	/** File position of a character of `text`. */
	position(index: number): Position;
}

const fieldName = (path: readonly PropertyKey[]) => path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');

const getIn = (data: unknown, path: readonly PropertyKey[]) => path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);

/** Every string value of a YAML document with its path and where its text starts. */
function stringLeaves(source: Located): { path: PropertyKey[]; value: string; position: (index: number) => Position }[] {
	const leaves: ReturnType<typeof stringLeaves> = [];
	const visit = (node: unknown, path: PropertyKey[]) => {
		if (isMap(node)) {
			for (const pair of node.items) if (isScalar(pair.key)) visit(pair.value, [...path, pair.key.value as PropertyKey]);
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => visit(item, [...path, i]));
		} else if (isScalar(node) && typeof node.value === 'string') {
			leaves.push({ path, value: node.value, position: scalarPosition(source, node, node.value) });
		}
	};
	visit((source.doc as { contents: Node | null }).contents, []);
	return leaves;
}

/**
 * Where a character of a scalar's value is in the file. YAML folds lines, strips indentation and
 * decodes escapes, so the value is not the source text: the word around the character is looked up
 * in the scalar's own source (its CST token), counting earlier occurrences of the same word.
 */
function scalarPosition(source: Located, node: Scalar, value: string): (index: number) => Position {
	// Kept by parseDocument's keepSourceTokens. A block scalar's source starts on the line after its header (| or >).
	const token = node.srcToken as { type?: string; source?: string; offset?: number } | undefined;
	const raw = token?.source ?? '';
	const offset = token?.offset ?? node.range?.[0] ?? 0;
	const base = token?.type === 'block-scalar' ? (source.lines.lineStarts[source.lines.linePos(offset).line] ?? offset) : offset;
	const at = (offset: number) => {
		const { line, col } = source.lines.linePos(offset);
		return { line: line + source.lineOffset, column: col };
	};
	return (index) => {
		let start = Math.min(index, value.length);
		let end = start;
		while (start > 0 && !/\s/.test(value[start - 1])) start--;
		while (end < value.length && !/\s/.test(value[end])) end++;
		const word = value.slice(start, end);
		if (!word) return at(base);
		let seen = 0;
		for (let i = value.indexOf(word); i >= 0 && i < start; i = value.indexOf(word, i + 1)) seen++;
		let found = -1;
		for (let k = 0; k <= seen; k++) {
			found = raw.indexOf(word, found + 1);
			if (found < 0) break;
		}
		return at(found < 0 ? base : base + found + (index - start));
	};
}

const segment = (raw: string, props: Omit<Segment, 'text' | 'position'>, position: (index: number) => Position): Segment => {
	const { text, source } = normalize(raw);
	return { ...props, text, position: (index) => position(source(index)) };
};

/** A frontmatter's strings; `shown` is the data the public edition keeps (undefined: all of it). */
export function frontmatterSegments(source: Located, shown: Record<string, unknown> | undefined, options: { external: boolean }): Segment[] {
	return stringLeaves(source).map(({ path, value, position }) => {
		const last = path.at(-1);
		const url = last === 'url' || last === 'ticket';
		const dropped = shown !== undefined && getIn(shown, path) !== value;
		return segment(value, { kind: url ? 'url' : 'prose', published: !dropped, dropped, quoted: false, publicLink: options.external && fieldName(path) === 'source.url', field: fieldName(path) }, position);
	});
}

/**
 * A body's texts: prose, code, links, raw HTML and comments, with what its <Internal> parts hide. A
 * paragraph that is partly internal becomes one segment per run of pieces on either side of the
 * cut, so "<Internal>x</Internal> the primary db1…" still has its public words judged as public.
 */
export function bodySegments(body: string, bodyLine: number, analysis: BodyAnalysis = analyzeBody(body)): Segment[] {
	const position = bodyPosition(body);
	return analysis.texts.flatMap((t) => {
		const pieces = t.pieces.length ? t.pieces : [{ at: 0, offset: t.offset }];
		const runs: { from: number; to: number; published: boolean; pieces: BodyText['pieces'] }[] = [];
		pieces.forEach((piece, i) => {
			const published = t.kind !== 'comment' && t.kind !== 'script' && !within(analysis.internal, piece.offset) && !within(analysis.dropped ?? [], piece.offset);
			const to = pieces[i + 1]?.at ?? t.text.length;
			const last = runs.at(-1);
			if (last && last.published === published) (last.to = to), last.pieces.push({ ...piece, at: piece.at - last.from });
			else runs.push({ from: piece.at, to, published, pieces: [{ ...piece, at: 0 }] });
		});
		return runs.map((run) => {
			const text = t.text.slice(run.from, run.to);
			const at = (index: number) => {
				const piece = run.pieces.findLast((p) => p.at <= index) ?? run.pieces[0];
				const { line, column } = position(piece.offset + index - piece.at);
				return { line: line + bodyLine - 1, column };
			};
			const seg = segment(text, { kind: t.kind, published: run.published, quoted: t.quoted, image: t.image }, at);
			const code = codeRanges({ pieces: run.pieces, text });
			if (code.length === 0) return seg;
			// Names and blameless phrases are not looked for in code, which is quoted, not the author's words.
			const { source } = normalize(text);
			const masked = seg.text.split('').map((char, i) => (code.some(([a, b]) => source(i) >= a && source(i) < b) ? ' ' : char)).join('');
			return { ...seg, masked };
		});
	});
}

/** The strings of a postmortem's frontmatter as the public edition keeps them. */
export const publicData = (data: Record<string, unknown>, publicOwners: boolean, ids?: ReadonlySet<string>) => editionData(data, { edition: 'public', publicOwners, ids });
