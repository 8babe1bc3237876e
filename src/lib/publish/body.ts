/**
 * A body (postmortem or pattern note) as the Markdown processor reads it. Sätteri, the processor
 * that renders it, also parses it here, so <Internal>, comments and raw HTML are found where the
 * renderer will see them, never by matching text: a tag in a code block is only text, and `< Internal >`
 * or a tag broken by a line break is not a tag at all (and so would be published as text).
 *
 * The same analysis serves the loader (which parts each edition keeps), the check (what is wrong
 * with the markup) and the lint (which text each edition publishes).
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import { htmlTokens } from './html-tokens.ts';
import { isSafeUrl, tagVerdict } from './html-policy.ts';
import { normalize } from './text.ts';

export const INTERNAL_TAG = 'internal';

/** A well-formed <Internal>…</Internal>: offsets into the body. */
export interface InternalPart {
	/** Start of `<Internal>` and end of `</Internal>`. */
	start: number;
	end: number;
	/** The text between the two tags. */
	innerStart: number;
	innerEnd: number;
	/** The tags stand on lines of their own, around whole paragraphs. */
	block: boolean;
}

/** Something wrong with the markup, at an offset into the body. */
export interface BodyIssue {
	offset: number;
	rule: 'internal-block' | 'html-removed';
	severity: 'error' | 'warning';
	message: string;
	fix: string;
	/** For html-removed: what the sanitizer takes out, as a short name (`<meta>`, `onclick`, `javascript: link`). */
	removed?: string;
	/** Whether what is removed could run code, load content or send readers elsewhere. */
	unsafe?: boolean;
}

/** A piece of text as it reaches readers, decoded, at an offset into the body. */
export interface BodyText {
	text: string;
	offset: number;
	/**
	 * prose: paragraphs, headings, cells, alt text; code: code spans and blocks; url: link and image
	 * targets; html: text and attribute values of raw HTML; comment: an HTML comment (never shown, but
	 * linted anyway); script: code in an MDX body (an expression, an import), never shown either.
	 */
	kind: 'prose' | 'code' | 'url' | 'html' | 'comment' | 'script';
	/** Inside a blockquote: the words are someone else's. */
	quoted: boolean;
	/** Offsets of the pieces the text was joined from, for mapping a position inside it back to the body; `code` marks a code span's text. */
	pieces: { at: number; offset: number; code?: boolean }[];
	/** A url that is an image's source: it loads when the page is read. */
	image?: boolean;
}

export interface BodyAnalysis {
	internal: InternalPart[];
	/** Parts no edition shows: MDX elements the plugin removes with their content (mdx/texts.ts). */
	dropped?: { start: number; end: number }[];
	comments: { start: number; end: number }[];
	issues: BodyIssue[];
	texts: BodyText[];
}

interface Point {
	offset?: number;
	line: number;
	column: number;
}

type Node = MdastNode & { position?: { start: Point; end: Point }; children?: Node[]; value?: string; url?: string; alt?: string | null; title?: string | null; label?: string | null; identifier?: string; lang?: string | null; meta?: string | null };

const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
const CODE_ATTEMPT = /<\s*\/?\s*internal\b/i;

/**
 * Offsets into an html node's value, mapped to offsets into the body. Inside a blockquote or a list
 * the value lacks each line's container prefix (`> `, indentation): a value line is the end of its
 * body line.
 */
function htmlOffsets(body: string, lineStarts: number[], node: Node): (offset: number) => number {
	const value = node.value ?? '';
	const start = node.position!.start;
	const valueLines = value.split('\n');
	const valueStarts = [0];
	for (const line of valueLines) valueStarts.push(valueStarts.at(-1)! + line.length + 1);
	return (offset) => {
		let k = valueStarts.findLastIndex((s) => s <= offset);
		if (k >= valueLines.length) k = valueLines.length - 1;
		const column = offset - valueStarts[k];
		if (k === 0) return (start.offset ?? 0) + column;
		const bodyLine = start.line - 1 + k;
		const lineEnd = (lineStarts[bodyLine + 1] ?? body.length + 1) - 1;
		return lineEnd - valueLines[k].length + column;
	};
}

const lineStartsOf = (text: string) => {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return starts;
};

interface TagEvent {
	kind: 'open' | 'close' | 'self-closing' | 'attempt';
	start: number;
	end: number;
	/** The tag is the whole of its own html block (a line of its own). */
	alone: boolean;
	/** The paragraph (or other block) it sits in, to keep an inline part inside one. */
	block: Node | undefined;
	canonical: boolean;
	/** The tag as written. */
	raw: string;
}

