/** The insights page, the action ledger and their data files, from inline incidents parsed by the real schema. */
import { describe, expect, it } from 'vitest';
import type { IncidentEntry, Registries } from '../../src/lib/incidents.ts';
import { actionsCsv, csvCell, insightsPage, ledgerPage, metricsDocument } from '../../src/lib/insights/pages.ts';
import { select, summarizeSelection } from '../../src/lib/insights/selection.ts';
import { postmortemSchema, type PostmortemInput } from '../../src/schemas/postmortem.ts';

const entry = (id: string, day: string, more: Partial<PostmortemInput> = {}): IncidentEntry => ({
	id,
	data: postmortemSchema.parse({
		title: `Incident ${id}`,
		summary: 'Something broke.',
		severity: 'SEV-2',
		status: 'published',
		published: day,
		visibility: 'internal',
		started: `${day}T09:00:00Z`,
		detected: `${day}T09:20:00Z`,
		resolved: `${day}T11:00:00Z`,
		components: ['api'],
		causes: { trigger: 'deployment' },
		impact: 'Errors.',
		timeline: [{ at: `${day}T09:00:00Z`, kind: 'trigger', event: 'Deploy.' }],
		...more,
	}),
});
const registries: Registries = {
	components: new Map([['api', { id: 'api', name: 'Public API', team: 'api team', description: '' }]]),
	causes: new Map([
		['deployment', { id: 'deployment', name: 'Deployment', description: '' }],
		['dns', { id: 'dns', name: 'DNS', description: '' }],
	]),
};
const settings = { today: '2026-11-20', edition: 'internal' as const, recurrence: { windowDays: 180, threshold: 3 } };
const entries = [
	entry('2026-05-10-a', '2026-05-10', { severity: 'SEV-1', actions: [{ title: '=HYPERLINK("http://evil")', owner: 'api team', due: '2026-06-01', type: 'prevent' }] }),
	entry('2026-08-02-b', '2026-08-02', { resolved: '2026-08-02T15:00:00Z', actions: [{ title: 'Alert on 5xx, "quickly"', owner: 'sre', due: '2026-12-01', type: 'detect' }] }),
	entry('2026-10-05-c', '2026-10-05', { causes: { trigger: 'dns' }, actions: [{ title: 'Done thing', owner: 'sre', due: '2026-10-20', closed: '2026-10-25', status: 'done', type: 'process' }] }),
	entry('2024-01-01-other', '2024-01-01', { severity: 'SEV-1', source: { organization: 'Example Corp', url: 'https://example.com/pm' }, actions: [{ title: 'Their promise', owner: 'them', due: '2024-02-01', type: 'prevent' }] }),
];

describe('the insights page', () => {
	const page = insightsPage(entries, registries, settings);
	it('counts our incidents only, and says how many summaries it left out', () => {
		expect([page.incidents, page.excluded]).toEqual([3, 1]);
		expect(page.byMonth.map((m) => m.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
		expect(page.byMonth.reduce((sum, m) => sum + m.total, 0)).toBe(3);
	});
	it('compares this quarter with the last by median time to resolve', () => {
		// Q4 2026: c (2 h). Q3 2026: b (6 h).
		expect(page.comparison).toMatchObject({ current: '2026-Q4', previous: '2026-Q3', incidents: [1, 1], medianResolve: ['2 h', '6 h'] });
	});
	it('charts the same numbers as its tables', () => {
		expect(page.chart.byMonth.series.find((s) => s.label === 'SEV-1')!.counts).toEqual(page.byMonth.map((m) => m.counts['SEV-1']));
		expect(page.chart.resolve.values).toEqual(page.resolveByMonth.map((m) => (m.median === undefined ? null : Math.round(m.median))));
		expect(page.byTrigger).toEqual([
			{ id: 'deployment', name: 'Deployment', count: 2 },
			{ id: 'dns', name: 'DNS', count: 1 },
		]);
	});
	it('summarizes a selection with the same functions the browser uses', () => {
		expect(page.selection).toEqual(summarizeSelection(page.records));
		const sev1 = summarizeSelection(select(page.records, { severities: ['SEV-1'] }));
		expect(sev1).toMatchObject({ incidents: 1, majors: 1 });
		expect(sev1.rows[2]).toMatchObject({ label: 'Time to resolve', count: 1, median: '2 h' });
		expect(summarizeSelection(select(page.records, { from: '2026-08', to: '2026-09' })).incidents).toBe(1);
	});
	it('shows no action items in the public edition', () => {
		expect(page.actions?.overdue).toBe(1);
		expect(insightsPage(entries, registries, { ...settings, edition: 'public' }).actions).toBeUndefined();
		expect(metricsDocument(entries, registries, { ...settings, edition: 'public' })).not.toHaveProperty('actions');
	});
});

describe('the action ledger', () => {
	const page = ledgerPage(entries, registries, settings.today);
	it('lists our items, overdue first, and counts overdue items per owner', () => {
		expect(page.rows.map((r) => [r.title, r.state])).toEqual([
			['=HYPERLINK("http://evil")', 'overdue'],
			['Alert on 5xx, "quickly"', 'open'],
			['Done thing', 'done late'],
		]);
		expect(page.owners[0]).toMatchObject({ owner: 'api team', overdue: 1, open: 1 });
		expect(page.options.owners).toEqual(['api team', 'sre']);
	});
	it('writes CSV a spreadsheet reads as text: quoted where needed, formulas defused', () => {
		const [header, first, second] = actionsCsv(page.rows).split('\r\n');
		expect(header.split(',')).toContain('overdue');
		expect(first).toContain(`"'=HYPERLINK(""http://evil"")"`);
		expect(second).toContain('"Alert on 5xx, ""quickly"""');
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell(42)).toBe('42');
	});
});
