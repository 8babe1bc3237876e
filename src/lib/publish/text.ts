/** Text as a reader sees it, for every check that must not be fooled by how it was typed. */

// Characters that render as nothing but split a word for a pattern: zero-width space and joiners,
// word joiner, soft hyphen, BOM, bidirectional controls, Mongolian vowel separator.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/**
 * The text as a reader sees it, and for each of its characters the index of the character it came
 * from. Plain ASCII (most text) is returned as it is.
 */
export function normalize(raw: string): { text: string; source: (index: number) => number } {
	if (!/[^\x00-\x7f]/.test(raw)) return { text: raw, source: (index) => Math.min(index, raw.length) };
	let text = '';
	const map: number[] = [];
	for (let i = 0; i < raw.length; i++) {
		const char = raw[i];
		if (INVISIBLE.test(char)) continue;
		// Surrogate pairs stay together.
		const unit = /[\ud800-\udbff]/.test(char) && i + 1 < raw.length ? char + raw[++i] : char;
		const folded = unit.normalize('NFKC');
		for (let k = 0; k < folded.length; k++) map.push(i - (unit.length - 1));
		text += folded;
	}
	map.push(raw.length);
	return { text, source: (index) => map[Math.min(index, map.length - 1)] };
}