export function analyzeBody(body: string, verify = true): BodyAnalysis {
	const tree = markdownToMdast(body, { features: { frontmatter: false } }) as Node;
	const lineStarts = lineStartsOf(body);
	const events: TagEvent[] = [];
	const comments: BodyAnalysis['comments'] = [];
	const issues: BodyIssue[] = [];
	const texts: BodyText[] = [];

	const removed = (offset: number, what: string, unsafe: boolean, fix: string) =>
		issues.push({ offset, rule: 'html-removed', severity: 'warning', removed: what, unsafe, message: `removed from the page: ${what}; bodies keep only the HTML that Markdown produces`, fix });

	/** The text of an inline run (a paragraph, heading or cell), joined, with where each piece came from. */
	const inlineText = (node: Node, quoted: boolean, block: Node) => {
		const pieces: BodyText['pieces'] = [];
		let text = '';
		const walk = (child: Node) => {
			const offset = child.position?.start.offset ?? 0;
			if (child.type === 'text') {
				pieces.push({ at: text.length, offset });
				text += child.value ?? '';
			} else if (child.type === 'inlineCode') {
				// Shown inline, next to its neighbours: a secret split by backticks is still whole on the page.
				pieces.push({ at: text.length, offset: offset + 1, code: true });
				text += child.value ?? '';
			} else if (child.type === 'break') {
				text += '\n';
			} else if (child.type === 'html') {
				html(child, quoted, block);
				// An inline tag or comment renders as nothing between its neighbours ("db6.acme<wbr>.internal"); a <br> as a line break.
				if (/^<br\b/i.test(child.value ?? '')) text += '\n';
			} else if (child.type === 'image' || child.type === 'imageReference') {
				if (child.type === 'image') url(child, quoted);
				if (child.alt) texts.push({ text: child.alt, offset: offset + 2, kind: 'prose', quoted, pieces: [{ at: 0, offset: offset + 2 }] });
			} else if (child.type === 'footnoteReference') {
				label(child, quoted);
			} else {
				if (child.type === 'link') url(child, quoted);
				for (const grandchild of child.children ?? []) walk(grandchild);
			}
		};
		for (const child of node.children ?? []) walk(child);
		if (text.trim()) texts.push({ text, offset: pieces[0]?.offset ?? node.position?.start.offset ?? 0, kind: 'prose', quoted, pieces });
	};

	/** Labels and languages end up in ids, classes and links of the page: a footnote's name, a code fence's language. */
	const label = (node: Node & { label?: string | null; identifier?: string; lang?: string | null; meta?: string | null }, quoted: boolean) => {
		const offset = node.position?.start.offset ?? 0;
		for (const value of [node.label ?? node.identifier, node.lang, node.meta]) if (value) texts.push({ text: value, offset, kind: 'code', quoted, pieces: [{ at: 0, offset }] });
	};

	const url = (node: Node, quoted: boolean) => {
		const offset = node.position?.start.offset ?? 0;
		if (node.url) {
			texts.push({ text: node.url, offset, kind: 'url', quoted, pieces: [{ at: 0, offset }], image: node.type === 'image' });
			const image = node.type === 'image';
			if (!isSafeUrl(node.url, { image })) {
				const scheme = /^\s*([a-z][\w+.-]*):/i.exec(node.url)?.[1].toLowerCase();
				removed(offset, image ? 'an image from another site' : `the ${scheme ?? 'unsafe'}: link`, !image || !isSafeUrl(node.url), image ? 'store the image beside the postmortem and use a relative path' : 'link only to http(s) addresses or to pages of this site');
			}
		}
		if (node.title) texts.push({ text: node.title, offset, kind: 'prose', quoted, pieces: [{ at: 0, offset }] });
	};

	const html = (node: Node, quoted: boolean, block: Node | undefined) => {
		const map = htmlOffsets(body, lineStarts, node);
		const tokens = htmlTokens(node.value ?? '');
		const alone = block === undefined && tokens.filter((t) => t.type !== 'text' || t.text.trim()).length === 1;
		for (const token of tokens) {
			const start = map(token.start);
			if (token.type === 'comment') {
				comments.push({ start, end: map(token.end) });
				texts.push({ text: token.text, offset: start + 4, kind: 'comment', quoted, pieces: [{ at: 0, offset: start + 4 }] });
			} else if (token.type === 'text') {
				if (token.text.trim()) texts.push({ text: token.text, offset: start, kind: 'html', quoted, pieces: [{ at: 0, offset: start }] });
			} else if (token.name === INTERNAL_TAG) {
				const raw = body.slice(start, map(token.end));
				const canonical = token.type === 'start' ? raw === '<Internal>' : raw === '</Internal>';
				const kind = token.type === 'end' ? 'close' : token.selfClosing ? 'self-closing' : 'open';
				events.push({ kind, start, end: map(token.end), alone, block, canonical, raw });
			} else if (token.type === 'start') {
				for (const attr of token.attrs) {
					if (!attr.value.trim()) continue;
					const isUrl = attr.name === 'href' || attr.name === 'src';
					texts.push({ text: attr.value, offset: start, kind: isUrl ? 'url' : 'html', quoted, pieces: [{ at: 0, offset: start }], image: isUrl && token.name === 'img' });
				}
				const verdict = tagVerdict(token.name, token.attrs);
				if (verdict.removed) removed(start, `the <${token.name}> tag${verdict.withContent ? ' and its content' : ''}`, true, 'remove it; write the text in Markdown, and link to anything it would load');
				for (const { label, unsafe } of verdict.attributes) removed(start, `the ${label} attribute of <${token.name}>`, unsafe, 'remove the attribute; links may point only at http(s) addresses or pages of this site, images only at files of this site');
			}
		}
	};

	const visit = (node: Node, quoted: boolean, parent: Node | undefined) => {
		switch (node.type) {
			case 'paragraph':
			case 'heading':
			case 'tableCell':
				inlineText(node, quoted, node);
				return;
			case 'code':
				label(node, quoted);
				texts.push({ text: node.value ?? '', offset: node.position?.start.offset ?? 0, kind: 'code', quoted, pieces: [{ at: 0, offset: lineStarts[(node.position?.start.line ?? 1)] ?? 0 }] });
				return;
			case 'html':
				html(node, quoted, parent && BLOCK_CONTAINERS.has(parent.type) ? undefined : parent);
				return;
			case 'definition':
				url(node, quoted);
				return;
			case 'footnoteDefinition':
				label(node, quoted);
				for (const child of node.children ?? []) visit(child, quoted, node);
				return;
			default:
				for (const child of node.children ?? []) visit(child, quoted || node.type === 'blockquote', node);
		}
	};
	visit(tree, false, undefined);

	events.push(...lookalikes(texts));

	const analysis = { internal: pairInternal(events, issues), comments, issues, texts };
	if (verify) issues.push(...cutChanges(body, analysis));
	return analysis;
}

