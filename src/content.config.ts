import { defineCollection } from 'astro:content';
import { loadConfig } from './lib/config.ts';
import { guideLoader, learnDataLoader, postmortemLoader, registryLoader } from './lib/loaders.ts';
import { CAUSES_FILE, COMPONENTS_FILE } from './lib/source.ts';
import { postmortemSchema } from './schemas/postmortem.ts';
import { causeSchema, componentSchema } from './schemas/registry.ts';
import { glossaryTermSchema, guideSchema, readingCollectionSchema } from './schemas/learn.ts';

const config = loadConfig();
const { contentDir: dir, edition } = config;

export const collections = {
	incidents: defineCollection({ loader: postmortemLoader({ dir, edition, publicOwners: config.publicOwners }), schema: postmortemSchema }),
	// Each component and cause carries its note (notes/<kind>/<id>.mdx), if it has one, as its body.
	components: defineCollection({ loader: registryLoader({ dir, file: COMPONENTS_FILE, kind: 'components', edition }), schema: componentSchema }),
	causes: defineCollection({ loader: registryLoader({ dir, file: CAUSES_FILE, kind: 'causes', edition }), schema: causeSchema }),
	// The learning library: guides/<id>.mdx, glossary.yml and collections/<id>.yml.
	guides: defineCollection({ loader: guideLoader({ dir, edition }), schema: guideSchema }),
	glossary: defineCollection({ loader: learnDataLoader({ dir, kind: 'glossary' }), schema: glossaryTermSchema }),
	reading: defineCollection({ loader: learnDataLoader({ dir, kind: 'reading' }), schema: readingCollectionSchema }),
};
