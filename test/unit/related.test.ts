import { describe, expect, it } from 'vitest';
import { explainRelated, relatedIndex, words, type RelatedLink } from '../../src/lib/related.ts';
import { postmortemSchema } from '../../src/schemas/postmortem.ts';
import { causeSchema, componentSchema } from '../../src/schemas/registry.ts';
import { listPostmortemFiles, readPostmortem, readRegistry } from '../../src/lib/source.ts';
import type { IncidentEntry, Registries } from '../../src/lib/incidents.ts';
import { root } from '../helpers.ts';

const entry = (id: string, started: string, fields: { title?: string; summary?: string; components?: string[]; trigger?: string; contributing?: string[]; tags?: string[]; related?: string[]; recurrenceOf?: string }): IncidentEntry => ({
	id,
	data: postmortemSchema.parse({
		title: fields.title ?? `Incident ${id}`, summary: fields.summary ?? 'Nothing in common here.', severity: 'SEV-3', status: 'draft', visibility: 'internal',
		started, detected: started, resolved: started, components: fields.components ?? [`only-${id}`],
		causes: { trigger: fields.trigger ?? `cause-${id}`, contributing: fields.contributing ?? [] },
		tags: fields.tags ?? [], impact: 'x', timeline: [{ at: started, event: 'x' }], related: fields.related ?? [], recurrenceOf: fields.recurrenceOf,
	}),
});

const registries: Registries = {
	components: new Map([
		['checkout-api', { id: 'checkout-api', name: 'Checkout API', team: 'payments', description: 'x' }],
		['orders-db', { id: 'orders-db', name: 'Orders database', team: 'data', description: 'x' }],
		['notification-worker', { id: 'notification-worker', name: 'Notification worker', team: 'engagement', description: 'x' }],
	]),
	causes: new Map([
		['deployment', { id: 'deployment', name: 'Deployment', description: 'x' }],
		['resource-leak', { id: 'resource-leak', name: 'Resource leak', description: 'x' }],
	]),
};

/** Incidents that share nothing with anything, so that shared keys are rare and weigh much. */
const filler = (count: number) => Array.from({ length: count }, (_, i) => entry(`filler-${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`, '2020-01-01T00:00:00Z', { title: 'Unrelated', summary: 'Unrelated.' }));

