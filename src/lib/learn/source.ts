/**
 * Reads the learning library from the content folder: guides/<id>.mdx, glossary.yml and
 * collections/<id>.yml. Like postmortems, problems are returned with their line and never thrown,
 * so the check reports them all and the loaders skip only what is broken.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import type { Problem } from '../check/problem.ts';
import { fieldNames, schemaProblems } from '../check/schema-issues.ts';
import { display, idOf, listPostmortemFiles, locate, readPostmortem, readYamlFile, type Located } from '../source.ts';
import { glossaryTermSchema, guideSchema, readingCollectionSchema, type GlossaryTerm, type Guide, type ReadingCollection } from '../../schemas/learn.ts';

export const GUIDES_DIR = 'guides';
export const COLLECTIONS_DIR = 'collections';
export const GLOSSARY_FILE = 'glossary.yml';

export interface GuideSource {
	id: string;
	path: string;
	/** Path as messages show it. */
	file: string;
	data: Guide;
	body: string;
	bodyLine: number;
	located: Located;
	/** The frontmatter as written, for the publishing lint. */
	raw: Record<string, unknown>;
}

export function readGuides(contentDir: string): { guides: GuideSource[]; problems: Problem[] } {
	const guides: GuideSource[] = [];
	const problems: Problem[] = [];
	const known = fieldNames(guideSchema);
	for (const path of listPostmortemFiles(join(contentDir, GUIDES_DIR))) {
		const { source, problems: read } = readPostmortem(path);
		if (!source) {
			// The postmortem reader's advice names postmortem fields; a guide needs its own.
			problems.push(...read.map((p) => (p.rule === 'frontmatter' ? { ...p, fix: 'start the guide with ---, title, description, order and visibility, and another ---' } : p)));
			continue;
		}
		const parsed = guideSchema.safeParse(source.data);
		if (!parsed.success) {
			problems.push(...schemaProblems(source, parsed.error.issues, known));
			continue;
		}
		guides.push({ id: source.id, path, file: source.file, data: parsed.data, body: source.body, bodyLine: source.bodyLine, located: source, raw: source.data });
	}
	// Two guides at one place in the path would be read in an order nobody chose.
	const byOrder = new Map<number, GuideSource>();
	for (const guide of guides) {
		const first = byOrder.get(guide.data.order);
		if (first) problems.push({ file: guide.file, ...locate(guide.located, ['order']), field: 'order', rule: 'guide-order', severity: 'error', message: `order ${guide.data.order} is also the order of ${first.file}`, fix: 'give each guide its own place in the reading path' });
		else byOrder.set(guide.data.order, guide);
	}
	return { guides: guides.sort((a, b) => a.data.order - b.data.order), problems };
}

export interface GlossarySource {
	located?: Located;
	terms: GlossaryTerm[];
}

/** The glossary, if the content folder has one; every entry that does not validate is a problem. */
export function readGlossary(contentDir: string): GlossarySource & { problems: Problem[] } {
	const path = join(contentDir, GLOSSARY_FILE);
	const { located, value, problems, missing } = readYamlFile(path);
	if (missing || !located) return { terms: [], problems };
	if (!Array.isArray(value)) {
		return { located, terms: [], problems: [{ file: located.file, line: 1, rule: 'glossary', severity: 'error', message: `${GLOSSARY_FILE} must be a YAML list of terms`, fix: 'start each term with "- id: …", then term, definition, why and pitfall' }] };
	}
	const known = fieldNames(glossaryTermSchema);
	const terms: GlossaryTerm[] = [];
	const seen = new Set<string>();
	value.forEach((item, index) => {
		const parsed = glossaryTermSchema.safeParse(item);
		if (!parsed.success) {
			problems.push(...schemaProblems(located, parsed.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })), known));
			return;
		}
		if (seen.has(parsed.data.id)) {
			problems.push({ file: located.file, ...locate(located, [index, 'id']), field: `[${index}].id`, rule: 'glossary', severity: 'error', message: `entry ${index + 1}: the id '${parsed.data.id}' is used by an earlier term`, fix: 'give each term its own id: it is the anchor /glossary/#<id>' });
			return;
		}
		seen.add(parsed.data.id);
		terms.push(parsed.data);
	});
	return { located, terms, problems };
}

export interface CollectionSource {
	id: string;
	file: string;
	located: Located;
	data: ReadingCollection;
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name) && !name.startsWith('_') && !name.startsWith('.');

/** Every reading collection: collections/<id>.yml, in their order. */
export function readCollections(contentDir: string): { collections: CollectionSource[]; problems: Problem[] } {
	const dir = join(contentDir, COLLECTIONS_DIR);
	let names: string[];
	try {
		names = readdirSync(dir).filter(isYaml).sort();
	} catch {
		return { collections: [], problems: [] };
	}
	const known = fieldNames(readingCollectionSchema as z.ZodType);
	const collections: CollectionSource[] = [];
	const problems: Problem[] = [];
	for (const name of names) {
		const path = join(dir, name);
		const { located, value, problems: read } = readYamlFile(path);
		problems.push(...read);
		if (!located) continue;
		if (typeof value !== 'object' || value === null || Array.isArray(value)) {
			problems.push({ file: display(path), line: 1, rule: 'collection', severity: 'error', message: 'a reading collection must be a map of title, description, order and items', fix: 'write title:, description:, order: and items: on their own lines' });
			continue;
		}
		const parsed = readingCollectionSchema.safeParse(value);
		if (!parsed.success) problems.push(...schemaProblems(located, parsed.error.issues, known));
		else collections.push({ id: idOf(name.replace(/\.ya?ml$/i, '.md')), file: located.file, located, data: parsed.data });
	}
	return { collections: collections.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)), problems };
}
