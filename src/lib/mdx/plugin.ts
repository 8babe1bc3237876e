/**
 * The Sätteri plugins @astrojs/mdx compiles postmortem bodies with. They do for an MDX body what the
 * loader does for a Markdown one, on the syntax tree and before anything is rendered:
 * - the public edition loses every <Internal> element, with all it contains;
 * - raw HTML elements and attributes the sanitizer would not keep are dropped, and so are
 *   expressions other than comments and literals, and imports (the check refuses them first);
 * - the page's Impact figures and its timeline are placed in the body, after its Impact heading,
 *   so the page reads header, summary, impact, timeline, narrative as a Markdown body does;
 * - headings get the anchor link of every section, ids the page uses are renumbered, and the
 *   template's standard headings are kept out of the search index.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { postmortemSchema } from '../../schemas/postmortem.ts';
import { readPostmortem } from '../source.ts';
import { besideFile, dropsElement, importProblem, isComment, isLiteral, type JsxElement } from './analyze.ts';
import { graphOf, graphProblems, readCsv, type GraphEvent } from './graph.ts';
import type { Edition } from '../config.ts';
import { STANDARD_SECTIONS } from '../template.ts';

/** Ids of the incident page's own sections (incidents.ts PAGE_IDS, without the body's Impact). */
const TAKEN = new Set(['main', 'site-search', 'on-this-page', 'timeline', 'actions', 'related']);
const STANDARD = new Set(STANDARD_SECTIONS.map((s) => s.toLowerCase()));

/** The timeline of the postmortem being compiled, for the marks of a graph. */
function timelineOf(file: string): GraphEvent[] {
	const parsed = postmortemSchema.safeParse(readPostmortem(file).source?.data);
	return parsed.success ? parsed.data.timeline.map((t) => ({ kind: t.kind, at: t.at.at.toISOString() })) : [];
}

