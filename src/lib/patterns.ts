/**
 * Pattern analysis: incidents grouped by component and by cause, recurrence inside a sliding time
 * window, and the component × cause matrix. Everything is computed once per build from the entries
 * passed in, in time linear in the number of incidents (plus sorting).
 *
 * Groups hold every incident, but rankings, the recurrence flag, the matrix, durations and open
 * actions count only our own (`ours`): other organizations' incidents, summarized, are listed
 * apart on a pattern page as the same failure elsewhere.
 */
import { SEVERITIES, type Severity } from '../schemas/postmortem.ts';
import type { RecurrenceSettings } from './config.ts';
import { durations, formatSpan, type Span } from './time.ts';
import { incidentRows, incidentUrl, isOverdue, newestFirst, ours, patternUrl, theirs, type IncidentEntry, type IncidentRow, type Registries } from './incidents.ts';

export { patternUrl };

export type PatternKind = 'component' | 'cause';

export type { RecurrenceSettings };

const DAY = 86_400_000;

export interface Window {
	count: number;
	/** First and last incident start inside the densest window. */
	from: Date;
	to: Date;
}

/**
 * The window of `windowDays` holding the most incidents (the earliest such window on ties), found with
 * two pointers over the sorted start times. A window is inclusive: incidents exactly `windowDays` apart count together.
 */
export function densestWindow(starts: readonly Date[], windowDays: number): Window | undefined {
	const times = starts.map((d) => d.getTime()).sort((a, b) => a - b);
	let best: Window | undefined;
	let first = 0;
	for (let last = 0; last < times.length; last++) {
		while (times[last] - times[first] > windowDays * DAY) first++;
		const count = last - first + 1;
		if (!best || count > best.count) best = { count, from: new Date(times[first]), to: new Date(times[last]) };
	}
	return best;
}

/** The densest window, if it reaches the threshold. */
export function recurrence(starts: readonly Date[], settings: RecurrenceSettings): Window | undefined {
	const window = densestWindow(starts, settings.windowDays);
	return window && window.count >= settings.threshold ? window : undefined;
}

/** The ids an incident is filed under for a kind: its components, or its trigger and contributing causes. */
export const keysOf = (entry: IncidentEntry, kind: PatternKind): string[] =>
	kind === 'component' ? entry.data.components : [...new Set([entry.data.causes.trigger, ...entry.data.causes.contributing])];

/** id → incidents, for one kind; every id of the registry appears, with an empty list when unused. */
export function groupBy(entries: readonly IncidentEntry[], kind: PatternKind, ids: Iterable<string> = []): Map<string, IncidentEntry[]> {
	const groups = new Map<string, IncidentEntry[]>([...ids].map((id) => [id, []]));
	for (const entry of entries) {
		for (const key of keysOf(entry, kind)) {
			const group = groups.get(key);
			if (group) group.push(entry);
			else groups.set(key, [entry]);
		}
	}
	return groups;
}

