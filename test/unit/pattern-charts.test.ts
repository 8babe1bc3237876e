/** The archive-wide time axis of pattern-page charts, and the shading of the component × cause matrix. */
import { describe, expect, it } from 'vitest';
import { groupBy, heatLevel, heatShades, MAX_BUCKETS, patternsIndex, timeAxis, timeSeries } from '../../src/lib/patterns.ts';
import { postmortemSchema } from '../../src/schemas/postmortem.ts';
import type { IncidentEntry, Registries } from '../../src/lib/incidents.ts';

let n = 0;
const incident = (started: string, { severity = 'SEV-2', components = ['db'], trigger = 'deployment', source = false } = {}): IncidentEntry => ({
	id: `i${++n}`,
	data: postmortemSchema.parse({
		title: 'x', summary: 'x', severity, status: 'draft', visibility: 'internal',
		started, detected: started, resolved: started, components, causes: { trigger, contributing: [] },
		impact: 'x', timeline: [{ at: started, event: 'x' }],
		...(source ? { source: { organization: 'Example Corp', url: 'https://status.example.com/' } } : {}),
	}),
});
const theirs = (started: string) => incident(started, { source: true });

describe('the time axis of pattern charts', () => {
	it('runs by month from our first incident to our last, 36 months at most', () => {
		// 2024-01 … 2026-12 is 36 months.
		const axis = timeAxis([incident('2024-01-15T10:00:00Z'), incident('2026-12-31T23:00:00Z')]);
		expect(axis.unit).toBe('month');
		expect(axis.labels).toHaveLength(36);
		expect([axis.labels[0], axis.labels[12], axis.labels[35]]).toEqual(['2024-01', '2025-01', '2026-12']);
	});

	it('switches to quarters at 37 months', () => {
		// 2024-01 … 2027-01 is 37 months; 2024-Q1 … 2027-Q1 is 13 quarters.
		const axis = timeAxis([incident('2024-01-15T10:00:00Z'), incident('2027-01-01T00:00:00Z')]);
		expect(axis.unit).toBe('quarter');
		expect(axis.labels).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
	});

	it('keeps quarters up to 36 of them, and switches to years at 37', () => {
		// 2018-Q1 … 2026-Q4: 9 years of 4 quarters.
		expect(timeAxis([incident('2018-02-01T00:00:00Z'), incident('2026-11-30T00:00:00Z')]).labels).toHaveLength(36);
		// 2017-Q4 … 2026-Q4 is 37 quarters: by year, 2017 … 2026.
		const axis = timeAxis([incident('2017-10-01T00:00:00Z'), incident('2026-11-30T00:00:00Z')]);
		expect(axis.unit).toBe('year');
		expect(axis.labels).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
	});

	it('takes months in UTC', () => {
		// 23:30 on 31 December at UTC−2 is 01:30 on 1 January in UTC.
		expect(timeAxis([incident('2025-12-31T23:30:00-02:00'), incident('2026-02-01T00:00:00Z')]).labels).toEqual(['2026-01', '2026-02']);
	});

	it('is not stretched by a very old summary of another organization', () => {
		// Ours: 2025-03 … 2026-06 (16 months); the 2003 blackout summarized from elsewhere is not on the axis.
		const archive = [theirs('2003-08-14T20:10:00Z'), incident('2025-03-10T00:00:00Z'), incident('2026-06-09T12:00:00Z')];
		const axis = timeAxis(archive);
		expect(axis.unit).toBe('month');
		expect(axis.labels).toHaveLength(16);
		expect([axis.labels[0], axis.labels.at(-1)]).toEqual(['2025-03', '2026-06']);
	});

	it('buckets a very old incident of ours by year, not in 386 rows', () => {
		// 1994-05 … 2026-06 is 386 months and 129 quarters; 1994 … 2026 is 33 years.
		const archive = [incident('1994-05-01T00:00:00Z', { severity: 'SEV-1' }), incident('2025-03-10T00:00:00Z'), incident('2026-06-09T12:00:00Z')];
		const axis = timeAxis(archive);
		expect(axis.unit).toBe('year');
		expect(axis.labels).toHaveLength(33);
		expect([axis.labels[0], axis.labels.at(-1)]).toEqual(['1994', '2026']);
		const chart = timeSeries(archive, axis);
		expect(chart.period).toBe('Year');
		expect(chart.series.map((s) => [s.severity, s.counts.flatMap((c, i) => (c ? [`${axis.labels[i]}: ${c}`] : []))])).toEqual([
			['SEV-1', ['1994: 1']],
			['SEV-2', ['2025: 1', '2026: 1']],
		]);
	});

	it('groups years into centuries for a year mistyped as 0026, so the table stays short', () => {
		// 0026 … 2026: 1001 spans of 2 years, 401 of 5, 201 of 10, 101 of 20, 41 of 50, 21 of 100.
		const axis = timeAxis([incident('0026-06-09T00:00:00Z'), incident('2026-06-09T00:00:00Z')]);
		expect(axis).toMatchObject({ unit: 'years', width: 1200 });
		expect(axis.labels).toHaveLength(21);
		expect([axis.labels[0], axis.labels.at(-1)]).toEqual(['0000–0099', '2000–2099']);
		expect(timeSeries([incident('0026-06-09T00:00:00Z')], axis).series[0].counts[0]).toBe(1);
	});

	it(`never has more than ${MAX_BUCKETS} buckets`, () => {
		for (const first of ['1970-01-01', '1999-12-31', '2019-07-15', '2023-02-01', '2025-11-30']) {
			for (const last of ['2026-01-01', '2026-06-30', '2031-12-31', '2060-01-01', '2499-12-31']) {
				expect(timeAxis([incident(`${first}T00:00:00Z`), incident(`${last}T00:00:00Z`)]).labels.length).toBeLessThanOrEqual(MAX_BUCKETS);
			}
		}
	});

	it('is empty without any incident of ours, and so is the chart', () => {
		const axis = timeAxis([theirs('2026-01-01T00:00:00Z')]);
		expect(axis.labels).toEqual([]);
		expect(timeSeries([incident('2026-01-01T00:00:00Z')], axis)).toMatchObject({ labels: [], series: [] });
	});

	it('is the same on every page, and each page counts only its own incidents of ours', () => {
		const archive = [
			incident('2026-01-05T00:00:00Z', { components: ['db'] }),
			incident('2026-03-01T00:00:00Z', { components: ['web'], severity: 'SEV-3' }),
			theirs('2026-02-01T00:00:00Z'),
		];
		const axis = timeAxis(archive);
		const groups = groupBy(archive, 'component');
		const db = timeSeries(groups.get('db')!, axis);
		const web = timeSeries(groups.get('web')!, axis);
		expect(db.labels).toEqual(['2026-01', '2026-02', '2026-03']);
		expect(web.labels).toEqual(db.labels);
		// The summary of Example Corp's February incident (filed under db) is not counted.
		expect(db.series).toEqual([{ severity: 'SEV-2', counts: [1, 0, 0] }]);
		expect(web.series).toEqual([{ severity: 'SEV-3', counts: [0, 0, 1] }]);
		expect(db.caption).toBe('2026-01 to 2026-03, from our first incident in this archive to our last; every pattern page has the same axis.');
	});
});