/**
 * Whatever text a reader sees may not hold something that looks like the tag: it would be published
 * as written. Code is only text, and comments are never shown. Look-alikes fold to '<' (NFKC) and
 * zero-width characters go, as for the lint.
 */
function lookalikes(texts: readonly BodyText[]): TagEvent[] {
	const events: TagEvent[] = [];
	for (const t of texts) {
		if (t.kind === 'code' || t.kind === 'comment' || t.kind === 'script') continue;
		const { text, source } = normalize(t.text);
		const code = codeRanges(t);
		for (const match of text.matchAll(new RegExp(CODE_ATTEMPT.source, 'gi'))) {
			const index = source(match.index);
			if (code.some(([from, to]) => index >= from && index < to)) continue;
			const piece = t.pieces.findLast((p) => p.at <= index) ?? { at: 0, offset: t.offset };
			const start = piece.offset + index - piece.at;
			events.push({ kind: 'attempt', start, end: start + match[0].length, alone: false, block: undefined, canonical: false, raw: match[0] });
		}
	}
	return events;
}

/** The errors for shown text that looks like <Internal> but is not the tag (an MDX body's reader needs them too). */
export function lookalikeIssues(texts: readonly BodyText[]): BodyIssue[] {
	const issues: BodyIssue[] = [];
	pairInternal(lookalikes(texts), issues);
	return issues;
}

const TAG = '<Internal>…</Internal>';

/** Opening and closing tags paired in document order; every tag that cannot be paired is an error. */
function pairInternal(events: TagEvent[], issues: BodyIssue[]): InternalPart[] {
	const parts: InternalPart[] = [];
	let open: TagEvent | undefined;
	const error = (offset: number, message: string, fix: string) => issues.push({ offset, rule: 'internal-block', severity: 'error', message, fix });
	for (const event of events.sort((a, b) => a.start - b.start)) {
		if (!event.canonical && event.kind !== 'attempt' && event.kind !== 'self-closing') {
			const tag = event.kind === 'open' ? '<Internal>' : '</Internal>';
			issues.push({ offset: event.start, rule: 'internal-block', severity: 'warning', message: `'${event.raw.replace(/\s+/g, ' ')}' is read as ${tag}, but spelled differently`, fix: `write ${tag} exactly: that capitalization, no attributes, no spaces` });
		}
		if (event.kind === 'attempt') {
			error(event.start, 'this looks like an <Internal> tag but is not read as one, so its text would be published', `write ${TAG} with nothing between < and the name, the whole tag on one line; to mention the tag, put it in \`backticks\``);
		} else if (event.kind === 'self-closing') {
			error(event.start, '<Internal/> is self-closing, so it marks nothing as internal (and HTML would treat it as an opening tag)', `wrap the internal text: ${TAG}`);
		} else if (event.kind === 'open') {
			if (open) error(event.start, '<Internal> opened again before the previous one was closed', 'close the first block with </Internal>; blocks cannot be nested');
			else open = event;
		} else if (!open) {
			error(event.start, '</Internal> without an opening <Internal>', 'add <Internal> where the internal-only text starts, or remove this tag');
		} else {
			const block = open.alone && event.alone;
			if (!block && (open.block !== event.block || open.alone !== event.alone)) {
				error(open.start, 'an inline <Internal> must close in the same paragraph; a block needs <Internal> and </Internal> each on a line of its own, with blank lines around', `put both tags alone on their lines around the internal paragraphs`);
			}
			parts.push({ start: open.start, end: event.end, innerStart: open.end, innerEnd: event.start, block });
			open = undefined;
		}
	}
	if (open) error(open.start, '<Internal> is never closed, so everything after it would be treated as public text', 'add </Internal> where the internal-only text ends');
	return parts;
}

