/**
 * How a query typed during an incident is read for partial matches. Pure, so the browser's search
 * element and the tests share it; the synonym groups come from synonyms.ts at build time.
 */

/** Words that say nothing about an incident: "checkout returns 500s after the deploy". */
const FILLER = new Set('a an the and or but of to in on at by for from with after before during since while when then than is are was were be been being it its this that these those we our us they their got get gets getting has have had returns return returned keeps keep still again very all any some'.split(' '));

/**
 * The query without its filler words, punctuation kept for Pagefind ("FATAL: sorry, too many
 * clients" stays as it is); the query itself when it is filler alone ("the").
 */
export function withoutFiller(term: string): string {
	const kept = term.split(/\s+/).filter((word) => word && !FILLER.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
	return kept.length ? kept.join(' ') : term;
}

/** One thing the reader asked about, and every way the archive may say it. */
export interface Concept {
	label: string;
	alternatives: string[];
}

/** The query as concepts: phrases of the synonym table first ("no space left"), then the remaining words, filler dropped. */
export function concepts(term: string, groups: readonly string[][]): Concept[] {
	let rest = ` ${term.toLowerCase()} `;
	const found: Concept[] = [];
	for (const group of groups) {
		for (const phrase of group.filter((w) => w.includes(' '))) {
			if (!rest.includes(` ${phrase} `)) continue;
			found.push({ label: phrase, alternatives: group });
			rest = rest.replace(` ${phrase} `, ' ');
		}
	}
	for (const word of rest.split(/[^\p{L}\p{N}._-]+/u).map((w) => w.replace(/^[.-]+|[.-]+$/g, ''))) {
		if (word.length < 2 || FILLER.has(word) || found.some((c) => c.label === word)) continue;
		const group = groups.find((g) => g.includes(word) || g.includes(word.replace(/s$/, '')));
		found.push({ label: word, alternatives: group ? [...new Set([word, ...group])] : [word] });
	}
	return found;
}

/** The words of a text as the index keeps them: lower case, split at anything but letters and digits. */
export function tokens(text: string): string[] {
	return text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * Runs of the query's words to search as exact phrases, longest first: a pasted error ("FATAL:
 * sorry, too many clients already") or one wrapped in the reader's own words ("postgres too many
 * clients"). At most `limit`; a run of filler alone ("on the") is not worth a search.
 */
export function phrases(term: string, limit = 10): string[] {
	const words = tokens(term);
	const found: string[] = [];
	for (let length = words.length; length >= 2 && found.length < limit; length--) {
		for (let start = 0; start + length <= words.length && found.length < limit; start++) {
			const run = words.slice(start, start + length);
			if (run.every((word) => FILLER.has(word))) continue;
			const phrase = run.join(' ');
			if (!found.includes(phrase)) found.push(phrase);
		}
	}
	return found;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every word one edit away: a letter dropped, added, changed, or two neighbours swapped. */
function oneEditAway(word: string): Set<string> {
	const out = new Set<string>();
	for (let i = 0; i <= word.length; i++) {
		const [head, tail] = [word.slice(0, i), word.slice(i)];
		if (tail) out.add(head + tail.slice(1));
		if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
		for (const letter of ALPHABET) {
			out.add(head + letter + tail);
			if (tail) out.add(head + letter + tail.slice(1));
		}
	}
	out.delete(word);
	return out;
}

/**
 * "Did you mean": each word of four or more letters that the archive does not contain, replaced
 * by the archive's most frequent word one edit away. `known` maps each word of the archive to its
 * rank, most frequent first (search.ts writes it). Undefined when there is nothing to correct.
 */
export function didYouMean(term: string, known: ReadonlyMap<string, number>): string | undefined {
	let changed = false;
	const corrected = tokens(term).map((word) => {
		if (word.length < 4 || known.has(word) || /^\d+$/.test(word)) return word;
		let best: string | undefined;
		for (const candidate of oneEditAway(word)) {
			const rank = known.get(candidate);
			if (rank !== undefined && (best === undefined || rank < known.get(best)!)) best = candidate;
		}
		if (!best) return word;
		changed = true;
		return best;
	});
	return changed ? corrected.join(' ') : undefined;
}
