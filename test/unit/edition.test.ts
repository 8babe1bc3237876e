import { describe, expect, it } from 'vitest';
import { editionData, inEdition, noteInEdition } from '../../src/lib/edition.ts';
import { editionBody } from '../../src/lib/publish/body.ts';

describe('which postmortems an edition holds', () => {
	it('keeps everything internally, and only published public ones publicly', () => {
		expect(inEdition({ visibility: 'internal', status: 'draft' }, 'internal')).toBe(true);
		expect(inEdition({ visibility: 'Public', status: 'Published' }, 'public')).toBe(true);
		expect(inEdition({ visibility: 'public', status: 'in-review' }, 'public')).toBe(false);
		expect(inEdition({ visibility: 'internal', status: 'published' }, 'public')).toBe(false);
		expect(inEdition({}, 'public')).toBe(false);
	});
	it('shows notes publicly only when they say visibility: public', () => {
		expect(noteInEdition({}, 'public')).toBe(false);
		expect(noteInEdition({ visibility: 'public' }, 'public')).toBe(true);
		expect(noteInEdition({}, 'internal')).toBe(true);
	});
});

describe('internal-only fields', () => {
	const raw = {
		title: 'x',
		impact: { description: 'd', revenue: '10k', usersAffected: 3 },
		actions: [{ title: 'a', owner: 'payments', ticket: 'https://t.example/1', due: '2026-01-01' }],
	};
	it('drops revenue and tickets from the public edition, keeping the rest', () => {
		expect(editionData(raw, { edition: 'public', publicOwners: true })).toEqual({
			title: 'x',
			impact: { description: 'd', usersAffected: 3 },
			actions: [{ title: 'a', owner: 'payments', due: '2026-01-01' }],
		});
	});
	it('drops owners too when owners are not public', () => {
		expect((editionData(raw, { edition: 'public', publicOwners: false }).actions as object[])[0]).toEqual({ title: 'a', due: '2026-01-01' });
	});
	it('leaves the internal edition and the input untouched', () => {
		expect(editionData(raw, { edition: 'internal', publicOwners: false })).toBe(raw);
		editionData(raw, { edition: 'public', publicOwners: false });
		expect(raw.impact.revenue).toBe('10k');
	});
});

describe('links to other postmortems', () => {
	it('keep only postmortems of the edition, in related and recurrenceOf', () => {
		const raw = { related: ['2025-01-01-public', '2025-01-02-draft'], recurrenceOf: '2025-01-02-draft' };
		const shown = editionData(raw, { edition: 'public', publicOwners: true, ids: new Set(['2025-01-01-public']) });
		expect(shown.related).toEqual(['2025-01-01-public']);
		expect(shown).not.toHaveProperty('recurrenceOf');
		expect(editionData({ related: '2025-01-02-draft' }, { edition: 'public', publicOwners: true, ids: new Set() }).related).toEqual([]);
	});
});

describe('<Internal> blocks', () => {
	const body = 'Before.\n\n<Internal>\n\nSecret **host** db-7.\n\n</Internal>\n\nAfter <Internal>inline secret</Internal> text.';
	it('are removed from the public edition before rendering', () => {
		expect(editionBody(body, 'public')).toBe('Before.\n\n\n\nAfter <span></span> text.');
	});
	it('are marked in the internal edition, as a block or inline', () => {
		expect(editionBody(body, 'internal')).toBe('Before.\n\n<div class="internal-only">\n\nSecret **host** db-7.\n\n</div>\n\nAfter <span class="internal-only">inline secret</span> text.');
	});
});
