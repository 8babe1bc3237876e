/**
 * What each page shows, computed from entries passed in. Pages call one of these and render the
 * result; nothing here queries Astro, so it is tested directly and reused by scripts.
 */
import type { Cause, Component } from '../schemas/registry.ts';
import { SEVERITIES, type Action, type Postmortem, type Severity } from '../schemas/postmortem.ts';
import { durations, formatMoment, formatSpan, offsetFrom } from './time.ts';
import type { HindsightConfig } from './config.ts';
import { explainRelated, type RelatedLink } from './related.ts';
import { completeness, type Completeness } from './insights/completeness.ts';
import { plural } from './count.ts';
import { narrativeSections, type Heading, type NarrativeSections } from './narrative.ts';
import { termLinks } from './learn/guides.ts';

/** The shape of a collection entry that these functions need; CollectionEntry<'incidents'> fits it. */
export interface IncidentEntry {
	id: string;
	data: Postmortem;
	filePath?: string;
	/** The body as the loader rendered it, for the page's reading order. */
	rendered?: { html?: string };
	/** A body that uses components: compiled as an MDX module when the page renders it, so there is no HTML here. */
	deferredRender?: boolean;
}

export interface Registries {
	components: Map<string, Component>;
	causes: Map<string, Cause>;
}

/** The completeness score of an entry as the loader stored it. */
export const completenessOf = (entry: IncidentEntry): Completeness => {
	// The loader notes the body's written sections in `rendered.metadata.sections` (insights/completeness.ts).
	const { rendered } = entry as { rendered?: { metadata?: Record<string, unknown> } };
	const sections = rendered?.metadata?.sections;
	return completeness({ data: entry.data, sections: Array.isArray(sections) ? sections : [] });
};

export const incidentUrl = (id: string) => `/incidents/${id}/`;

/** Where a component's or a cause's pattern page lives. */
export const patternUrl = (kind: 'component' | 'cause', id: string) => `/patterns/${kind === 'component' ? 'components' : 'causes'}/${id}/`;

/**
 * Our own incidents: not summaries of another organization's postmortem (`source`). Those are
 * reading material, not our operational data, so no ranking, flag or metric counts them.
 */
export const ours = <T extends IncidentEntry>(entries: readonly T[]): T[] => entries.filter((e) => !e.data.source);
export const theirs = <T extends IncidentEntry>(entries: readonly T[]): T[] => entries.filter((e) => e.data.source);

export const newestFirst = (entries: readonly IncidentEntry[]) =>
	[...entries].sort((a, b) => b.data.started.at.getTime() - a.data.started.at.getTime() || a.id.localeCompare(b.id));

const nameOf = (map: Map<string, { name: string }>, id: string) => map.get(id)?.name ?? id;

export interface IncidentRow {
	id: string;
	url: string;
	title: string;
	/** YYYY-MM-DD in UTC. */
	date: string;
	severity: Severity;
	duration: string;
	components: { id: string; name: string }[];
	status: Postmortem['status'];
	/** For a summary of another organization's incident: whose. */
	organization?: string;
}

export function incidentRows(entries: readonly IncidentEntry[], registries: Registries): IncidentRow[] {
	return newestFirst(entries).map(({ id, data }) => ({
		id,
		url: incidentUrl(id),
		title: data.title,
		date: data.started.at.toISOString().slice(0, 10),
		severity: data.severity,
		duration: formatSpan(durations(data).impact),
		components: data.components.map((c) => ({ id: c, name: nameOf(registries.components, c) })),
		status: data.status,
		organization: data.source?.organization,
	}));
}

/** What an <Incident id> card shows, when this edition builds that postmortem. */
export function incidentCard(id: string, all: ReadonlyMap<string, IncidentEntry>, registries: Registries): (IncidentRow & { summary: string }) | undefined {
	const entry = all.get(id);
	return entry && { ...incidentRows([entry], registries)[0], summary: entry.data.summary };
}

/** A count split by whose incident it was, so a summary of another organization's outage never reads as ours. */
export interface SplitCount {
	ours: number;
	theirs: number;
}

