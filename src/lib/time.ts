/**
 * Incident durations. The response times are counted from the start (the trigger); the duration
 * of impact from when users began to be hurt. Each is approximate if either end is.
 */
import type { Moment } from '../schemas/common.ts';
import type { Postmortem } from '../schemas/postmortem.ts';

export interface Span {
	/** Milliseconds. */
	ms: number;
	approximate: boolean;
}

export const span = (from: Moment, to: Moment): Span => ({ ms: to.at.getTime() - from.at.getTime(), approximate: from.approximate || to.approximate });

export interface Durations {
	/** started → detected. */
	toDetect: Span;
	/** started → mitigated; absent when the postmortem records no separate mitigation. */
	toMitigate?: Span;
	/** started → resolved. */
	toResolve: Span;
	/** How long users were hurt: impact began → mitigated, or → resolved when nothing mitigated earlier. */
	impact: Span;
}

export function durations(data: Pick<Postmortem, 'started' | 'detected' | 'mitigated' | 'resolved'> & { impactStarted?: Moment }): Durations {
	const toMitigate = data.mitigated ? span(data.started, data.mitigated) : undefined;
	const toResolve = span(data.started, data.resolved);
	return { toDetect: span(data.started, data.detected), toMitigate, toResolve, impact: span(data.impactStarted ?? data.started, data.mitigated ?? data.resolved) };
}

/** "45 min", "3 h 12 min", "2 d 4 h": the two largest units are precise enough for an incident. */
export function formatSpan({ ms, approximate }: Span): string {
	const minutes = Math.round(ms / 60_000);
	const days = Math.floor(minutes / 1440);
	const hours = Math.floor((minutes % 1440) / 60);
	const mins = minutes % 60;
	const text = days > 0 ? `${days} d${hours ? ` ${hours} h` : ''}` : hours > 0 ? `${hours} h${mins ? ` ${mins} min` : ''}` : `${mins} min`;
	return approximate ? `≈ ${text}` : text;
}

/** A moment as SREs read it in a postmortem: UTC, to the minute, with ~ for approximate. */
export function formatMoment(moment: Moment): string {
	const text = `${moment.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
	return moment.approximate ? `~${text}` : text;
}

/** "T+1 h 6 min" relative to the start, for timeline rows; "≈ T+2 h" when either time is approximate. */
export function offsetFrom(start: Moment, moment: Moment): string {
	const { ms, approximate } = span(start, moment);
	const text = ms === 0 ? 'T+0' : `T${ms < 0 ? '−' : '+'}${formatSpan({ ms: Math.abs(ms), approximate: false })}`;
	return approximate ? `≈ ${text}` : text;
}
