/**
 * Rules that need more than one field or more than one file. Each is small and independent;
 * the runner in ./index.ts applies them all and reports every problem in one pass.
 */
import type { Cause, Component } from '../../schemas/registry.ts';
import type { Moment } from '../../schemas/common.ts';
import type { Postmortem } from '../../schemas/postmortem.ts';
import { bodyPosition, type BodyAnalysis, type BodyIssue } from '../publish/body.ts';
import { normalize } from '../publish/text.ts';
import { didYouMean } from '../suggest.ts';
import { nearDuplicateTags, tagCounts } from '../tags.ts';
import { fieldLines, locate, type Located, type PostmortemSource } from '../source.ts';
import { fieldName } from './schema-issues.ts';
import type { Problem } from './problem.ts';
import type { CollectionSource, GlossarySource, GuideSource } from '../learn/source.ts';
import type { MdxAnalysis } from '../mdx/analyze.ts';

/**
 * A postmortem as the rules see it: every field that passed its own schema. A file with a bad
 * severity still has its components checked, so one run reports every problem.
 */
export interface CheckedPostmortem {
	source: PostmortemSource;
	data: Partial<Postmortem>;
}

export interface CheckContext {
	/** The content folder, absolute: files a body points at must be inside it. */
	contentDir: string;
	/** The team's components folder: the only place a body may import from. */
	componentsDir: string;
	postmortems: CheckedPostmortem[];
	components: Map<string, Component>;
	causes: Map<string, Cause>;
	/** Every postmortem id found, valid or not, so a broken file is not also reported as an unknown reference. */
	allIds: Map<string, PostmortemSource>;
	registries: { components?: Located; causes?: Located; componentItems: unknown[]; causeItems: unknown[] };
	/** Notes for pattern pages found in the content folder. */
	notes: { kind: 'components' | 'causes'; target: string; file: string }[];
	/** Every body that is rendered, postmortems', readable notes' and guides', with its Markdown analysed once. */
	documents: BodyDocument[];
	/** The learning library: guides, glossary and reading collections that read and validate. */
	learn: { guides: GuideSource[]; glossary: GlossarySource; collections: CollectionSource[] };
}

export interface BodyDocument {
	file: string;
	body: string;
	/** The file line on which the body starts. */
	bodyLine: number;
	analysis: BodyAnalysis;
	/** For a postmortem, its MDX (src/lib/mdx/analyze.ts); `mdx.mdx` when it is compiled as MDX. */
	mdx?: MdxAnalysis;
	/** The postmortem's visibility, for links from a public body. */
	visibility?: string;
}

const INTERNAL_LOOKALIKE = /<\s*\/?\s*internal\b/i;

/** Every string in parsed YAML data, with its path. */
function stringsIn(data: unknown, path: PropertyKey[] = []): { path: PropertyKey[]; value: string }[] {
	if (typeof data === 'string') return [{ path, value: data }];
	if (Array.isArray(data)) return data.flatMap((item, i) => stringsIn(item, [...path, i]));
	if (data && typeof data === 'object') return Object.entries(data).flatMap(([key, value]) => stringsIn(value, [...path, key]));
	return [];
}

/** The analysis' problems of one rule, located in the file. */
function bodyProblems({ file, body, bodyLine, analysis }: BodyDocument, rule: BodyIssue['rule']): Problem[] {
	const position = bodyPosition(body);
	return analysis.issues
		.filter((issue) => issue.rule === rule)
		.map((issue) => {
			const { line, column } = position(issue.offset);
			return { file, line: bodyLine + line - 1, column, rule, severity: issue.severity, message: issue.message, fix: issue.fix };
		});
}

export interface Rule {
	id: string;
	description: string;
	check(context: CheckContext): Problem[];
}

type ProblemSpec = Omit<Problem, 'file' | 'rule' | 'line' | 'column' | 'field'>;

/** A problem at a frontmatter path of one postmortem. */
const at = (rule: string, source: Located, path: PropertyKey[], spec: ProblemSpec): Problem => ({
	file: source.file,
	...locate(source, path),
	field: fieldName(path),
	rule,
	...spec,
});

