/**
 * What /insights/ and /actions/ show, and the two data files beside them (/metrics.json and
 * /actions.csv). Every number comes from metrics.ts over our own incidents only.
 */
import { SEVERITIES, type Severity } from '../../schemas/postmortem.ts';
import type { HindsightConfig } from '../config.ts';
import { completenessOf, incidentUrl, ours, theirs, type IncidentEntry, type Registries } from '../incidents.ts';
import { summarizeSelection, type InsightRecord, type SelectionSummary } from './selection.ts';
import { minutesText } from './stats.ts';

export type { InsightRecord };
import { actionTotals, groupedBy, incidentTimes, ledger, median, monthOf, periods, quarterOf, repeats, sloImpact, summarize, writeups, type ActionState, type LedgerAction, type TimeSummary } from './metrics.ts';

const nameOf = (map: Map<string, { name: string }>, id: string) => map.get(id)?.name ?? id;

/** A summary's time in minutes as text; "—" when nothing was measured. */
const formatMinutes = (summary: Pick<TimeSummary, 'approximate'>, minutes?: number) => minutesText(minutes, summary.approximate);

export interface PeriodComparison {
	label: string;
	current: string;
	previous: string;
	incidents: [number, number];
	majors: [number, number];
	/** Median time to resolve, formatted, for the current and the previous period. */
	medianResolve: [string, string];
	medianDetect: [string, string];
}

export interface InsightsPage {
	edition: HindsightConfig['edition'];
	incidents: number;
	/** Summaries of other organizations' incidents left out of every number. */
	excluded: number;
	comparison?: PeriodComparison;
	byMonth: { month: string; counts: Record<Severity, number>; total: number }[];
	resolveByMonth: { month: string; incidents: number; median?: number; p90?: number; text: string }[];
	byTrigger: { id: string; name: string; count: number }[];
	bySeverity: { severity: Severity; incidents: number; detect: string; mitigate: string; resolve: string; resolveP90: string }[];
	actionsByMonth: { month: string; counts: Record<ActionState, number> }[];
	writeups: ReturnType<typeof writeups> & { withinWeekShare?: number };
	publishByMonth: { month: string; published: number; median?: number }[];
	repeats: { count: number; rate?: number; ids: { id: string; title: string; url: string }[] };
	slo: ReturnType<typeof sloImpact>;
	actions?: ReturnType<typeof actionTotals>;
	/** Our postmortems below 100 on the completeness rubric, lowest first, with what each lacks (internal edition). */
	incomplete?: { id: string; title: string; url: string; score: number; missing: string[] }[];
	/** Median completeness score of our postmortems. */
	medianCompleteness?: number;
	records: InsightRecord[];
	/** The whole archive, as the page's filter shows it before the reader narrows it. */
	selection: SelectionSummary;
	months: string[];
	chart: {
		byMonth: { labels: string[]; series: { label: string; color: string; counts: number[] }[] };
		resolve: { labels: string[]; values: (number | null)[]; trend: (number | null)[] };
		byTrigger: { labels: string[]; values: number[] };
		actions: { labels: string[]; series: { label: string; color: string; counts: number[] }[] };
		publish: { labels: string[]; values: (number | null)[] };
	};
}

export const ACTION_STATES: ActionState[] = ['done on time', 'done late', 'done', 'open', 'overdue', "won't do"];
const STATE_COLORS: Record<ActionState, string> = { 'done on time': '--sev4', 'done late': '--sev3', done: '--muted', open: '--link', overdue: '--sev1', "won't do": '--line' };

/** The quarter before "YYYY-Qn". */
const previousQuarter = (quarter: string) => {
	const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(-1))];
	return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
};

/** A running median over the last `size` values that exist, for the trend line of time to resolve. */
function rollingMedian(values: (number | null)[], size = 3): (number | null)[] {
	return values.map((value, i) => {
		if (value === null) return null;
		const window = values.slice(0, i + 1).filter((v): v is number => v !== null).slice(-size);
		return median(window) ?? null;
	});
}

