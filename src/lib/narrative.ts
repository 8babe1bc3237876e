/**
 * An incident page reads header, summary, impact, timeline, narrative, action items. The body's own
 * "Summary" and "Impact" sections are taken out of the rendered narrative so the page can put them
 * in that order, the body's Impact joining the page's one Impact section (one heading, one
 * id="impact"). Every heading gets an anchor link, and ids are made unique against the page's own.
 */
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

export interface Heading {
	id: string;
	text: string;
}

export interface NarrativeSections {
	/** The body's Summary section, its heading included; absent when the body has none. */
	summary?: string;
	/** The body's Impact section without its heading, for the page's Impact section. */
	impact?: string;
	/** Everything else, in the author's order. */
	rest: string;
	/** The rest's second-level headings, for "on this page". */
	headings: Heading[];
	summaryHeading?: Heading;
	/** No rendered HTML to split (a body compiled as an MDX module): the page renders it whole. */
	whole: boolean;
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const textOf = (node: Node): string => ('value' in node && node.nodeName === '#text' ? node.value : 'childNodes' in node ? node.childNodes.map(textOf).join('') : '');
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const isH2 = (node: Node): node is Element => isElement(node) && node.tagName === 'h2';

/** An id that slugs like Sätteri's would, for a heading that has none. */
const slug = (text: string) => text.toLowerCase().trim().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s+/g, '-') || 'section';

/** The link a reader copies to point a colleague at one section. */
export function anchorLink(id: string, text: string): Element {
	const fragment = parseFragment(`<a class="heading-link" href="#${encodeURIComponent(id)}" data-pagefind-ignore><span aria-hidden="true">#</span><span class="visually-hidden">Link to the section ${escapeText(text)}</span></a>`);
	return fragment.childNodes[0] as Element;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function narrativeSections(html: string | undefined, reserved: readonly string[] = []): NarrativeSections {
	if (html === undefined) return { rest: '', headings: [], whole: true };
	const root = parseFragment(html);
	const used = new Set(reserved);
	const unique = (id: string) => {
		let candidate = id;
		for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
		used.add(candidate);
		return candidate;
	};
	const groups: { name?: 'summary' | 'impact'; nodes: Node[] }[] = [{ nodes: [] }];
	for (const node of root.childNodes) {
		if (isH2(node)) {
			const name = textOf(node).trim().toLowerCase();
			groups.push({ name: name === 'summary' || name === 'impact' ? name : undefined, nodes: [] });
		}
		groups.at(-1)!.nodes.push(node);
	}
	// Only the first of each joins the page's order; a second "Impact" stays where the author put it.
	const summary = groups.find((g) => g.name === 'summary');
	const impact = groups.find((g) => g.name === 'impact');
	if (impact) impact.nodes.shift();
	const headings: Heading[] = [];
	let summaryHeading: Heading | undefined;
	// Ids in document order, with the page's own (impact, timeline, actions…) taken first.
	const visit = (node: Node, group: (typeof groups)[number]) => {
		if (!isElement(node)) return;
		const id = attr(node, 'id');
		const heading = /^h[2-4]$/.test(node.tagName);
		if (id !== undefined || heading) {
			const text = textOf(node).trim();
			const final = unique(id || slug(text));
			const at = node.attrs.find((a) => a.name === 'id');
			if (at) at.value = final;
			else node.attrs.push({ name: 'id', value: final });
			if (heading) {
				const link = anchorLink(final, text);
				link.parentNode = node;
				node.childNodes.push(link);
				if (node.tagName === 'h2' && group === summary && !summaryHeading) summaryHeading = { id: final, text };
				else if (node.tagName === 'h2' && group !== summary) headings.push({ id: final, text });
			}
		}
		for (const child of node.childNodes) visit(child, group);
	};
	for (const group of groups) for (const node of group.nodes) visit(node, group);
	const html5 = (nodes: Node[]) => {
		const fragment = parseFragment('');
		for (const node of nodes) {
			node.parentNode = fragment;
			fragment.childNodes.push(node);
		}
		return serialize(fragment);
	};
	const rest = groups.filter((g) => g !== summary && g !== impact).flatMap((g) => g.nodes);
	return {
		summary: summary && html5(summary.nodes),
		impact: impact && html5(impact.nodes),
		rest: html5(rest),
		headings,
		summaryHeading,
		whole: false,
	};
}
