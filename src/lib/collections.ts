/**
 * The only module that queries Astro's content layer. Everything else takes entries as arguments.
 * Results are memoized: 10,000 incident pages must not re-read the collections or redo the
 * archive-wide analysis 10,000 times.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { loadConfig } from './config.ts';
import type { Registries } from './incidents.ts';
import { groupBy, patternsIndex, timeAxis } from './patterns.ts';
import { relatedIndex } from './related.ts';
import { byTag, tagCounts } from './tags.ts';

export type Incident = CollectionEntry<'incidents'>;
type RegistryEntry = CollectionEntry<'components'> | CollectionEntry<'causes'>;

export const config = loadConfig();

let cached: Promise<{ incidents: Incident[]; byId: Map<string, Incident>; registries: Registries; notes: Map<string, RegistryEntry> }> | undefined;

export function archive() {
	cached ??= (async () => {
		const [incidents, components, causes] = await Promise.all([getCollection('incidents'), getCollection('components'), getCollection('causes')]);
		return {
			incidents,
			byId: new Map(incidents.map((entry) => [entry.id, entry])),
			registries: {
				// Teams are owners too: the public edition shows them only if owners are public.
				components: new Map(components.map((c) => [c.id, config.edition === 'public' && !config.publicOwners ? { ...c.data, team: '' } : c.data])),
				causes: new Map(causes.map((c) => [c.id, c.data])),
			},
			// Registry entries whose note is shown in this edition, by "components/<id>" or "causes/<id>".
			notes: new Map<string, RegistryEntry>([
				...components.filter((c) => c.rendered).map((c): [string, RegistryEntry] => [`components/${c.id}`, c]),
				...causes.filter((c) => c.rendered).map((c): [string, RegistryEntry] => [`causes/${c.id}`, c]),
			]),
		};
	})();
	return cached;
}

let analysed: ReturnType<typeof analyse> | undefined;

async function analyse() {
	const { incidents, registries } = await archive();
	const groups = {
		components: groupBy(incidents, 'component', registries.components.keys()),
		causes: groupBy(incidents, 'cause', registries.causes.keys()),
	};
	return {
		groups,
		patterns: patternsIndex(groups, registries, config.recurrence, config.today),
		// One time axis for every pattern page's chart, from our first incident of this edition to our last.
		axis: timeAxis(incidents),
		related: relatedIndex(incidents),
		tags: tagCounts(incidents),
		tagged: byTag(incidents),
	};
}

/** Archive-wide computations, done once per build. */
export const analysis = () => (analysed ??= analyse());

export const renderEntry = (entry: Incident | RegistryEntry) => render(entry);

/** The note of a component or cause, if it has one in this edition. */
export const noteFor = async (folder: 'components' | 'causes', id: string) => (await archive()).notes.get(`${folder}/${id}`);

export type GuideEntry = CollectionEntry<'guides'>;

let learning: Promise<{ guides: GuideEntry[]; glossary: CollectionEntry<'glossary'>[]; reading: CollectionEntry<'reading'>[] }> | undefined;

/** The learning library: guides, glossary terms and reading collections of this edition. */
export function library() {
	learning ??= (async () => {
		const [guides, glossary, reading] = await Promise.all([getCollection('guides'), getCollection('glossary'), getCollection('reading')]);
		return { guides, glossary, reading };
	})();
	return learning;
}

export const renderGuide = (entry: GuideEntry) => render(entry);
