/**
 * How a query typed during an incident is read for partial matches. Pure, so the browser's search
 * element and the tests share it; the synonym groups come from synonyms.ts at build time.
 */

/** Words that say nothing about an incident: "checkout returns 500s after the deploy". */
const FILLER = new Set('a an the and or but of to in on at by for from with after before during since while when then than is are was were be been being it its this that these those we our us they their got get gets getting has have had returns return returned keeps keep still again very all any some'.split(' '));

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
