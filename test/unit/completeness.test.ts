/** The completeness rubric, on postmortems written inline and on the bundled archive through `npm run check -- --incomplete`. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeness, RUBRIC, writtenSections } from '../../src/lib/insights/completeness.ts';
import { postmortemSchema, type PostmortemInput } from '../../src/schemas/postmortem.ts';
import { root, run } from '../helpers.ts';

const full: PostmortemInput = {
	title: 'Complete',
	summary: 'Everything is there.',
	severity: 'SEV-2',
	status: 'published',
	published: '2026-03-06',
	review: { date: '2026-03-03', attendees: ['incident commander'] },
	visibility: 'internal',
	started: '2026-03-01T10:00:00Z',
	detected: '2026-03-01T10:05:00Z',
	resolved: '2026-03-01T11:00:00Z',
	components: ['api'],
	causes: { trigger: 'deployment', contributing: ['monitoring-gap'] },
	impact: { description: 'Errors.', usersAffected: 1200 },
	timeline: [
		{ at: '2026-03-01T10:00:00Z', kind: 'trigger', event: 'Deploy.' },
		{ at: '2026-03-01T10:05:00Z', kind: 'detection', event: 'Paged.' },
		{ at: '2026-03-01T10:30:00Z', kind: 'mitigation', event: 'Rolled back.' },
	],
	actions: [{ title: 'Canary', owner: 'api team', due: '2026-04-01', type: 'prevent' }],
};
const body = `## Summary

A short summary of it.

## Root cause (5 whys)

1. Why did it fail? The config was wrong.

## Where we got lucky

It happened at a quiet hour.

## Lessons learned

TODO: what we learned
`;

describe('the sections a body has written', () => {
	it('are the level-two headings with three words or more under them, TODO placeholders not counted', () => {
		expect(writtenSections(body)).toEqual(['summary', 'root cause (5 whys)', 'where we got lucky']);
	});
});

describe('the completeness score', () => {
	const score = (data: PostmortemInput, sections = [...writtenSections(body), 'lessons learned']) => completeness({ data: postmortemSchema.parse(data), sections });
	it('is 100 when every item is there, and the rubric adds up to 100', () => {
		expect(RUBRIC.reduce((sum, item) => sum + item.points, 0)).toBe(100);
		expect(score(full)).toEqual({ score: 100, missing: [] });
	});
	it('takes off each missing item and says what it is', () => {
		const { score: value, missing } = score({ ...full, review: undefined, published: '2026-03-20', impact: 'Errors.', actions: [{ title: 'Canary', type: 'prevent' }] }, writtenSections(body));
		expect(missing.map((m) => m.id)).toEqual(['impact-quantified', 'actions-owned', 'lessons', 'review', 'published-in-a-week']);
		expect(value).toBe(100 - 10 - 15 - 5 - 10 - 15);
	});
	it('asks for detection and mitigation in the timeline and a contributing factor', () => {
		const { missing } = score({ ...full, causes: { trigger: 'deployment' }, timeline: [full.timeline![0]] });
		expect(missing.map((m) => m.id)).toEqual(['timeline-milestones', 'causes']);
	});
});

describe('npm run check -- --incomplete', () => {
	it('lists our incomplete postmortems with what each lacks, and leaves other organizations’ out', () => {
		const result = run([join(root, 'scripts', 'check.ts'), '--incomplete']);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/\d+ of 9 of our postmortems are incomplete:/);
		expect(result.stdout).toMatch(/postmortems\/2026-10-28-duplicate-order-emails\.mdx: \d+\/100\n {2}- missing /);
		expect(result.stdout).not.toMatch(/akamai|cloudflare|gitlab/i);
		expect(run([join(root, 'scripts', 'check.ts')]).stdout).not.toContain('incomplete');
	});
});
