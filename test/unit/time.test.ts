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
