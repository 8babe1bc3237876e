/** Edit distance between two short strings (ids, field names); enough for did-you-mean. */
export function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length];
}

/**
 * The known value closest to a mistyped one, or undefined when nothing is close enough to be a typo.
 * A candidate that contains the value (or the reverse) counts as close: "db" → "orders-db".
 */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const candidate of candidates) {
		const d = distance(value, candidate);
		const score = candidate.includes(value) || value.includes(candidate) ? Math.min(d, 1.5) : d;
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	const allowed = Math.max(2, Math.floor(value.length / 3));
	return best !== undefined && bestScore <= allowed ? best : undefined;
}

/** " (did you mean 'x'?)" or nothing. */
export const didYouMean = (value: string, candidates: Iterable<string>) => {
	const found = suggest(value, candidates);
	return found ? ` (did you mean '${found}'?)` : '';
};
