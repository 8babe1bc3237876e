/**
 * Related incidents: explicit links first (in both directions), then the most similar incidents by
 * shared components, causes, tags and distinctive words of title and summary.
 *
 * Similarity goes through inverted indexes, so each incident is compared only with incidents that
 * share something with it, never with all others. Every shared key scores its inverse document
 * frequency, so sharing a rare component counts for more than sharing a common one, and keys shared
 * by very many incidents are skipped: they say little and would make the work quadratic.
 */
import type { IncidentEntry } from './incidents.ts';

export interface RelatedLink {
	id: string;
	/** Why it is listed: an explicit link, or what it shares. */
	reason: 'links here' | 'linked' | 'repeats' | 'repeated by' | 'similar';
	/** For similar incidents, what they share, most telling first. */
	shared: string[];
}

const STOP = new Set(
	'a an and are as at be by for from had has have in into is it its of on or that the their then this to was were when which while with after before during over under not no out up our we they them than who all one two can could would should did does done about more most other only same such also been being each within back hour hours minute minutes until because every some many much very again still into there where what made make took half full first later down'.split(' '),
);

/** Words of title and summary worth matching on: lower-case, four letters or more, no stop words. */
export function words(text: string): string[] {
	return [...new Set(text.toLowerCase().match(/[a-z0-9][a-z0-9-]{3,}/g) ?? [])].filter((w) => !STOP.has(w));
}

function keys(entry: IncidentEntry): string[] {
	const { data } = entry;
	return [
		...data.components.map((c) => `component:${c}`),
		...new Set([data.causes.trigger, ...data.causes.contributing].map((c) => `cause:${c}`)),
		...data.tags.map((t) => `tag:${t}`),
		...words(`${data.title} ${data.summary}`).map((w) => `word:${w}`),
	];
}

const label = (key: string) => key.slice(key.indexOf(':') + 1);

export interface RelatedOptions {
	/** How many related incidents to list. */
	limit: number;
	/** Keys shared by more incidents than this are ignored for similarity. */
	maxPosting: number;
	/** A similar incident must score at least this much (about two rare shared keys). */
	minScore: number;
}

export const DEFAULT_RELATED: RelatedOptions = { limit: 5, maxPosting: 500, minScore: 2 };

/** Related incidents for every entry, computed once for the whole archive. */
export function relatedIndex(entries: readonly IncidentEntry[], options: RelatedOptions = DEFAULT_RELATED): Map<string, RelatedLink[]> {
	const byId = new Map(entries.map((e) => [e.id, e]));
	const postings = new Map<string, string[]>();
	const keysById = new Map<string, string[]>();
	for (const entry of entries) {
		const list = keys(entry);
		keysById.set(entry.id, list);
		for (const key of list) {
			const posting = postings.get(key);
			if (posting) posting.push(entry.id);
			else postings.set(key, [entry.id]);
		}
	}
	const n = entries.length;
	// Components, causes and tags were chosen by the author; words only suggest, so they weigh less.
	const weight = (key: string) => (key.startsWith('word:') ? 0.5 : 1) * Math.log(n / postings.get(key)!.length);

	// Explicit links are collected both ways, so a later incident's `recurrenceOf` shows on the earlier one too.
	const explicit = new Map<string, RelatedLink[]>(entries.map((e) => [e.id, []]));
	const link = (from: string, to: string, reason: RelatedLink['reason']) => {
		const list = explicit.get(from);
		if (list && byId.has(to) && from !== to && !list.some((l) => l.id === to)) list.push({ id: to, reason, shared: [] });
	};
	for (const { id, data } of entries) {
		if (data.recurrenceOf) link(id, data.recurrenceOf, 'repeats');
		for (const other of data.related) link(id, other, 'linked');
	}
	for (const { id, data } of entries) {
		if (data.recurrenceOf) link(data.recurrenceOf, id, 'repeated by');
		for (const other of data.related) link(other, id, 'links here');
	}

	const result = new Map<string, RelatedLink[]>();
	for (const entry of entries) {
		const links = explicit.get(entry.id)!.slice(0, options.limit);
		if (links.length < options.limit) {
			const scores = new Map<string, { score: number; shared: string[] }>();
			for (const key of keysById.get(entry.id)!) {
				const posting = postings.get(key)!;
				if (posting.length > options.maxPosting) continue;
				const w = weight(key);
				for (const other of posting) {
					if (other === entry.id) continue;
					const s = scores.get(other) ?? { score: 0, shared: [] };
					s.score += w;
					s.shared.push(key);
					scores.set(other, s);
				}
			}
			const taken = new Set([entry.id, ...links.map((l) => l.id)]);
			const similar = [...scores]
				.filter(([id, s]) => !taken.has(id) && s.score >= options.minScore)
				.sort(([a, x], [b, y]) => y.score - x.score || byId.get(b)!.data.started.at.getTime() - byId.get(a)!.data.started.at.getTime() || a.localeCompare(b))
				.slice(0, options.limit - links.length)
				.map(([id, s]): RelatedLink => ({ id, reason: 'similar', shared: [...new Set(s.shared.sort((a, b) => weight(b) - weight(a)).map(label))].slice(0, 4) }));
			links.push(...similar);
		}
		result.set(entry.id, links);
	}
	return result;
}
