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

export interface ChartData {
	/** Period labels: YYYY-MM for spans up to two years, YYYY beyond. */
	labels: string[];
	/** Incidents per period, one series per severity. */
	series: { severity: Severity; counts: number[] }[];
}

/** Incidents over time, bucketed so that a handful of bars tells the story. */
export function timeSeries(entries: readonly IncidentEntry[]): ChartData {
	const starts = entries.map((e) => e.data.started.at);
	if (starts.length === 0) return { labels: [], series: [] };
	const min = new Date(Math.min(...starts.map((d) => d.getTime())));
	const max = new Date(Math.max(...starts.map((d) => d.getTime())));
	const monthly = (max.getUTCFullYear() - min.getUTCFullYear()) * 12 + max.getUTCMonth() - min.getUTCMonth() < 24;
	const labels: string[] = [];
	for (let d = new Date(Date.UTC(min.getUTCFullYear(), monthly ? min.getUTCMonth() : 0)); d <= max; monthly ? d.setUTCMonth(d.getUTCMonth() + 1) : d.setUTCFullYear(d.getUTCFullYear() + 1)) {
		labels.push(d.toISOString().slice(0, monthly ? 7 : 4));
	}
	const position = new Map(labels.map((label, i) => [label, i]));
	const series = SEVERITIES.map(({ id }) => ({ severity: id, counts: labels.map(() => 0) }));
	for (const { data } of entries) {
		const label = data.started.at.toISOString().slice(0, monthly ? 7 : 4);
		series.find((s) => s.severity === data.severity)!.counts[position.get(label)!]++;
	}
	return { labels, series: series.filter((s) => s.counts.some(Boolean)) };
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
		chart: timeSeries(incidents),
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
	};
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
	return {
		settings,
		components,
		causes,
		recurring: [...components, ...causes].filter((p) => p.recurrence).sort((a, b) => Number(b.active) - Number(a.active) || b.densest - a.densest || a.name.localeCompare(b.name)),
		matrix: {
			rows: components.map(({ id, name, url, incidents }) => ({ id, name, url, total: incidents })),
			columns: causes.map(({ id, name, url, incidents }) => ({ id, name, url, total: incidents })),
			cells,
		},
	};
}
