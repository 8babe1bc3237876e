/**
 * How complete a postmortem is, 0–100, by a fixed rubric: what a review meeting would ask for
 * before calling a write-up done. The rubric is data (id, points, what it asks), so the incident
 * page, the insights and `npm run check -- --incomplete` all say the same thing about the same file.
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import { analyzeMdx, mdxTree } from '../mdx/analyze.ts';
import { postmortemSchema, type Postmortem } from '../../schemas/postmortem.ts';
import type { CheckResult } from '../check/index.ts';

type Node = MdastNode & { children?: Node[]; value?: string; depth?: number };

const DAY = 86_400_000;
const text = (node: Node): string => (node.value ?? '') + (node.children ?? []).map(text).join(' ');
const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/**
 * The level-two headings of a body that have something written under them: at least three words
 * that are not a TODO placeholder. Lower-cased, as the rubric compares them.
 */
export function writtenSections(body: string): string[] {
	// An MDX body's components hold their text as children; Markdown would read them as raw HTML.
	const mdx = analyzeMdx(body);
	const tree = (mdx.mdx && !mdx.error ? mdxTree(body) : markdownToMdast(body, { features: { frontmatter: false } })) as Node;
	const sections: string[] = [];
	let current: { heading: string; words: number } | undefined;
	const close = () => current && current.words >= 3 && sections.push(current.heading);
	for (const node of tree.children ?? []) {
		if (node.type === 'heading' && node.depth === 2) {
			close();
			current = { heading: text(node).trim().toLowerCase(), words: 0 };
		} else if (current && node.type !== 'html') {
			current.words += words(text(node).replace(/TODO:?[^.\n]*/g, '')).length;
		}
	}
	close();
	return sections;
}

export interface RubricInput {
	data: Postmortem;
	/** writtenSections() of the body. */
	sections: readonly string[];
}

export interface RubricItem {
	id: string;
	points: number;
	/** What the item asks for, as the report lists it when it is missing. */
	description: string;
	check(input: RubricInput): boolean;
}

const has = (sections: readonly string[], start: string) => sections.some((s) => s.startsWith(start));

export const RUBRIC: RubricItem[] = [
	{
		id: 'impact-quantified',
		points: 10,
		description: 'impact quantified: users affected, SLOs breached, error budget or support tickets',
		check: ({ data: { impact } }) => impact.usersAffected !== undefined || Boolean(impact.slosBreached?.length) || impact.errorBudgetConsumed !== undefined || impact.supportTickets !== undefined,
	},
	{
		id: 'timeline-milestones',
		points: 15,
		description: 'a timeline with its detection and mitigation events',
		check: ({ data }) => data.timeline.some((t) => t.kind === 'detection') && data.timeline.some((t) => t.kind === 'mitigation'),
	},
	{
		id: 'causes',
		points: 10,
		description: 'a trigger and at least one contributing factor',
		check: ({ data }) => data.causes.contributing.length > 0,
	},
	{
		id: 'root-cause',
		points: 15,
		description: 'a root-cause analysis (the "Root cause" section written)',
		check: ({ sections }) => has(sections, 'root cause'),
	},
	{
		id: 'actions-owned',
		points: 15,
		description: 'action items, each with an owner and a due day',
		check: ({ data }) => data.actions.length > 0 && data.actions.every((a) => a.owner && a.due),
	},
	{
		id: 'lessons',
		points: 5,
		description: 'lessons learned',
		check: ({ sections }) => has(sections, 'lessons'),
	},
	{
		id: 'lucky',
		points: 5,
		description: 'where we got lucky',
		check: ({ sections }) => has(sections, 'where we got lucky'),
	},
	{
		id: 'review',
		points: 10,
		description: 'a review meeting held (review: date and attendees)',
		check: ({ data }) => data.review !== undefined,
	},
	{
		id: 'published-in-a-week',
		points: 15,
		description: 'published within 7 days of resolution',
		check: ({ data }) => data.status === 'published' && data.published !== undefined && new Date(`${data.published}T00:00:00Z`).getTime() - new Date(`${data.resolved.at.toISOString().slice(0, 10)}T00:00:00Z`).getTime() <= 7 * DAY,
	},
];

export interface Completeness {
	score: number;
	missing: Pick<RubricItem, 'id' | 'points' | 'description'>[];
}

export function completeness(input: RubricInput): Completeness {
	const missing = RUBRIC.filter((item) => !item.check(input)).map(({ id, points, description }) => ({ id, points, description }));
	return { score: 100 - missing.reduce((sum, m) => sum + m.points, 0), missing };
}

/** For `npm run check -- --incomplete`: our valid postmortems below 100, lowest first, each with what it lacks. */
export function incompleteReport({ context }: Pick<CheckResult, 'context'>): string {
	const scored = context.postmortems.flatMap(({ source }) => {
		const parsed = postmortemSchema.safeParse(source.data);
		if (!parsed.success || parsed.data.source) return [];
		return [{ file: source.file, ...completeness({ data: parsed.data, sections: writtenSections(source.body) }) }];
	});
	const incomplete = scored.filter((s) => s.score < 100).sort((a, b) => a.score - b.score || a.file.localeCompare(b.file));
	if (incomplete.length === 0) return `✔ All ${scored.length} of our postmortems are complete by the rubric.`;
	const lines = incomplete.map((s) => `${s.file}: ${s.score}/100\n${s.missing.map((m) => `  - missing ${m.description} (${m.points})`).join('\n')}`);
	return `${incomplete.length} of ${scored.length} of our postmortems are incomplete:\n\n${lines.join('\n\n')}`;
}
