import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { parse } from 'yaml';
import { loadConfig } from './lib/config.ts';
import { notesLoader, postmortemLoader } from './lib/postmortem-loader.ts';
import { CAUSES_FILE, COMPONENTS_FILE } from './lib/source.ts';
import { postmortemSchema } from './schemas/postmortem.ts';
import { causeSchema, componentSchema } from './schemas/registry.ts';

const config = loadConfig();
const registry = (name: string) => file(`${config.contentDir}/${name}`, { parser: (text) => parse(text) });

export const collections = {
	incidents: defineCollection({ loader: postmortemLoader({ dir: config.contentDir, edition: config.edition }), schema: postmortemSchema }),
	components: defineCollection({ loader: registry(COMPONENTS_FILE), schema: componentSchema }),
	causes: defineCollection({ loader: registry(CAUSES_FILE), schema: causeSchema }),
	// Hand-written notes shown on pattern pages: notes/components/<id>.mdx and notes/causes/<id>.mdx.
	notes: defineCollection({ loader: notesLoader({ dir: config.contentDir }) }),
};