describe('matrix shading', () => {
	it('has five steps of largest/5 when asked for five', () => {
		// Largest 10: steps of 2.
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => heatLevel(n, 10, 5))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
		expect(heatShades(10, 5)).toEqual([
			{ level: 1, from: 1, to: 2 },
			{ level: 2, from: 3, to: 4 },
			{ level: 3, from: 5, to: 6 },
			{ level: 4, from: 7, to: 8 },
			{ level: 5, from: 9, to: 10 },
		]);
	});

	it('scales the four shades of the stylesheet to the largest count', () => {
		// Largest 12: steps of 3. Largest 100: steps of 25.
		expect([1, 3, 4, 6, 7, 9, 10, 12].map((n) => heatLevel(n, 12))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
		expect([1, 25, 26, 50, 51, 75, 76, 100].map((n) => heatLevel(n, 100))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
		expect(heatLevel(0, 100)).toBe(0);
	});

	it('never makes a step smaller than one incident', () => {
		// Largest 3: one incident is the lightest shade, not a third of the way up.
		expect([1, 2, 3].map((n) => heatLevel(n, 3))).toEqual([1, 2, 3]);
		expect(heatShades(3)).toEqual([{ level: 1, from: 1, to: 1 }, { level: 2, from: 2, to: 2 }, { level: 3, from: 3, to: 3 }]);
		expect(heatShades(0)).toEqual([]);
	});

	it('shades the matrix relative to its largest cell and says so in words', () => {
		// db × deployment 10, db × dns 5, web × dns 1.
		const archive = [
			...Array.from({ length: 10 }, () => incident('2026-01-01T00:00:00Z', { components: ['db'], trigger: 'deployment' })),
			...Array.from({ length: 5 }, () => incident('2026-02-01T00:00:00Z', { components: ['db'], trigger: 'dns' })),
			incident('2026-03-01T00:00:00Z', { components: ['web'], trigger: 'dns' }),
		];
		const registries: Registries = {
			components: new Map(['db', 'web'].map((id) => [id, { id, name: id, team: 't', description: '' }])),
			causes: new Map(['deployment', 'dns'].map((id) => [id, { id, name: id, description: '' }])),
		};
		const { matrix } = patternsIndex({ components: groupBy(archive, 'component'), causes: groupBy(archive, 'cause') }, registries, { windowDays: 180, threshold: 3 }, '2026-06-01');
		expect(matrix.cells).toEqual([[10, 5], [0, 1]]);
		// 4 × 10 / 10 = 4; 4 × 5 / 10 = 2; 4 × 1 / 10 = 0.4, up to 1. Capped at 4 as before, 5 would have been as dark as 10.
		expect(matrix.heat).toEqual([[4, 2], [0, 1]]);
		expect(matrix.max).toBe(10);
		// Steps of 2.5: 1–2 (≤ 2.5), 3–5 (≤ 5), 6–7 (≤ 7.5), 8–10.
		expect(matrix.legend).toBe('Darker cells hold more, relative to the largest (10): 1–2, 3–5, 6–7 and 8–10 incidents, lightest to darkest.');
	});
});
