/**
 * The incident list, by year: `/incidents/` lists the years with their counts and the latest
 * incidents, and `/incidents/<year>/` lists one year's. At 10,000 postmortems a single list of
 * everything would be megabytes; a year is a page a reader can scroll, and search filters the rest.
 */
import { homeData, incidentRows, ours, theirs, type IncidentEntry, type IncidentRow, type Registries, type SplitCount } from './incidents.ts';

/** The UTC year an incident started, four digits, as the search page's year filter has it. */
export const yearOf = (entry: IncidentEntry) => entry.data.started.at.toISOString().slice(0, 4);

/**
 * A year's page, beside the incident pages (`/incidents/<id>/`): ids start with the incident's whole
 * day (`npm run check` warns about any that does not), so an id is never four digits alone. Should
 * one be, Astro warns at build that the two routes collide, and the incident page wins.
 */
export const yearUrl = (year: string) => `/incidents/${year}/`;

/** The search page filtered to a year: the filterable view of a year page. */
export const yearSearchUrl = (year: string) => `/search/?year=${encodeURIComponent(year)}`;

/** Entries by year, newest year first; only years that have incidents. */
export function groupByYear<T extends IncidentEntry>(entries: readonly T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const entry of entries) {
		const year = yearOf(entry);
		const group = groups.get(year);
		if (group) group.push(entry);
		else groups.set(year, [entry]);
	}
	return new Map([...groups].sort(([a], [b]) => b.localeCompare(a)));
}

export interface YearLink extends SplitCount {
	year: string;
	url: string;
}

export interface IncidentsIndex {
	/** "9 postmortems of our own, and 23 summaries of other organizations’ incidents", as on the home page. */
	heading: string;
	all: number;
	/** Whether the archive holds summaries of other organizations' incidents, so the year table needs their column. */
	elsewhere: boolean;
	/** Newest first. */
	years: YearLink[];
	latest: IncidentRow[];
	latestCaption: string;
	searchUrl: string;
}

export function incidentsIndex(entries: readonly IncidentEntry[], registries: Registries, latest = 20): IncidentsIndex {
	const home = homeData(entries, registries, latest);
	return {
		heading: home.heading,
		all: home.all,
		elsewhere: home.elsewhere,
		years: [...groupByYear(entries)].map(([year, list]) => ({ year, url: yearUrl(year), ours: ours(list).length, theirs: theirs(list).length })),
		latest: home.latest,
		latestCaption: home.latest.length < home.all ? `The ${home.latest.length} most recent of ${home.all}, newest first` : `All ${home.all}, newest first`,
		searchUrl: '/search/',
	};
}

export interface YearPage {
	year: string;
	/** As on the home page, for this year's incidents. */
	heading: string;
	/** Our incidents, newest first. */
	ours: IncidentRow[];
	/** Summaries of other organizations' incidents of that year, newest first. */
	theirs: IncidentRow[];
	/** The nearest older and newer years that have incidents (a quiet year has no page). */
	older?: { year: string; url: string };
	newer?: { year: string; url: string };
	searchUrl: string;
}

/**
 * One year's page. `entries` are that year's incidents; `years` every year with incidents, in
 * any order, for the links to the neighbouring years.
 */
export function yearPage(year: string, entries: readonly IncidentEntry[], years: readonly string[], registries: Registries): YearPage {
	const sorted = [...new Set(years)].sort((a, b) => a.localeCompare(b));
	const at = sorted.indexOf(year);
	const link = (y: string | undefined) => (y === undefined ? undefined : { year: y, url: yearUrl(y) });
	return {
		year,
		heading: homeData(entries, registries, 0).heading,
		ours: incidentRows(ours(entries), registries),
		theirs: incidentRows(theirs(entries), registries),
		older: at > 0 ? link(sorted[at - 1]) : undefined,
		newer: at >= 0 ? link(sorted[at + 1]) : undefined,
		// The search page offers a year filter only when there are two years or more (search.ts): with one, the year is everything.
		searchUrl: sorted.length > 1 ? yearSearchUrl(year) : '/search/',
	};
}
