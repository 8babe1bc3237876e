import { describe, expect, it } from 'vitest';
import { byTag, nearDuplicate, nearDuplicateTags, tagCounts } from '../../src/lib/tags.ts';

const withTags = (...lists: string[][]) => lists.map((tags) => ({ data: { tags } }));

it('counts tags, most used first, then alphabetically', () => {
	expect(tagCounts(withTags(['dns', 'bgp'], ['dns'], ['tls']))).toEqual([
		{ tag: 'dns', count: 2, url: '/tags/dns/' },
		{ tag: 'bgp', count: 1, url: '/tags/bgp/' },
		{ tag: 'tls', count: 1, url: '/tags/tls/' },
	]);
});

it('groups incidents by tag in one pass', () => {
	const entries = withTags(['dns', 'bgp'], ['dns'], []).map((e, i) => ({ id: `i${i}`, ...e }));
	const tagged = byTag(entries);
	expect([...tagged].map(([tag, list]) => [tag, list.map((e) => e.id)])).toEqual([['dns', ['i0', 'i1']], ['bgp', ['i0']]]);
});

describe('near-duplicate tags', () => {
	it.each([
		['db', 'database', 'an abbreviation of the same word'],
		['timeout', 'timeouts', 'singular and plural of the same word'],
		['dependency', 'dependencies', 'singular and plural of the same word'],
		['connection-pool', 'connectionpool', 'the same word with different hyphens'],
		['replication', 'replicaton', 'one letter apart'],
	])('%s and %s are %s', (a, b, reason) => expect(nearDuplicate(a, b)).toBe(reason));

	it.each([['dns', 'dnssec'], ['tls', 'ttl'], ['bgp', 'dns'], ['status', 'statu-s'.replace('-', '')]])('%s and %s are distinct', (a, b) => {
		expect(nearDuplicate(a, b)).toBeUndefined();
	});

	it('reports the less used spelling', () => {
		expect(nearDuplicateTags(tagCounts(withTags(['database'], ['database'], ['db'])))).toEqual([{ tag: 'db', other: 'database', reason: 'an abbreviation of the same word' }]);
	});
});
