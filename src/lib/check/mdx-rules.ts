/**
 * Rules for postmortem bodies that use MDX, read from its syntax tree (src/lib/mdx/analyze.ts):
 * valid MDX, only the built-in components with their props, links that exist, and no code.
 * Each problem points at the element's line in the file, as frontmatter problems do.
 */
import { readFileSync, statSync } from 'node:fs';
import { TIMELINE_KINDS } from '../../schemas/postmortem.ts';
import { graphProblems, readCsv } from '../mdx/graph.ts';
import { dirname, relative, resolve } from 'node:path';
import { BUILTINS, BUILTIN_NAMES } from '../mdx/builtins.ts';
import { besideFile, importProblem, indentedCode, isLiteral, type JsxUse } from '../mdx/analyze.ts';
import { tagVerdict } from '../publish/html-policy.ts';
import { didYouMean } from '../suggest.ts';
import type { Problem } from './problem.ts';
import type { BodyDocument, CheckContext, Rule } from './rules.ts';


type Doc = BodyDocument & { mdx: NonNullable<BodyDocument['mdx']> };
const mdxDocs = ({ documents }: CheckContext) => documents.filter((d): d is Doc => Boolean(d.mdx?.mdx));

const problem = (doc: Doc, where: { line: number; column: number }, rule: string, message: string, fix: string, field?: string): Problem => ({
	file: doc.file,
	line: doc.bodyLine + where.line - 1,
	column: where.column,
	...(field ? { field } : {}),
	rule,
	severity: 'error',
	message,
	fix,
});

/** Real paths of the files that non-public postmortems show, and one postmortem showing each. */
const internalFiles = new WeakMap<CheckContext, Map<string, string>>();
function usedByInternal(context: CheckContext): Map<string, string> {
	let files = internalFiles.get(context);
	if (files) return files;
	files = new Map();
	for (const doc of mdxDocs(context).filter((d) => d.visibility !== 'public')) {
		const named = [...components(doc).map((e) => prop(e, e.name === 'Figure' ? 'src' : e.name === 'Graph' ? 'data' : '')?.value), ...doc.mdx.images.map((i) => (i.url.startsWith('.') ? i.url : `./${i.url}`))];
		for (const file of named) {
			if (typeof file !== 'string') continue;
			const target = besideFile(resolve(doc.file), file, context.contentDir);
			if (target !== 'outside' && target !== 'missing') files.set(target, doc.file.split('/').pop()!);
		}
	}
	internalFiles.set(context, files);
	return files;
}

/** The names a body imports from the team's components folder, which the check then knows. */
const imported = (doc: Doc, context: CheckContext) => new Set(doc.mdx.esm.filter((s) => s.imports && !importProblem(s.value, resolve(doc.file), context.componentsDir)).flatMap((s) => s.imports!.map((i) => i.name)));

const components = (doc: Doc) => doc.mdx.elements.filter((e) => /^[A-Z]/.test(e.name));
const prop = (e: JsxUse, name: string) => e.attributes.find((a) => a.name === name);

