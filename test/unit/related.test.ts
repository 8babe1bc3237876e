import { describe, expect, it } from 'vitest';
import { relatedIndex, words } from '../../src/lib/related.ts';
import { postmortemSchema } from '../../src/schemas/postmortem.ts';
import type { IncidentEntry } from '../../src/lib/incidents.ts';

const entry = (id: string, started: string, fields: { title?: string; components?: string[]; trigger?: string; contributing?: string[]; tags?: string[]; related?: string[]; recurrenceOf?: string }): IncidentEntry => ({
	id,
	data: postmortemSchema.parse({
		title: fields.title ?? `Incident ${id}`, summary: 'Nothing in common here.', severity: 'SEV-3', status: 'draft', visibility: 'internal',
		started, detected: started, resolved: started, components: fields.components ?? [`only-${id}`],
		causes: { trigger: fields.trigger ?? `cause-${id}`, contributing: fields.contributing ?? [] },
		tags: fields.tags ?? [], impact: 'x', timeline: [{ at: started, event: 'x' }], related: fields.related ?? [], recurrenceOf: fields.recurrenceOf,
	}),
});

it('keeps distinctive words of four letters or more', () => {
	expect(words('The checkout pool was exhausted by a connection leak')).toEqual(['checkout', 'pool', 'exhausted', 'connection', 'leak']);
});

describe('related incidents', () => {
	const entries = [
		entry('leak', '2026-06-09T00:00:00Z', { components: ['checkout', 'orders-db'], trigger: 'deployment', contributing: ['resource-leak'], tags: ['connection-pool'], related: ['lag'] }),
		entry('lock', '2026-08-20T00:00:00Z', { components: ['checkout', 'orders-db'], trigger: 'deployment', tags: ['connection-pool'], recurrenceOf: 'leak' }),
		entry('lag', '2026-04-14T00:00:00Z', { components: ['orders-db'], trigger: 'manual' }),
		entry('pool', '2025-01-01T00:00:00Z', { components: ['checkout'], tags: ['connection-pool'] }),
		entry('dns', '2025-02-01T00:00:00Z', { components: ['resolver'], trigger: 'dns' }),
	];
	const index = relatedIndex(entries, { limit: 3, maxPosting: 500, minScore: 0.5 });

	it('lists explicit links first, in both directions', () => {
		expect(index.get('leak')!.map((l) => [l.id, l.reason])).toEqual([['lag', 'linked'], ['lock', 'repeated by'], ['pool', 'similar']]);
		expect(index.get('lag')!.slice(0, 1)).toEqual([{ id: 'leak', reason: 'links here', shared: [] }]);
		expect(index.get('lock')![0]).toEqual({ id: 'leak', reason: 'repeats', shared: [] });
	});

	it('ranks similar incidents by what they share, rarest first', () => {
		// Of five incidents, pool shares checkout and connection-pool (3 each) with lock: 2 × ln(5/3) ≈ 1.02;
		// lag shares only orders-db: ln(5/3) ≈ 0.51. Words every incident has weigh ln(5/5) = 0.
		const similar = index.get('lock')!.filter((l) => l.reason === 'similar');
		expect(similar.map((l) => l.id)).toEqual(['pool', 'lag']);
		expect(similar[0].shared).toEqual(expect.arrayContaining(['checkout', 'connection-pool']));
	});

	it('lists nothing for an incident that shares nothing', () => {
		expect(index.get('dns')).toEqual([]);
	});

	it('ignores keys shared by too many incidents to mean anything', () => {
		const crowded = relatedIndex(entries, { limit: 3, maxPosting: 1, minScore: 0 });
		expect(crowded.get('dns')).toEqual([]);
		expect(crowded.get('pool')).toEqual([]);
	});
});
