import { describe, expect, it } from 'vitest';
import { checkArchive, formatReport, learnRules } from '../../src/lib/check/index.ts';
import { collectionPage, glossaryPage, guidePage, readingCollections, readingMinutes, readingPath, termLinks } from '../../src/lib/learn/guides.ts';
import { siteLink } from '../../src/lib/learn/links.ts';
import { readCollections, readGlossary, readGuides } from '../../src/lib/learn/source.ts';
import type { IncidentEntry, Registries } from '../../src/lib/incidents.ts';
import { fixture, fixtureEntry, root } from '../helpers.ts';

const broken = checkArchive(fixture('learn'));
const found = broken.problems.map((p) => [p.file.split('/').slice(-2).join('/'), p.line, p.rule]);

describe('the check on a learning library with a mistake per rule', () => {
	it('reports each with its file and line, in one run', () => {
		expect(found).toEqual([
			['collections/reading.yml', 8, 'collection-items'],
			['collections/reading.yml', 11, 'collection-items'],
			['collections/short.yml', 7, 'schema'],
			['learn/glossary.yml', 6, 'glossary-refs'],
			['learn/glossary.yml', 6, 'glossary-refs'],
			['learn/glossary.yml', 7, 'glossary-refs'],
			['learn/glossary.yml', 8, 'glossary'],
			['learn/glossary.yml', 13, 'schema'],
			['learn/glossary.yml', 13, 'schema'],
			['guides/bad-fields.mdx', 2, 'schema'],
			['guides/bad-fields.mdx', 3, 'schema'],
			['guides/bad-fields.mdx', 4, 'schema'],
			['guides/broken-links.mdx', 6, 'public-guide-internal'],
			['guides/broken-links.mdx', 6, 'guide-examples'],
			['guides/broken-links.mdx', 11, 'unknown-term'],
			['guides/broken-links.mdx', 13, 'public-guide-internal'],
			['guides/broken-links.mdx', 15, 'unknown-link'],
			['guides/same-order.mdx', 4, 'guide-order'],
		]);
		for (const p of broken.problems) expect(p.fix, p.message).toBeTruthy();
	});

	it('exercises every learning-library rule', () => {
		const fired = new Set(broken.problems.map((p) => p.rule));
		for (const rule of learnRules) expect(fired, `no fixture fails rule ${rule.id}`).toContain(rule.id);
	});

	it('words the messages for the author, with a did-you-mean where one is close', () => {
		const message = (rule: string, line: number) => broken.problems.find((p) => p.rule === rule && p.line === line)?.message;
		expect(message('unknown-link', 15)).toBe("/learn/same-orderr/: no guide has the id 'same-orderr' (did you mean 'same-order'?)");
		expect(message('guide-examples', 6)).toBe("examples[1]: no postmortem has the id '2025-06-10-config-pussh' (did you mean '2025-06-10-config-push'?)");
		expect(message('glossary', 8)).toBe("entry 2: the id 'trigger' is used by an earlier term");
		expect(message('collection-items', 11)).toBe("items[2].incident: no postmortem has the id '2025-01-01-nowhere'");
		expect(broken.problems.find((p) => p.file.endsWith('bad-fields.mdx') && p.line === 4)?.message).toBe("visibility must be one of internal, public, got 'secret'");
	});

	it('counts the library in the report', () => {
		expect(formatReport(broken).split('\n').at(-1)).toBe('✖ 18 errors, 0 warnings in 6 files (2 postmortems, 2 guides, 1 glossary term and 1 reading collection checked).');
	});

	it('finds no problem in the bundled library, which links only public postmortems from public guides', () => {
		const bundled = checkArchive(`${root}postmortems`);
		expect(bundled.problems).toEqual([]);
		expect(bundled.context.learn.glossary.terms.length).toBeGreaterThanOrEqual(44);
		expect(bundled.context.learn.guides.map((g) => g.id)).toEqual(['start-here', 'blameless-culture', 'writing-a-postmortem', 'root-cause-analysis', 'action-items', 'measuring-the-practice', 'severity-levels']);
	});
});