/** Links to other postmortems with the path each came from. */
const links = (data: Partial<Postmortem>): [string, PropertyKey[]][] => [
	...(data.related ?? []).map((id, i): [string, PropertyKey[]] => [id, ['related', i]]),
	...(data.recurrenceOf ? [[data.recurrenceOf, ['recurrenceOf']] as [string, PropertyKey[]]] : []),
];

const fmt = (m: Moment) => `${m.approximate ? '~' : ''}${m.iso}`;

export const rules: Rule[] = [
	{
		id: 'file-name',
		description: 'File names are kebab-case and start with the day the incident started, because they become the URL.',
		check: ({ postmortems }) =>
			postmortems.flatMap(({ source, data }): Problem[] => {
				const day = data.started?.iso.slice(0, 10) ?? 'YYYY-MM-DD';
				if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(source.id)) {
					return [{ file: source.file, line: 1, rule: 'file-name', severity: 'error', message: `the file name '${source.id}' is not kebab-case, so its URL would be fragile`, fix: `rename the file to ${day}-short-title.mdx (lower-case letters, digits and hyphens)` }];
				}
				if (data.started && !source.id.startsWith(day)) {
					return [{ file: source.file, line: 1, rule: 'file-name', severity: 'warning', message: `the file name does not start with the day the incident started (${day})`, fix: `rename it to ${day}-${source.id.replace(/^\d{4}-\d{2}-\d{2}-?/, '')}.mdx so the folder sorts by date` }];
				}
				return [];
			}),
	},
	{
		id: 'duplicate-id',
		description: 'Two files may not share an id (file name without extension), and registry ids are unique.',
		check: ({ postmortems, registries }) => {
			const problems: Problem[] = [];
			const byId = new Map<string, string>();
			for (const { source } of postmortems) {
				const other = byId.get(source.id);
				if (other) problems.push({ file: source.file, line: 1, rule: 'duplicate-id', severity: 'error', message: `the id '${source.id}' is also used by ${other}; both would be served at /incidents/${source.id}/`, fix: 'rename one of the two files' });
				else byId.set(source.id, source.file);
			}
			for (const [located, items] of [[registries.components, registries.componentItems], [registries.causes, registries.causeItems]] as const) {
				if (!located) continue;
				const seen = new Set<string>();
				items.forEach((item, index) => {
					const id = (item as { id?: unknown })?.id;
					if (typeof id !== 'string') return;
					if (seen.has(id)) problems.push(at('duplicate-id', located, [index, 'id'], { severity: 'error', message: `the id '${id}' appears twice`, fix: 'merge the two entries or rename one' }));
					seen.add(id);
				});
			}
			return problems;
		},
	},
	{
		id: 'time-order',
		description: 'started ≤ detected ≤ mitigated ≤ resolved, and impact begins between started and mitigated.',
		check: ({ postmortems }) =>
			postmortems.flatMap(({ source, data }) => {
				const order = (['started', 'detected', 'mitigated', 'resolved'] as const).filter((key) => data[key]);
				const problems: Problem[] = [];
				for (let i = 1; i < order.length; i++) {
					const before = data[order[i - 1]]!;
					const after = data[order[i]]!;
					if (after.at < before.at) {
						problems.push(at('time-order', source, [order[i]], { severity: 'error', message: `${order[i]} (${fmt(after)}) is before ${order[i - 1]} (${fmt(before)})`, fix: `times must run started ≤ detected ≤ mitigated ≤ resolved; check the date and the offset of both` }));
					}
				}
				// When impact began lies within the incident: not before its start, not after it ended for users.
				const end = data.mitigated ?? data.resolved;
				const impact = data.timeline?.findIndex((entry) => entry.kind === 'impact') ?? -1;
				const path = source.data.impactStarted !== undefined ? ['impactStarted'] : impact >= 0 ? ['timeline', impact, 'at'] : undefined;
				const began = data.impactStarted;
				if (path && began && data.started && began.at < data.started.at) {
					problems.push(at('time-order', source, path, { severity: 'error', message: `impact began (${fmt(began)}) before started (${fmt(data.started)})`, fix: 'started is when the problem began; impact cannot begin before it. Move started earlier, or correct the impact time' }));
				} else if (path && began && end && began.at > end.at) {
					problems.push(at('time-order', source, path, { severity: 'error', message: `impact began (${fmt(began)}) after it ended (${fmt(end)})`, fix: 'impact begins before mitigation (or resolution); check the date and the offset' }));
				}
				return problems;
			}),
	},
	{
		id: 'timeline-order',
		description: 'Timeline events are listed in the order they happened.',
		check: ({ postmortems }) =>
			postmortems.flatMap(({ source, data: { timeline = [] } }) =>
				timeline.flatMap((entry, i) => {
					const previous = timeline[i - 1];
					return previous && entry.at.at < previous.at.at
						? [at('timeline-order', source, ['timeline', i, 'at'], { severity: 'error', message: `timeline[${i}] (${fmt(entry.at)}) is earlier than the event before it (${fmt(previous.at)})`, fix: 'move the event to its place in time, or correct its time' })]
						: [];
				}),
			),
	},
	{
		id: 'timeline-milestones',
		description: 'The first trigger, impact, detection, mitigation and resolution events agree with started, impactStarted, detected, mitigated and resolved.',
		check: ({ postmortems }) =>
			postmortems.flatMap(({ source, data }) =>
				([['trigger', 'started'], ['impact', 'impactStarted'], ['detection', 'detected'], ['mitigation', 'mitigated'], ['resolution', 'resolved']] as const).flatMap(([kind, field]) => {
					const timeline = data.timeline ?? [];
					const index = timeline.findIndex((entry) => entry.kind === kind);
					const time = data[field];
					if (index < 0 || !time || timeline[index].at.at.getTime() === time.at.getTime()) return [];
					return [at('timeline-milestones', source, ['timeline', index, 'at'], { severity: 'warning', message: `the first ${kind} event (${fmt(timeline[index].at)}) does not match ${field} (${fmt(time)})`, fix: `make them agree: the header's durations use ${field}` })];
				}),
			),
	},
	{
		id: 'unknown-component',
		description: 'Every component id is in components.yml.',
		check: ({ postmortems, components }) =>
			postmortems.flatMap(({ source, data: { components: ids = [] } }) =>
				ids.flatMap((id, i) =>
					components.has(id) ? [] : [at('unknown-component', source, ['components', i], { severity: 'error', message: `unknown component '${id}'${didYouMean(id, components.keys())}`, fix: 'use an id from components.yml, or add the component there (id, name, team, description)' })],
				),
			),
	},
	{
		id: 'unknown-cause',
		description: 'The trigger and every contributing factor are ids from causes.yml.',
		check: ({ postmortems, causes }) =>
			postmortems.flatMap(({ source, data }) =>
				(data.causes ? [data.causes.trigger, ...data.causes.contributing] : []).flatMap((id, i) =>
					causes.has(id) ? [] : [at('unknown-cause', source, i === 0 ? ['causes', 'trigger'] : ['causes', 'contributing', i - 1], { severity: 'error', message: `unknown cause '${id}'${didYouMean(id, causes.keys())}`, fix: 'use an id from causes.yml, or add the cause there (id, name, description)' })],
				),
			),
	},
	{
		id: 'unknown-related',
		description: 'related and recurrenceOf name other postmortems of the archive.',
		check: ({ postmortems, allIds }) =>
			postmortems.flatMap(({ source, data }) =>
				links(data).flatMap(([id, path]) => {
					if (id === source.id) return [at('unknown-related', source, path, { severity: 'error', message: `${fieldName(path)} names this postmortem itself`, fix: 'remove it' })];
					return allIds.has(id) ? [] : [at('unknown-related', source, path, { severity: 'error', message: `${fieldName(path)}: no postmortem has the id '${id}'${didYouMean(id, allIds.keys())}`, fix: 'use the file name of the other postmortem without .mdx' })];
				}),
			),
	},
	{
		id: 'published-date',
		description: 'A published postmortem says when it was published.',
		check: ({ postmortems }) =>
			postmortems
				.filter(({ data }) => data.status === 'published' && !data.published)
				.map(({ source }) => at('published-date', source, ['status'], { severity: 'error', message: 'published is required once status is published', fix: 'add published: YYYY-MM-DD, the day it was published' })),
	},
	{
		id: 'published-actions',
		description: 'A published postmortem of our own gives every action item an owner and a due date (another organization\'s due dates are not ours to know).',
		check: ({ postmortems }) =>
			postmortems
				.filter(({ data }) => data.status === 'published' && !data.source)
				.flatMap(({ source, data }) =>
					(data.actions ?? []).flatMap((action, i) =>
						(['owner', 'due'] as const)
							.filter((key) => !action[key])
							.map((key) => at('published-actions', source, ['actions', i], { severity: 'error', message: `action '${action.title}' has no ${key}, and the postmortem is published`, fix: key === 'owner' ? 'add owner: the team or role that will do it (not a person)' : 'add due: YYYY-MM-DD' })),
					),
				),
	},
	{
		id: 'public-links-internal',
		description: 'A public postmortem does not link to an internal one, which the public edition does not build.',
		check: ({ postmortems }) => {
			const internal = new Set(postmortems.filter(({ data }) => data.visibility === 'internal').map(({ source }) => source.id));
			return postmortems
				.filter(({ data }) => data.visibility === 'public')
				.flatMap(({ source, data }) =>
					links(data)
						.filter(([id]) => internal.has(id))
						.map(([id, path]) => at('public-links-internal', source, path, { severity: 'error', message: `this public postmortem links to '${id}', which is internal`, fix: 'remove the link, or make the other postmortem public once it is sanitized' })),
				);
		},
	},
	{
		id: 'public-links-unpublished',
		description: 'A public postmortem that links to a public one not yet published is told that the public edition drops the link until the other is published.',
		check: ({ postmortems }) => {
			const unpublished = new Set(postmortems.filter(({ data }) => data.visibility === 'public' && data.status !== 'published').map(({ source }) => source.id));
			return postmortems
				.filter(({ data }) => data.visibility === 'public' && data.status === 'published')
				.flatMap(({ source, data }) =>
					links(data)
						.filter(([id]) => unpublished.has(id))
						.map(([id, path]) => at('public-links-unpublished', source, path, { severity: 'warning', message: `'${id}' is not published yet, so the public edition leaves this link out`, fix: 'publish the other postmortem, or remove the link' })),
				);
		},
	},
	{
		id: 'tag-near-duplicate',
		description: 'Tags that look like one word spelled two ways ("db" and "database", "timeout" and "timeouts") are reported, so the vocabulary does not drift.',
		check: ({ postmortems }) => {
			const pairs = nearDuplicateTags(tagCounts(postmortems.map(({ data }) => ({ data: { tags: data.tags ?? [] } }))));
			return pairs.flatMap(({ tag, other, reason }) =>
				postmortems.flatMap(({ source, data }) => {
					const i = data.tags?.indexOf(tag) ?? -1;
					return i < 0 ? [] : [at('tag-near-duplicate', source, ['tags', i], { severity: 'warning', message: `tag '${tag}' looks like '${other}' (${reason})`, fix: `use '${other}', the spelling more postmortems use, or make the two mean different things` })];
				}),
			);
		},
	},
	{
		id: 'todo',
		description: 'TODO placeholders (from `npm run new`) are listed as what is left to fill in: warnings in a draft, errors once in review or published.',
		check: ({ postmortems }) =>
			postmortems.flatMap(({ source, data }) => {
				const severity = data.status === 'draft' || data.status === undefined ? 'warning' : 'error';
				const frontmatterLines = source.raw.split('\n').slice(1, source.bodyLine - 2);
				const lines = [...frontmatterLines.map((text, i) => ({ text, line: i + 2, yaml: true })), ...source.body.split('\n').map((text, i) => ({ text, line: source.bodyLine + i, yaml: false }))];
				const fields = fieldLines(source);
				let section = '';
				return lines.flatMap(({ text, line, yaml }): Problem[] => {
					if (!yaml && /^#{1,6}\s/.test(text)) section = text.replace(/^#+\s*/, '');
					const at = text.indexOf('TODO');
					if (at < 0) return [];
					const path = yaml ? fields.get(line) : undefined;
					const field = path && fieldName(path);
					const hint = text.slice(at + 4).replace(/^[:\s-]+/, '').replace(/["']\s*$/, '').trim();
					const where = field ?? (section ? `section "${section}"` : 'the body');
					return [{
						file: source.file,
						line,
						column: at + 1,
						field,
						rule: 'todo',
						severity,
						message: `${where} is still a placeholder${hint ? `: ${hint}` : ''}`,
						fix: severity === 'warning' ? 'fill it in before the postmortem goes to review' : 'fill it in: a postmortem in review or published may not keep TODOs',
					}];
				});
			}),
	},
	{
		id: 'internal-block',
		description: 'Every <Internal> is spelled so that Markdown reads it as a tag, is closed by </Internal>, and none is nested: anything else would publish its text.',
		check: ({ documents }) => documents.flatMap((doc) => bodyProblems(doc, 'internal-block')),
	},
	{
		id: 'internal-outside-body',
		description: '<Internal> works only in a body: in a frontmatter field or a registry entry it would be published as written.',
		check: ({ postmortems, registries }) => {
			const located: [Located, unknown][] = [
				...postmortems.map(({ source }): [Located, unknown] => [source, source.data]),
				...([[registries.components, registries.componentItems], [registries.causes, registries.causeItems]] as const).filter(([l]) => l).map(([l, items]): [Located, unknown] => [l!, items]),
			];
			return located.flatMap(([source, data]) =>
				stringsIn(data)
					.filter(({ value }) => INTERNAL_LOOKALIKE.test(normalize(value).text))
					.map(({ path }) => at('internal-outside-body', source, path, { severity: 'error', message: `${fieldName(path) || 'this value'} holds <Internal>, which works only in the body: the field would be published as written`, fix: 'keep internal details out of frontmatter fields, or move the sentence into the body inside <Internal>…</Internal>' })),
			);
		},
	},
	{
		id: 'html-removed',
		description: 'Raw HTML that the sanitizer removes from the page (scripts, meta refresh, event handlers, javascript: and data: links) is reported, so the author knows the page differs from the source.',
		// An MDX body's elements are judged by the MDX rules (mdx-rules.ts): a <Callout> is not raw HTML there.
		check: ({ documents }) => documents.filter((doc) => !doc.mdx?.mdx).flatMap((doc) => bodyProblems(doc, 'html-removed')),
	},
	{
		id: 'unknown-note',
		description: 'Every note in notes/components/ or notes/causes/ is named after a component or cause id, or it would never be shown.',
		check: ({ notes, components, causes }) =>
			notes.flatMap(({ kind, target, file }) => {
				const known = kind === 'components' ? components : causes;
				return known.has(target)
					? []
					: [{ file, line: 1, rule: 'unknown-note', severity: 'error' as const, message: `this note is for '${target}', which is not in ${kind}.yml${didYouMean(target, known.keys())}`, fix: `rename the file to an id from ${kind}.yml` }];
			}),
	},
	{
		id: 'body-code',
		description: 'Notes and guides are rendered as Markdown without running code, so MDX imports, exports and {expressions} are refused (postmortems may use MDX: mdx-rules.ts).',
		check: ({ documents }) =>
			documents.filter((doc) => !doc.mdx).flatMap(({ file, body, bodyLine }) => {
				const problems: Problem[] = [];
				let fenced = false;
				body.split('\n').forEach((line, i) => {
					if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
					if (fenced) return;
					const outsideCode = line.replace(/`[^`]*`/g, '').replace(/\\[{}]/g, '');
					const statement = /^(import|export)\s/.test(line);
					if (statement || /\{[^}]*\}/.test(outsideCode)) {
						problems.push({
							file,
							line: bodyLine + i,
							column: 1,
							rule: 'body-code',
							severity: 'error',
							message: statement ? `an MDX ${line.split(/\s/)[0]} statement: bodies do not run code` : 'a {…} expression: bodies do not run code',
							fix: statement ? 'remove it; timeline and action items come from the frontmatter' : 'put the text in `backticks`, or escape the brace as \\{',
						});
					}
				});
				return problems;
			}),
	},
];
