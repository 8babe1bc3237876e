import { describe, expect, it } from 'vitest';
import { densestWindow, groupBy, median, patternPage, patternsIndex, recurrence, timeAxis, timeSeries } from '../../src/lib/patterns.ts';
import { postmortemSchema } from '../../src/schemas/postmortem.ts';
import type { IncidentEntry, Registries } from '../../src/lib/incidents.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('densest window (180 days)', () => {
	it('counts incidents exactly 180 days apart as one window', () => {
		expect(densestWindow([day('2026-01-01'), day('2026-06-30')], 180)?.count).toBe(2);
		expect(densestWindow([day('2026-01-01'), day('2026-07-01')], 180)?.count).toBe(1);
	});
	it('slides to the densest stretch, not the first one', () => {
		// Jan and Mar 2025 are two within 180 days; Aug, Sep and Dec 2025 are three (Aug 1 → Dec 20 is 141 days).
		const w = densestWindow(['2025-01-10', '2025-03-01', '2025-08-01', '2025-09-15', '2025-12-20'].map(day), 180)!;
		expect(w).toEqual({ count: 3, from: day('2025-08-01'), to: day('2025-12-20') });
	});
	it('works on unsorted input and returns nothing for none', () => {
		expect(densestWindow(['2025-09-15', '2025-01-10', '2025-03-01'].map(day), 60)?.count).toBe(2);
		expect(densestWindow([], 180)).toBeUndefined();
	});
	it('flags a recurrence only at the threshold', () => {
		const three = ['2026-04-14', '2026-06-09', '2026-08-20'].map(day);
		expect(recurrence(three, { windowDays: 180, threshold: 3 })?.count).toBe(3);
		expect(recurrence(three, { windowDays: 120, threshold: 3 })).toBeUndefined();
		expect(recurrence(three.slice(0, 2), { windowDays: 180, threshold: 3 })).toBeUndefined();
	});
});

it('takes the median of odd and even lists', () => {
	expect(median([5, 1, 3])).toBe(3);
	expect(median([4, 1, 3, 2])).toBe(2.5);
	expect(median([])).toBeUndefined();
});

// Four small incidents with hand-checkable numbers.
const entry = (id: string, started: string, minutesToResolve: number, components: string[], trigger: string, contributing: string[], severity = 'SEV-2', actions: unknown[] = []): IncidentEntry => {
	const end = new Date(new Date(started).getTime() + minutesToResolve * 60_000).toISOString().replace('.000Z', 'Z');
	return {
		id,
		data: postmortemSchema.parse({
			title: id, summary: id, severity, status: 'draft', visibility: 'internal',
			started, detected: started, resolved: end, components, causes: { trigger, contributing },
			impact: 'x', timeline: [{ at: started, event: 'x' }], actions,
		}),
	};
};
const entries = [
	entry('a', '2026-01-05T00:00:00Z', 30, ['db', 'api'], 'deployment', ['capacity'], 'SEV-1', [
		{ title: 'late', owner: 't', due: '2026-02-01', status: 'open', type: 'prevent' },
		{ title: 'finished', owner: 't', due: '2026-02-01', status: 'done', type: 'detect' },
	]),
	entry('b', '2026-03-01T00:00:00Z', 90, ['db'], 'config-change', ['capacity']),
	entry('c', '2026-05-20T00:00:00Z', 60, ['db', 'web'], 'deployment', []),
	entry('d', '2027-01-01T00:00:00Z', 10, ['web'], 'dns', ['config-change'], 'SEV-4'),
];
const registries: Registries = {
	components: new Map(['db', 'api', 'web'].map((id) => [id, { id, name: id.toUpperCase(), team: 'team', description: '' }])),
	causes: new Map(['deployment', 'config-change', 'capacity', 'dns'].map((id) => [id, { id, name: id, description: '' }])),
};
const settings = { windowDays: 180, threshold: 3 };
// The archive's axis: 2026-01 (a) to 2027-01 (d), 13 months.
const axis = timeAxis(entries);

describe('grouping', () => {
	it('files incidents under each component, and under trigger and contributing causes', () => {
		const byComponent = groupBy(entries, 'component');
		expect([...byComponent].map(([id, list]) => [id, list.map((e) => e.id)])).toEqual([['db', ['a', 'b', 'c']], ['api', ['a']], ['web', ['c', 'd']]]);
		const byCause = groupBy(entries, 'cause', ['security']);
		expect(byCause.get('capacity')!.map((e) => e.id)).toEqual(['a', 'b']);
		expect(byCause.get('config-change')!.map((e) => e.id)).toEqual(['b', 'd']);
		expect(byCause.get('security')).toEqual([]);
	});
});

