import { describe, expect, it } from 'vitest';
import { unindexStandardHeadings } from '../../src/lib/search.ts';
import { concepts } from '../../src/lib/search-query.ts';
import { SYNONYMS } from '../../src/lib/synonyms.ts';
import { postmortemTemplate, STANDARD_SECTIONS } from '../../src/lib/template.ts';

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
