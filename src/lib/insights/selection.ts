/**
 * The insights page's own filter: a period and severities, applied to one small record per
 * incident embedded in the page. The page is built with the whole archive selected; its script
 * calls the same functions when the reader narrows it, so both always agree.
 */
import { median, minutesText, percentile } from './stats.ts';

/** One of our incidents, reduced to what the selection summary needs. Times in minutes, publication in days. */
export interface InsightRecord {
	id: string;
	month: string;
	severity: string;
	detect: number;
	mitigate: number | null;
	resolve: number;
	approximate: boolean;
	publish: number | null;
}

export interface Selection {
	/** YYYY-MM, inclusive. */
	from?: string;
	to?: string;
	/** Empty or absent: every severity. */
	severities?: readonly string[];
}

export const select = (records: readonly InsightRecord[], { from, to, severities }: Selection) =>
	records.filter((r) => (!from || r.month >= from) && (!to || r.month <= to) && (!severities?.length || severities.includes(r.severity)));

export interface SelectionSummary {
	incidents: number;
	/** SEV-1 and SEV-2. */
	majors: number;
	rows: { label: string; count: number; median: string; p90: string }[];
	/** SEV-1/SEV-2 postmortems published, and within seven days of resolution. */
	published: number;
	publishedInWeek: number;
}

export function summarizeSelection(records: readonly InsightRecord[]): SelectionSummary {
	const approximate = records.some((r) => r.approximate);
	const row = (label: string, values: number[]) => ({ label, count: values.length, median: minutesText(median(values), approximate), p90: minutesText(percentile(values, 90), approximate) });
	const majors = records.filter((r) => r.severity === 'SEV-1' || r.severity === 'SEV-2');
	const published = majors.flatMap((r) => (r.publish === null ? [] : [r.publish]));
	return {
		incidents: records.length,
		majors: majors.length,
		rows: [
			row('Time to detect', records.map((r) => r.detect)),
			row('Time to mitigate', records.flatMap((r) => (r.mitigate === null ? [] : [r.mitigate]))),
			row('Time to resolve', records.map((r) => r.resolve)),
		],
		published: published.length,
		publishedInWeek: published.filter((d) => d <= 7).length,
	};
}