export interface HomeData {
	total: SplitCount;
	/** "9 of our incidents, and 23 of other organizations", worded for the count. */
	heading: string;
	all: number;
	/** Whether any summary of another organization's incident is in the archive, so the tables need their column. */
	elsewhere: boolean;
	bySeverity: ({ severity: Severity; name: string } & SplitCount)[];
	byYear: ({ year: string } & SplitCount)[];
	latest: IncidentRow[];
}

export function homeData(entries: readonly IncidentEntry[], registries: Registries, latest = 8): HomeData {
	const split = (of: readonly IncidentEntry[]): SplitCount => ({ ours: ours(of).length, theirs: theirs(of).length });
	const years = [...new Set(entries.map((e) => String(e.data.started.at.getUTCFullYear())))].sort((a, b) => b.localeCompare(a));
	const total = split(entries);
	const ourPart = `${plural(total.ours, 'postmortem')} of our own`;
	return {
		total,
		heading: total.theirs ? `${ourPart}, and ${plural(total.theirs, 'summary', 'summaries')} of other organizations’ incidents` : ourPart,
		all: entries.length,
		elsewhere: total.theirs > 0,
		bySeverity: SEVERITIES.map(({ id, name }) => ({ severity: id, name, ...split(entries.filter((e) => e.data.severity === id)) })),
		byYear: years.map((year) => ({ year, ...split(entries.filter((e) => String(e.data.started.at.getUTCFullYear()) === year)) })),
		latest: incidentRows(entries, registries).slice(0, latest),
	};
}

export interface ActionView extends Action {
	overdue: boolean;
}

/** Open work past its due day, judged against the build day so a rebuilt archive stays honest. */
export const isOverdue = (action: Action, today: string) =>
	(action.status === 'open' || action.status === 'in-progress') && action.due !== undefined && action.due < today;

const count = (n?: number) => n?.toLocaleString('en-US');

/** The impact numbers an author gave, in a fixed order; absent ones are left out rather than shown as blanks. */
export function impactNumbers(impact: Postmortem['impact']) {
	return [
		{ label: 'Users affected', value: count(impact.usersAffected) },
		{ label: 'Error budget consumed', value: impact.errorBudgetConsumed !== undefined ? `${impact.errorBudgetConsumed}%` : undefined },
		{ label: 'Support tickets', value: count(impact.supportTickets) },
		{ label: 'SLOs breached', value: impact.slosBreached?.join(', ') || undefined },
		{ label: 'Revenue', value: impact.revenue },
	].filter((n): n is { label: string; value: string } => n.value !== undefined);
}

export interface IncidentPage {
	completeness?: Completeness;
	title: string;
	summary: string;
	severity: Severity;
	severityName: string;
	status: Postmortem['status'];
	visibility: Postmortem['visibility'];
	published?: string;
	/** The header's figures; `term` links the glossary entry that explains the label. */
	facts: { label: string; value: string; term?: string }[];
	/** Glossary links for the cause labels of the header. */
	causeTerms: { trigger?: string; contributing?: string };
	/** The body, split into the page's reading order (narrative.ts). */
	sections: NarrativeSections;
	/** "On this page": every section in the order the page shows them. */
	toc: Heading[];
	/** "4 action items, 2 open": the header's one-step link to them. */
	actionsLine: string;
	impact: Postmortem['impact'];
	impactNumbers: { label: string; value: string }[];
	components: { id: string; name: string; team?: string; url: string }[];
	trigger: { id: string; name: string; url: string };
	contributing: { id: string; name: string; url: string }[];
	tags: string[];
	timeline: { time: string; offset: string; event: string; kind: string; milestone: boolean; term?: string }[];
	actions: ActionView[];
	overdueCount: number;
	source?: Postmortem['source'];
	related: { url: string; title: string; why: string }[];
	editUrl?: string;
	/** What Pagefind indexes besides the text: facets, result metadata and the sort keys. */
	search: { filters: [string, string][]; meta: [string, string][]; sort: [string, string][]; words: string };
}

