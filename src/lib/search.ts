/**
 * The facets of the search page, computed at build time so the page can offer them, with counts,
 * before any search code is loaded. Values are the same ids the incident pages give Pagefind.
 */
import { SEVERITIES, STATUSES } from '../schemas/postmortem.ts';
import type { IncidentEntry, Registries } from './incidents.ts';
import { searchFields } from './incidents.ts';
import { parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';
import { STANDARD_SECTIONS } from './template.ts';
import { tokens } from './search-query.ts';

/** The months that have incidents, oldest first: the date range's bounds, and the months a range selects. */
export function incidentMonths(entries: readonly IncidentEntry[]): string[] {
	return [...new Set(entries.map((e) => e.data.started.at.toISOString().slice(0, 7)))].sort();
}

export interface Facet {
	/** The Pagefind filter name and the URL parameter. */
	key: string;
	label: string;
	values: { value: string; label: string; count: number }[];
}

const FACETS: { key: string; label: string }[] = [
	{ key: 'kind', label: 'Kind' },
	{ key: 'severity', label: 'Severity' },
	{ key: 'component', label: 'Component' },
	{ key: 'cause', label: 'Cause (trigger or contributing)' },
	{ key: 'trigger', label: 'Trigger' },
	{ key: 'tag', label: 'Tag' },
	{ key: 'year', label: 'Year' },
	{ key: 'status', label: 'Status' },
	{ key: 'origin', label: 'Whose incident' },
];

const ORIGINS: Record<string, string> = { ours: 'Ours', other: "Other organizations' (summaries)" };
const KINDS: Record<string, string> = { incident: 'Incidents', guide: 'Guides' };

/** The facets over the incidents and, in the Kind facet only, the guides (which have no other facet). */
export function searchFacets(entries: readonly IncidentEntry[], registries: Registries, guides = 0): Facet[] {
	const counts = new Map(FACETS.map(({ key }) => [key, new Map<string, number>()]));
	if (guides > 0) counts.get('kind')!.set('guide', guides);
	for (const entry of entries) {
		for (const [key, value] of searchFields(entry, registries).filters) {
			const facet = counts.get(key);
			if (!facet) continue;
			facet.set(value, (facet.get(value) ?? 0) + 1);
		}
	}
	const label = (key: string, value: string) =>
		key === 'component' ? (registries.components.get(value)?.name ?? value) : key === 'cause' || key === 'trigger' ? (registries.causes.get(value)?.name ?? value) : key === 'origin' ? (ORIGINS[value] ?? value) : key === 'kind' ? (KINDS[value] ?? value) : value;
	// Severity, status and year read best in their natural order; the rest by how often they occur.
	const order: Record<string, (a: string, b: string) => number> = {
		kind: (a, b) => Object.keys(KINDS).indexOf(a) - Object.keys(KINDS).indexOf(b),
		severity: (a, b) => SEVERITIES.findIndex((s) => s.id === a) - SEVERITIES.findIndex((s) => s.id === b),
		status: (a, b) => STATUSES.indexOf(a as never) - STATUSES.indexOf(b as never),
		year: (a, b) => b.localeCompare(a),
	};
	return FACETS.map(({ key, label: facetLabel }) => {
		const values = [...counts.get(key)!].map(([value, count]) => ({ value, label: label(key, value), count }));
		values.sort((a, b) => order[key]?.(a.value, b.value) ?? (b.count - a.count || a.label.localeCompare(b.label)));
		return { key, label: facetLabel, values };
		// A facet with one value narrows nothing (in the public edition every status is "published").
	}).filter((facet) => facet.values.length > 1);
}

const SECTION_NAMES = new Set(STANDARD_SECTIONS.map((name) => name.toLowerCase()));

/**
 * The narrative's standard headings ("Summary", "Root cause (5 whys)") are in every postmortem:
 * indexed, "summary" or "5xx" would match them all. They are left out of the search index; a
 * heading the author wrote stays in it.
 */
export function unindexStandardHeadings(html: string): string {
	const root = parseFragment(html);
	let changed = false;
	const text = (node: DefaultTreeAdapterTypes.ChildNode): string => ('value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');
	const visit = (node: DefaultTreeAdapterTypes.ParentNode) => {
		for (const child of node.childNodes) {
			if (!('tagName' in child)) continue;
			if (/^h[1-6]$/.test(child.tagName) && SECTION_NAMES.has(text(child).trim().toLowerCase())) {
				child.attrs.push({ name: 'data-pagefind-ignore', value: '' });
				changed = true;
			} else visit(child);
		}
	};
	visit(root);
	return changed ? serialize(root) : html;
}

/** The text of rendered HTML, without what the index leaves out (data-pagefind-ignore). */
function indexedText(html: string): string {
	const parts: string[] = [];
	const visit = (node: DefaultTreeAdapterTypes.ParentNode) => {
		for (const child of node.childNodes) {
			if ('value' in child && child.nodeName === '#text') parts.push(child.value);
			else if ('tagName' in child && !child.attrs.some((a) => a.name === 'data-pagefind-ignore')) visit(child);
		}
	};
	visit(parseFragment(html));
	return parts.join(' ');
}

/**
 * Every word the edition's incidents contain, most frequent first: what "did you mean" corrects a
 * typo towards. Built from the same entries as the pages, so the public edition's list holds only
 * public words. Numbers alone and single letters are left out; they are never worth a correction.
 * At most `limit` words, so that a large archive's list stays a small download (a typo is
 * corrected towards a common word, and the rare ones are the first to go).
 */
export function searchVocabulary(entries: readonly IncidentEntry[], registries: Registries, limit = 20_000): string[] {
	const counts = new Map<string, number>();
	for (const entry of entries) {
		const { data } = entry;
		const text = [
			data.title,
			data.summary,
			data.impact.description,
			...data.timeline.map((t) => t.event),
			...data.actions.map((a) => a.title),
			searchFields(entry, registries).words,
			entry.rendered?.html ? indexedText(entry.rendered.html) : '',
		].join(' ');
		for (const word of new Set(tokens(text))) if (word.length > 1 && !/^\d+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return [...counts]
		.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
		.slice(0, limit)
		.map(([word]) => word);
}