export const mdxRules: Rule[] = [
	{
		id: 'mdx-extension',
		description: 'Components, expressions and imports work only in a .mdx file: a .md file is Markdown, where they would be printed or dropped.',
		check: (context) =>
			mdxDocs(context)
				.filter((doc) => !/\.mdx$/i.test(doc.file))
				.map((doc) => problem(doc, doc.mdx.elements.find((e) => e.name !== 'Internal') ?? doc.mdx.expressions[0] ?? doc.mdx.esm[0] ?? { line: 1, column: 1 }, 'mdx-extension', 'this body uses MDX (a component, an expression or an import), but the file is not .mdx', 'rename the file to .mdx, or write the body in plain Markdown')),
	},
	{
		id: 'mdx-syntax',
		description: 'A body that uses components is valid MDX: every tag closed, comments written {/* … */}.',
		check: (context) =>
			mdxDocs(context).flatMap((doc) => (doc.mdx.error ? [problem(doc, doc.mdx.error, 'mdx-syntax', `not valid MDX: ${doc.mdx.error.message}`, 'close every component tag, write comments as {/* … */}, and escape a literal < or { with a backslash')] : [])),
	},
	{
		id: 'unknown-component',
		description: `Only the built-in components (${BUILTIN_NAMES.join(', ')}) are available in a body.`,
		check: (context) =>
			mdxDocs(context).flatMap((doc) => {
				const own = imported(doc, context);
				return components(doc)
					.filter((e) => !BUILTINS[e.name] && !own.has(e.name))
					.map((e) => problem(doc, e, 'unknown-component', `unknown component <${e.name}>${didYouMean(e.name, [...BUILTIN_NAMES, ...own])}`, `use one of ${BUILTIN_NAMES.map((n) => `<${n}>`).join(', ')} (the README shows each), or import your own from the components folder`));
			}),
	},
	{
		id: 'component-props',
		description: "A built-in component's props are known, the required ones present, choices among their values, and written as text, not code.",
		check: (context) =>
			mdxDocs(context).flatMap((doc) =>
				components(doc).flatMap((e) => {
					const spec = BUILTINS[e.name];
					if (!spec) return [];
					const names = Object.keys(spec.props);
					const field = (name: string) => `<${e.name}> ${name}`;
					return [
						...e.attributes.flatMap((a) => {
							const p = spec.props[a.name];
							if (!p) return [problem(doc, e, 'component-props', `<${e.name}> has no prop '${a.name}'${didYouMean(a.name, names)}`, names.length ? `its props are ${names.join(', ')}` : `<${e.name}> takes no props`, field(a.name))];
							if (a.value === undefined) return [problem(doc, e, 'component-props', `<${e.name}> ${a.name} is an expression; props are text`, `write ${a.name}="…"`, field(a.name))];
							if (p.values && (a.value === true || !p.values.includes(a.value))) return [problem(doc, e, 'component-props', `<${e.name}> ${a.name} must be one of ${p.values.join(', ')}, got '${a.value === true ? '' : a.value}'${a.value === true ? '' : didYouMean(a.value, p.values)}`, `write ${a.name}="${p.values[0]}"`, field(a.name))];
							return [];
						}),
						...Object.entries(spec.props)
							.filter(([name, p]) => p.required && !prop(e, name))
							.map(([name, p]) => problem(doc, e, 'component-props', `<${e.name}> needs ${name}`, `add ${name}="…": ${p.hint}`, field(name))),
					];
				}),
			),
	},
	{
		id: 'component-refs',
		description: '<Incident id> names a postmortem (a public one, from a public postmortem) and <Term id> a term of glossary.yml.',
		check: (context) => {
			const terms = new Set(context.learn.glossary.terms.map((t) => t.id));
			const internal = new Set(context.postmortems.filter(({ data }) => data.visibility !== 'public').map(({ source }) => source.id));
			return mdxDocs(context).flatMap((doc) =>
				components(doc).flatMap((e) => {
					const id = prop(e, 'id')?.value;
					if (typeof id !== 'string') return [];
					if (e.name === 'Incident' && !context.allIds.has(id)) return [problem(doc, e, 'component-refs', `<Incident id="${id}">: no postmortem has that id${didYouMean(id, context.allIds.keys())}`, 'use the file name of a postmortem without .mdx', '<Incident> id')];
					if (e.name === 'Incident' && doc.visibility === 'public' && internal.has(id)) return [problem(doc, e, 'component-refs', `<Incident id="${id}">: this public postmortem links an internal one`, 'link a public postmortem, or put the card inside <Internal>', '<Incident> id')];
					if (e.name === 'Term' && !terms.has(id)) return [problem(doc, e, 'component-refs', `<Term id="${id}">: the glossary has no such term${didYouMean(id, terms)}`, 'use an id of glossary.yml, or add the term there', '<Term> id')];
					return [];
				}),
			);
		},
	},
	{
		id: 'component-files',
		description: '<Figure src> is an image and <Graph data> a CSV beside the postmortem, inside the content folder; a figure has alt text, a graph the columns it names.',
		check: (context) =>
			mdxDocs(context).flatMap((doc) =>
				components(doc)
					.filter((e) => e.name === 'Figure' || e.name === 'Graph')
					.flatMap((e) => {
						const key = e.name === 'Figure' ? 'src' : 'data';
						const field = `<${e.name}> ${key}`;
						const file = prop(e, key)?.value;
						const problems: Problem[] = [];
						const alt = prop(e, 'alt')?.value;
						if (e.name === 'Figure' && typeof alt === 'string' && alt.trim().length < 3) problems.push(problem(doc, e, 'component-files', '<Figure> alt is empty', 'describe what the image shows, e.g. alt="Error rate of checkout, 14:00–16:00"', '<Figure> alt'));
						if (typeof file !== 'string') return problems;
						const kind = e.name === 'Figure' ? { test: /\.(?:png|jpe?g|webp|gif|avif)$/i, what: 'an image Astro can optimize', fix: 'use a .png, .jpg, .webp, .gif or .avif file' } : { test: /\.csv$/i, what: 'a CSV file', fix: 'export the metric as .csv, with a header row' };
						const target = besideFile(resolve(doc.file), file, context.contentDir);
						if (target === 'outside') return [...problems, problem(doc, e, 'component-files', `<${e.name} ${key}="${file}"> is not a file beside the postmortem`, `store it in the content folder next to the postmortem (not a link to elsewhere) and write ${key}="./name"`, field)];
						if (!kind.test.test(file)) return [...problems, problem(doc, e, 'component-files', `<${e.name} ${key}="${file}"> is not ${kind.what}`, kind.fix, field)];
						if (target === 'missing' || !statSync(target).isFile()) return [...problems, problem(doc, e, 'component-files', `<${e.name} ${key}="${file}">: no such file (${relative(process.cwd(), resolve(dirname(resolve(doc.file)), file))})`, 'check the name, or add the file next to the postmortem', field)];
						const internal = doc.visibility === 'public' ? usedByInternal(context).get(target) : undefined;
						if (internal) problems.push(problem(doc, e, 'component-files', `<${e.name} ${key}="${file}"> is also used by ${internal}, which is not public`, 'give the public postmortem its own copy of the file, reviewed for publication', field));
						if (e.name === 'Graph') {
							const value = (name: string) => (typeof prop(e, name)?.value === 'string' ? String(prop(e, name)!.value) : undefined);
							const found = graphProblems(readCsv(readFileSync(target, 'utf8')), { x: value('x') ?? '', y: value('y') ?? '', annotate: value('annotate') });
							problems.push(...found.map((message) => problem(doc, e, 'component-files', `<Graph data="${file}">: ${message}`, 'name columns of the CSV in x and y; y holds numbers', field)));
							const kinds = (value('annotate') ?? '').split(',').map((k) => k.trim()).filter(Boolean).filter((k) => !(TIMELINE_KINDS as readonly string[]).includes(k));
							if (kinds.length) problems.push(problem(doc, e, 'component-files', `<Graph> annotate names ${kinds.map((k) => `'${k}'`).join(', ')}, which is not a timeline kind`, `use kinds of the timeline: ${TIMELINE_KINDS.join(', ')}`, '<Graph> annotate'));
						}
						return problems;
					}),
			),
	},
	{
		id: 'mdx-images',
		description: 'A Markdown image in an MDX body is a file of the content folder that no internal postmortem uses: Astro imports and publishes each.',
		check: (context) =>
			mdxDocs(context).flatMap((doc) =>
				doc.mdx.images.flatMap((image): Problem[] => {
					if (/^(?:[a-z][\w+.-]*:|\/\/)/i.test(image.url)) return [problem(doc, image, 'mdx-images', `the image ${image.url.slice(0, 60)} is loaded from another site`, 'store the image next to the postmortem, and use <Figure src="./…" alt="…">')];
					const target = besideFile(resolve(doc.file), image.url.startsWith('.') ? image.url : `./${image.url}`, context.contentDir);
					if (target === 'outside' || target === 'missing') return [problem(doc, image, 'mdx-images', `the image ${image.url} is not a file of the content folder`, 'store the image next to the postmortem, and use <Figure src="./…" alt="…">')];
					const internal = doc.visibility === 'public' ? usedByInternal(context).get(target) : undefined;
					return internal ? [problem(doc, image, 'mdx-images', `the image ${image.url} is also used by ${internal}, which is not public`, 'give the public postmortem its own copy of the file, reviewed for publication')] : [];
				}),
			),
	},
	{
		id: 'mdx-indent',
		description: 'MDX has no indented code blocks: an indented paragraph is published as text, while the lint would read it as code.',
		check: (context) =>
			mdxDocs(context).flatMap((doc) => indentedCode(doc.body).map((at) => problem(doc, at, 'mdx-indent', 'this indented text is a paragraph in MDX, not code', 'remove the indentation, or put code in a fenced block (```)'))),
	},
	{
		id: 'mdx-attributes',
		description: 'Attribute names are HTML names: MDX accepts more, which the page could not carry.',
		check: (context) =>
			mdxDocs(context).flatMap((doc) =>
				doc.mdx.elements.flatMap((e) =>
					e.attributes
						.filter((a) => a.name !== '{…}' && !/^[A-Za-z_][\w.:-]*$/.test(a.name))
						.map((a) => problem(doc, e, 'mdx-attributes', `<${e.name}> has the attribute name '${a.name}', which is not an HTML name`, 'use letters, digits and hyphens in attribute names')),
				),
			),
	},
	{
		id: 'mdx-code',
		description: 'A body runs no code: no imports or exports, no expression but a comment or a literal, no HTML element or attribute that runs code or loads content.',
		check: (context) =>
			mdxDocs(context).flatMap((doc) => [
				...doc.mdx.esm.flatMap((s) => {
					const why = importProblem(s.value, resolve(doc.file), context.componentsDir);
					return why ? [problem(doc, s, 'mdx-code', `an ${s.value.trim().split(/\s/)[0]} statement: ${why}`, 'remove it (the built-in components need no import), or import a component of the components folder')] : [];
				}),
				// "{/* <Internal> */}secret{/* </Internal> */}" reads as if it hid the text between, which is published.
				...doc.mdx.expressions
					.filter((x) => x.comment && /<\s*\/?\s*internal\b/i.test(x.value))
					.map((x) => problem(doc, x, 'mdx-code', 'a comment holds an <Internal> tag, which marks nothing: the text around it is published', 'take the tag out of the braces: write <Internal>…</Internal> around the internal text')),
				...doc.mdx.expressions
					.filter((x) => !x.comment && !isLiteral(x.value))
					.map((x) => problem(doc, x, 'mdx-code', `the expression {${x.value.trim().slice(0, 40)}} would run code`, 'write the text itself, or put it in `backticks`; only comments {/* … */} and literals are allowed')),
				...doc.mdx.elements
					.filter((e) => !BUILTINS[e.name] && !/^[a-z]/.test(e.name) && e.attributes.some((a) => a.value === undefined))
					.map((e) => problem(doc, e, 'mdx-code', `<${e.name}> has an expression or spread attribute, which would run code`, 'give it text props only: name="…"')),
				...doc.mdx.elements
					.filter((e) => /^[a-z]/.test(e.name))
					.flatMap((e) => {
						const verdict = tagVerdict(e.name, e.attributes.map((a) => ({ name: a.name, value: typeof a.value === 'string' ? a.value : '' })));
						if (verdict.removed) return [problem(doc, e, 'mdx-code', `<${e.name}> is not allowed in a body`, 'use Markdown, or a built-in component')];
						const code = e.attributes.filter((a) => a.value === undefined);
						const unsafe = verdict.attributes.filter((a) => a.unsafe);
						return [...code, ...unsafe].slice(0, 1).map(() => problem(doc, e, 'mdx-code', `<${e.name}> has ${code.length ? 'an expression attribute' : `the attribute ${unsafe[0].label}`}, which would run code`, 'remove the attribute'));
					}),
			]),
	},
];