/** The facets, result fields and sort key of one incident, as the search page asks for them. */
export function searchFields(entry: IncidentEntry, registries: Registries): IncidentPage['search'] {
	const { data } = entry;
	const causes = [...new Set([data.causes.trigger, ...data.causes.contributing])];
	const date = data.started.at.toISOString().slice(0, 10);
	// Components, causes and tags as words, ids and names both, so "dns" or "privacy" finds them; labels stay out of the index.
	const words = [
		...data.components.flatMap((c) => [nameOf(registries.components, c), c]),
		...causes.flatMap((c) => [nameOf(registries.causes, c), c]),
		...data.tags.flatMap((t) => [t, t.replace(/-/g, ' ')]),
		...(data.source ? [data.source.organization] : []),
	].join(', ');
	return {
		filters: [
			// Guides are indexed too (kind:guide); the Kind facet separates them from incidents.
			['kind', 'incident'],
			['severity', data.severity],
			...data.components.map((c): [string, string] => ['component', c]),
			...causes.map((c): [string, string] => ['cause', c]),
			['trigger', data.causes.trigger],
			...data.tags.map((t): [string, string] => ['tag', t]),
			['year', date.slice(0, 4)],
			// Not a facet: the date range ("from" and "to" months) selects any of these.
			['month', date.slice(0, 7)],
			['status', data.status],
			// Our own incidents, or summaries of another organization's: in the middle of an incident, ours come first.
			['origin', data.source ? 'other' : 'ours'],
		],
		meta: [
			['date', date],
			['severity', data.severity],
			['components', data.components.map((c) => nameOf(registries.components, c)).join(', ')],
			// Shown instead of an excerpt when browsing by filters, where there are no words to highlight.
			['summary', data.summary],
			['status', data.status],
			['duration', formatSpan(durations(data).impact)],
			...(data.source ? [['source', data.source.organization] as [string, string]] : []),
			// How many of the page's indexed words are these hidden ones (they come first), so an excerpt can start after them.
			['lead', String(words.split(/\s+/).filter(Boolean).length)],
		],
		// Severity as its rank (1 is the worst) and duration in whole minutes, so that Pagefind sorts them as numbers.
		sort: [
			['date', date],
			['severity', data.severity.slice(-1)],
			['duration', String(Math.round(durations(data).impact.ms / 60_000))],
		],
		words,
	};
}

