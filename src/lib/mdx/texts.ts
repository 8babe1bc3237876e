/**
 * What an MDX body shows, read from the MDX syntax tree that @astrojs/mdx compiles: the same
 * BodyAnalysis the Markdown reader (publish/body.ts) gives, so the lint judges both paths alike.
 * Reading an MDX body as Markdown was the cause of every leak found through MDX: a comment, an
 * attribute value or a literal that Markdown parses differently hid or showed the wrong text.
 *
 * - <Internal> is the element itself, as the public edition's plugin removes it (mdx/plugin.ts),
 *   and an element the plugin drops in both editions (dropsElement) shows nothing it contains;
 * - attribute values are text the page may show (a caption, a title), links where they name a file;
 * - a literal expression {"…"} is shown text; a comment is never shown; any other expression, and
 *   an import the team may not make, is script: removed by the plugin, refused by the check, and
 *   still read by the lint, which refuses code in a published body whatever ran before it.
 */
import { lookalikeIssues, type BodyAnalysis, type BodyText, type InternalPart } from '../publish/body.ts';
import { dropsElement, isComment, isLiteral, mdxTree, type JsxElement, type MdastNode } from './analyze.ts';

type Node = MdastNode & { url?: string; alt?: string | null; title?: string | null; label?: string | null; identifier?: string; lang?: string | null; meta?: string | null };
type Attribute = { type: string; name?: string; value?: unknown };

/** Attributes that name a file or an address rather than hold words. */
const URL_ATTRIBUTES = new Set(['src', 'href', 'data', 'cite']);

const startOf = (node: Node) => node.position?.start.offset ?? 0;
const endOf = (node: Node) => node.position?.end?.offset ?? startOf(node);

