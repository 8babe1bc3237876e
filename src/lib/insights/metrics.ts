/**
 * The practice's own numbers: how fast our incidents are detected, mitigated and resolved, how
 * promptly they are written up, whether their action items get done, how often the same thing
 * breaks again. Only our own incidents count: a summary of another organization's postmortem
 * (`source`) is reading material, and every aggregate here leaves it out (see `ours`).
 *
 * Times are summarized by the median and the 90th percentile, never the mean: one three-day
 * incident would otherwise speak for twenty short ones. A summary is approximate when any time
 * it rests on is.
 */
import { SEVERITIES, type Action, type Severity } from '../../schemas/postmortem.ts';
import type { RecurrenceSettings } from '../config.ts';
import { ours, type IncidentEntry } from '../incidents.ts';
import { durations, type Span } from '../time.ts';
import { median, percentile } from './stats.ts';

export { median, percentile };

const DAY = 86_400_000;
const MINUTE = 60_000;

export { ours };

/** Whole days from one day (YYYY-MM-DD) or time to another; negative when the second is earlier. */
const daysBetween = (from: Date | string, to: Date | string) => Math.round((dayStart(to) - dayStart(from)) / DAY);
const dayStart = (d: Date | string) => new Date(`${typeof d === 'string' ? d : d.toISOString().slice(0, 10)}T00:00:00Z`).getTime();

export interface IncidentTimes {
	id: string;
	/** Minutes from the start to detection, mitigation (when recorded) and resolution. */
	toDetect: Span;
	toMitigate?: Span;
	toResolve: Span;
	/** Days from resolution to the review meeting and to publication, when they happened. */
	toReview?: number;
	toPublish?: number;
}

export function incidentTimes(entry: IncidentEntry): IncidentTimes {
	const { data } = entry;
	const { toDetect, toMitigate, toResolve } = durations(data);
	return {
		id: entry.id,
		toDetect,
		toMitigate,
		toResolve,
		toReview: data.review ? daysBetween(data.resolved.at, data.review.date) : undefined,
		toPublish: data.published && data.status === 'published' ? daysBetween(data.resolved.at, data.published) : undefined,
	};
}

export interface TimeSummary {
	/** Incidents the summary rests on (those that record this time). */
	count: number;
	/** Minutes. */
	median?: number;
	p90?: number;
	approximate: boolean;
}

export function summarize(spans: readonly (Span | undefined)[]): TimeSummary {
	const known = spans.filter((s): s is Span => s !== undefined);
	const minutes = known.map((s) => s.ms / MINUTE);
	return { count: known.length, median: median(minutes), p90: percentile(minutes, 90), approximate: known.some((s) => s.approximate) };
}

export interface Group {
	key: string;
	incidents: number;
	bySeverity: Record<Severity, number>;
	toDetect: TimeSummary;
	toMitigate: TimeSummary;
	toResolve: TimeSummary;
}

function group(key: string, entries: readonly IncidentEntry[]): Group {
	const times = entries.map(incidentTimes);
	const bySeverity = Object.fromEntries(SEVERITIES.map(({ id }) => [id, entries.filter((e) => e.data.severity === id).length])) as Record<Severity, number>;
	return {
		key,
		incidents: entries.length,
		bySeverity,
		toDetect: summarize(times.map((t) => t.toDetect)),
		toMitigate: summarize(times.map((t) => t.toMitigate)),
		toResolve: summarize(times.map((t) => t.toResolve)),
	};
}

export const monthOf = (entry: IncidentEntry) => entry.data.started.at.toISOString().slice(0, 7);
export const quarterOf = (entry: IncidentEntry) => {
	const iso = entry.data.started.at.toISOString();
	return `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;
};

/** Every month (or quarter) from the first incident's to the last's, so that quiet periods show as zero. */
export function periods(entries: readonly IncidentEntry[], kind: 'month' | 'quarter'): string[] {
	if (entries.length === 0) return [];
	const months = entries.map(monthOf).sort();
	const [first, last] = [months[0], months.at(-1)!];
	const out: string[] = [];
	for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? ((m = 1), y++) : m++) {
		const label = kind === 'month' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.ceil(m / 3)}`;
		if (out.at(-1) !== label) out.push(label);
	}
	return out;
}

/** Groups of incidents by a key, each summarized; keys listed in `keys` come first and appear even when empty. */
export function groupedBy(entries: readonly IncidentEntry[], keyOf: (e: IncidentEntry) => string[], keys: readonly string[] = []): Group[] {
	const lists = new Map<string, IncidentEntry[]>(keys.map((k) => [k, []]));
	for (const entry of entries) for (const key of keyOf(entry)) lists.set(key, [...(lists.get(key) ?? []), entry]);
	return [...lists].map(([key, list]) => group(key, list));
}

export type ActionState = 'done on time' | 'done late' | 'done' | 'open' | 'overdue' | "won't do";

export interface LedgerAction {
	incident: string;
	title: string;
	owner?: string;
	priority: Action['priority'];
	type: Action['type'];
	status: Action['status'];
	due?: string;
	closed?: string;
	components: string[];
	/** Days since the postmortem was published (or the incident resolved) for open items; days it took for closed ones. */
	age: number;
	state: ActionState;
	overdue: boolean;
}

