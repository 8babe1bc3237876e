/**
 * The practice's metrics, with expectations worked out by hand from the timelines below. The
 * incidents are written inline, as an author would, and parsed by the real schema.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentEntry } from '../../src/lib/incidents.ts';
import { actionState, actionTotals, groupedBy, incidentTimes, ledger, ours, percentile, periods, quarterOf, repeats, sloImpact, summarize, writeups } from '../../src/lib/insights/metrics.ts';
import { postmortemSchema, type PostmortemInput } from '../../src/schemas/postmortem.ts';

const base = (id: string, day: string): PostmortemInput => ({
	title: `Incident ${id}`,
	summary: 'Something broke.',
	severity: 'SEV-2',
	status: 'published',
	visibility: 'internal',
	started: `${day}T09:00:00Z`,
	detected: `${day}T09:30:00Z`,
	resolved: `${day}T12:00:00Z`,
	components: ['checkout-api'],
	causes: { trigger: 'deployment', contributing: ['monitoring-gap'] },
	impact: 'Checkout failed.',
	timeline: [{ at: `${day}T09:00:00Z`, kind: 'trigger', event: 'Deploy.' }],
});
const entry = (id: string, data: PostmortemInput): IncidentEntry => ({ id, data: postmortemSchema.parse(data) });

// 14:32 deploy → 15:12 pool exhausted → 15:18 paged → 16:30 rollback complete → 16:47 restored.
const pool = entry('2026-06-01-pool', {
	...base('pool', '2026-06-01'),
	severity: 'SEV-1',
	started: '2026-06-01T14:32:00Z',
	detected: '2026-06-01T15:18:00Z',
	resolved: '2026-06-01T16:47:00Z',
	published: '2026-06-05',
	review: { date: '2026-06-03', attendees: ['incident commander', 'checkout on-call'] },
	impact: { description: 'Checkout failed.', slosBreached: ['checkout availability'], errorBudgetConsumed: 40 },
	timeline: [
		{ at: '2026-06-01T14:32:00Z', kind: 'trigger', event: 'Release 4.12 deployed.' },
		{ at: '2026-06-01T15:12:00Z', kind: 'note', event: 'Connection pool exhausted.' },
		{ at: '2026-06-01T15:18:00Z', kind: 'detection', event: 'On-call paged.' },
		{ at: '2026-06-01T16:30:00Z', kind: 'mitigation', event: 'Rollback complete.' },
		{ at: '2026-06-01T16:47:00Z', kind: 'resolution', event: 'Checkout restored.' },
	],
	actions: [
		{ title: 'Alert on pool saturation', owner: 'checkout team', due: '2026-06-20', type: 'detect', status: 'open' },
		{ title: 'Close connections on decline', owner: 'checkout team', due: '2026-06-15', closed: '2026-06-10', type: 'prevent', status: 'done' },
		{ title: 'Leak test in CI', owner: 'platform team', due: '2026-06-15', closed: '2026-06-20', type: 'prevent', status: 'done' },
	],
});
// Approximate start and mitigation: every time that rests on them is approximate.
const approximate = entry('2026-06-20-approx', {
	...base('approx', '2026-06-20'),
	started: '~2026-06-20T10:00:00Z',
	detected: '2026-06-20T10:10:00Z',
	mitigated: '~2026-06-20T10:40:00Z',
	resolved: '2026-06-20T11:00:00Z',
	published: '2026-06-30',
	components: ['orders-db'],
	causes: { trigger: 'capacity' },
});
// No mitigation recorded; same component and trigger as `pool` 40 days later: a repeat.
const unmitigated = entry('2026-07-11-again', { ...base('again', '2026-07-11'), severity: 'SEV-3' });
// Another organization's incident, summarized: reading material, in no aggregate.
const external = entry('2021-10-04-elsewhere', {
	...base('elsewhere', '2021-10-04'),
	severity: 'SEV-1',
	source: { organization: 'Example Corp', url: 'https://status.example.com/1' },
	resolved: '2021-10-05T12:00:00Z',
	impact: { description: 'Everything was down.', slosBreached: ['availability'], errorBudgetConsumed: 100 },
	actions: [{ title: 'Never again', owner: 'them', due: '2021-11-01', type: 'prevent' }],
});
const all = [pool, approximate, unmitigated, external];

describe('times of one incident', () => {
	it('counts detection, mitigation and resolution from the start', () => {
		const t = incidentTimes(pool);
		expect([t.toDetect.ms, t.toMitigate!.ms, t.toResolve.ms].map((ms) => ms / 60_000)).toEqual([46, 118, 135]);
		expect(t.toDetect.approximate).toBe(false);
	});
	it('counts days from resolution to the review and to publication', () => {
		expect(incidentTimes(pool)).toMatchObject({ toReview: 2, toPublish: 4 });
		expect(incidentTimes(unmitigated)).toMatchObject({ toReview: undefined, toPublish: undefined });
	});
	it('carries approximate times through and leaves a missing mitigation out', () => {
		const t = incidentTimes(approximate);
		expect(t.toMitigate).toEqual({ ms: 40 * 60_000, approximate: true });
		expect(t.toDetect.approximate).toBe(true);
		expect(incidentTimes(unmitigated).toMitigate).toBeUndefined();
	});
});

describe('summaries across our incidents', () => {
	const times = ours(all).map(incidentTimes);
	it('leave other organizations’ incidents out', () => expect(ours(all).map((e) => e.id)).toEqual([pool.id, approximate.id, unmitigated.id]));
	it('give the median and the 90th percentile by nearest rank, never the mean', () => {
		// Detect: 46, 10, 30 min. Resolve: 135, 60, 180 min. Mitigate: 118 and 40 (one incident has none).
		expect(summarize(times.map((t) => t.toDetect))).toEqual({ count: 3, median: 30, p90: 46, approximate: true });
		expect(summarize(times.map((t) => t.toResolve))).toEqual({ count: 3, median: 135, p90: 180, approximate: true });
		expect(summarize(times.map((t) => t.toMitigate))).toEqual({ count: 2, median: 79, p90: 118, approximate: true });
		expect(summarize([])).toEqual({ count: 0, median: undefined, p90: undefined, approximate: false });
	});
	it('uses nearest rank for percentiles', () => {
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
		expect(percentile([5], 90)).toBe(5);
	});
	it('groups by month, quarter, severity and component, with quiet months as zero', () => {
		expect(periods(ours(all), 'month')).toEqual(['2026-06', '2026-07']);
		expect(periods([pool, entry('2026-11-02-late', base('late', '2026-11-02'))], 'quarter')).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
		expect(quarterOf(unmitigated)).toBe('2026-Q3');
		const byMonth = groupedBy(ours(all), (e) => [e.data.started.at.toISOString().slice(0, 7)], ['2026-05']);
		expect(byMonth.map((g) => [g.key, g.incidents])).toEqual([
			['2026-05', 0],
			['2026-06', 2],
			['2026-07', 1],
		]);
		expect(byMonth[1].bySeverity).toEqual({ 'SEV-1': 1, 'SEV-2': 1, 'SEV-3': 0, 'SEV-4': 0 });
		const byComponent = groupedBy(ours(all), (e) => e.data.components);
		expect(byComponent.find((g) => g.key === 'checkout-api')!.toResolve).toMatchObject({ count: 2, median: 157.5 });
	});
});

describe('action items', () => {
	const rows = ledger(all, '2026-07-01');
	it('lists only our incidents’ items', () => expect(rows.map((r) => r.incident)).not.toContain(external.id));
	it('marks an item overdue when its due day is before the build day', () => {
		expect(rows[0]).toMatchObject({ title: 'Alert on pool saturation', state: 'overdue', overdue: true, age: 26 });
		expect(actionState({ status: 'open', due: '2026-07-01' }, '2026-07-01')).toBe('open');
		expect(actionState({ status: 'in-progress', due: '2026-06-30' }, '2026-07-01')).toBe('overdue');
	});
	it('tells done on time from done late by the day it was closed', () => {
		expect(rows.slice(1).map((r) => [r.state, r.age])).toEqual([
			['done on time', 5],
			['done late', 15],
		]);
		expect(actionState({ status: 'done' }, '2026-07-01')).toBe('done');
		expect(actionState({ status: 'wont-do', due: '2020-01-01' }, '2026-07-01')).toBe("won't do");
	});
	it('totals them', () => {
		expect(actionTotals(rows)).toEqual({ total: 3, doneOnTime: 1, doneLate: 1, doneUndated: 0, open: 1, overdue: 1, wontDo: 0, medianOpenAge: 26 });
	});
});

describe('recurrence, write-ups and SLOs', () => {
	it('finds repeats by recurrenceOf, or by component and trigger within the window', () => {
		expect([...repeats(all, { windowDays: 90 })]).toEqual([unmitigated.id]);
		expect([...repeats(all, { windowDays: 30 })]).toEqual([]);
		const marked = entry('2026-08-01-marked', { ...base('marked', '2026-08-01'), components: ['orders-db'], causes: { trigger: 'dns' }, recurrenceOf: pool.id });
		expect([...repeats([...all, marked], { windowDays: 30 })]).toEqual([marked.id]);
	});
	it('counts how many SEV-1 and SEV-2 incidents were written up, and how many within a week', () => {
		expect(writeups(all)).toEqual({ major: 2, published: 2, withinWeek: 1, daysToPublish: { median: 7, p90: 10 }, daysToReview: { median: 2, p90: 2, count: 1 } });
	});
	it('counts breached SLOs and the error budget used, ours only', () => {
		expect(sloImpact(all)).toEqual({ incidents: 1, bySlo: [{ slo: 'checkout availability', incidents: 1 }], budgetConsumed: 40 });
	});
});
