/**
 * Related incidents: explicit links first (in both directions), then the most similar incidents by
 * shared components, causes, tags and distinctive words of title and summary.
 *
 * Similarity goes through inverted indexes, so each incident is compared only with incidents that
 * share something with it, never with all others. Every shared key scores its inverse document
 * frequency, so sharing a rare component counts for more than sharing a common one, and keys shared
 * by very many incidents are skipped: they say little and would make the work quadratic.
 *
 * Words only suggest: filler, numbers and the vocabulary every postmortem uses ("outage", "failed",
 * "three") are never keys, and two incidents that share no component, cause or tag are related only
 * when they share several distinctive words. `explainRelated` says why in the registries' names.
 */
import type { IncidentEntry, Registries } from './incidents.ts';

export interface Shared {
	/** Component ids both incidents name. */
	components: string[];
	/** The cause id that set off both, when it is the same. */
	trigger?: string;
	/** Other cause ids both name (as trigger or contributing). */
	causes: string[];
	tags: string[];
	/** Distinctive words and phrases of title and summary, as this incident writes them, most telling first. */
	words: string[];
}

export interface RelatedLink {
	id: string;
	/** Why it is listed: an explicit link, or what it shares. */
	reason: 'links here' | 'linked' | 'repeats' | 'repeated by' | 'similar';
	/** For similar incidents, the keys they share (registry ids, tags, word stems), most telling first. Not for display: see `explainRelated`. */
	shared: string[];
	/** For similar incidents, what they share by kind. */
	common?: Shared;
}

// Function words, numbers as words, units of time and the vocabulary of every postmortem: matching on
// them relates incidents that have nothing in common ("shares worker, three").
const STOP = new Set(
	`a about above across after again against ago all almost along already also although always am among an and another any anyone anything are around as at away
	back be became because become been before began begin being below between beyond both but by can cannot could did do does doing done down due during each
	either else enough entire even ever every few for from further get gets getting got had has have having he her here hers him his how however if in inside
	instead into is it its itself just kept keep keeps last later least less let like made make makes making many may might more most much must near nearly need
	needed needs neither never new newly next no none nor not now of off often on once only onto or other others our ours out outside over own per put quite rather
	really same several she should since so some something sometimes soon still such than that the their theirs them then there these they this those though
	through throughout thus to too toward towards under until up upon us use used uses using very via was we well went were what whatever when where whether
	which while who whole whom whose why will with within without would yet you your
	zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
	sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens first second third fourth fifth sixth seventh
	eighth ninth tenth twice half quarter single double triple multiple number numbers lot lots
	ms sec secs second seconds min mins minute minutes hour hours hourly day days daily week weeks weekly month months monthly year years time times today
	yesterday tomorrow morning afternoon evening night
	outage outages incident incidents failure failures fail fails failed failing error errors issue issues problem problems cause caused causes causing led lead
	leads leading result resulted results resulting affect affected affecting affects impact impacted impacts user users customer customers service services
	system systems team teams people take takes took taken taking go goes going gone give gave given come came meant mean means tried try tries became seem
	seemed call called way ways part parts thing things kind case cases point place set sets able unable whole full fully partial partly large small big high
	low long short old mostly ran run runs running left sent send sends returned return returns stopped stop stops switched switch hand name names
	broke break breaks broken triggered trigger triggers change changes changed restored see seen saw`.split(/\s+/),
);

/** Plural and singular are one key: "certificates" matches "certificate", "retries" "retry". */
function stem(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
	if (word.length > 3 && /[^su]s$/.test(word)) return word.slice(0, -1);
	return word;
}

/** Numbers, versions, ordinals and quantities ("2016", "4", "29th", "500s", "10x", "45m") say nothing of what happened. */
const NUMERIC = /^\d+(?:st|nd|rd|th|s|x|h|m|k|ms|gb|mb|kb|tb)?$/;

