/**
 * Page data for the learning library: the reading path of guides, the glossary and the reading
 * collections. Entries come in as arguments; whatever names a postmortem that this edition does not
 * build is left out here, so no page links to a 404 or names an internal incident.
 */
import { analyzeBody } from '../publish/body.ts';
import { incidentRows, type IncidentEntry, type IncidentRow, type Registries } from '../incidents.ts';
import type { GlossaryTerm, Guide, ReadingCollection } from '../../schemas/learn.ts';
import { collectionUrl, glossaryUrl, guideUrl } from './links.ts';

/** Words an adult reads per minute in technical prose; the estimate is rounded up. */
const WORDS_PER_MINUTE = 200;

/** Reading time of a Markdown body, counting the words a reader sees (not link targets or markup). */
export function readingMinutes(body: string): number {
	const words = analyzeBody(body, false)
		.texts.filter((t) => t.kind === 'prose' || t.kind === 'code')
		.reduce((sum, t) => sum + (t.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0), 0);
	return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

export interface GuideEntry {
	id: string;
	data: Guide;
	rendered?: { metadata?: Record<string, unknown> };
}

export interface GuideLink {
	url: string;
	title: string;
	description: string;
	minutes: number;
	position: number;
}

const minutesOf = (guide: GuideEntry) => Number(guide.rendered?.metadata?.minutes ?? 1);

/** The guides in reading order, numbered from 1 whatever gaps `order` leaves. */
export function readingPath(guides: readonly GuideEntry[]): GuideLink[] {
	return [...guides]
		.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
		.map((g, i) => ({ url: guideUrl(g.id), title: g.data.title, description: g.data.description, minutes: minutesOf(g), position: i + 1 }));
}

export interface GuidePage {
	title: string;
	description: string;
	minutes: number;
	position: number;
	total: number;
	previous?: GuideLink;
	next?: GuideLink;
	examples: IncidentRow[];
}

export function guidePage(guide: GuideEntry, guides: readonly GuideEntry[], all: ReadonlyMap<string, IncidentEntry>, registries: Registries): GuidePage {
	const path = readingPath(guides);
	const index = path.findIndex((g) => g.url === guideUrl(guide.id));
	const examples = guide.data.examples.flatMap((id) => (all.has(id) ? [all.get(id)!] : []));
	return {
		title: guide.data.title,
		description: guide.data.description,
		minutes: minutesOf(guide),
		position: index + 1,
		total: path.length,
		previous: path[index - 1],
		next: path[index + 1],
		// In the order the author listed them, which is the order the guide discusses them.
		examples: examples.map((e) => incidentRows([e], registries)[0]),
	};
}

export interface TermView extends GlossaryTerm {
	anchor: string;
	seeLinks: { url: string; term: string }[];
	exampleLink?: { url: string; title: string };
}

export interface GlossaryPage {
	terms: TermView[];
	/** First letters with their first term's anchor, for the index at the top. */
	letters: { letter: string; anchor: string }[];
}

export function glossaryPage(terms: readonly GlossaryTerm[], all: ReadonlyMap<string, IncidentEntry>): GlossaryPage {
	const byId = new Map(terms.map((t) => [t.id, t]));
	const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base', numeric: true }));
	const views = sorted.map((t): TermView => {
		const example = t.example ? all.get(t.example) : undefined;
		return {
			...t,
			anchor: t.id,
			seeLinks: t.see.flatMap((id) => (byId.has(id) ? [{ url: glossaryUrl(id), term: byId.get(id)!.term }] : [])),
			exampleLink: example && { url: `/incidents/${example.id}/`, title: example.data.title },
		};
	});
	const letters = new Map<string, string>();
	for (const t of views) {
		const letter = /^\d/.test(t.term) ? '#' : t.term[0].toUpperCase();
		if (!letters.has(letter)) letters.set(letter, t.anchor);
	}
	return { terms: views, letters: [...letters].map(([letter, anchor]) => ({ letter, anchor })) };
}

/** The glossary term for each header fact and label an incident page shows, when the glossary has it. */
export function termLinks(terms: readonly { id: string }[]): (id: string) => string | undefined {
	const ids = new Set(terms.map((t) => t.id));
	return (id) => (ids.has(id) ? glossaryUrl(id) : undefined);
}

export interface ReadingEntry {
	id: string;
	data: ReadingCollection;
}

export interface CollectionSummary {
	url: string;
	title: string;
	description: string;
	count: number;
}

export interface CollectionPage {
	title: string;
	description: string;
	items: (IncidentRow & { learn: string; questions: string[] })[];
	others: CollectionSummary[];
}

/** Items whose postmortem this edition builds; the public edition shows only public postmortems. */
const shownItems = (collection: ReadingEntry, all: ReadonlyMap<string, IncidentEntry>) => collection.data.items.filter((item) => all.has(item.incident));

/** The collections that have something to show in this edition, in their order. */
export function readingCollections(collections: readonly ReadingEntry[], all: ReadonlyMap<string, IncidentEntry>): CollectionSummary[] {
	return [...collections]
		.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
		.map((c) => ({ url: collectionUrl(c.id), title: c.data.title, description: c.data.description, count: shownItems(c, all).length }))
		.filter((c) => c.count > 0);
}

export function collectionPage(collection: ReadingEntry, collections: readonly ReadingEntry[], all: ReadonlyMap<string, IncidentEntry>, registries: Registries): CollectionPage {
	return {
		title: collection.data.title,
		description: collection.data.description,
		items: shownItems(collection, all).map((item) => ({ ...incidentRows([all.get(item.incident)!], registries)[0], learn: item.learn, questions: item.questions })),
		others: readingCollections(collections, all).filter((c) => c.url !== collectionUrl(collection.id)),
	};
}

export interface LearnIndex {
	path: GuideLink[];
	collections: CollectionSummary[];
	terms: number;
}

/** /learn/: the reading path, the collections this edition can show, and the size of the glossary. */
export function learnIndex(guides: readonly GuideEntry[], terms: readonly unknown[], collections: readonly ReadingEntry[], all: ReadonlyMap<string, IncidentEntry>): LearnIndex {
	return { path: readingPath(guides), collections: readingCollections(collections, all), terms: terms.length };
}
