import { describe, expect, it } from 'vitest';
import { postmortemSchema } from '../../src/schemas/postmortem.ts';
import { componentSchema } from '../../src/schemas/registry.ts';
import { readPostmortem } from '../../src/lib/source.ts';
import { fixture } from '../helpers.ts';

const valid = () => structuredClone(readPostmortem(fixture('archive', '2025-03-01-pool-leak.mdx')).source!.data);
const messages = (input: unknown) => {
	const result = postmortemSchema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('postmortem schema: shorthand is normalized', () => {
	const data = postmortemSchema.parse(valid());

	it('turns sev1 into SEV-1', () => expect(data.severity).toBe('SEV-1'));
	it('keeps the offset and marks ~ times approximate', () => {
		expect(data.resolved).toMatchObject({ iso: '2025-03-01T12:00:00Z', approximate: true });
		expect(data.mitigated?.at.toISOString()).toBe('2025-03-01T10:40:00.000Z');
		expect(data.started.approximate).toBe(false);
	});
	it('accepts a single contributing cause and kebab-cases tags', () => {
		expect(data.causes.contributing).toEqual(['resource-leak']);
		expect(data.tags).toEqual(['connection-pool']);
	});
	it('takes mitigated from the first mitigation event when the header leaves it out', () => {
		const { mitigated: _, ...rest } = valid();
		expect(postmortemSchema.parse(rest).mitigated?.iso).toBe('2025-03-01T10:40:00Z');
	});
	it('fills defaults for optional lists', () => {
		const minimal = postmortemSchema.parse(readPostmortem(fixture('archive', '2025-06-10-config-push.mdx')).source!.data);
		expect(minimal.components).toEqual(['checkout-api']);
		expect(minimal.impact).toEqual({ description: 'A few fixture users saw errors.' });
		expect(minimal.actions).toEqual([]);
		expect(minimal.related).toEqual([]);
	});
});

describe('postmortem schema: messages tell the author what to do', () => {
	it('names the allowed severities and the bad value', () => {
		expect(messages({ ...valid(), severity: 'sev5' })[0]).toMatch(/^severity must be one of SEV-1…SEV-4, got 'sev5'\nfix: /);
	});
	it('explains a time without an offset', () => {
		const [message] = messages({ ...valid(), started: '2025-03-01T10:00:00' });
		expect(message).toContain("started must be an ISO-8601 time with an offset, got '2025-03-01T10:00:00'");
		expect(message).toContain('put "~" in front if it is approximate');
	});
	it('says a missing field is required and how to add it', () => {
		const { title: _, ...rest } = valid();
		expect(messages(rest)[0]).toMatch(/^title is required\nfix: add title: /);
	});
	it('rejects an impossible calendar date', () => {
		const data = valid();
		(data.actions as { due: string }[])[0].due = '2025-02-30';
		expect(messages(data)[0]).toContain("actions.due must be a date written YYYY-MM-DD, got '2025-02-30'");
	});
	it('lists the allowed action statuses', () => {
		const data = valid();
		(data.actions as { status: string }[])[0].status = 'finished';
		expect(messages(data)[0]).toContain("actions.status must be one of open, in-progress, done, wont-do, got 'finished'");
	});
	it('reports unknown fields instead of dropping them', () => {
		const result = postmortemSchema.safeParse({ ...valid(), tag: ['x'] });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['tag'] });
	});
});

describe('registry schema', () => {
	it('requires kebab-case ids', () => {
		const result = componentSchema.safeParse({ id: 'Checkout API', name: 'x', team: 'y', description: 'z' });
		expect(result.error?.issues[0].message).toContain("id must be kebab-case, got 'Checkout API'");
	});
});