describe('links between the archive’s pages', () => {
	it('names terms, incidents, guides and collections, and nothing else', () => {
		expect(siteLink('/glossary/#time-to-detect')).toEqual({ kind: 'term', id: 'time-to-detect' });
		expect(siteLink('/incidents/2025-03-01-pool-leak/#impact')).toEqual({ kind: 'incident', id: '2025-03-01-pool-leak' });
		expect(siteLink('/learn/start-here/')).toEqual({ kind: 'guide', id: 'start-here' });
		expect(siteLink('/learn/collections/must-read/')).toEqual({ kind: 'collection', id: 'must-read' });
		for (const other of ['/incidents/2025/', '/glossary/', '/learn/', 'https://example.com/incidents/x/', '//evil.example/learn/x/', 'glossary/#x']) expect(siteLink(other), other).toBeUndefined();
		// A broken escape is reported as the id it spells, not a crash of the check.
		expect(siteLink('/learn/%zz/')).toEqual({ kind: 'guide', id: '%zz' });
	});
});

describe('page data of the library', () => {
	const dir = fixture('archive');
	const guides = readGuides(dir).guides.map((g) => ({ id: g.id, data: g.data, rendered: { metadata: { minutes: readingMinutes(g.body) } } }));
	const reading = readCollections(dir).collections.map((c) => ({ id: c.id, data: c.data }));
	const terms = readGlossary(dir).terms;
	const pool = fixtureEntry('2025-03-01-pool-leak');
	const push = fixtureEntry('2025-06-10-config-push');
	const internal = new Map<string, IncidentEntry>([[pool.id, pool], [push.id, push]]);
	const publicOnly = new Map<string, IncidentEntry>([[push.id, push]]);
	const registries: Registries = { components: new Map(), causes: new Map() };

	it('estimates reading time from the words a reader sees, at 200 a minute, rounded up', () => {
		expect(readingMinutes('word '.repeat(200))).toBe(1);
		expect(readingMinutes('word '.repeat(201))).toBe(2);
		// A long link target is not read.
		expect(readingMinutes(`[one](https://example.com/${'a/'.repeat(500)})`)).toBe(1);
	});

	it('numbers the reading path and links the previous and next guide', () => {
		expect(readingPath(guides).map((g) => [g.position, g.url])).toEqual([[1, '/learn/first-steps/'], [2, '/learn/internal-drills/']]);
		const second = guidePage(guides[1], guides, internal, registries);
		expect([second.position, second.total, second.previous?.title, second.next]).toEqual([2, 2, 'First steps', undefined]);
		expect(second.examples.map((e) => e.url)).toEqual(['/incidents/2025-03-01-pool-leak/']);
	});

	it('shows in the public edition only the collection items and glossary examples it publishes', () => {
		const [collection] = reading;
		expect(collectionPage(collection, reading, internal, registries).items.map((i) => i.url)).toEqual(['/incidents/2025-06-10-config-push/', '/incidents/2025-03-01-pool-leak/']);
		expect(collectionPage(collection, reading, publicOnly, registries).items.map((i) => i.url)).toEqual(['/incidents/2025-06-10-config-push/']);
		expect(readingCollections(reading, publicOnly)).toMatchObject([{ count: 1 }]);
		expect(readingCollections(reading, new Map())).toEqual([]);
		const trigger = (all: Map<string, IncidentEntry>) => glossaryPage(terms, all).terms.find((t) => t.id === 'trigger')?.exampleLink;
		expect(trigger(publicOnly)?.url).toBe('/incidents/2025-06-10-config-push/');
		expect(trigger(new Map())).toBeUndefined();
	});

	it('sorts the glossary by term, with a letter index and see-also by name', () => {
		const page = glossaryPage(terms, internal);
		expect(page.terms.map((t) => t.term)).toEqual(['Time to detect', 'Trigger']);
		expect(page.letters).toEqual([{ letter: 'T', anchor: 'time-to-detect' }]);
		expect(page.terms[0].seeLinks).toEqual([{ url: '/glossary/#trigger', term: 'Trigger' }]);
		expect(termLinks(terms)('trigger')).toBe('/glossary/#trigger');
		expect(termLinks(terms)('no-such-term')).toBeUndefined();
	});
});