describe('component pattern page', () => {
	const page = patternPage('component', 'db', groupBy(entries, 'component').get('db')!, registries, settings, '2026-06-01', axis);
	it('counts by severity and computes median and longest time to resolve', () => {
		expect(page.bySeverity.map((s) => s.count)).toEqual([1, 2, 0, 0]);
		expect(page.medianToResolve).toBe('1 h');
		expect(page.longestToResolve).toMatchObject({ text: '1 h 30 min', incident: { id: 'b' } });
	});
	it('flags three incidents within 180 days', () => {
		expect(page.recurrence).toEqual({ count: 3, from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-05-20T00:00:00Z') });
	});
	it('lists recurring causes and co-occurring components, most frequent first', () => {
		expect(page.factors.map((f) => [f.id, f.count])).toEqual([['capacity', 2], ['deployment', 2], ['config-change', 1]]);
		expect(page.coOccurring.map((c) => [c.name, c.count])).toEqual([['API', 1], ['WEB', 1]]);
	});
	it('lists open actions and marks overdue ones', () => {
		expect(page.openActions.map((a) => [a.title, a.overdue, a.incident.id])).toEqual([['late', true, 'a']]);
		expect(page.overdueCount).toBe(1);
	});
	it("charts its incidents per month on the archive's axis, which runs on to d in 2027-01", () => {
		expect(page.chart.labels).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
		expect(page.chart.series).toEqual([
			{ severity: 'SEV-1', counts: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
			{ severity: 'SEV-2', counts: [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0] },
		]);
		expect(page.chart.period).toBe('Month');
	});
});

it('a cause page counts its roles and the components it hit', () => {
	const page = patternPage('cause', 'config-change', groupBy(entries, 'cause').get('config-change')!, registries, settings, '2026-06-01', axis);
	expect(page.roles).toEqual({ trigger: 1, contributing: 1 });
	expect(page.coOccurring.map((c) => [c.id, c.count])).toEqual([['db', 1], ['web', 1]]);
	expect(page.factors.map((f) => f.id)).toEqual(['capacity', 'dns']);
	expect(page.recurrence).toBeUndefined();
});

it('charts by quarter when the archive spans more than 36 months', () => {
	// 2026-01 to 2029-03 is 39 months; 2026-Q1 to 2029-Q1 is 13 quarters.
	const z = entry('z', '2029-03-01T00:00:00Z', 5, ['db'], 'dns', []);
	const chart = timeSeries([entries[0], z], timeAxis([...entries, z]));
	expect(chart.labels).toHaveLength(13);
	expect([chart.labels[0], chart.labels[4], chart.labels.at(-1)]).toEqual(['2026-Q1', '2027-Q1', '2029-Q1']);
	expect(chart.series.map((s) => [s.severity, s.counts.indexOf(1), s.counts.lastIndexOf(1)])).toEqual([['SEV-1', 0, 0], ['SEV-2', 12, 12]]);
});

describe('patterns index', () => {
	const groups = { components: groupBy(entries, 'component'), causes: groupBy(entries, 'cause') };
	const index = patternsIndex(groups, registries, settings, '2026-06-01');
	it('ranks by incident count and lists what recurs', () => {
		expect(index.components.map((c) => [c.id, c.incidents, c.densest])).toEqual([['db', 3, 3], ['web', 2, 1], ['api', 1, 1]]);
		expect(index.recurring.map((r) => r.id)).toEqual(['db']);
	});
	it('calls a recurrence active until one window length after its last incident (2026-05-20 + 180 days)', () => {
		expect(index.recurring[0].active).toBe(true);
		expect(patternsIndex(groups, registries, settings, '2026-11-16').recurring[0].active).toBe(true);
		expect(patternsIndex(groups, registries, settings, '2026-11-17').recurring[0].active).toBe(false);
	});
	it('fills the component × cause matrix', () => {
		// Ties on incident count are broken by the densest window: config-change's two are 306 days apart.
		expect(index.matrix.columns.map((c) => c.id)).toEqual(['capacity', 'deployment', 'config-change', 'dns']);
		expect(index.matrix.cells).toEqual([
			[2, 2, 1, 0], // db: a (deployment, capacity), b (config-change, capacity), c (deployment)
			[0, 1, 1, 1], // web: c (deployment), d (dns, config-change)
			[1, 1, 0, 0], // api: a
		]);
	});
});

describe("other organizations' incidents", () => {
	// Three summaries of others' incidents on the db component within weeks, each with an action that will stay open forever.
	const external = ['x1', 'x2', 'x3'].map((id, i) => {
		const e = entry(id, `2026-0${i + 6}-01T00:00:00Z`, 600, ['db'], 'deployment', ['capacity'], 'SEV-1', [{ title: `${id} promise`, owner: 'them', due: '2026-01-01', status: 'open', type: 'prevent' }]);
		return { ...e, data: { ...e.data, source: { organization: 'Example Corp', url: 'https://status.example.com/' } } };
	});
	const all = [...entries, ...external];
	const settings = { windowDays: 180, threshold: 3 };
	const groups = { components: groupBy(all, 'component'), causes: groupBy(all, 'cause') };

	it('count in no ranking, flag or matrix cell, and are tallied apart', () => {
		const index = patternsIndex(groups, registries, settings, '2026-12-01');
		const db = index.components.find((c) => c.id === 'db')!;
		expect(db).toMatchObject({ incidents: 3, elsewhere: 3, densest: 3 });
		// Only ours: the three db incidents of Jan–May are a recurrence; the summaries of Jun–Aug do not extend it.
		expect(db.recurrence).toEqual({ count: 3, from: new Date('2026-01-05T00:00:00Z'), to: new Date('2026-05-20T00:00:00Z') });
		expect(index.matrix.cells[index.matrix.rows.findIndex((r) => r.id === 'db')][index.matrix.columns.findIndex((c) => c.id === 'capacity')]).toBe(2);
	});

	it('appear on the pattern page as the same failure elsewhere, with no open actions and no effect on durations', () => {
		const page = patternPage('component', 'db', groups.components.get('db')!, registries, settings, '2026-12-01', timeAxis(all));
		expect(page.incidents.map((r) => r.id)).toEqual(['c', 'b', 'a']);
		expect(page.elsewhere.map((r) => [r.id, r.organization])).toEqual([
			['x3', 'Example Corp'],
			['x2', 'Example Corp'],
			['x1', 'Example Corp'],
		]);
		expect(page.openActions.map((a) => a.title)).toEqual(['late']);
		expect(page.medianToResolve).toBe('1 h');
		expect(page.bySeverity.find((s) => s.severity === 'SEV-1')!.count).toBe(1);
	});
});
