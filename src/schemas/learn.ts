/**
 * The learning library's content: guides (guides/<id>.mdx), the glossary (glossary.yml) and
 * reading collections (collections/<id>.yml), all in the content folder so a team edits them
 * beside its postmortems.
 */
import { z } from 'astro/zod';
import { idRef, KEBAB, needs, oneOrMany, shown, text, withFix } from './common.ts';
import { VISIBILITIES } from './postmortem.ts';

const visibility = (what: string) =>
	z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.refine((v) => (VISIBILITIES as readonly string[]).includes(v), {
			error: (issue) => withFix(`visibility must be one of ${VISIBILITIES.join(', ')}, got ${shown(issue.input)}`, `write internal or public; ${what} are internal unless they say public`),
		})
		.default('internal');

const position = (field: string) =>
	z
		.number({ error: (issue) => needs(field, issue.input, 'a whole number, 1 for the first') })
		.int({ error: (issue) => withFix(`${field} must be a whole number, got ${shown(issue.input)}`, 'write 1 for the first, 2 for the next, …') })
		.positive({ error: (issue) => withFix(`${field} must be 1 or more, got ${shown(issue.input)}`, 'write 1 for the first, 2 for the next, …') });

/** The frontmatter of a guide: guides/<id>.mdx, its body plain Markdown. */
export const guideSchema = z.strictObject({
	// The guide's title, shown as its heading and in the reading path.
	title: text('title', 'a short title, e.g. "Writing a postmortem"'),
	// One sentence on what the reader gets from it, shown in lists and search results.
	description: text('description', 'one sentence on what the reader learns'),
	// Its place in the reading path that starts at 1; guides are read in this order.
	order: position('order'),
	// internal (the default) or public: only public guides reach the public edition.
	visibility: visibility('guides'),
	// Postmortem ids the guide uses as examples, listed under it; the check fails on an unknown id.
	examples: oneOrMany(idRef('examples')).default([]),
});

const term = z
	.string({ error: (issue) => needs('id', issue.input, 'a kebab-case id, e.g. time-to-detect') })
	.refine((value) => KEBAB.test(value), {
		error: (issue) => withFix(`id must be kebab-case, got ${shown(issue.input)}`, 'write it like time-to-detect: it is the anchor /glossary/#time-to-detect'),
	});

/** One entry of glossary.yml. */
export const glossaryTermSchema = z.strictObject({
	// The anchor: /glossary/#<id>; guides and pages link terms by it.
	id: term,
	// The term as the page shows it, e.g. "Time to detect".
	term: text('term', 'the term in sentence case, e.g. "Time to detect"'),
	// Abbreviations and other spellings readers search for, e.g. [TTD, MTTD].
	aliases: oneOrMany(text('aliases', 'an abbreviation, e.g. TTD')).default([]),
	// What it is, in a sentence or two.
	definition: text('definition', 'what the term means, in a sentence or two'),
	// Why it matters to a team that learns from incidents.
	why: text('why', 'why it matters, in a sentence or two'),
	// A common mistake or misreading.
	pitfall: text('pitfall', 'a common pitfall, in a sentence or two'),
	// Ids of related entries of this glossary.
	see: oneOrMany(term).default([]),
	// A postmortem id that shows the term well; shown only where that postmortem is.
	example: idRef('example').optional(),
});

/** One item of a reading collection: a postmortem with what to take from it. */
const readingItem = z.strictObject({
	// The postmortem's id (its file name without extension).
	incident: idRef('incident'),
	// One line on what to learn from it.
	learn: text('learn', 'one line on what to learn from this incident'),
	// Two or three questions for a team reading session.
	questions: oneOrMany(text('questions', 'a question for the team to discuss'))
		.pipe(z.array(z.string()).min(2, { error: withFix('questions needs at least two', 'add two or three questions for a reading session') }).max(3, { error: withFix('questions has more than three', 'keep the best three: a session has time for no more') })),
});

/** A reading collection: collections/<id>.yml. */
export const readingCollectionSchema = z.strictObject({
	// The collection's title, e.g. "DNS and BGP".
	title: text('title', 'a short title, e.g. "DNS and BGP"'),
	// What it teaches and who should read it.
	description: text('description', 'a sentence or two on what the collection teaches'),
	// Its place in the list of collections, 1 for the first.
	order: position('order'),
	// The postmortems to read, in reading order.
	items: z.array(readingItem, { error: (issue) => needs('items', issue.input, 'a list of items with incident, learn and questions') }).min(1, { error: withFix('items is empty', 'list at least one postmortem to read') }),
});

export type Guide = z.output<typeof guideSchema>;
export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
export type ReadingCollection = z.output<typeof readingCollectionSchema>;