export function insightsPage(entries: readonly IncidentEntry[], registries: Registries, config: Pick<HindsightConfig, 'today' | 'edition' | 'recurrence'>): InsightsPage {
	const own = ours(entries);
	const months = periods(own, 'month');
	const byMonthGroups = groupedBy(own, (e) => [monthOf(e)], months);
	const byMonth = byMonthGroups.map((g) => ({ month: g.key, counts: g.bySeverity, total: g.incidents }));
	const resolveByMonth = byMonthGroups.map((g) => ({ month: g.key, incidents: g.incidents, median: g.toResolve.median, p90: g.toResolve.p90, text: formatMinutes(g.toResolve, g.toResolve.median) }));
	const triggers = groupedBy(own, (e) => [e.data.causes.trigger])
		.map((g) => ({ id: g.key, name: nameOf(registries.causes, g.key), count: g.incidents }))
		.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
	const bySeverity = groupedBy(own, (e) => [e.data.severity], SEVERITIES.map((s) => s.id)).map((g) => ({
		severity: g.key as Severity,
		incidents: g.incidents,
		detect: formatMinutes(g.toDetect, g.toDetect.median),
		mitigate: formatMinutes(g.toMitigate, g.toMitigate.median),
		resolve: formatMinutes(g.toResolve, g.toResolve.median),
		resolveP90: formatMinutes(g.toResolve, g.toResolve.p90),
	}));

	const actionRows = ledger(own, config.today);
	const monthOfIncident = new Map(own.map((e) => [e.id, monthOf(e)]));
	const actionsByMonth = months.map((month) => {
		const counts = Object.fromEntries(ACTION_STATES.map((s) => [s, 0])) as Record<ActionState, number>;
		for (const a of actionRows) if (monthOfIncident.get(a.incident) === month) counts[a.state]++;
		return { month, counts };
	});

	const times = new Map(own.map((e) => [e.id, incidentTimes(e)]));
	const publishByMonth = months.map((month) => {
		const days = own.filter((e) => monthOf(e) === month && (e.data.severity === 'SEV-1' || e.data.severity === 'SEV-2')).flatMap((e) => (times.get(e.id)!.toPublish === undefined ? [] : [times.get(e.id)!.toPublish!]));
		return { month, published: days.length, median: median(days) };
	});

	// This quarter against the last: the quarter of the build day, and the one before.
	const current = `${config.today.slice(0, 4)}-Q${Math.ceil(Number(config.today.slice(5, 7)) / 3)}`;
	const previous = previousQuarter(current);
	const inQuarter = (q: string) => own.filter((e) => quarterOf(e) === q);
	const quarterSummary = (q: string) => summarize(inQuarter(q).map((e) => times.get(e.id)!.toResolve));
	const detectSummary = (q: string) => summarize(inQuarter(q).map((e) => times.get(e.id)!.toDetect));
	const majors = (q: string) => inQuarter(q).filter((e) => e.data.severity === 'SEV-1' || e.data.severity === 'SEV-2').length;
	const [rc, rp, dc, dp] = [quarterSummary(current), quarterSummary(previous), detectSummary(current), detectSummary(previous)];

	const repeated = repeats(own, config.recurrence);
	const written = writeups(own);
	const records: InsightRecord[] = own.map((e) => {
		const t = times.get(e.id)!;
		return {
			id: e.id,
			month: monthOf(e),
			severity: e.data.severity,
			detect: Math.round(t.toDetect.ms / 60_000),
			mitigate: t.toMitigate ? Math.round(t.toMitigate.ms / 60_000) : null,
			resolve: Math.round(t.toResolve.ms / 60_000),
			approximate: t.toDetect.approximate || t.toResolve.approximate || Boolean(t.toMitigate?.approximate),
			publish: t.toPublish ?? null,
		};
	});
	const resolveValues = resolveByMonth.map((r) => (r.median === undefined ? null : Math.round(r.median)));
	return {
		edition: config.edition,
		incidents: own.length,
		excluded: theirs(entries).length,
		comparison: own.length
			? {
					label: 'This quarter against the last',
					current,
					previous,
					incidents: [inQuarter(current).length, inQuarter(previous).length],
					majors: [majors(current), majors(previous)],
					medianResolve: [formatMinutes(rc, rc.median), formatMinutes(rp, rp.median)],
					medianDetect: [formatMinutes(dc, dc.median), formatMinutes(dp, dp.median)],
				}
			: undefined,
		byMonth,
		resolveByMonth,
		byTrigger: triggers,
		bySeverity,
		actionsByMonth,
		writeups: { ...written, withinWeekShare: written.major ? written.withinWeek / written.major : undefined },
		publishByMonth,
		repeats: {
			count: repeated.size,
			rate: own.length ? repeated.size / own.length : undefined,
			ids: own.filter((e) => repeated.has(e.id)).map((e) => ({ id: e.id, title: e.data.title, url: incidentUrl(e.id) })),
		},
		slo: sloImpact(own),
		// Overdue work and its owners are for the team: the public edition shows none of it.
		actions: config.edition === 'internal' ? actionTotals(actionRows) : undefined,
		...(config.edition === 'internal' ? completenessSummary(own) : {}),
		records,
		selection: summarizeSelection(records),
		months,
		chart: {
			byMonth: { labels: months, series: SEVERITIES.map((s) => ({ label: s.id, color: `--sev${s.id.slice(-1)}`, counts: byMonth.map((m) => m.counts[s.id]) })) },
			resolve: { labels: months, values: resolveValues, trend: rollingMedian(resolveValues) },
			byTrigger: { labels: triggers.map((t) => t.name), values: triggers.map((t) => t.count) },
			actions: { labels: months, series: ACTION_STATES.map((state) => ({ label: state, color: STATE_COLORS[state], counts: actionsByMonth.map((m) => m.counts[state]) })) },
			publish: { labels: months, values: publishByMonth.map((m) => (m.median === undefined ? null : m.median)) },
		},
	};
}