describe('words', () => {
	it('keeps distinctive words, singular, of three letters or more', () => {
		expect(words('The checkout pool was exhausted by a connection leak')).toEqual(['checkout', 'pool', 'exhausted', 'connection', 'leak']);
		expect(words('Expired certificates, retries and DNS')).toEqual(['expired', 'certificate', 'retry', 'dns']);
	});

	it('drops filler, numbers written out or in digits, units of time and the words every postmortem uses', () => {
		expect(words('Three workers failed twice after the outage, which took 2 hours and 45 minutes')).toEqual(['worker']);
		expect(words('Release 4.12 on the 29th caused a 73-hour incident for millions of users')).toEqual(['release']);
	});

	it('keeps hyphenated names and identifiers with letters, but not dates or incident ids', () => {
		expect(words('left-pad in us-east-1 with x509 and 5xx, see 2026-06-09-checkout-connection-leak')).toEqual(['left-pad', 'us-east-1', 'x509', '5xx']);
	});
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

	it('explains explicit links as such', () => {
		expect(index.get('leak')!.slice(0, 2).map((l) => explainRelated(l, registries))).toEqual(['linked from this postmortem', 'repeats this incident']);
		expect(explainRelated(index.get('lag')![0], registries)).toBe('links to this postmortem');
		expect(explainRelated(index.get('lock')![0], registries)).toBe('this incident repeats it');
	});

	it('ranks similar incidents by what they share, rarest first', () => {
		// Of five incidents, pool shares checkout and connection-pool (3 each) with lock: 2 × ln(5/3) ≈ 1.02;
		// lag shares only orders-db: ln(5/3) ≈ 0.51. Words every incident has weigh ln(5/5) = 0.
		const similar = index.get('lock')!.filter((l) => l.reason === 'similar');
		expect(similar.map((l) => l.id)).toEqual(['pool', 'lag']);
		expect(similar[0].shared).toEqual(['checkout', 'connection-pool']);
		expect(similar[0].common).toEqual({ components: ['checkout'], causes: [], tags: ['connection-pool'], words: [] });
		// orders-db is named by the registry; an id the registry lacks is at least not written as an id.
		expect(explainRelated(similar[1], registries)).toBe('shares Orders database');
		expect(explainRelated(similar[0], registries)).toBe('shares checkout; tag: connection-pool');
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

describe('related by words', () => {
	// 200 incidents; a word two of them share weighs 0.5 × ln(200 / 2) ≈ 2.30, above the minimum score of 2
	// on its own: what keeps a single word from relating two incidents is the rule, not the score.
	const pair = (a: string, b: string) => {
		const index = relatedIndex([
			entry('emails', '2026-10-28T00:00:00Z', { title: a, summary: 'Unrelated.' }),
			entry('retries', '2026-05-20T00:00:00Z', { title: b, summary: 'Unrelated.' }),
			...filler(198),
		]);
		return index.get('emails')!;
	};

	it('does not relate two incidents on one shared word', () => {
		expect(pair('Duplicate e-mails from the worker', 'Card processor slowdown in the worker')).toEqual([]);
	});

	it('does not count filler or numbers as shared words', () => {
		// Shared: worker, and "three", "after", "failed", "outage", which are not words to match on.
		expect(pair('Worker outage: three sends failed after a deploy', 'Retry storm: three worker calls failed after an outage')).toEqual([]);
	});

	it('does not relate them on two distinctive words either', () => {
		expect(pair('Queue worker duplicates e-mails', 'Queue worker overwhelms the card processor')).toEqual([]);
	});

	it('relates them on three distinctive words, and cites them as written, adjacent ones as a phrase', () => {
		const [link] = pair('Checkout outage from a connection pool leak', 'A connection pool leak in search');
		// connection, pool and leak: 3 × 2.30 ≈ 6.9, three distinctive words.
		expect(link).toMatchObject({ id: 'retries', reason: 'similar', shared: ['connection', 'leak', 'pool'] });
		expect(explainRelated(link, registries)).toBe('both mention connection pool leak');
	});

	it('reads a pool of connections apart from a connection pool', () => {
		const [link] = pair('Connection pool leak in checkout', 'Leak of pool connections in search');
		// Equal weights: alphabetical.
		expect(explainRelated(link, registries)).toBe('both mention connection, leak, pool');
	});
});

describe('explanations', () => {
	const a = entry('a', '2026-06-09T00:00:00Z', {
		title: 'Checkout outage from a connection pool leak on the replica', summary: 'Unrelated.', components: ['checkout-api', 'orders-db'], trigger: 'deployment', contributing: ['resource-leak'], tags: ['connection-pool'],
	});
	const b = entry('b', '2026-08-20T00:00:00Z', {
		title: 'Three replica hosts hit a connection pool leak', summary: 'Unrelated.', components: ['orders-db'], trigger: 'deployment', contributing: ['resource-leak'], tags: ['connection-pool'],
	});
	const c = entry('c', '2026-09-01T00:00:00Z', { title: 'Three notification worker hosts sent e-mails twice', summary: 'Unrelated.', components: ['notification-worker'], trigger: 'deployment' });
	const index = relatedIndex([a, b, c, ...filler(5)]);

	it('name shared components and causes by their registry names, tags as tags, and words the names do not already say', () => {
		// a and b share orders-db, deployment, resource-leak and connection-pool (2 of 8 each, ln 4 ≈ 1.39),
		// and the words connection, pool, leak and replica (0.5 × ln 4 ≈ 0.69 each); "connection pool leak" is a
		// phrase in both titles. The tag says connection and pool and the cause's name leak: only replica is left.
		const [link] = index.get('a')!;
		expect(link.id).toBe('b');
		expect(link.common).toEqual({ components: ['orders-db'], trigger: 'deployment', causes: ['resource-leak'], tags: ['connection-pool'], words: ['connection pool leak', 'replica'] });
		expect(explainRelated(link, registries)).toBe('shares Orders database; same trigger: Deployment; common cause: Resource leak; tag: connection-pool; both mention replica');
	});

	it('cite a cause both name, even when one of them was set off by another', () => {
		// resource-leak: 2 of 18 incidents, ln 9 ≈ 2.20.
		const index = relatedIndex([
			entry('x', '2026-01-01T00:00:00Z', { summary: 'Unrelated.', trigger: 'deployment', contributing: ['resource-leak'] }),
			entry('y', '2026-01-02T00:00:00Z', { summary: 'Unrelated.', trigger: 'resource-leak', components: ['orders-db'] }),
			entry('z', '2026-01-03T00:00:00Z', { summary: 'Unrelated.', components: ['orders-db'] }),
			...filler(15),
		]);
		expect(explainRelated(index.get('x')![0], registries)).toBe('common cause: Resource leak');
	});

	it('never hold a raw id or a filler word', () => {
		// c shares deployment with a and b (3 of 8, ln(8/3) ≈ 0.98 < 2) and "three", "hosts" with b: not enough.
		expect(index.get('c')).toEqual([]);
		for (const links of index.values()) {
			for (const link of links) {
				const why = explainRelated(link, registries);
				expect(why).not.toMatch(/orders-db|checkout-api|resource-leak|notification-worker|\bdeployment\b/);
				expect(why).not.toMatch(/\b(three|twice|the|from|on|outage|hit|sent)\b/i);
			}
		}
	});
});

describe('on the bundled archive', () => {
	const dir = `${root}postmortems`;
	const entries = listPostmortemFiles(dir).map((path) => {
		const { source } = readPostmortem(path);
		return { id: source!.id, data: postmortemSchema.parse(source!.data) };
	});
	const bundled: Registries = {
		components: new Map(readRegistry(dir, 'components.yml').items.map((c) => componentSchema.parse(c)).map((c) => [c.id, c])),
		causes: new Map(readRegistry(dir, 'causes.yml').items.map((c) => causeSchema.parse(c)).map((c) => [c.id, c])),
	};
	const index = relatedIndex(entries);
	const ids = [...bundled.components.keys(), ...bundled.causes.keys(), ...entries.map((e) => e.id)].filter((id) => id.includes('-'));
	const explained = [...index].flatMap(([id, links]) => links.map((link: RelatedLink) => ({ id, link, why: explainRelated(link, bundled) })));

	it('explains every related incident with names and words, never ids or filler', () => {
		expect(explained.length).toBeGreaterThan(entries.length);
		for (const { why, link } of explained) {
			// Tags are kebab-case by design; anything else hyphenated must not be an id.
			const prose = why.replace(/tags?: [^;]+/, '');
			for (const id of ids) expect(prose, why).not.toContain(id);
			expect(why, why).not.toMatch(/\b(three|two|one|failed|outage|caused|hours?|minutes?|once|took|after|the)\b/i);
			if (link.reason === 'similar') expect(link.common!.components.length + link.common!.causes.length + (link.common!.trigger ? 1 : 0) + link.common!.tags.length > 0 || link.common!.words.length >= 3, why).toBe(true);
		}
	});

	it('no longer relates the duplicate e-mails to the retry storm on "worker" and "three"', () => {
		const links = index.get('2026-10-28-duplicate-order-emails')!;
		expect(links.map((l) => l.id)).not.toContain('2026-05-20-payment-retry-storm');
	});

	it('explains the checkout leak and the retry storm by the component they share', () => {
		const link = index.get('2026-06-09-checkout-connection-leak')!.find((l) => l.id === '2026-05-20-payment-retry-storm')!;
		expect(explainRelated(link, bundled)).toMatch(/^shares Checkout API(;|$)/);
	});
});