export function median(values: readonly number[]): number | undefined {
	if (values.length === 0) return undefined;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Counts of ids, most frequent first, then by id. */
function tally(ids: Iterable<string>): { id: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/** How wide one bucket of a chart's time axis is. */
export type AxisUnit = 'month' | 'quarter' | 'year' | 'years';

/**
 * The time axis of every pattern page's chart: one per build, so that two pattern pages can be
 * compared at a glance. It runs from the month of our first incident to the month of our last
 * (other organizations' incidents, summarized, are not on it), in buckets wide enough that there
 * are at most `maxBuckets` of them: months, else quarters, else years, else spans of 2, 5, 10, …
 * years. Months are UTC, as incident dates are everywhere else.
 */
export interface TimeAxis {
	unit: AxisUnit;
	/** Months per bucket: 1, 3, 12 or a multiple of 12. */
	width: number;
	/** The first bucket's first month, as year × 12 + month (0-based). */
	start: number;
	/** One per bucket: YYYY-MM, YYYY-Qn, YYYY or YYYY–YYYY. */
	labels: string[];
}

/** Rows a chart's table may have before its buckets get wider. */
export const MAX_BUCKETS = 36;

/** Months, quarters, years, then spans of years with round lengths, up to a millennium (an archive spans less). */
const WIDTHS = [1, 3, 12, ...[2, 5, 10, 20, 50, 100, 200, 500, 1000].map((years) => years * 12)];

const monthIndex = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
const yearText = (year: number) => String(year).padStart(4, '0');

function bucketLabel(month: number, width: number): string {
	const year = Math.floor(month / 12);
	const inYear = month - year * 12;
	if (width === 1) return `${yearText(year)}-${String(inYear + 1).padStart(2, '0')}`;
	if (width === 3) return `${yearText(year)}-Q${Math.floor(inYear / 3) + 1}`;
	if (width === 12) return yearText(year);
	return `${yearText(year)}–${yearText(year + width / 12 - 1)}`;
}

/** The axis for the archive's incidents; empty when none of them is ours. */
export function timeAxis(entries: readonly IncidentEntry[], maxBuckets = MAX_BUCKETS): TimeAxis {
	const months = ours(entries).map((e) => monthIndex(e.data.started.at));
	if (months.length === 0) return { unit: 'month', width: 1, start: 0, labels: [] };
	// A loop, not Math.min(...months): an archive of 100,000 incidents would overflow the call stack.
	let first = months[0];
	let last = months[0];
	for (const m of months) {
		if (m < first) first = m;
		if (m > last) last = m;
	}
	const buckets = (width: number) => Math.floor(last / width) - Math.floor(first / width) + 1;
	const width = WIDTHS.find((w) => buckets(w) <= maxBuckets) ?? WIDTHS.at(-1)!;
	const start = Math.floor(first / width) * width;
	return {
		unit: width === 1 ? 'month' : width === 3 ? 'quarter' : width === 12 ? 'year' : 'years',
		width,
		start,
		labels: Array.from({ length: buckets(width) }, (_, i) => bucketLabel(start + i * width, width)),
	};
}

const PERIOD: Record<AxisUnit, string> = { month: 'Month', quarter: 'Quarter', year: 'Year', years: 'Years' };

export interface ChartData {
	/** The archive's time axis (timeAxis), the same on every pattern page; empty when the page has none of our incidents. */
	labels: string[];
	/** Our incidents per period, one series per severity that has any. */
	series: { severity: Severity; counts: number[] }[];
	/** The table's first column heading: Month, Quarter, Year or Years. */
	period: string;
	/** The chart's accessible name and the table's summary. */
	label: string;
	/** One sentence on how to read the axis. */
	caption: string;
}

/** Our incidents (never other organizations') counted on the archive-wide axis, by severity. */
export function timeSeries(entries: readonly IncidentEntry[], axis: TimeAxis): ChartData {
	const own = ours(entries);
	const heading = PERIOD[axis.unit];
	const label = `Our incidents per ${axis.unit === 'years' ? `${axis.width / 12} years` : axis.unit} by severity`;
	const caption = axis.labels.length
		? `${axis.labels[0]} to ${axis.labels.at(-1)}, from our first incident in this archive to our last; every pattern page has the same axis.`
		: '';
	if (own.length === 0 || axis.labels.length === 0) return { labels: [], series: [], period: heading, label, caption };
	const series = SEVERITIES.map(({ id }) => ({ severity: id, counts: axis.labels.map(() => 0) }));
	for (const { data } of own) {
		const bucket = Math.floor((monthIndex(data.started.at) - axis.start) / axis.width);
		// Outside the axis only if the axis was computed from other entries than the archive's.
		if (bucket < 0 || bucket >= axis.labels.length) continue;
		series.find((s) => s.severity === data.severity)!.counts[bucket]++;
	}
	return { labels: axis.labels, series: series.filter((s) => s.counts.some(Boolean)), period: heading, label, caption };
}

export interface PatternAction {
	title: string;
	owner?: string;
	due?: string;
	status: string;
	priority: string;
	overdue: boolean;
	incident: { id: string; title: string; url: string };
}

export interface PatternPage {
	kind: PatternKind;
	id: string;
	name: string;
	description: string;
	team?: string;
	/** Our own incidents. */
	incidents: IncidentRow[];
	/** Summaries of other organizations' incidents filed under the same component or cause. */
	elsewhere: IncidentRow[];
	bySeverity: { severity: Severity; count: number }[];
	medianToResolve?: string;
	longestToResolve?: { text: string; incident: IncidentRow };
	recurrence?: Window;
	settings: RecurrenceSettings;
	/** For a component, the causes of its incidents; for a cause, the other causes of its incidents. */
	factors: { id: string; name: string; count: number }[];
	/** For a component, the other components of its incidents; for a cause, the components it hit. */
	coOccurring: { id: string; name: string; count: number; kind: PatternKind }[];
	/** For a cause, how often it was the trigger and how often it contributed. */
	roles?: { trigger: number; contributing: number };
	openActions: PatternAction[];
	overdueCount: number;
	chart: ChartData;
}

export function patternPage(
	kind: PatternKind,
	id: string,
	group: readonly IncidentEntry[],
	registries: Registries,
	settings: RecurrenceSettings,
	today: string,
	/** The archive-wide axis (timeAxis of every incident of the edition), computed once per build. */
	axis: TimeAxis,
): PatternPage {
	const incidents = ours(group);
	const registry = kind === 'component' ? registries.components : registries.causes;
	const item = registry.get(id);
	const rows = incidentRows(incidents, registries);
	const spans: { span: Span; id: string }[] = incidents.map((e) => ({ span: durations(e.data).toResolve, id: e.id }));
	const longest = spans.reduce<(typeof spans)[number] | undefined>((a, b) => (!a || b.span.ms > a.span.ms ? b : a), undefined);
	const middle = median(spans.map((s) => s.span.ms));
	const name = (map: Map<string, { name: string }>, key: string) => map.get(key)?.name ?? key;
	const factors = tally(incidents.flatMap((e) => keysOf(e, 'cause')).filter((c) => kind === 'component' || c !== id)).map((t) => ({ ...t, name: name(registries.causes, t.id) }));
	const coKind: PatternKind = 'component';
	const coOccurring = tally(incidents.flatMap((e) => e.data.components).filter((c) => kind === 'cause' || c !== id)).map((t) => ({ ...t, name: name(registries.components, t.id), kind: coKind }));
	const openActions = newestFirst(incidents).flatMap((e) =>
		e.data.actions
			.filter((a) => a.status === 'open' || a.status === 'in-progress')
			.map((a) => ({
				title: a.title,
				owner: a.owner,
				due: a.due,
				status: a.status,
				priority: a.priority,
				overdue: isOverdue(a, today),
				incident: { id: e.id, title: e.data.title, url: incidentUrl(e.id) },
			})),
	);
	return {
		kind,
		id,
		name: item?.name ?? id,
		description: item?.description ?? '',
		team: kind === 'component' ? registries.components.get(id)?.team : undefined,
		incidents: rows,
		elsewhere: incidentRows(theirs(group), registries),
		bySeverity: SEVERITIES.map(({ id: severity }) => ({ severity, count: incidents.filter((e) => e.data.severity === severity).length })),
		medianToResolve: middle === undefined ? undefined : formatSpan({ ms: middle, approximate: spans.some((s) => s.span.approximate) }),
		longestToResolve: longest && { text: formatSpan(longest.span), incident: rows.find((r) => r.id === longest.id)! },
		recurrence: recurrence(incidents.map((e) => e.data.started.at), settings),
		settings,
		factors,
		coOccurring,
		roles: kind === 'cause' ? { trigger: incidents.filter((e) => e.data.causes.trigger === id).length, contributing: incidents.filter((e) => e.data.causes.contributing.includes(id)).length } : undefined,
		openActions,
		overdueCount: openActions.filter((a) => a.overdue).length,
		chart: timeSeries(incidents, axis),
	};
}

export interface RankedPattern {
	kind: PatternKind;
	id: string;
	name: string;
	url: string;
	incidents: number;
	/** Incidents in the densest window. */
	densest: number;
	/** Other organizations' incidents under the same id, not counted in the ranking. */
	elsewhere: number;
	recurrence?: Window;
	/** The flagged window ended less than one window length before the build day: it needs attention now. */
	active: boolean;
}

export interface PatternsIndex {
	settings: RecurrenceSettings;
	components: RankedPattern[];
	causes: RankedPattern[];
	/** Flagged components and causes: active ones first, then most incidents in a window. */
	recurring: RankedPattern[];
	matrix: {
		rows: { id: string; name: string; url: string; total: number }[];
		columns: { id: string; name: string; url: string; total: number }[];
		/** cells[row][column]: incidents that have both. */
		cells: number[][];
		/** heat[row][column]: the cell's shade, 0 (empty) to HEAT_STEPS (heatLevel); the count is always shown too. */
		heat: number[][];
		/** The largest cell, which the shades are relative to. */
		max: number;
		/** The counts each shade stands for, lightest first (shades no cell can have are left out). */
		shades: { level: number; from: number; to: number }[];
		/** The shades in words, so that colour is explained as well as never the only signal (every cell shows its count). */
		legend: string;
	};
}

/** Shades of the matrix: the stylesheet has one class per level (`heat-1` … `heat-4`). */
export const HEAT_STEPS = 4;

/**
 * The shade of a cell of `count` incidents when the largest cell holds `max`: `steps` equal steps of
 * max / steps incidents each, the darkest reached only by the largest cells. A step is never less
 * than one incident, so in a small archive one incident is the lightest shade, not the darkest.
 */
export function heatLevel(count: number, max: number, steps = HEAT_STEPS): number {
	if (count <= 0 || max <= 0) return 0;
	if (max <= steps) return Math.min(count, steps);
	return Math.min(steps, Math.ceil((count * steps) / max));
}

const listed = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The range of counts of each shade that a count from 1 to `max` can have: the matrix's legend. */
export function heatShades(max: number, steps = HEAT_STEPS): { level: number; from: number; to: number }[] {
	const shades: { level: number; from: number; to: number }[] = [];
	for (let n = 1; n <= max; n++) {
		const level = heatLevel(n, max, steps);
		if (shades.at(-1)?.level === level) shades.at(-1)!.to = n;
		else shades.push({ level, from: n, to: n });
	}
	return shades;
}

/** The search page, filtered to our incidents that have both a component and a cause: what the cell counts. */
export const matrixCellUrl = (component: string, cause: string) => `/search/?component=${encodeURIComponent(component)}&cause=${encodeURIComponent(cause)}&origin=ours`;

function rank(groups: Map<string, IncidentEntry[]>, kind: PatternKind, registries: Registries, settings: RecurrenceSettings, today: string): RankedPattern[] {
	const now = new Date(`${today}T00:00:00Z`).getTime();
	const registry = kind === 'component' ? registries.components : registries.causes;
	return [...groups]
		.map(([id, group]) => [id, ours(group), group.length] as const)
		.filter(([, list]) => list.length > 0)
		.map(([id, list, all]) => {
			const starts = list.map((e) => e.data.started.at);
			const flagged = recurrence(starts, settings);
			return {
				kind,
				id,
				name: registry.get(id)?.name ?? id,
				url: patternUrl(kind, id),
				incidents: list.length,
				densest: densestWindow(starts, settings.windowDays)?.count ?? 0,
				elsewhere: all - list.length,
				recurrence: flagged,
				// Whole days, so an incident late on its day counts the same as one at midnight.
				active: flagged !== undefined && now - Math.floor(flagged.to.getTime() / DAY) * DAY <= settings.windowDays * DAY,
			};
		})
		.sort((a, b) => b.incidents - a.incidents || b.densest - a.densest || a.name.localeCompare(b.name));
}

export function patternsIndex(
	groups: { components: Map<string, IncidentEntry[]>; causes: Map<string, IncidentEntry[]> },
	registries: Registries,
	settings: RecurrenceSettings,
	today: string,
): PatternsIndex {
	const components = rank(groups.components, 'component', registries, settings, today);
	const causes = rank(groups.causes, 'cause', registries, settings, today);
	const column = new Map(causes.map((c, i) => [c.id, i]));
	const cells = components.map(({ id }) => {
		const row = causes.map(() => 0);
		for (const entry of ours(groups.components.get(id) ?? [])) for (const cause of keysOf(entry, 'cause')) row[column.get(cause)!]++;
		return row;
	});
	const max = cells.reduce((m, row) => row.reduce((a, b) => Math.max(a, b), m), 0);
	const shades = heatShades(max);
	return {
		settings,
		components,
		causes,
		recurring: [...components, ...causes].filter((p) => p.recurrence).sort((a, b) => Number(b.active) - Number(a.active) || b.densest - a.densest || a.name.localeCompare(b.name)),
		matrix: {
			rows: components.map(({ id, name, url, incidents }) => ({ id, name, url, total: incidents })),
			columns: causes.map(({ id, name, url, incidents }) => ({ id, name, url, total: incidents })),
			cells,
			heat: cells.map((row) => row.map((n) => heatLevel(n, max))),
			max,
			shades,
			legend: shades.length > 1 ? `Darker cells hold more, relative to the largest (${max}): ${listed(shades.map((s) => (s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`)))} incidents, lightest to darkest.` : '',
		},
	};
}