function completenessSummary(own: readonly IncidentEntry[]): Pick<InsightsPage, 'incomplete' | 'medianCompleteness'> {
	const scored = own.map((e) => ({ entry: e, ...completenessOf(e) }));
	return {
		medianCompleteness: median(scored.map((s) => s.score)),
		incomplete: scored
			.filter((s) => s.score < 100)
			.sort((a, b) => a.score - b.score || a.entry.id.localeCompare(b.entry.id))
			.map((s) => ({ id: s.entry.id, title: s.entry.data.title, url: incidentUrl(s.entry.id), score: s.score, missing: s.missing.map((m) => m.description) })),
	};
}

export interface LedgerRow extends LedgerAction {
	incidentTitle: string;
	incidentUrl: string;
	componentNames: string[];
}

export interface LedgerPage {
	rows: LedgerRow[];
	totals: ReturnType<typeof actionTotals>;
	/** Per owner, most overdue first. */
	owners: { owner: string; total: number; open: number; overdue: number; doneOnTime: number; doneLate: number }[];
	options: { states: string[]; owners: string[]; priorities: string[]; types: string[]; components: { id: string; name: string }[] };
	today: string;
}

const NO_OWNER = 'no owner';

export function ledgerPage(entries: readonly IncidentEntry[], registries: Registries, today: string): LedgerPage {
	const byId = new Map(entries.map((e) => [e.id, e]));
	const rows = ledger(entries, today)
		.map((a) => ({ ...a, incidentTitle: byId.get(a.incident)!.data.title, incidentUrl: incidentUrl(a.incident), componentNames: a.components.map((c) => nameOf(registries.components, c)) }))
		// Overdue first, then open by due day, then the rest newest incident first.
		.sort((a, b) => Number(b.overdue) - Number(a.overdue) || rank(a.state) - rank(b.state) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || b.incident.localeCompare(a.incident));
	const owners = new Map<string, LedgerPage['owners'][number]>();
	for (const row of rows) {
		const owner = row.owner ?? NO_OWNER;
		const o = owners.get(owner) ?? { owner, total: 0, open: 0, overdue: 0, doneOnTime: 0, doneLate: 0 };
		o.total++;
		if (row.state === 'open' || row.state === 'overdue') o.open++;
		if (row.state === 'overdue') o.overdue++;
		if (row.state === 'done on time') o.doneOnTime++;
		if (row.state === 'done late') o.doneLate++;
		owners.set(owner, o);
	}
	const distinct = (values: string[]) => [...new Set(values)].sort();
	return {
		rows,
		totals: actionTotals(rows),
		owners: [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.owner.localeCompare(b.owner)),
		options: {
			states: ACTION_STATES.filter((s) => rows.some((r) => r.state === s)),
			owners: distinct(rows.map((r) => r.owner ?? NO_OWNER)),
			priorities: distinct(rows.map((r) => r.priority)),
			types: distinct(rows.map((r) => r.type)),
			components: distinct(rows.flatMap((r) => r.components)).map((id) => ({ id, name: nameOf(registries.components, id) })),
		},
		today,
	};
}