export function hindsightMdx(edition: Edition, componentsDir: string, contentDir: string) {
	const jsx = (node: Readonly<JsxElement>, ctx: { fileURL: URL | undefined; removeNode(n: never): void; replaceNode(n: never, c: never): void }) => {
		const name = node.name ?? '';
		if (name === 'Graph') {
			// Drawn from the CSV beside the postmortem, read now: the page carries the numbers, not the file.
			const attr = (key: string) => node.attributes?.find((a) => a.name === key)?.value;
			const file = ctx.fileURL && fileURLToPath(ctx.fileURL);
			const data = attr('data');
			const target = file && typeof data === 'string' ? besideFile(file, data, contentDir) : 'outside';
			if (!file || target === 'outside' || target === 'missing') return ctx.removeNode(node as never);
			let csv: ReturnType<typeof readCsv>;
			try {
				csv = readCsv(readFileSync(target, 'utf8'));
			} catch {
				return ctx.removeNode(node as never);
			}
			const props = { x: String(attr('x') ?? ''), y: String(attr('y') ?? ''), unit: typeof attr('unit') === 'string' ? String(attr('unit')) : undefined, annotate: typeof attr('annotate') === 'string' ? String(attr('annotate')) : undefined };
			if ('error' in csv || graphProblems(csv, props).length) return ctx.removeNode(node as never);
			const graph = graphOf(csv, props, timelineOf(file));
			return ctx.replaceNode(node as never, { type: 'mdxJsxFlowElement', name: 'GraphBox', attributes: [{ type: 'mdxJsxAttribute', name: 'graph', value: JSON.stringify(graph) }], children: [] } as never);
		}
		if (name === 'Figure') {
			// A Markdown image, so that Astro's image pipeline imports and optimizes the file beside the postmortem.
			const attr = (key: string) => String(node.attributes?.find((a) => a.name === key)?.value ?? '');
			const src = attr('src');
			const file = ctx.fileURL && fileURLToPath(ctx.fileURL);
			const target = file ? besideFile(file, src, contentDir) : 'outside';
			if (target === 'outside' || target === 'missing' || /[()\s<>]/.test(src)) return ctx.removeNode(node as never);
			// Built as nodes, never as text to re-parse: an alt or caption can then hold nothing but text.
			return ctx.replaceNode(node as never, {
				type: 'mdxJsxFlowElement',
				name: 'FigureBox',
				attributes: [{ type: 'mdxJsxAttribute', name: 'caption', value: attr('caption') }],
				children: [{ type: 'paragraph', children: [{ type: 'image', url: src, alt: attr('alt'), title: null }] }],
			} as never);
		}
		if (name === 'Internal') {
			if (edition === 'public') ctx.removeNode(node as never);
			return;
		}
		if (dropsElement(node)) ctx.removeNode(node as never);
	};
	const expression = (node: Readonly<{ value?: unknown }>, ctx: { removeNode(n: never): void }) => {
		const value = String(node.value ?? '');
		if (!isComment(value) && !isLiteral(value)) ctx.removeNode(node as never);
	};
	const mdast = defineMdastPlugin({
		name: 'hindsight-mdx-body',
		before(root, ctx) {
			const children = root.children;
			const heading = (i: number, text?: string) => children[i]?.type === 'heading' && (children[i] as { depth: number }).depth === 2 && (text === undefined || ctx.textContent(children[i]).trim().toLowerCase() === text);
			const impact = children.findIndex((_, i) => heading(i, 'impact'));
			const page = '<PageImpact {...props.page} />';
			const timeline = '<PageTimeline {...props.page} />';
			if (impact >= 0) {
				ctx.insertAfter(children[impact], { raw: page });
				const next = children.findIndex((_, i) => i > impact && heading(i));
				if (next >= 0) ctx.insertBefore(children[next], { raw: timeline });
				else ctx.appendChild(root, { raw: timeline });
				return;
			}
			// No Impact heading: the page's Impact and timeline come after the Summary section, or first.
			const summary = children.findIndex((_, i) => heading(i, 'summary'));
			const after = summary >= 0 ? children.findIndex((_, i) => i > summary && heading(i)) : 0;
			const block = { raw: `<PageImpact heading {...props.page} />\n\n${timeline}` };
			if (after >= 0 && children[after]) ctx.insertBefore(children[after], block);
			else ctx.appendChild(root, block);
		},
		mdxJsxFlowElement: (node, ctx) => void jsx(node as JsxElement, ctx as never),
		mdxJsxTextElement: (node, ctx) => void jsx(node as JsxElement, ctx as never),
		// Astro imports every local image: only files of the content folder, never a remote one.
		image: (node, ctx) => {
			const file = ctx.fileURL && fileURLToPath(ctx.fileURL);
			const url = String(node.url ?? '');
			const target = file && !/^(?:[a-z][\w+.-]*:|\/\/)/i.test(url) ? besideFile(file, url.startsWith('.') ? url : `./${url}`, contentDir) : 'outside';
			if (target === 'outside' || target === 'missing') ctx.removeNode(node);
		},
		mdxFlowExpression: (node, ctx) => void expression(node, ctx as never),
		mdxTextExpression: (node, ctx) => void expression(node, ctx as never),
		// A default import of the team's components folder stays; any other statement goes.
		mdxjsEsm: (node, ctx) => {
			const file = ctx.fileURL && fileURLToPath(ctx.fileURL);
			if (!file || importProblem(String(node.value ?? ''), file, componentsDir)) ctx.removeNode(node);
		},
	});
	// The ids taken so far belong to one document: bodies may be compiled concurrently.
	const usedIn = (ctx: { data: Record<string, unknown> }) => (ctx.data.hindsightIds ??= new Set(TAKEN)) as Set<string>;
	const hast = defineHastPlugin({
		name: 'hindsight-mdx-headings',
		element: {
			filter: ['h2', 'h3', 'h4'],
			visit(node, ctx) {
				// GFM's hidden "Footnotes" heading is not a section.
				if (node.properties?.id === 'footnote-label') return;
				const text = ctx.textContent(node).trim();
				const own = typeof node.properties?.id === 'string' ? node.properties.id : text.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-') || 'section';
				const used = usedIn(ctx as never);
				let id = own;
				for (let n = 2; used.has(id); n++) id = `${own}-${n}`;
				used.add(id);
				ctx.setProperty(node, 'id', id);
				if (node.tagName === 'h2' && STANDARD.has(text.toLowerCase())) ctx.setProperty(node, 'dataPagefindIgnore', '');
				const span = (properties: Record<string, string | string[]>, value: string) => ({ type: 'element' as const, tagName: 'span', properties, children: [{ type: 'text' as const, value }] });
				ctx.appendChild(node, {
					type: 'element',
					tagName: 'a',
					properties: { className: ['heading-link'], href: `#${encodeURIComponent(id)}`, dataPagefindIgnore: '' },
					children: [span({ ariaHidden: 'true' }, '#'), span({ className: ['visually-hidden'] }, `Link to the section ${text}`)],
				});
			},
		},
	});
	return { mdast, hast };
}
