import { describe, expect, it } from 'vitest';
import { narrativeSections } from '../../src/lib/narrative.ts';
import { PAGE_IDS } from '../../src/lib/incidents.ts';

const body = [
	'<p>Before any heading.</p>',
	'<h2 id="summary">Summary</h2><p>What happened.</p>',
	'<h2 id="impact">Impact</h2><p>For 52 minutes payments failed.</p>',
	'<h2 id="root-cause">Root cause</h2><p>Why.</p><h3 id="timeline">Timeline</h3><p>An author’s own timeline heading.</p>',
	'<h2 id="actions">Actions</h2><p>Duplicates the page’s id.</p>',
	'<h2 id="root-cause">Root cause</h2><p>A second heading of the same name.</p>',
].join('');

describe('the body in the page’s reading order', () => {
	const s = narrativeSections(body, PAGE_IDS);
	const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);

	it('takes out the Summary with its heading, and the Impact without it', () => {
		expect(s.summary).toContain('What happened.');
		expect(ids(s.summary!)).toEqual(['summary']);
		expect(s.impact).toBe('<p>For 52 minutes payments failed.</p>');
		expect(s.rest).not.toContain('What happened.');
		expect(s.rest).not.toMatch(/>Impact</);
		expect(s.rest.startsWith('<p>Before any heading.</p>')).toBe(true);
	});

	it('renumbers ids the page uses or the body repeats, so every id on the page is unique', () => {
		expect(ids(s.rest)).toEqual(['root-cause', 'timeline-2', 'actions-2', 'root-cause-2']);
		const all = [...PAGE_IDS, ...ids(s.summary!), ...ids(s.rest)];
		expect(new Set(all).size).toBe(all.length);
	});

	it('gives every heading an anchor link to itself, and lists the second-level ones', () => {
		expect(s.rest).toContain('<a class="heading-link" href="#timeline-2" data-pagefind-ignore="">');
		expect(s.headings).toEqual([{ id: 'root-cause', text: 'Root cause' }, { id: 'actions-2', text: 'Actions' }, { id: 'root-cause-2', text: 'Root cause' }]);
		expect(s.summaryHeading).toEqual({ id: 'summary', text: 'Summary' });
	});

	it('leaves a body without those sections as it is, and one that has no HTML to be rendered whole', () => {
		const plain = narrativeSections('<p>Only prose.</p>', PAGE_IDS);
		expect([plain.summary, plain.impact, plain.rest, plain.whole]).toEqual([undefined, undefined, '<p>Only prose.</p>', false]);
		expect(narrativeSections(undefined, PAGE_IDS).whole).toBe(true);
	});
});
