import { describe, expect, it } from 'vitest';
import { durations, formatMoment, formatSpan, offsetFrom } from '../../src/lib/time.ts';
import { fixtureEntry } from '../helpers.ts';

const minutes = (n: number) => ({ ms: n * 60_000, approximate: false });

describe('durations of the pool-leak fixture (10:00 → detected 10:12 → mitigated 10:40 → ~resolved 12:00)', () => {
	const d = durations(fixtureEntry('2025-03-01-pool-leak').data);
	it('time to detect is 12 min', () => expect(formatSpan(d.toDetect)).toBe('12 min'));
	it('time to mitigate is 40 min and sets the impact duration', () => {
		expect(formatSpan(d.toMitigate!)).toBe('40 min');
		expect(d.impact).toEqual(d.toMitigate);
	});
	it('time to resolve is approximate because resolved is', () => expect(formatSpan(d.toResolve)).toBe('≈ 2 h'));
});

it('uses resolved as the end of impact when nothing mitigated earlier, across offsets', () => {
	const d = durations(fixtureEntry('2025-06-10-config-push').data);
	expect(d.toMitigate).toBeUndefined();
	expect(formatSpan(d.impact)).toBe('1 h');
});

describe('the duration of impact counts from when users began to be hurt', () => {
	const schemaOf = async () => (await import('../../src/schemas/postmortem.ts')).postmortemSchema;
	const base = fixtureEntry('2025-03-01-pool-leak').data;
	// The leak of the bundled checkout outage: rollout 13:05, pool empty 14:11, rollback 15:03.
	const raw = (extra: Record<string, unknown>) => ({
		title: 'Leak', summary: 'A leak.', severity: 'SEV-1', status: 'draft', visibility: 'internal',
		started: '2026-06-09T13:05:00Z', detected: '2026-06-09T14:11:00Z', mitigated: '2026-06-09T15:03:00Z', resolved: '2026-06-09T15:40:00Z',
		components: ['checkout-api'], causes: { trigger: 'deployment' }, impact: 'Payments failed.',
		timeline: [{ at: '2026-06-09T13:05:00Z', kind: 'trigger', event: 'Release rolls out.' }],
		...extra,
	});
	it('from the first timeline event of kind impact', async () => {
		const data = (await schemaOf()).parse(raw({ timeline: [{ at: '2026-06-09T13:05:00Z', kind: 'trigger', event: 'Release.' }, { at: '2026-06-09T14:11:00Z', kind: 'impact', event: 'Pool empty.' }] }));
		expect(formatSpan(durations(data).impact)).toBe('52 min');
		// The response times still start at the trigger.
		expect(formatSpan(durations(data).toMitigate!)).toBe('1 h 58 min');
	});
	it('from impactStarted, which wins over the timeline', async () => {
		const data = (await schemaOf()).parse(raw({ impactStarted: '~2026-06-09T14:03:00Z', timeline: [{ at: '2026-06-09T14:11:00Z', kind: 'impact', event: 'Pool empty.' }] }));
		expect(formatSpan(durations(data).impact)).toBe('≈ 1 h');
	});
	it('from started when neither says otherwise', () => {
		expect(base.impactStarted).toEqual(base.started);
		expect(durations(base).impact).toEqual(durations(base).toMitigate);
	});
});

describe('formatting', () => {
	it('shows two units at most', () => {
		expect(formatSpan(minutes(45))).toBe('45 min');
		expect(formatSpan(minutes(192))).toBe('3 h 12 min');
		expect(formatSpan(minutes(60 * 52 + 7))).toBe('2 d 4 h');
		expect(formatSpan(minutes(1440))).toBe('1 d');
	});
	it('prints moments in UTC with ~ when approximate', () => {
		const { data } = fixtureEntry('2025-06-10-config-push');
		expect(formatMoment(data.started)).toBe('2025-06-10 06:00 UTC');
		expect(formatMoment(fixtureEntry('2025-03-01-pool-leak').data.resolved)).toBe('~2025-03-01 12:00 UTC');
	});
	it('gives timeline offsets from the start', () => {
		const { data } = fixtureEntry('2025-03-01-pool-leak');
		expect(offsetFrom(data.started, data.started)).toBe('T+0');
		expect(offsetFrom(data.started, data.mitigated!)).toBe('T+40 min');
		expect(offsetFrom(data.detected, data.started)).toBe('T−12 min');
	});
});