/** A hyphenated word counts when a part of it does: "left-pad" and "us-east-1" do, "73-hour" does not. */
function telling(word: string): boolean {
	// A date, or an incident's id (2026-06-09-checkout-connection-leak): not a word of its text.
	if (/^\d{4}-\d\d/.test(word)) return false;
	return word.split('-').some((part) => !NUMERIC.test(part) && !STOP.has(part) && !STOP.has(stem(part)) && (part.length >= 3 || (/\d/.test(part) && /\p{L}/u.test(part))));
}

interface Term {
	/** The matching key: lower-case, singular. */
	key: string;
	/** The word as written: lower-case unless it is an acronym or a name with inner capitals (DNS, GitHub). */
	surface: string;
	/** Position in the text; words separated by punctuation are never adjacent. */
	pos: number;
}

/** The telling words of a text, in order. */
function terms(written: string): Term[] {
	const out: Term[] = [];
	const text = written.replace(/['’]s\b/g, '');
	let pos = 0;
	let end = 0;
	for (const match of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
		// Punctuation between two words keeps them from reading as a phrase.
		pos += /^\s*$/.test(text.slice(end, match.index)) ? 1 : 2;
		end = match.index + match[0].length;
		const lower = match[0].toLowerCase();
		if (!telling(lower)) continue;
		out.push({ key: stem(lower), surface: /.\p{Lu}/u.test(match[0]) ? match[0] : lower, pos });
	}
	return out;
}

/** Words of a text worth matching on: lower-case, singular, no filler or numbers. */
export function words(text: string): string[] {
	return [...new Set(terms(text).map((t) => t.key))];
}

interface Profile {
	keys: string[];
	terms: Term[];
}

function profile(entry: IncidentEntry): Profile {
	const { data } = entry;
	const text = terms(`${data.title}. ${data.summary}`);
	return {
		keys: [
			...new Set(data.components.map((c) => `component:${c}`)),
			...new Set([data.causes.trigger, ...data.causes.contributing].map((c) => `cause:${c}`)),
			...new Set(data.tags.map((t) => `tag:${t}`)),
			...new Set(text.map((t) => `word:${t.key}`)),
		],
		terms: text,
	};
}

const label = (key: string) => key.slice(key.indexOf(':') + 1);

/**
 * The shared words as this incident writes them, most telling first; words adjacent in both texts
 * ("connection pool") read as one phrase.
 */
function phrases(shared: readonly string[], mine: readonly Term[], theirs: readonly Term[]): string[] {
	const wanted = new Set(shared);
	const pairs = new Set<string>();
	for (let i = 1; i < theirs.length; i++) if (theirs[i].pos === theirs[i - 1].pos + 1) pairs.add(`${theirs[i - 1].key} ${theirs[i].key}`);
	const at = new Map<string, number>();
	mine.forEach((t, i) => at.has(t.key) || at.set(t.key, i));
	const used = new Set<string>();
	const out: string[] = [];
	for (const key of shared) {
		if (used.has(key) || !at.has(key)) continue;
		let start = at.get(key)!;
		let stop = start;
		const joins = (i: number) => mine[i + 1].pos === mine[i].pos + 1 && wanted.has(mine[i].key) && wanted.has(mine[i + 1].key) && !used.has(mine[i].key) && !used.has(mine[i + 1].key) && pairs.has(`${mine[i].key} ${mine[i + 1].key}`);
		while (start > 0 && stop - start < 2 && joins(start - 1)) start--;
		while (stop + 1 < mine.length && stop - start < 2 && joins(stop)) stop++;
		const phrase = mine.slice(start, stop + 1);
		for (const t of phrase) used.add(t.key);
		out.push(phrase.map((t) => t.surface).join(' '));
	}
	return out;
}

export interface RelatedOptions {
	/** How many related incidents to list. */
	limit: number;
	/** Keys shared by more incidents than this are ignored for similarity. */
	maxPosting: number;
	/** A similar incident must score at least this much (about two rare shared keys). */
	minScore: number;
	/** Without a shared component, cause or tag, a similar incident must share this many distinctive words. */
	minWords: number;
	/** A word is distinctive when at most this share of the archive uses it (always when only two incidents do). */
	maxWordShare: number;
}

export const DEFAULT_RELATED: RelatedOptions = { limit: 5, maxPosting: 500, minScore: 2, minWords: 3, maxWordShare: 0.1 };

/**
 * Related incidents for every entry, computed once for the whole archive.
 *
 * Incidents and keys are numbered and scores kept in typed arrays, since at 10,000 incidents the
 * inner loop runs tens of millions of times; what two incidents share is worked out only for those listed.
 */
export function relatedIndex(entries: readonly IncidentEntry[], settings: Partial<RelatedOptions> = {}): Map<string, RelatedLink[]> {
	const options = { ...DEFAULT_RELATED, ...settings };
	const n = entries.length;
	const byId = new Map(entries.map((e) => [e.id, e]));
	const profiles = entries.map(profile);
	const numbers = new Map<string, number>();
	const names: string[] = [];
	const postings: number[][] = [];
	const keysOf = profiles.map((p, i) =>
		p.keys.map((key) => {
			let k = numbers.get(key);
			if (k === undefined) {
				numbers.set(key, (k = names.length));
				names.push(key);
				postings.push([]);
			}
			postings[k].push(i);
			return k;
		}),
	);
	const word = names.map((key) => key.startsWith('word:'));
	// Components, causes and tags were chosen by the author; words only suggest, so they weigh less.
	const weight = Float64Array.from(names, (_, k) => (word[k] ? 0.5 : 1) * Math.log(n / postings[k].length));
	// Keys every incident has weigh nothing, and keys shared by too many say little and would make the work quadratic.
	const counted = names.map((_, k) => weight[k] > 0 && postings[k].length <= options.maxPosting);
	const distinctive = Math.max(2, options.maxWordShare * n);
	const started = Float64Array.from(entries, (e) => e.data.started.at.getTime());

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

	const score = new Float64Array(n);
	// Per candidate: how many components, causes and tags it shares, and how many distinctive words.
	const chosen = new Int32Array(n);
	const rare = new Int32Array(n);
	const touched: number[] = [];
	const seen = new Int32Array(names.length);
	let stamp = 0;
	const before = (a: number, b: number) => score[b] - score[a] || started[b] - started[a] || entries[a].id.localeCompare(entries[b].id);

	const result = new Map<string, RelatedLink[]>();
	entries.forEach((entry, i) => {
		const links = explicit.get(entry.id)!.slice(0, options.limit);
		const wanted = options.limit - links.length;
		if (wanted > 0) {
			for (const k of keysOf[i]) {
				if (!counted[k]) continue;
				const w = weight[k];
				const isWord = word[k];
				const isRare = postings[k].length <= distinctive;
				for (const j of postings[k]) {
					if (j === i) continue;
					if (score[j] === 0) touched.push(j);
					score[j] += w;
					if (!isWord) chosen[j]++;
					else if (isRare) rare[j]++;
				}
			}
			const taken = new Set(links.map((l) => l.id));
			// The best few, kept in order as they come: no sort of every candidate.
			const best: number[] = [];
			for (const j of touched) {
				if (score[j] < options.minScore || (chosen[j] === 0 && rare[j] < options.minWords) || taken.has(entries[j].id)) continue;
				if (best.length === wanted && before(best[wanted - 1], j) <= 0) continue;
				let at = best.length;
				while (at > 0 && before(j, best[at - 1]) < 0) at--;
				best.splice(at, 0, j);
				if (best.length > wanted) best.pop();
			}
			for (const j of touched) score[j] = chosen[j] = rare[j] = 0;
			touched.length = 0;
			for (const j of best) {
				stamp++;
				for (const k of keysOf[j]) seen[k] = stamp;
				const shared = keysOf[i]
					.filter((k) => counted[k] && seen[k] === stamp)
					.sort((a, b) => weight[b] - weight[a] || names[a].localeCompare(names[b]))
					.map((k) => names[k]);
				links.push(similarLink(entry, entries[j], shared, profiles[i].terms, profiles[j].terms));
			}
		}
		result.set(entry.id, links);
	});
	return result;
}

/** A similar incident and what it shares with this one, by kind. */
function similarLink(entry: IncidentEntry, other: IncidentEntry, shared: string[], mine: readonly Term[], theirs: readonly Term[]): RelatedLink {
	const of = (kind: string) => shared.filter((k) => k.startsWith(`${kind}:`)).map(label);
	const causes = of('cause');
	const trigger = entry.data.causes.trigger === other.data.causes.trigger && causes.includes(entry.data.causes.trigger) ? entry.data.causes.trigger : undefined;
	return {
		id: other.id,
		reason: 'similar',
		shared: shared.map(label),
		common: {
			components: of('component'),
			...(trigger ? { trigger } : {}),
			causes: causes.filter((c) => c !== trigger),
			tags: of('tag'),
			words: phrases(of('word'), mine, theirs),
		},
	};
}

const EXPLICIT: Record<Exclude<RelatedLink['reason'], 'similar'>, string> = {
	linked: 'linked from this postmortem',
	'links here': 'links to this postmortem',
	repeats: 'this incident repeats it',
	'repeated by': 'repeats this incident',
};

/** How many of each kind an explanation names, so that it stays one line. */
const CITE = 3;

const nameOf = (map: Map<string, { name: string }>, id: string) => map.get(id)?.name ?? id.replace(/-/g, ' ');

/**
 * Why an incident is listed, for the reader: the explicit link, or what both share, by name:
 * "shares Checkout API, Orders database; same trigger: Deployment; tag: connection-pool; both mention card processor".
 * Words already said by a cited name or tag are not repeated.
 */
export function explainRelated(link: RelatedLink, registries: Registries): string {
	if (link.reason !== 'similar') return EXPLICIT[link.reason];
	const c = link.common;
	if (!c) return 'similar';
	const components = c.components.slice(0, CITE).map((id) => nameOf(registries.components, id));
	const trigger = c.trigger && nameOf(registries.causes, c.trigger);
	const causes = c.causes.slice(0, CITE).map((id) => nameOf(registries.causes, id));
	// Names often hold "and" ("Edge network and backbone"), so lists are joined with commas only.
	const names = new Set([...components, ...(trigger ? [trigger] : []), ...causes].flatMap((name) => words(name)));
	const covered = (text: string, by: Set<string>) => {
		const keys = words(text.replace(/-/g, ' '));
		return keys.length > 0 && keys.every((k) => by.has(k));
	};
	const tags = c.tags.filter((t) => !covered(t, names)).slice(0, CITE);
	const said = new Set([...names, ...tags.flatMap((t) => words(t.replace(/-/g, ' ')))]);
	// A text that writes a registry id ("orders-db") is quoted by the id's name; a plain word ("network") stays a word.
	const id = (w: string) => (w.includes('-') ? w.toLowerCase() : '');
	const named = (phrase: string) => phrase.split(' ').map((w) => registries.components.get(id(w))?.name ?? registries.causes.get(id(w))?.name ?? w).join(' ');
	const mentioned = c.words.map(named).filter((w) => !covered(w, said)).slice(0, CITE);
	const parts = [
		components.length ? `shares ${components.join(', ')}` : '',
		trigger ? `same trigger: ${trigger}` : '',
		causes.length ? `${causes.length > 1 ? 'common causes' : 'common cause'}: ${causes.join(', ')}` : '',
		tags.length ? `${tags.length > 1 ? 'tags' : 'tag'}: ${tags.join(', ')}` : '',
		mentioned.length ? `both mention ${mentioned.join(', ')}` : '',
	];
	return parts.filter(Boolean).join('; ') || 'similar';
}