/** What became of an action item, judged on the build day. */
export function actionState(action: Pick<Action, 'status' | 'due' | 'closed'>, today: string): ActionState {
	if (action.status === 'wont-do') return "won't do";
	if (action.status === 'done') {
		if (!action.closed || !action.due) return 'done';
		return action.closed <= action.due ? 'done on time' : 'done late';
	}
	return action.due && action.due < today ? 'overdue' : 'open';
}

/** Every action item of our incidents, one row each. */
export function ledger(entries: readonly IncidentEntry[], today: string): LedgerAction[] {
	return ours(entries).flatMap((entry) => {
		const opened = entry.data.published ?? entry.data.resolved.at.toISOString().slice(0, 10);
		return entry.data.actions.map((action) => {
			const state = actionState(action, today);
			return {
				incident: entry.id,
				title: action.title,
				owner: action.owner,
				priority: action.priority,
				type: action.type,
				status: action.status,
				due: action.due,
				closed: action.closed,
				components: entry.data.components,
				age: Math.max(0, daysBetween(opened, action.closed && action.status === 'done' ? action.closed : today)),
				state,
				overdue: state === 'overdue',
			};
		});
	});
}

export interface ActionTotals {
	total: number;
	doneOnTime: number;
	doneLate: number;
	/** Done, with no record of when. */
	doneUndated: number;
	open: number;
	overdue: number;
	wontDo: number;
	/** Median age in days of the items still open (overdue included). */
	medianOpenAge?: number;
}

export function actionTotals(actions: readonly LedgerAction[]): ActionTotals {
	const count = (state: ActionState) => actions.filter((a) => a.state === state).length;
	const open = actions.filter((a) => a.state === 'open' || a.state === 'overdue');
	return {
		total: actions.length,
		doneOnTime: count('done on time'),
		doneLate: count('done late'),
		doneUndated: count('done'),
		open: open.length,
		overdue: count('overdue'),
		wontDo: count("won't do"),
		medianOpenAge: median(open.map((a) => a.age)),
	};
}

/**
 * Incidents that repeat an earlier one: marked with `recurrenceOf`, or sharing a component and the
 * trigger cause with one of ours that started at most the recurrence window before.
 */
export function repeats(entries: readonly IncidentEntry[], settings: Pick<RecurrenceSettings, 'windowDays'>): Set<string> {
	const list = ours(entries).sort((a, b) => a.data.started.at.getTime() - b.data.started.at.getTime());
	const found = new Set<string>();
	list.forEach((entry, i) => {
		if (entry.data.recurrenceOf) return found.add(entry.id);
		const start = entry.data.started.at.getTime();
		for (let j = i - 1; j >= 0; j--) {
			const earlier = list[j];
			if (start - earlier.data.started.at.getTime() > settings.windowDays * DAY) break;
			if (earlier.data.causes.trigger === entry.data.causes.trigger && earlier.data.components.some((c) => entry.data.components.includes(c))) return found.add(entry.id);
		}
	});
	return found;
}

export interface Writeups {
	/** SEV-1 and SEV-2 incidents. */
	major: number;
	published: number;
	/** Published within seven days of resolution. */
	withinWeek: number;
	/** Days from resolution to publication, over those published. */
	daysToPublish: { median?: number; p90?: number };
	/** Days from resolution to the review meeting, over those reviewed. */
	daysToReview: { median?: number; p90?: number; count: number };
}

export function writeups(entries: readonly IncidentEntry[]): Writeups {
	const major = ours(entries).filter((e) => e.data.severity === 'SEV-1' || e.data.severity === 'SEV-2');
	const times = major.map(incidentTimes);
	const publish = times.flatMap((t) => (t.toPublish === undefined ? [] : [t.toPublish]));
	const review = ours(entries).flatMap((e) => (e.data.review ? [daysBetween(e.data.resolved.at, e.data.review.date)] : []));
	return {
		major: major.length,
		published: publish.length,
		withinWeek: publish.filter((d) => d <= 7).length,
		daysToPublish: { median: median(publish), p90: percentile(publish, 90) },
		daysToReview: { median: median(review), p90: percentile(review, 90), count: review.length },
	};
}

export interface SloImpact {
	/** Incidents that breached at least one SLO. */
	incidents: number;
	/** SLO name → incidents that breached it. */
	bySlo: { slo: string; incidents: number }[];
	/** Percent of an error budget, summed over the incidents that say how much they used. */
	budgetConsumed: number;
}

export function sloImpact(entries: readonly IncidentEntry[]): SloImpact {
	const counts = new Map<string, number>();
	let incidents = 0;
	let budgetConsumed = 0;
	for (const { data } of ours(entries)) {
		const slos = data.impact.slosBreached ?? [];
		if (slos.length) incidents++;
		for (const slo of new Set(slos)) counts.set(slo, (counts.get(slo) ?? 0) + 1);
		budgetConsumed += data.impact.errorBudgetConsumed ?? 0;
	}
	return { incidents, bySlo: [...counts].map(([slo, n]) => ({ slo, incidents: n })).sort((a, b) => b.incidents - a.incidents || a.slo.localeCompare(b.slo)), budgetConsumed };
}
