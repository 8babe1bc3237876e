import { describe, expect, it } from 'vitest';
import { homeData, incidentPage, incidentRows, isOverdue, type Registries } from '../../src/lib/incidents.ts';
import { checkArchive } from '../../src/lib/check/index.ts';
import { fixture, fixtureEntry } from '../helpers.ts';

const { context } = checkArchive(fixture('archive'));
const registries: Registries = { components: context.components, causes: context.causes };
const entries = ['2025-03-01-pool-leak', '2025-06-10-config-push', '2025-09-01-draft'].map(fixtureEntry);
const byId = new Map(entries.map((e) => [e.id, e]));

describe('incident list', () => {
	const rows = incidentRows(entries, registries);
	it('is newest first', () => expect(rows.map((r) => r.id)).toEqual(['2025-09-01-draft', '2025-06-10-config-push', '2025-03-01-pool-leak']));
	it('shows component names from the registry and the impact duration', () => {
		expect(rows[2]).toMatchObject({ url: '/incidents/2025-03-01-pool-leak/', severity: 'SEV-1', duration: '40 min', date: '2025-03-01' });
		expect(rows[2].components.map((c) => c.name)).toEqual(['Checkout API', 'Orders database']);
	});
});

it('counts our incidents apart from summaries of other organizations\' on the home page', () => {
	// 2025-06-10-config-push summarizes Example Org's incident.
	const home = homeData(entries, registries, 2);
	expect(home.total).toEqual({ ours: 2, theirs: 1 });
	expect(home.heading).toBe('2 postmortems of our own, and 1 summary of other organizations’ incidents');
	expect(home.bySeverity.map((s) => [s.ours, s.theirs])).toEqual([[1, 0], [0, 0], [0, 1], [1, 0]]);
	expect(home.byYear).toEqual([{ year: '2025', ours: 2, theirs: 1 }]);
	expect(home.latest).toHaveLength(2);
	expect(homeData(entries.filter((e) => !e.data.source), registries).heading).toBe('2 postmortems of our own');
});

describe('action items', () => {
	const pool = fixtureEntry('2025-03-01-pool-leak');
	it('are overdue when open past their due day, judged against the build day', () => {
		const [open, done] = pool.data.actions;
		expect(isOverdue(open, '2025-04-02')).toBe(true);
		expect(isOverdue(open, '2025-04-01')).toBe(false);
		expect(isOverdue(done, '2030-01-01')).toBe(false);
	});
	it('are counted on the incident page', () => {
		const page = incidentPage(pool, registries, byId, { today: '2026-01-01' });
		expect(page.overdueCount).toBe(1);
		expect(page.actions.map((a) => a.overdue)).toEqual([true, false]);
	});
});

describe('incident page data', () => {
	const page = incidentPage(fixtureEntry('2025-03-01-pool-leak'), registries, byId, { today: '2025-01-01', editUrl: 'https://git.example/edit/main/{path}' });
	it('has the header facts computed from the times', () => {
		expect(Object.fromEntries(page.facts.map((f) => [f.label, f.value]))).toEqual({
			Started: '2025-03-01 10:00 UTC',
			Resolved: '~2025-03-01 12:00 UTC',
			'Duration of impact': '40 min',
			'Time to detect': '12 min',
			'Time to mitigate': '40 min',
			'Time to resolve': '≈ 2 h',
		});
	});
	it('links each header figure and cause label to its glossary entry, when the glossary has it', () => {
		const glossary = ['impact-duration', 'time-to-detect', 'trigger', 'detection'].map((id) => ({ id }));
		const linked = incidentPage(fixtureEntry('2025-03-01-pool-leak'), registries, byId, { today: '2025-01-01' }, [], glossary);
		expect(linked.facts.filter((f) => f.term).map((f) => [f.label, f.term])).toEqual([['Duration of impact', '/glossary/#impact-duration'], ['Time to detect', '/glossary/#time-to-detect']]);
		expect(linked.causeTerms).toEqual({ trigger: '/glossary/#trigger', contributing: undefined });
		expect(linked.timeline.map((t) => t.term)).toEqual(['/glossary/#trigger', '/glossary/#detection', undefined, undefined]);
		// No glossary, no links: never a link to an anchor that does not exist.
		expect(page.facts.some((f) => f.term)).toBe(false);
	});
	it('lists its sections in reading order, and says how many action items are open', () => {
		expect(page.toc.map((h) => h.text)).toEqual(['Impact', 'Timeline', 'Action items']);
		expect(page.actionsLine).toBe('2 action items, 1 open');
	});
	it('marks milestones in the timeline and gives offsets', () => {
		expect(page.timeline.map((t) => [t.offset, t.kind, t.milestone])).toEqual([
			['T+0', 'trigger', true],
			['T+12 min', 'detection', true],
			['T+40 min', 'mitigation', true],
			['≈ T+2 h', 'resolution', true],
		]);
	});
	it('names trigger and contributing causes and builds the edit link from the file name', () => {
		expect(page.trigger.name).toBe('Deployment');
		expect(page.contributing.map((c) => c.name)).toEqual(['Resource leak']);
		expect(page.editUrl).toBe('https://git.example/edit/main/2025-03-01-pool-leak.mdx');
	});
	it('lists impact numbers that were given, formatted', () => {
		expect(page.impactNumbers).toEqual([
			{ label: 'Users affected', value: '1,234' },
			{ label: 'Revenue', value: 'FIXTURE-REVENUE-9931' },
		]);
	});
});
