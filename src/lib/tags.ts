/** Tags: the index with counts, and the near-duplicates that let a vocabulary drift. */
import { distance } from './suggest.ts';
import { incidentRows, type IncidentEntry, type IncidentRow, type Registries } from './incidents.ts';

export const tagUrl = (tag: string) => `/tags/${tag}/`;

export interface TagCount {
	tag: string;
	count: number;
	url: string;
}

/** Every tag with how many incidents carry it, most used first. */
export function tagCounts(entries: readonly { data: { tags: readonly string[] } }[]): TagCount[] {
	const counts = new Map<string, number>();
	for (const { data } of entries) for (const tag of data.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
	return [...counts].map(([tag, count]) => ({ tag, count, url: tagUrl(tag) })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** tag → its incidents, in one pass over the archive (not one pass per tag page). */
export function byTag<T extends { data: { tags: readonly string[] } }>(entries: readonly T[]): Map<string, T[]> {
	const tagged = new Map<string, T[]>();
	for (const entry of entries) for (const tag of entry.data.tags) (tagged.get(tag) ?? tagged.set(tag, []).get(tag)!).push(entry);
	return tagged;
}

/** A tag's page: its incidents, newest first. */
export function tagPage(tag: string, tagged: readonly IncidentEntry[], registries: Registries): { tag: string; incidents: IncidentRow[] } {
	return { tag, incidents: incidentRows(tagged, registries) };
}

/**
 * Abbreviations SREs write for the same thing. Extend this list when a team's vocabulary has its own;
 * each pair is reported when both spellings are in use.
 */
export const TAG_SYNONYMS: readonly (readonly [string, string])[] = [
	['db', 'database'],
	['k8s', 'kubernetes'],
	['cert', 'certificate'],
	['certs', 'certificates'],
	['config', 'configuration'],
	['auth', 'authentication'],
	['authn', 'authentication'],
	['authz', 'authorization'],
	['env', 'environment'],
	['infra', 'infrastructure'],
	['lb', 'load-balancer'],
	['dc', 'datacenter'],
	['dc', 'data-center'],
	['perf', 'performance'],
	['repl', 'replication'],
	['deps', 'dependencies'],
	['dep', 'dependency'],
	['net', 'network'],
	['mq', 'message-queue'],
	['tls', 'ssl'],
];

/** Why two tags look like one word spelled twice, or undefined when they are distinct. */
export function nearDuplicate(a: string, b: string): string | undefined {
	if (a === b) return undefined;
	if (TAG_SYNONYMS.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) return 'an abbreviation of the same word';
	const bare = (t: string) => t.replace(/-/g, '');
	if (bare(a) === bare(b)) return 'the same word with different hyphens';
	const singular = (t: string) => t.replace(/(ies)$/, 'y').replace(/(?<!s)s$/, '');
	if (singular(a) === singular(b)) return 'singular and plural of the same word';
	if (Math.min(a.length, b.length) >= 6 && distance(a, b) === 1) return 'one letter apart';
	return undefined;
}

/** Pairs of tags in use that look like duplicates, the less used one first. */
export function nearDuplicateTags(counts: readonly TagCount[]): { tag: string; other: string; reason: string }[] {
	const pairs: { tag: string; other: string; reason: string }[] = [];
	// Tags number in the hundreds even for a large archive, so comparing every pair of tags is cheap.
	for (let i = 0; i < counts.length; i++) {
		for (let j = i + 1; j < counts.length; j++) {
			const reason = nearDuplicate(counts[i].tag, counts[j].tag);
			// counts is sorted most used first, so j is the less used spelling.
			if (reason) pairs.push({ tag: counts[j].tag, other: counts[i].tag, reason });
		}
	}
	return pairs;
}
