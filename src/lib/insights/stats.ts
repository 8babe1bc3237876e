/**
 * The two statistics every time in Hindsight is summarized by. No imports: the insights page's
 * script recomputes them in the browser from the same code.
 */

/** The middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value below which `p` percent of the values lie, by the nearest-rank method (no interpolation between incidents). */
export function percentile(values: readonly number[], p: number): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** "45 min", "3 h 12 min", "2 d 4 h" from minutes; "—" when there is nothing to summarize. */
export function minutesText(minutes: number | undefined, approximate = false): string {
	if (minutes === undefined) return '—';
	const rounded = Math.round(minutes);
	const [days, hours, mins] = [Math.floor(rounded / 1440), Math.floor((rounded % 1440) / 60), rounded % 60];
	const text = days > 0 ? `${days} d${hours ? ` ${hours} h` : ''}` : hours > 0 ? `${hours} h${mins ? ` ${mins} min` : ''}` : `${mins} min`;
	return approximate ? `≈ ${text}` : text;
}