/** The value a literal expression renders: a string's contents, or the literal as written. */
const literalText = (value: string) => {
	const trimmed = value.trim();
	return /^["']/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
};

export interface MdxReading {
	/** Whether an import statement is one the body may hold (a team component): read as a comment, not as script. */
	allowedImport?: (statement: string) => boolean;
}

export function mdxBodyAnalysis(body: string, { allowedImport = () => false }: MdxReading = {}): BodyAnalysis {
	const root = mdxTree(body) as Node;
	const lineStarts = [0, ...[...body.matchAll(/\n/g)].map((m) => m.index! + 1)];
	const texts: BodyText[] = [];
	const internal: InternalPart[] = [];
	const dropped: { start: number; end: number }[] = [];
	const push = (text: string, offset: number, kind: BodyText['kind'], quoted: boolean, image?: boolean) => {
		if (text.trim()) texts.push({ text, offset, kind, quoted, pieces: [{ at: 0, offset }], ...(image ? { image } : {}) });
	};

	/** An element's own parts: the <Internal> range it marks, and its attribute values. */
	const element = (node: Node, quoted: boolean) => {
		if (node.name !== 'Internal' && node.name !== 'Figure' && node.name !== 'Graph' && dropsElement(node as JsxElement)) dropped.push({ start: startOf(node), end: endOf(node) });
		if (node.name === 'Internal') {
			const children = node.children ?? [];
			internal.push({ start: startOf(node), end: endOf(node), innerStart: children.length ? startOf(children[0]) : endOf(node), innerEnd: children.length ? endOf(children.at(-1)!) : endOf(node), block: node.type === 'mdxJsxFlowElement' });
		}
		const source = body.slice(startOf(node), endOf(node));
		for (const a of (node.attributes ?? []) as Attribute[]) {
			if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') {
				// Attributes carry no position: the value's first occurrence in the tag is near enough.
				const found = source.indexOf(a.value);
				const name = String(a.name ?? '');
				push(a.value, startOf(node) + Math.max(found, 0), URL_ATTRIBUTES.has(name) ? 'url' : 'html', quoted, name === 'src');
			} else {
				const code = a.type === 'mdxJsxAttribute' ? (a.value as { value?: unknown } | null)?.value : a.value;
				if (typeof code === 'string') push(`{${code}}`, startOf(node), 'script', quoted);
			}
		}
	};

	const url = (node: Node, quoted: boolean) => {
		const offset = startOf(node);
		if (node.url) push(node.url, offset, 'url', quoted, node.type === 'image');
		if (node.title) push(node.title, offset, 'prose', quoted);
	};

	const label = (node: Node, quoted: boolean) => {
		for (const value of [node.label ?? node.identifier, node.lang, node.meta]) if (value) push(value, startOf(node), 'code', quoted);
	};

	/** An expression: a literal is shown where it stands, a comment never is, anything else is code. */
	const expression = (node: Node, quoted: boolean): string => {
		const value = String(node.value ?? '');
		if (isComment(value)) push(value, startOf(node) + 1, 'comment', quoted);
		else if (isLiteral(value)) return literalText(value);
		else push(body.slice(startOf(node), endOf(node)), startOf(node), 'script', quoted);
		return '';
	};

	/** The text of an inline run (a paragraph, heading or cell), joined, with where each piece came from. */
	const inlineText = (node: Node, quoted: boolean) => {
		const pieces: BodyText['pieces'] = [];
		let text = '';
		const walk = (child: Node) => {
			const offset = startOf(child);
			switch (child.type) {
				case 'text':
					pieces.push({ at: text.length, offset });
					text += String(child.value ?? '');
					return;
				case 'inlineCode':
					pieces.push({ at: text.length, offset: offset + 1, code: true });
					text += String(child.value ?? '');
					return;
				case 'break':
					text += '\n';
					return;
				case 'mdxTextExpression': {
					const shown = expression(child, quoted);
					if (shown) pieces.push({ at: text.length, offset: offset + 1 }), (text += shown);
					return;
				}
				case 'image':
				case 'imageReference':
					if (child.type === 'image') url(child, quoted);
					if (child.alt) push(child.alt, offset + 2, 'prose', quoted);
					return;
				case 'footnoteReference':
					label(child, quoted);
					return;
				case 'mdxJsxTextElement':
					element(child, quoted);
					break;
				case 'link':
					url(child, quoted);
					break;
			}
			for (const grandchild of child.children ?? []) walk(grandchild);
		};
		for (const child of node.children ?? []) walk(child);
		if (text.trim()) texts.push({ text, offset: pieces[0]?.offset ?? startOf(node), kind: 'prose', quoted, pieces });
	};

	const visit = (node: Node, quoted: boolean) => {
		switch (node.type) {
			case 'paragraph':
			case 'heading':
			case 'tableCell':
				return inlineText(node, quoted);
			case 'code':
				label(node, quoted);
				texts.push({ text: String(node.value ?? ''), offset: startOf(node), kind: 'code', quoted, pieces: [{ at: 0, offset: lineStarts[node.position?.start.line ?? 1] ?? 0 }] });
				return;
			case 'mdxFlowExpression': {
				const shown = expression(node, quoted);
				if (shown) push(shown, startOf(node) + 1, 'prose', quoted);
				return;
			}
			case 'mdxjsEsm': {
				const value = String(node.value ?? '');
				return push(value, startOf(node), allowedImport(value) ? 'comment' : 'script', quoted);
			}
			case 'html':
				// MDX has no raw HTML node; should a parser produce one, its text is read, not trusted.
				return push(String(node.value ?? ''), startOf(node), 'html', quoted);
			case 'definition':
				return url(node, quoted);
			case 'footnoteDefinition':
				label(node, quoted);
				break;
			case 'mdxJsxFlowElement':
				element(node, quoted);
				break;
		}
		for (const child of node.children ?? []) visit(child as Node, quoted || node.type === 'blockquote');
	};
	visit(root, false);
	return { internal, dropped, comments: [], issues: lookalikeIssues(texts), texts };
}