/** An MDX body's sections, with the Impact and Timeline the MDX plugin places in it (after its Impact heading, or after its Summary). */
function mdxToc(headings: readonly { depth: number; slug: string; text: string }[]): Heading[] {
	// The text Astro reports includes the anchor link the plugin appends.
	const h2 = headings.filter((h) => h.depth === 2 && h.slug !== 'footnote-label').map((h) => ({ id: h.slug, text: h.text.replace(/#?Link to the section [\s\S]*$/, '').trim() }));
	const impact = h2.findIndex((h) => h.text.toLowerCase() === 'impact');
	const summary = h2.findIndex((h) => h.text.toLowerCase() === 'summary');
	const at = impact >= 0 ? impact + 1 : summary + 1;
	const added = impact >= 0 ? [{ id: 'timeline', text: 'Timeline' }] : [{ id: 'impact', text: 'Impact' }, { id: 'timeline', text: 'Timeline' }];
	return [...h2.slice(0, at), ...added, ...h2.slice(at)];
}

/** Ids the incident page gives its own sections; the body's ids are renumbered around them. */
export const PAGE_IDS = ['main', 'site-search', 'on-this-page', 'impact', 'timeline', 'actions', 'related'];

/** The glossary entry for each milestone kind of the timeline. */
const KIND_TERMS: Partial<Record<string, string>> = { trigger: 'trigger', impact: 'impact-duration', detection: 'detection', escalation: 'escalation', mitigation: 'mitigation', resolution: 'time-to-resolve' };

export function incidentPage(
	entry: IncidentEntry,
	registries: Registries,
	all: ReadonlyMap<string, IncidentEntry>,
	config: Pick<HindsightConfig, 'today' | 'editUrl'> & { edition?: HindsightConfig['edition'] },
	related: readonly RelatedLink[] = [],
	glossary: readonly { id: string }[] = [],
	/** An MDX body's headings, as its render reports them: its sections for "on this page". */
	headings: readonly { depth: number; slug: string; text: string }[] = [],
): IncidentPage {
	const { data } = entry;
	const d = durations(data);
	const term = termLinks(glossary);
	const impactLater = data.impactStarted.at.getTime() !== data.started.at.getTime();
	const facts = [
		{ label: 'Started', value: formatMoment(data.started) },
		...(impactLater ? [{ label: 'Impact began', value: formatMoment(data.impactStarted) }] : []),
		{ label: 'Resolved', value: formatMoment(data.resolved) },
		{ label: 'Duration of impact', value: formatSpan(d.impact), term: term('impact-duration') },
		{ label: 'Time to detect', value: formatSpan(d.toDetect), term: term('time-to-detect') },
		...(d.toMitigate ? [{ label: 'Time to mitigate', value: formatSpan(d.toMitigate), term: term('time-to-mitigate') }] : []),
		{ label: 'Time to resolve', value: formatSpan(d.toResolve), term: term('time-to-resolve') },
	];
	const actions = data.actions.map((action) => ({ ...action, overdue: isOverdue(action, config.today) }));
	const relativePath = entry.filePath?.split(/[\\/]/).pop();
	const sections = narrativeSections(entry.deferredRender ? undefined : (entry.rendered?.html ?? ''), PAGE_IDS);
	const shownRelated = related.filter((r) => all.has(r.id));
	const open = data.source ? 0 : actions.filter((a) => a.status === 'open' || a.status === 'in-progress').length;
	const actionsTitle = data.source ? `What ${data.source.organization} said it would do` : 'Action items';
	return {
		title: data.title,
		summary: data.summary,
		severity: data.severity,
		severityName: SEVERITIES.find((s) => s.id === data.severity)!.name,
		status: data.status,
		visibility: data.visibility,
		published: data.published,
		facts,
		impact: data.impact,
		impactNumbers: impactNumbers(data.impact),
		components: data.components.map((id) => ({ id, name: nameOf(registries.components, id), team: registries.components.get(id)?.team, url: patternUrl('component', id) })),
		trigger: { id: data.causes.trigger, name: nameOf(registries.causes, data.causes.trigger), url: patternUrl('cause', data.causes.trigger) },
		contributing: data.causes.contributing.map((id) => ({ id, name: nameOf(registries.causes, id), url: patternUrl('cause', id) })),
		tags: data.tags,
		timeline: data.timeline.map((t) => ({
			time: formatMoment(t.at),
			offset: offsetFrom(data.started, t.at),
			event: t.event,
			kind: t.kind,
			milestone: t.kind !== 'note',
			term: term(KIND_TERMS[t.kind] ?? ''),
		})),
		causeTerms: { trigger: term('trigger'), contributing: term('contributing-factor') },
		sections,
		toc: [
			...(sections.whole ? mdxToc(headings) : [...(sections.summaryHeading ? [sections.summaryHeading] : []), { id: 'impact', text: 'Impact' }, { id: 'timeline', text: 'Timeline' }, ...sections.headings]),
			{ id: 'actions', text: actionsTitle },
			...(shownRelated.length > 0 ? [{ id: 'related', text: 'Related incidents' }] : []),
		],
		actionsLine: data.source ? plural(actions.length, 'follow-up') : `${plural(actions.length, 'action item')}${open > 0 ? `, ${open} open` : ''}`,
		// Another organization's actions are what it said it would do; our status, owners and overdue flags do not apply.
		actions: data.source ? actions.map((a) => ({ ...a, overdue: false })) : actions,
		overdueCount: data.source ? 0 : actions.filter((a) => a.overdue).length,
		source: data.source,
		// Entries left out of this edition are not in `all`; linking to them would 404.
		related: shownRelated.map((r) => ({ url: incidentUrl(r.id), title: all.get(r.id)!.data.title, why: explainRelated(r, registries) })),
		editUrl: config.editUrl && relativePath ? config.editUrl.replace('{path}', relativePath) : undefined,
		// For the team: how complete our own write-up is. Not for outside readers, and not for another organization's.
		completeness: config.edition === 'internal' && !data.source ? completenessOf(entry) : undefined,
		search: searchFields(entry, registries),
	};
}