const rank = (state: ActionState) => ['overdue', 'open', 'done late', 'done on time', 'done', "won't do"].indexOf(state);

/**
 * A CSV cell: quoted when it holds a comma, quote or line break, and defused when a spreadsheet
 * would take it for a formula (=, +, -, @ at the start), since titles are free text.
 */
export function csvCell(value: string | number | boolean | undefined): string {
	let text = value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function actionsCsv(rows: readonly LedgerRow[]): string {
	const header = ['incident', 'incident_title', 'action', 'owner', 'priority', 'type', 'status', 'state', 'due', 'closed', 'age_days', 'overdue', 'components'];
	const lines = rows.map((r) => [r.incident, r.incidentTitle, r.title, r.owner, r.priority, r.type, r.status, r.state, r.due, r.closed, r.age, r.overdue, r.components.join(' ')].map(csvCell).join(','));
	return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** /metrics.json: the insights in numbers, minutes and days, for a spreadsheet or another dashboard. */
export function metricsDocument(entries: readonly IncidentEntry[], registries: Registries, config: Pick<HindsightConfig, 'today' | 'edition' | 'recurrence'>) {
	const own = ours(entries);
	const summary = (s: TimeSummary) => ({ incidents: s.count, medianMinutes: s.median, p90Minutes: s.p90, approximate: s.approximate });
	const groups = (list: ReturnType<typeof groupedBy>) =>
		list.map((g) => ({ key: g.key, incidents: g.incidents, bySeverity: g.bySeverity, toDetect: summary(g.toDetect), toMitigate: summary(g.toMitigate), toResolve: summary(g.toResolve) }));
	const page = insightsPage(entries, registries, config);
	return {
		generated: config.today,
		scope: 'Our own incidents only; summaries of other organizations’ incidents are excluded.',
		incidents: own.length,
		excluded: page.excluded,
		overall: groups(groupedBy(own, () => ['all']))[0],
		byMonth: groups(groupedBy(own, (e) => [monthOf(e)], periods(own, 'month'))),
		byQuarter: groups(groupedBy(own, (e) => [quarterOf(e)], periods(own, 'quarter'))),
		bySeverity: groups(groupedBy(own, (e) => [e.data.severity], SEVERITIES.map((s) => s.id))),
		byComponent: groups(groupedBy(own, (e) => e.data.components)),
		byTrigger: groups(groupedBy(own, (e) => [e.data.causes.trigger])),
		byCause: groups(groupedBy(own, (e) => [...new Set([e.data.causes.trigger, ...e.data.causes.contributing])])),
		writeups: page.writeups,
		repeats: { incidents: page.repeats.count, rate: page.repeats.rate, ids: page.repeats.ids.map((r) => r.id) },
		slo: page.slo,
		...(page.actions ? { actions: page.actions } : {}),
	};
}
