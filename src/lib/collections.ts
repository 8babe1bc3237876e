/**
 * The only module that queries Astro's content layer. Everything else takes entries as arguments.
 * Results are memoized: 10,000 incident pages must not re-read the collections 10,000 times.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { loadConfig } from './config.ts';
import type { Registries } from './incidents.ts';

export type Incident = CollectionEntry<'incidents'>;

let cached: Promise<{ incidents: Incident[]; byId: Map<string, Incident>; registries: Registries }> | undefined;

export function archive() {
	cached ??= (async () => {
		const [incidents, components, causes] = await Promise.all([getCollection('incidents'), getCollection('components'), getCollection('causes')]);
		return {
			incidents,
			byId: new Map(incidents.map((entry) => [entry.id, entry])),
			registries: {
				components: new Map(components.map((c) => [c.id, c.data])),
				causes: new Map(causes.map((c) => [c.id, c.data])),
			},
		};
	})();
	return cached;
}

export const config = loadConfig();

export const renderIncident = (entry: Incident) => render(entry);
