/** /incidents/ by year: the years with their counts, and each year's page. */
import { describe, expect, it } from 'vitest';
import { groupByYear, incidentsIndex, yearOf, yearPage } from '../../src/lib/years.ts';
import { postmortemSchema } from '../../src/schemas/postmortem.ts';
import type { IncidentEntry, Registries } from '../../src/lib/incidents.ts';

const incident = (id: string, started: string, organization?: string): IncidentEntry => ({
	id,
	data: postmortemSchema.parse({
		title: id, summary: id, severity: 'SEV-3', status: 'draft', visibility: 'internal',
		started, detected: started, resolved: started, components: ['db'], causes: { trigger: 'deployment', contributing: [] },
		impact: 'x', timeline: [{ at: started, event: 'x' }],
		...(organization ? { source: { organization, url: 'https://status.example.com/' } } : {}),
	}),
});
const registries: Registries = {
	components: new Map([['db', { id: 'db', name: 'Database', team: 't', description: '' }]]),
	causes: new Map([['deployment', { id: 'deployment', name: 'Deployment', description: '' }]]),
};
// Ours: two in 2026, one in 2025 (late on New Year's Eve at UTC−2, so 2025-01-01 in UTC). Theirs: 2026 and 2003.
const entries = [
	incident('2026-06-09-leak', '2026-06-09T12:00:00Z'),
	incident('2003-08-14-blackout', '2003-08-14T20:10:00Z', 'Grid Corp'),
	incident('2024-12-31-new-year', '2024-12-31T23:30:00-02:00'),
	incident('2026-03-01-cdn', '2026-03-01T00:00:00Z', 'Example Corp'),
	incident('2026-01-02-dns', '2026-01-02T00:00:00Z'),
];

describe('incidents by year', () => {
	it('takes the year in UTC', () => {
		expect(yearOf(entries[2])).toBe('2025');
	});

	it('groups by year, newest year first, with no empty years', () => {
		expect([...groupByYear(entries)].map(([year, list]) => [year, list.map((e) => e.id)])).toEqual([
			['2026', ['2026-06-09-leak', '2026-03-01-cdn', '2026-01-02-dns']],
			['2025', ['2024-12-31-new-year']],
			['2003', ['2003-08-14-blackout']],
		]);
	});

	it('lists the years with ours and other organizations’ counted apart, and the latest', () => {
		const index = incidentsIndex(entries, registries, 2);
		expect(index.heading).toBe('3 postmortems of our own, and 2 summaries of other organizations’ incidents');
		expect(index.elsewhere).toBe(true);
		expect(index.years).toEqual([
			{ year: '2026', url: '/incidents/2026/', ours: 2, theirs: 1 },
			{ year: '2025', url: '/incidents/2025/', ours: 1, theirs: 0 },
			{ year: '2003', url: '/incidents/2003/', ours: 0, theirs: 1 },
		]);
		expect(index.latest.map((r) => r.id)).toEqual(['2026-06-09-leak', '2026-03-01-cdn']);
		expect(index.latestCaption).toBe('The 2 most recent of 5, newest first');
		expect(incidentsIndex(entries, registries).latestCaption).toBe('All 5, newest first');
	});

	it('gives each year its incidents, ours apart, and links the neighbouring years that have incidents', () => {
		const years = [...groupByYear(entries).keys()];
		const of = (year: string) => yearPage(year, groupByYear(entries).get(year)!, years, registries);
		const y2026 = of('2026');
		expect(y2026.heading).toBe('2 postmortems of our own, and 1 summary of other organizations’ incidents');
		expect(y2026.ours.map((r) => r.id)).toEqual(['2026-06-09-leak', '2026-01-02-dns']);
		expect(y2026.theirs.map((r) => [r.id, r.organization])).toEqual([['2026-03-01-cdn', 'Example Corp']]);
		expect(y2026).toMatchObject({ older: { year: '2025', url: '/incidents/2025/' }, newer: undefined, searchUrl: '/search/?year=2026' });
		// 2004 to 2024 have no incidents and no page: 2025's older neighbour is 2003.
		expect(of('2025')).toMatchObject({ heading: '1 postmortem of our own', older: { year: '2003' }, newer: { year: '2026' } });
		// With one year, search has no year filter (there is nothing to narrow): the link is to search as it is.
		expect(yearPage('2025', groupByYear(entries).get('2025')!, ['2025'], registries).searchUrl).toBe('/search/');
		expect(of('2003')).toMatchObject({ heading: '0 postmortems of our own, and 1 summary of other organizations’ incidents', older: undefined, newer: { year: '2025' }, ours: [] });
	});
});
