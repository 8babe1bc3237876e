/**
 * Whether a body needs MDX, and what its MDX does, read from Sätteri's MDX syntax tree (the parser
 * @astrojs/mdx compiles with). A body with no component other than <Internal>, no expression and
 * no import stays on the fast Markdown path; one that has them is compiled as an MDX module, and the
 * check judges every element, attribute, expression and import found here.
 */
import { initSync, parse as parseModule } from 'es-module-lexer';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { tagVerdict } from '../publish/html-policy.ts';

/** The fields of Sätteri's MDX nodes read here. */
export interface MdastNode {
	type: string;
	name?: unknown;
	value?: unknown;
	attributes?: unknown[];
	children?: MdastNode[];
	position?: { start: { line: number; column: number; offset?: number }; end?: { line: number; column: number; offset?: number } };
}

/** A cheap test before parsing: a body without any of these cannot use MDX. */
const MAYBE_MDX = /[{]|<[A-Z]|^\s*(?:import|export)\s/m;

export interface Located {
	/** 1-based line and column in the body. */
	line: number;
	column: number;
}

export interface JsxAttribute {
	name: string;
	/** A literal value; `true` for a bare attribute; undefined when it is an expression. */
	value: string | true | undefined;
	expression?: string;
}

export interface JsxUse extends Located {
	name: string;
	flow: boolean;
	attributes: JsxAttribute[];
	/** The element's text, for a <Chat> or a <Term> label. */
	text: string;
}

export interface MdxAnalysis {
	/** Whether the body is compiled as MDX (uses a component other than <Internal>, an expression or an import). */
	mdx: boolean;
	/** The parser's message when the body is not valid MDX but tries to be. */
	error?: Located & { message: string };
	elements: JsxUse[];
	expressions: (Located & { value: string; comment: boolean })[];
	esm: (Located & { value: string; imports?: TeamImport[] })[];
	/** Markdown images: Astro imports each local one, so each must be a file of the content folder. */
	images: (Located & { url: string })[];
}

/** `import Name from "./path.astro"`: the one form of import a body may hold (a team's component). */
export interface TeamImport {
	name: string;
	specifier: string;
}

/**
 * The imports of an ESM block (MDX joins consecutive lines into one), when it holds nothing but
 * default imports, read with es-module-lexer (the lexer Vite uses); anything else (named imports,
 * exports, code between them) is undefined and refused.
 */
export function teamImports(block: string): TeamImport[] | undefined {
	initSync();
	let imports: readonly { n?: string; ss: number; se: number; d: number }[];
	let exports: readonly unknown[];
	try {
		[imports, exports] = parseModule(block) as unknown as [typeof imports, unknown[]];
	} catch {
		return undefined;
	}
	if (imports.length === 0 || exports.length > 0) return undefined;
	const found: TeamImport[] = [];
	let end = 0;
	for (const { ss, se, n, d } of imports) {
		// Nothing but white space and semicolons between the statements, and each binding one plain name.
		if (d !== -1 || !n || block.slice(end, ss).replace(/;/g, '').trim()) return undefined;
		const binding = /^import\s+([A-Z][A-Za-z0-9]*)\s+from\s*['"]/.exec(block.slice(ss, se));
		if (!binding) return undefined;
		found.push({ name: binding[1], specifier: n });
		end = se;
	}
	return block.slice(end).replace(/;/g, '').trim() ? undefined : found;
}

const NONE: MdxAnalysis = { mdx: false, elements: [], expressions: [], esm: [], images: [] };

const at = (node: MdastNode): Located => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
const textOf = (node: MdastNode): string => (typeof node.value === 'string' && node.type === 'text' ? node.value : (node.children ?? []).map(textOf).join(''));
/**
 * The two expressions that are not code: one comment {/* … *\/} (exactly one: "/* a *\/ code /* b *\/"
 * is code between two comments), and a literal string, number, true, false or null.
 */
export const isComment = (value: string) => /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(value);
export const isLiteral = (value: string) => /^\s*(?:"[^"\\\n]*"|'[^'\\\n]*'|-?\d+(?:\.\d+)?|true|false|null)\s*$/.test(value);

let last: { body: string; tree: MdastNode } | undefined;

/**
 * Sätteri's MDX tree of a body; throws when the body is not valid MDX. The loader, the check and the
 * lint each ask several readers about the same body in a row, so the last tree is kept: the trees
 * are only read, never changed.
 */
export function mdxTree(body: string): MdastNode {
	if (last?.body !== body) last = { body, tree: mdxToMdast(body) as unknown as MdastNode };
	return last.tree;
}

export function analyzeMdx(body: string): MdxAnalysis {
	if (!MAYBE_MDX.test(body)) return NONE;
	let root: MdastNode;
	try {
		root = mdxTree(body);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		// "15:1: Unexpected character…": the parser's position comes first.
		const [, line = '1', column = '1', rest = message] = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message) ?? [];
		// Plain Markdown that is not valid MDX (an HTML comment, a lone "<") stays Markdown, unless it reaches for components.
		// Every spelling of <Internal> is the Markdown path's own tag (publish/body.ts), not a component.
		const tries = /<[A-Z][\w.]*(?:\s|\/?>)/.test(body.replace(/<\/?\s*internal\b[^>]*>/gi, '')) || /^\s*(?:import|export)\s/m.test(body) || /\{\s*\/\*/.test(body);
		return tries ? { ...NONE, mdx: true, error: { line: Number(line), column: Number(column), message: rest.replace(/\s*\(mdx[\w:-]*\)\s*$/, '') } } : NONE;
	}
	const analysis: MdxAnalysis = { mdx: false, elements: [], expressions: [], esm: [], images: [] };
	const visit = (node: MdastNode) => {
		if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
			const attributes = ((node.attributes ?? []) as { type: string; name?: string; value?: unknown }[]).map((a): JsxAttribute => {
				if (a.type !== 'mdxJsxAttribute') return { name: '{…}', value: undefined, expression: String((a as { value?: unknown }).value ?? '') };
				if (a.value === null || a.value === undefined) return { name: a.name!, value: true };
				if (typeof a.value === 'string') return { name: a.name!, value: a.value };
				return { name: a.name!, value: undefined, expression: String((a.value as { value?: unknown }).value ?? '') };
			});
			analysis.elements.push({ ...at(node), name: String(node.name ?? ''), flow: node.type === 'mdxJsxFlowElement', attributes, text: textOf(node) });
		} else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
			const value = String(node.value ?? '');
			analysis.expressions.push({ ...at(node), value, comment: isComment(value) });
		} else if (node.type === 'mdxjsEsm') {
			const value = String(node.value ?? '');
			analysis.esm.push({ ...at(node), value, imports: teamImports(value) });
		} else if (node.type === 'image') {
			analysis.images.push({ ...at(node), url: String((node as { url?: unknown }).url ?? '') });
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(root);
	// A comment too: on the Markdown path {/* … */} would be printed as text.
	analysis.mdx = analysis.esm.length > 0 || analysis.expressions.length > 0 || analysis.elements.some((e) => e.name !== 'Internal');
	return analysis;
}

/**
 * Whether a body is read from its MDX tree: a .mdx file whose body needs MDX (the loader leaves it
 * to @astrojs/mdx). One that does not parse has no tree; the check and the build both fail on it.
 */
export const readsAsMdx = (path: string, mdx: MdxAnalysis) => /\.mdx$/i.test(path) && mdx.mdx && !mdx.error;

/** The fields of an MDX element node that decide whether it is kept. */
export interface JsxElement {
	name?: string | null;
	attributes?: { type: string; name?: string; value?: unknown }[];
}

/**
 * Whether the MDX plugin removes an element (other than <Internal>, <Figure> and <Graph>, which it
 * handles itself) with all it contains, in both editions. The check refuses each of these first; a
 * build that skipped it loses the element, not its code. The lint reads what is inside as unshown.
 */
export function dropsElement(node: Readonly<JsxElement>): boolean {
	const name = node.name ?? '';
	const attributes = node.attributes ?? [];
	const text = (a: { type: string; value?: unknown }) => a.type === 'mdxJsxAttribute' && typeof a.value !== 'object';
	if (!/^[a-z]/.test(name)) {
		// Components take text props only; the one spread is the page data the plugin passes to its own two.
		const ours = (a: { type: string; value?: unknown }) => a.type === 'mdxJsxExpressionAttribute' && (name === 'PageImpact' || name === 'PageTimeline') && /^\s*\.\.\.props\.page\s*$/.test(String(a.value ?? ''));
		return !attributes.every((a) => text(a) || ours(a));
	}
	const verdict = tagVerdict(name, attributes.map((a) => ({ name: a.type === 'mdxJsxAttribute' ? String(a.name) : 'on-spread', value: typeof a.value === 'string' ? a.value : '' })));
	if (verdict.removed) return true;
	// Spread and expression attributes are code, and an attribute the sanitizer drops may be.
	const dropped = new Set(verdict.attributes.map((a) => a.label.split('=')[0]));
	return !attributes.every((a) => text(a) && !dropped.has(String(a.name)));
}

/**
 * Why an import statement of a body is refused, or undefined when it may stay: a default import of
 * an .astro file of the team's components folder. The check reports the reason; the MDX plugin
 * drops a refused statement, so a build that skipped the check still runs no other module.
 */
export function importProblem(statement: string, fromFile: string, componentsDir: string): string | undefined {
	const imports = teamImports(statement);
	if (!imports) return 'only `import Name from "…/components/Name.astro"` is allowed: bodies run no other code';
	for (const found of imports) {
		if (!found.specifier.endsWith('.astro')) return `'${found.specifier}' is not an .astro component`;
		const target = besideFile(fromFile, found.specifier, componentsDir);
		if (target === 'outside') return `'${found.specifier}' is not in the components folder (${relative(process.cwd(), componentsDir) || '.'})`;
		if (target === 'missing') return `'${found.specifier}': no such file`;
	}
	return undefined;
}

/**
 * A file a body names (an image, a CSV, a component), resolved from the body's file and followed
 * through symbolic links: its real path when that is inside `folder`, else why not. A link out of
 * the content folder would otherwise publish whatever it points at.
 */
export function besideFile(fromFile: string, specifier: string, folder: string): string | 'outside' | 'missing' {
	if (!/^\.\.?\//.test(specifier)) return 'outside';
	const target = resolve(dirname(fromFile), specifier);
	const real = (path: string) => {
		try {
			return realpathSync(path);
		} catch {
			return undefined;
		}
	};
	const base = real(folder) ?? resolve(folder);
	if (!target.startsWith(resolve(folder) + sep) && !target.startsWith(base + sep)) return 'outside';
	if (!existsSync(target)) return 'missing';
	const found = real(target);
	return found && found.startsWith(base + sep) ? found : 'outside';
}

/** Where Markdown reads an indented code block: MDX reads the same lines as a paragraph. */
export function indentedCode(body: string): Located[] {
	const lines = body.split('\n');
	const found: Located[] = [];
	const visit = (node: MdastNode) => {
		if (node.type === 'code' && node.position) {
			const line = lines[node.position.start.line - 1] ?? '';
			if (!/^\s*(?:```|~~~)/.test(line)) found.push(at(node));
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(markdownToMdast(body, { features: { frontmatter: false } }) as unknown as MdastNode);
	return found;
}
