/**
 * Rules for the learning library: every guide, glossary entry and reading collection names
 * postmortems, guides and terms that exist, and a public guide links nothing the public edition
 * leaves out. Links in bodies are read from the Markdown syntax tree (link targets), never from
 * the raw text.
 */
import { bodyPosition } from '../publish/body.ts';
import { didYouMean } from '../suggest.ts';
import { locate, type Located } from '../source.ts';
import { fieldName } from './schema-issues.ts';
import type { Problem } from './problem.ts';
import type { BodyDocument, CheckContext, Rule } from './rules.ts';
import { siteLink } from '../learn/links.ts';

const at = (rule: string, source: Located, path: PropertyKey[], severity: Problem['severity'], message: string, fix: string): Problem => ({
	file: source.file,
	...locate(source, path),
	field: fieldName(path),
	rule,
	severity,
	message,
	fix,
});

/** Every link of a body to a page of the site, located in its file. */
function siteLinks({ file, body, bodyLine, analysis }: BodyDocument) {
	const position = bodyPosition(body);
	return analysis.texts
		.filter((t) => t.kind === 'url' && !t.image)
		.flatMap((t) => {
			const link = siteLink(t.text);
			if (!link) return [];
			const { line, column } = position(t.offset);
			return [{ ...link, url: t.text, file, line: bodyLine + line - 1, column }];
		});
}

const postmortemIds = ({ allIds }: CheckContext) => allIds;

export const learnRules: Rule[] = [
	{
		id: 'unknown-term',
		description: 'A link to /glossary/#<id> names a term of glossary.yml: a broken anchor lands a newcomer at the top of a long page.',
		check: ({ documents, learn }) => {
			const terms = new Set(learn.glossary.terms.map((t) => t.id));
			return documents.flatMap(siteLinks).flatMap((link): Problem[] => {
				if (link.kind !== 'term' || terms.has(link.id)) return [];
				return [{
					file: link.file, line: link.line, column: link.column, rule: 'unknown-term', severity: 'error',
					message: terms.size === 0 ? `${link.url} links the glossary, but the content folder has no glossary.yml` : `${link.url}: the glossary has no term '${link.id}'${didYouMean(link.id, terms)}`,
					fix: 'link an id from glossary.yml, or add the term there (id, term, definition, why, pitfall)',
				}];
			});
		},
	},
	{
		id: 'unknown-link',
		description: 'Links from a body to /incidents/<id>/, /learn/<id>/ and /learn/collections/<id>/ name a postmortem, guide or reading collection that exists.',
		check: (context) => {
			const known = {
				incident: postmortemIds(context),
				guide: new Set(context.learn.guides.map((g) => g.id)),
				collection: new Set(context.learn.collections.map((c) => c.id)),
			};
			const names = { incident: 'postmortem', guide: 'guide', collection: 'reading collection' };
			return context.documents.flatMap(siteLinks).flatMap((link): Problem[] => {
				if (link.kind === 'term' || known[link.kind].has(link.id)) return [];
				const ids = known[link.kind];
				const what = names[link.kind];
				return [{ file: link.file, line: link.line, column: link.column, rule: 'unknown-link', severity: 'error', message: `${link.url}: no ${what} has the id '${link.id}'${didYouMean(link.id, ids.keys())}`, fix: `link the file name of the ${what} without its extension` }];
			});
		},
	},
	{
		id: 'guide-examples',
		description: "A guide's examples are postmortems of the archive.",
		check: (context) =>
			context.learn.guides.flatMap((guide) =>
				guide.data.examples.flatMap((id, i) =>
					postmortemIds(context).has(id) ? [] : [at('guide-examples', guide.located, ['examples', i], 'error', `examples[${i}]: no postmortem has the id '${id}'${didYouMean(id, postmortemIds(context).keys())}`, 'use the file name of a postmortem without .mdx')],
				),
			),
	},
	{
		id: 'public-guide-internal',
		description: 'A public guide neither links nor lists as an example a postmortem that the public edition does not build.',
		check: ({ learn, documents, postmortems }) => {
			const hidden = new Set(postmortems.filter(({ data }) => data.visibility !== 'public' || data.status !== 'published').map(({ source }) => source.id));
			const publicGuides = learn.guides.filter((g) => g.data.visibility === 'public');
			const files = new Set(publicGuides.map((g) => g.file));
			return [
				...publicGuides.flatMap((guide) =>
					guide.data.examples.flatMap((id, i) => (hidden.has(id) ? [at('public-guide-internal', guide.located, ['examples', i], 'error', `this public guide lists '${id}', which is not in the public edition`, 'choose a public, published postmortem, or make the guide internal')] : [])),
				),
				...documents
					.filter((doc) => files.has(doc.file))
					.flatMap(siteLinks)
					.filter((link) => link.kind === 'incident' && hidden.has(link.id))
					.map((link): Problem => ({ file: link.file, line: link.line, column: link.column, rule: 'public-guide-internal', severity: 'error', message: `this public guide links to '${link.id}', which is not in the public edition`, fix: 'link a public, published postmortem instead, or make the guide internal (visibility: internal)' })),
			];
		},
	},
	{
		id: 'glossary-refs',
		description: "A glossary entry's see-also names other terms of the glossary, and its example is a postmortem of the archive.",
		check: (context) => {
			const { located, terms } = context.learn.glossary;
			if (!located) return [];
			const ids = new Set(terms.map((t) => t.id));
			const index = new Map<string, number>();
			(located.doc.toJS() as { id?: unknown }[]).forEach((item, i) => typeof item?.id === 'string' && !index.has(item.id) && index.set(item.id, i));
			return terms.flatMap((term) => {
				const i = index.get(term.id)!;
				return [
					...term.see.flatMap((id, k) => (ids.has(id) && id !== term.id ? [] : [at('glossary-refs', located, [i, 'see', k], 'error', `entry ${i + 1} (${term.term}): see names ${id === term.id ? 'the term itself' : `'${id}', which is not a term${didYouMean(id, ids)}`}`, 'name the id of another term of glossary.yml')])),
					...(term.example && !postmortemIds(context).has(term.example) ? [at('glossary-refs', located, [i, 'example'], 'error', `entry ${i + 1} (${term.term}): no postmortem has the id '${term.example}'${didYouMean(term.example, postmortemIds(context).keys())}`, 'use the file name of a postmortem without .mdx')] : []),
				];
			});
		},
	},
	{
		id: 'collection-items',
		description: 'Every item of a reading collection names a postmortem of the archive, once.',
		check: (context) =>
			context.learn.collections.flatMap(({ located, data }) => {
				const seen = new Set<string>();
				return data.items.flatMap((item, i) => {
					if (!postmortemIds(context).has(item.incident)) return [at('collection-items', located, ['items', i, 'incident'], 'error', `items[${i}].incident: no postmortem has the id '${item.incident}'${didYouMean(item.incident, postmortemIds(context).keys())}`, 'use the file name of a postmortem without .mdx')];
					if (seen.has(item.incident)) return [at('collection-items', located, ['items', i, 'incident'], 'error', `items[${i}].incident: '${item.incident}' is already in this collection`, 'keep one item per postmortem')];
					seen.add(item.incident);
					return [];
				});
			}),
	},
];
