/**
 * What the archive publishes as data: feeds of published postmortems (summaries, never bodies) and
 * one JSON document per incident. Built from the entries of the edition being built, so the public
 * edition's feeds hold public postmortems only.
 */
import { durations } from './time.ts';
import { incidentUrl, type IncidentEntry, type Registries } from './incidents.ts';
import type { Moment } from '../schemas/common.ts';

export interface FeedItem {
	id: string;
	url: string;
	title: string;
	summary: string;
	/** The day it was published here, YYYY-MM-DD: for a summary of another organization's incident, the day we wrote it. */
	published: string;
	tags: string[];
}

/**
 * Text for a field that feed readers render as HTML (RSS <description>): a summary is plain text,
 * so "<img src=…>" in it must reach the reader as those characters, not as an image.
 */
export const asHtmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Published postmortems, most recently published first. */
export function feedItems(entries: readonly IncidentEntry[], registries: Registries, limit = 50): FeedItem[] {
	return entries
		.filter((e) => e.data.status === 'published' && e.data.published)
		.sort((a, b) => b.data.published!.localeCompare(a.data.published!) || b.data.started.at.getTime() - a.data.started.at.getTime())
		.slice(0, limit)
		.map(({ id, data }) => ({
			id,
			url: incidentUrl(id),
			// Another organization's incident: our severity scale is not theirs, and the day it happened is not the day we summarized it.
			title: data.source ? data.title : `${data.severity}: ${data.title}`,
			summary: data.source ? `${data.summary} (Incident of ${data.started.at.toISOString().slice(0, 10)}, summarized from ${data.source.organization}'s public postmortem.)` : data.summary,
			published: data.published!,
			tags: [...data.components.map((c) => registries.components.get(c)?.name ?? c), ...data.tags],
		}));
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(items: readonly FeedItem[], { title, site }: { title: string; site: string }) {
	const absolute = (path: string) => new URL(path, site).href;
	return {
		version: 'https://jsonfeed.org/version/1.1',
		title,
		home_page_url: absolute('/'),
		feed_url: absolute('/feed.json'),
		description: 'Published postmortems: summaries with a link to each full write-up.',
		items: items.map((item) => ({
			id: absolute(item.url),
			url: absolute(item.url),
			title: item.title,
			summary: item.summary,
			content_text: item.summary,
			date_published: `${item.published}T00:00:00Z`,
			tags: item.tags,
		})),
	};
}

const moment = (m?: Moment) => m && { at: m.iso, approximate: m.approximate };

/**
 * One incident as data. Revenue, ticket links and edit links are never part of it; in the public
 * edition owners are absent too when the loader dropped them.
 */
export function incidentDocument({ id, data }: IncidentEntry, registries: Registries) {
	const d = durations(data);
	const minutes = (span?: { ms: number }) => span && Math.round(span.ms / 60_000);
	const { revenue: _, ...impact } = data.impact;
	return {
		id,
		url: incidentUrl(id),
		title: data.title,
		summary: data.summary,
		severity: data.severity,
		status: data.status,
		visibility: data.visibility,
		published: data.published,
		times: { started: moment(data.started), detected: moment(data.detected), mitigated: moment(data.mitigated), resolved: moment(data.resolved) },
		minutes: { toDetect: minutes(d.toDetect), toMitigate: minutes(d.toMitigate), toResolve: minutes(d.toResolve) },
		components: data.components.map((c) => ({ id: c, name: registries.components.get(c)?.name ?? c })),
		causes: { trigger: data.causes.trigger, contributing: data.causes.contributing },
		tags: data.tags,
		impact,
		timeline: data.timeline.map((t) => ({ at: t.at.iso, approximate: t.at.approximate, kind: t.kind, event: t.event })),
		actions: data.actions.map(({ ticket: _ticket, ...action }) => action),
		related: data.related,
		recurrenceOf: data.recurrenceOf,
		source: data.source,
	};
}