/** Where a joined text holds code spans' text, as [from, to) indexes into it. */
export const codeRanges = (t: Pick<BodyText, 'pieces' | 'text'>) => t.pieces.flatMap((p, i) => (p.code ? [[p.at, t.pieces[i + 1]?.at ?? t.text.length] as const] : []));

/** Whether an offset lies inside one of the given parts. */
export const within = (parts: readonly { start: number; end: number }[], offset: number) => parts.some((p) => offset >= p.start && offset < p.end);

/**
 * The body as an edition renders it. The public edition cuts every <Internal> part (and, when the
 * markup is broken, everything from an unclosed tag on); an inline part leaves an empty <span>, so
 * its line keeps its shape (a blank line there would turn the next indented line into a code
 * block). The internal edition keeps the text in a marked container.
 */
export function editionBody(body: string, edition: 'internal' | 'public', analysis: BodyAnalysis = analyzeBody(body)): string {
	return cut(body, edition, analysis).text;
}

/** The edition's body, and for each cut the offset in the result and in the body where it is. */
function cut(body: string, edition: 'internal' | 'public', analysis: BodyAnalysis): { text: string; cuts: { at: number; offset: number }[] } {
	let out = '';
	let at = 0;
	const cuts: { at: number; offset: number }[] = [];
	for (const part of analysis.internal) {
		out += body.slice(at, part.start);
		cuts.push({ at: out.length, offset: part.start });
		if (edition === 'internal') {
			const inner = body.slice(part.innerStart, part.innerEnd);
			out += part.block ? `<div class="internal-only">\n\n${inner.trim()}\n\n</div>` : `<span class="internal-only">${inner}</span>`;
		} else if (!part.block) out += '<span></span>';
		at = part.end;
	}
	const rest = body.slice(at);
	// A broken tag left in the rest means the author's intent is unclear: publish nothing after it.
	if (edition === 'public') {
		const broken = analysis.issues.find((issue) => issue.rule === 'internal-block' && issue.severity === 'error' && issue.offset >= at);
		return { text: out + (broken ? rest.slice(0, broken.offset - at) : rest), cuts };
	}
	return { text: out + rest, cuts };
}

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}._@:/+-]*/gu;

/**
 * Cutting can change how the rest reads: a comment can become a code block, text of a part can join
 * a neighbour. The public body is parsed again, and every word it would show must be one the
 * original shows outside its <Internal> parts.
 */
function cutChanges(body: string, analysis: BodyAnalysis): BodyIssue[] {
	if (analysis.internal.length === 0) return [];
	const shown = new Set<string>();
	for (const t of analysis.texts) {
		if (t.kind === 'comment') continue;
		t.pieces.forEach((piece, i) => {
			if (within(analysis.internal, piece.offset)) return;
			for (const word of t.text.slice(piece.at, t.pieces[i + 1]?.at ?? t.text.length).match(WORDS) ?? []) shown.add(word);
		});
	}
	const { text, cuts } = cut(body, 'public', analysis);
	const issues: BodyIssue[] = [];
	for (const t of analyzeBody(text, false).texts) {
		if (t.kind === 'comment') continue;
		const word = (t.text.match(WORDS) ?? []).find((w) => !shown.has(w));
		if (word === undefined) continue;
		const near = cuts.findLast((c) => c.at <= t.offset) ?? cuts[0];
		issues.push({
			offset: near.offset,
			rule: 'internal-block',
			severity: 'error',
			message: `without this <Internal> part the text around it reads differently, and '${word.slice(0, 40)}' would be shown`,
			fix: 'put a block\'s tags on lines of their own with blank lines around them, and keep an inline part inside its sentence',
		});
		break;
	}
	return issues;
}

/** Offset → 1-based line and column of the body. */
export function bodyPosition(body: string): (offset: number) => { line: number; column: number } {
	const starts = lineStartsOf(body);
	return (offset) => {
		const line = starts.findLastIndex((s) => s <= offset);
		return { line: line + 1, column: offset - starts[line] + 1 };
	};
}
