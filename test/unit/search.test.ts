import { describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/check/index.ts';
import { searchFields, type Registries } from '../../src/lib/incidents.ts';
import { incidentMonths, searchVocabulary, unindexStandardHeadings } from '../../src/lib/search.ts';
import { concepts, didYouMean, phrases, tokens, withoutFiller } from '../../src/lib/search-query.ts';
import { SYNONYMS } from '../../src/lib/synonyms.ts';
import { postmortemTemplate, STANDARD_SECTIONS } from '../../src/lib/template.ts';
import { fixture, fixtureEntry } from '../helpers.ts';

const { context } = checkArchive(fixture('archive'));

describe('the search index leaves out the headings every postmortem has', () => {
	it('marks the standard headings, and only those, as not indexed', () => {
		const html = unindexStandardHeadings('<h2 id="summary">Summary</h2><p>Text.</p><h2 id="root-cause-5-whys">Root cause (5 whys)</h2><h2 id="why-the-pool-leaked">Why the pool leaked</h2>');
		expect(html).toBe('<h2 id="summary" data-pagefind-ignore="">Summary</h2><p>Text.</p><h2 id="root-cause-5-whys" data-pagefind-ignore="">Root cause (5 whys)</h2><h2 id="why-the-pool-leaked">Why the pool leaked</h2>');
	});

	it('knows every heading the template writes', () => {
		const headings = [...postmortemTemplate({ title: 'T', today: '2026-01-01', component: 'c', cause: 'k' }).matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual(STANDARD_SECTIONS);
	});
});

describe('a query as on-call engineers type it', () => {
	it('drops filler, keeps errors and abbreviations, and expands words and phrases to their synonyms', () => {
		const asked = concepts('Checkout returns 500s after the deploy; no space left on device, ECONNREFUSED', SYNONYMS);
		expect(asked.map((c) => c.label)).toEqual(['no space left', 'checkout', '500s', 'deploy', 'device', 'econnrefused']);
		expect(asked.find((c) => c.label === 'no space left')!.alternatives).toContain('disk full');
		expect(asked.find((c) => c.label === '500s')!.alternatives).toEqual(expect.arrayContaining(['5xx', '503']));
		expect(asked.find((c) => c.label === 'econnrefused')!.alternatives).toEqual(['econnrefused']);
	});
});

describe('pasted errors as phrases', () => {
	it('offers runs of the words, longest first, with the punctuation of a log line gone', () => {
		expect(phrases('FATAL: sorry, too many clients')).toEqual([
			'fatal sorry too many clients',
			'fatal sorry too many',
			'sorry too many clients',
			'fatal sorry too',
			'sorry too many',
			'too many clients',
			'fatal sorry',
			'sorry too',
			'too many',
			'many clients',
		]);
	});
	it('skips runs of filler alone and stops at the limit', () => {
		expect(phrases('down after the deploy', 3)).toEqual(['down after the deploy', 'down after the', 'after the deploy']);
		expect(phrases('down after the deploy')).not.toContain('after the');
		expect(phrases('ECONNREFUSED')).toEqual([]);
	});
});

describe('the words sent to the index', () => {
	it('leave out filler, keep punctuation, and keep a query of filler alone', () => {
		expect(withoutFiller('checkout returns 500s after the deploy')).toBe('checkout 500s deploy');
		expect(withoutFiller('FATAL: sorry, too many clients')).toBe('FATAL: sorry, too many clients');
		expect(withoutFiller('the')).toBe('the');
	});
});

describe('did you mean', () => {
	const known = new Map(['database', 'replication', 'lag', 'data', 'certificate', 'expired', 'expiry'].map((word, rank) => [word, rank]));
	it('corrects each word one edit away from a word of the archive: a letter dropped, added, changed or swapped', () => {
		expect(didYouMean('databse replicaton lagg', known)).toBe('database replication lag');
		expect(didYouMean('cretificate', known)).toBe('certificate');
	});
	it('prefers the more frequent word when two are one edit away', () => {
		expect(didYouMean('expird', known)).toBe('expired');
	});
	it('leaves known words, short words and numbers alone, and says nothing when nothing changes', () => {
		expect(didYouMean('database lag', known)).toBeUndefined();
		expect(didYouMean('lga 5000', known)).toBeUndefined();
		expect(didYouMean('kubernetes', known)).toBeUndefined();
	});
});

describe('the word list behind "did you mean"', () => {
	const entries = ['2025-03-01-pool-leak', '2025-06-10-config-push'].map(fixtureEntry);
	const registries: Registries = { components: context.components, causes: context.causes };
	it('holds the words of titles, summaries, timelines, actions, registries and the body, most frequent first, without numbers', () => {
		const withBody = entries.map((e, i) => ({ ...e, rendered: { html: i ? '<p>Pushed a frobnicated config.</p><p data-pagefind-ignore>secretword</p>' : '<p>Nothing else.</p>' } }));
		const words = searchVocabulary(withBody, registries);
		expect(words).toContain('frobnicated');
		expect(words).not.toContain('secretword');
		for (const entry of entries) for (const word of tokens(entry.data.title)) if (word.length > 1 && !/^\d+$/.test(word)) expect(words).toContain(word);
		expect(words.some((w) => /^\d+$/.test(w) || w.length < 2)).toBe(false);
		const both = words.filter((w) => tokens(entries[0].data.title + entries[0].data.summary).includes(w) && tokens(entries[1].data.title + entries[1].data.summary).includes(w));
		const firstOnlyOnce = words.indexOf('frobnicated');
		for (const word of both) expect(words.indexOf(word)).toBeLessThan(firstOnlyOnce);
	});
	it('keeps at most the limit, dropping the rarest', () => {
		const all = searchVocabulary(entries, registries);
		expect(searchVocabulary(entries, registries, 5)).toEqual(all.slice(0, 5));
	});
});

describe('the date range', () => {
	it('selects among the months that have incidents, oldest first, each once', () => {
		const entries = ['2025-09-01-draft', '2025-03-01-pool-leak', '2025-06-10-config-push', '2025-03-01-pool-leak'].map(fixtureEntry);
		expect(incidentMonths(entries)).toEqual(['2025-03', '2025-06', '2025-09']);
		expect(incidentMonths([])).toEqual([]);
	});
});

describe('search fields of an incident', () => {
	const registries: Registries = { components: context.components, causes: context.causes };
	it('sorts severity by rank and duration in minutes, filters by month, and counts the hidden words that come first', () => {
		const fields = searchFields(fixtureEntry('2025-03-01-pool-leak'), registries);
		expect(Object.fromEntries(fields.sort)).toMatchObject({ date: '2025-03-01', severity: '1', duration: '40' });
		expect(fields.filters).toContainEqual(['month', '2025-03']);
		expect(Number(Object.fromEntries(fields.meta).lead)).toBe(fields.words.split(/\s+/).length);
	});
});
