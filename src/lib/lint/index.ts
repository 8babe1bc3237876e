/**
 * `npm run lint`: what must not be published. Secrets (secretlint's recommended preset plus our own
 * patterns), personal and internal data, blameless language (textlint pattern rules) and unsafe MDX,
 * each reported with file:line:column, the rule and a fix.
 *
 * Severity follows publication: in a postmortem that is public and published, findings are errors,
 * except inside <Internal> blocks and internal-only fields, which the public edition never shows.
 * In internal postmortems they are warnings. Unsafe MDX is an error everywhere.
 */
import { lintSource } from '@secretlint/core';
import { creator as secretPatterns } from '@secretlint/secretlint-rule-pattern';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import markdown from '@textlint/textlint-plugin-markdown';
import { TextlintKernel } from '@textlint/kernel';
import textlintPattern from '@textlint-rule/textlint-rule-pattern';
import nlp from 'compromise';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { lintSettingsSchema, type LintSettings } from '../../schemas/lint.ts';
import type { Problem } from '../check/problem.ts';
import { fieldNames, schemaProblems } from '../check/schema-issues.ts';
import { INTERNAL_BLOCK, inEdition } from '../edition.ts';
import { CAUSES_FILE, COMPONENTS_FILE, display, fieldLines, listPostmortemFiles, readPostmortem, readRegistry, type PostmortemSource } from '../source.ts';
import {
	BLAMELESS_RULES,
	DEFAULT_ALLOWED_NAMES,
	DEFAULT_INTERNAL_DOMAINS,
	DEFAULT_INTERNAL_URLS,
	PRIVACY_RULES,
	UNSAFE_RULES,
	type Category,
	type PatternRule,
} from './rules.ts';

export const LINT_FILE = 'lint.yml';

// These packages are CommonJS with a default export; Node's ESM loader and Vite wrap them differently.
const unwrap = <T>(module: T): T => ((module as { default?: T }).default ?? module) as T;

/** lint.yml, validated; a missing file means the defaults. */
export function readLintSettings(dir: string): { settings: LintSettings; problems: Problem[] } {
	const path = join(dir, LINT_FILE);
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return { settings: lintSettingsSchema.parse({}), problems: [] };
	}
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines });
	const parsed = lintSettingsSchema.safeParse(doc.toJS() ?? {});
	if (parsed.success) return { settings: parsed.data, problems: [] };
	const problems = schemaProblems({ file: display(path), doc, lines, lineOffset: 0 }, parsed.error.issues, fieldNames(lintSettingsSchema));
	return { settings: lintSettingsSchema.parse({}), problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

/** The rules that come from settings: internal domains and tool URLs, and the team's own blameless phrases. */
export function settingsRules(settings: LintSettings): PatternRule[] {
	const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const domains = [...DEFAULT_INTERNAL_DOMAINS, ...settings.internalDomains].map((d) => escape(d.replace(/^\./, '')));
	const urls = [...DEFAULT_INTERNAL_URLS, ...settings.internalUrls].map(escape);
	return [
		{
			id: 'privacy/internal-host',
			category: 'privacy',
			description: 'Hostnames under an internal domain (lint.yml internalDomains).',
			pattern: String.raw`\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${domains.join('|')})\b`,
			message: (m) => `internal hostname '${m}'`,
			fix: 'name the system by its role ("a database replica", "the primary load balancer")',
		},
		{
			id: 'privacy/internal-url',
			category: 'privacy',
			description: 'Links to ticket trackers, chat and dashboards (lint.yml internalUrls).',
			pattern: String.raw`https?://[^\s)>\]"']*(?:${urls.join('|')})[^\s)>\]"']*(?<![.,;:!?])`,
			message: (m) => `link to an internal tool '${m}'`,
			fix: 'remove the link; tickets belong in actions[].ticket, which the public edition drops',
		},
		...settings.blameless.map(
			(rule): PatternRule => ({ id: `blameless/${rule.id}`, category: 'blameless', description: rule.message, pattern: rule.pattern, message: (m) => `"${m}": ${rule.message}`, fix: rule.fix }),
		),
	];
}

/**
 * The text of a postmortem as prose, line for line with the file: frontmatter lines keep only their
 * value (so keys are not linted and Markdown sees no indented code), the body stays as it is.
 * `shift[line]` is how many characters were cut from the start of that line.
 */
export function proseView(source: PostmortemSource): { text: string; shift: number[] } {
	const lines = source.raw.split('\n');
	const shift = lines.map(() => 0);
	const text = lines.map((line, i) => {
		const n = i + 1;
		if (n >= source.bodyLine) return line;
		if (n === 1 || n === source.bodyLine - 1) return '';
		const value = /^(\s*(?:-\s+)?(?:[\w.]+:\s*)?(?:[>|][+-]?\s*)?)(.*)$/.exec(line)!;
		shift[i] = value[1].length;
		return value[2].replace(/^["']|["']$/g, ' ');
	});
	return { text: text.join('\n'), shift };
}

interface Finding {
	line: number;
	column: number;
	/** Characters matched, where known. */
	length?: number;
	rule: string;
	category: Category;
	message: string;
	fix: string;
}

function patternFindings(text: string, rules: readonly PatternRule[], skipCode: boolean): Finding[] {
	const findings: Finding[] = [];
	let fenced = false;
	text.split('\n').forEach((line, i) => {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced && skipCode) return;
		for (const rule of rules) {
			for (const match of line.matchAll(new RegExp(rule.pattern, rule.caseSensitive ? 'gu' : 'giu'))) {
				findings.push({ line: i + 1, column: match.index + 1, length: match[0].length, rule: rule.id, category: rule.category, message: rule.message(match[0]), fix: rule.fix });
			}
		}
	});
	return findings;
}

/** Inline `code` blanked out, column for column: writing about a tag is not using it. */
const withoutInlineCode = (text: string) => text.replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));

const SECRET_PATTERNS = [
	{ name: 'a credential assignment', patterns: [String.raw`/\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token)\s*[:=]\s*["']?[^\s"'<>]{6,}/i`] },
	{ name: 'a bearer token', patterns: [String.raw`/\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/`] },
];

async function secretFindings(source: PostmortemSource, path: string): Promise<Finding[]> {
	const result = await lintSource({
		source: { content: source.raw, filePath: path, ext: '.md', contentType: 'text' },
		options: {
			config: {
				rules: [
					{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended, rules: [{ id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } }] },
					{ id: '@secretlint/secretlint-rule-pattern', rule: secretPatterns, options: { patterns: SECRET_PATTERNS } },
				],
			},
		},
	});
	return result.messages.map((m) => ({
		line: m.loc.start.line,
		column: m.loc.start.column + 1,
		rule: `secret/${m.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')}`,
		category: 'secret',
		message: m.message.replace(/: (\S{4})\S+/, ': $1…'),
		fix: 'remove it and rotate the credential now: anything committed must be treated as leaked',
	}));
}

let kernel: TextlintKernel | undefined;
type KernelRule = NonNullable<Parameters<TextlintKernel['lintText']>[1]['rules']>[number];

async function blamelessFindings(text: string, rules: readonly PatternRule[]): Promise<Finding[]> {
	kernel ??= new TextlintKernel();
	const byId = new Map(rules.map((r) => [r.id, r]));
	const result = await kernel.lintText(text, {
		ext: '.md',
		plugins: [{ pluginId: 'markdown', plugin: unwrap(markdown) }],
		// The rule's own option type is stricter than the kernel's generic one; the options below match it.
		rules: rules.map((rule) => ({ ruleId: rule.id, rule: unwrap(textlintPattern) as unknown as KernelRule['rule'], options: { patterns: [{ message: rule.id, pattern: `/${rule.pattern}/iu` }] } })),
	});
	return result.messages.map((m) => {
		const rule = byId.get(m.ruleId)!;
		const line = text.split('\n')[m.line - 1] ?? '';
		const match = new RegExp(rule.pattern, 'iu').exec(line.slice(m.column - 1))?.[0] ?? '';
		return { line: m.line, column: m.column, rule: rule.id, category: 'blameless', message: rule.message(match), fix: rule.fix };
	});
}

const REGION = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|New)\s/;

const FAILURE_VERBS = '(broke|deleted|dropped|forgot|failed|missed|caused|ignored|mistyped|misconfigured|overlooked|neglected|messed)';

const NAME_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'Honorific']);
let lexicon: Record<string, string | string[]> | undefined;

/**
 * Whether a line could hold a name: a capitalized word inside a sentence, or a known name anywhere.
 * compromise takes about 10 ms per postmortem; most lines fail this cheap test and skip it.
 */
function mayHoldName(line: string): boolean {
	lexicon ??= (nlp.world() as unknown as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;
	const words = line.match(/[\p{L}][\p{L}'’-]*|[.!?:]/gu) ?? [];
	return words.some((word, i) => {
		if (!/^\p{Lu}/u.test(word)) return false;
		const startsSentence = i === 0 || /^[.!?:]$/.test(words[i - 1]);
		const tags = [lexicon![word.toLowerCase()] ?? []].flat();
		return !startsSentence || tags.some((tag) => NAME_TAGS.has(tag));
	});
}

/** People's names (compromise) outside the allowlist, and names as the subject of a failure. */
function nameFindings(text: string, allowed: Set<string>): Finding[] {
	const findings: Finding[] = [];
	let fenced = false;
	text.split('\n').forEach((line, i) => {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced || !mayHoldName(line)) return;
		const doc = nlp(line);
		const subjects = new Set((doc.match(`#Person+ ${FAILURE_VERBS}`).json({ offset: true }) as { offset: { start: number }; text: string }[]).map((m) => m.offset.start));
		for (const person of doc.people().json({ offset: true, terms: { tags: true } }) as { text: string; offset: { start: number; length: number }; terms: { tags: string[] }[] }[]) {
			const name = line.slice(person.offset.start, person.offset.start + person.offset.length).replace(/[’']s\b|[^\p{L}]+$/gu, '');
			// A name is capitalized ("grace period" is not one), and "Northern Virginia" is a place, however compromise tags it.
			if (!name.split(/\s+/).every((word) => /^\p{Lu}/u.test(word)) || person.terms.some((t) => t.tags.includes('Place')) || REGION.test(name)) continue;
			if (allowed.has(name.toLowerCase()) || name.split(/\s+/).every((word) => allowed.has(word.toLowerCase()))) continue;
			const column = person.offset.start + 1;
			findings.push({ line: i + 1, column, rule: 'privacy/person-name', category: 'privacy', message: `a person's name, '${name}'`, fix: `use a role ("the on-call engineer", "a database administrator"), or add '${name}' to allowNames in lint.yml if it is not a person` });
			if (subjects.has(person.offset.start)) {
				findings.push({ line: i + 1, column, rule: 'blameless/named-subject', category: 'blameless', message: `'${name}' is the subject of the failure`, fix: 'make the system the subject: "the deploy removed the table because the tool did not ask for confirmation"' });
			}
		}
	});
	return findings;
}

export interface LintOptions {
	/** Lint only what the public edition publishes (public and published postmortems). */
	publishedOnly?: boolean;
	/** Whether action owners are published; if not, their lines count as internal. */
	publicOwners?: boolean;
}

export interface LintResult {
	problems: Problem[];
	files: number;
}

export async function lintArchive(dir: string, options: LintOptions = {}): Promise<LintResult> {
	const { settings, problems } = readLintSettings(dir);
	const registryNames = [COMPONENTS_FILE, CAUSES_FILE].flatMap((file) => readRegistry(dir, file).items.flatMap((item) => Object.values((item ?? {}) as Record<string, unknown>).filter((v): v is string => typeof v === 'string')));
	const teamRules = settingsRules(settings);
	const proseRules = [...PRIVACY_RULES, ...teamRules.filter((r) => r.category !== 'blameless')];
	const blameless = [...BLAMELESS_RULES, ...teamRules.filter((r) => r.category === 'blameless')];
	let files = 0;
	for (const path of listPostmortemFiles(dir)) {
		const { source } = readPostmortem(path);
		if (!source) continue; // npm run check reports unreadable files.
		const published = inEdition(source.data, 'public');
		if (options.publishedOnly && !published) continue;
		files++;
		const organizations = [String((source.data.source as { organization?: unknown } | undefined)?.organization ?? '')];
		const allowed = new Set([...DEFAULT_ALLOWED_NAMES, ...settings.allowNames, ...registryNames, ...organizations].flatMap((name) => [name, ...name.split(/[\s,()]+/)]).map((n) => n.toLowerCase()).filter(Boolean));
		const view = proseView(source);
		const bodyStart = source.bodyLine;
		const bodyOnly = (f: Finding) => f.line >= bodyStart;
		const findings = [
			...(await secretFindings(source, path)),
			...patternFindings(view.text, proseRules, false),
			...(await blamelessFindings(view.text, blameless)),
			...nameFindings(view.text, allowed),
			...patternFindings(withoutInlineCode(source.raw), UNSAFE_RULES, true).filter(bodyOnly),
		];
		// A hostname inside a reported link is the same finding twice.
		const links = findings.filter((f) => f.rule === 'privacy/internal-url');
		const distinct = findings.filter((f) => f.rule !== 'privacy/internal-host' || !links.some((l) => l.line === f.line && f.column >= l.column && f.column < l.column + (l.length ?? 0)));
		const where = internalParts(source, options.publicOwners ?? true);
		problems.push(...distinct.flatMap((f) => toProblem(f, source, view.shift, published, where)));
	}
	const unique = new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}:${p.rule}`, p]));
	return { problems: [...unique.values()].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)), files };
}

/** Where a position is never published: in an internal-only field, in an <Internal> block, or neither. */
function internalParts(source: PostmortemSource, publicOwners: boolean) {
	const starts = [0];
	for (const line of source.raw.split('\n')) starts.push(starts.at(-1)! + line.length + 1);
	const blocks = [...source.raw.matchAll(INTERNAL_BLOCK)].map((m) => [m.index, m.index + m[0].length] as const);
	const fields = new Set<number>();
	for (const [line, path] of fieldLines(source)) {
		const last = path.at(-1);
		if ((path[0] === 'impact' && last === 'revenue') || (path[0] === 'actions' && (last === 'ticket' || (!publicOwners && last === 'owner')))) fields.add(line);
	}
	return (line: number, column: number): 'field' | 'block' | undefined => {
		if (fields.has(line)) return 'field';
		const offset = starts[line - 1] + column - 1;
		return blocks.some(([from, to]) => offset >= from && offset < to) ? 'block' : undefined;
	};
}

function toProblem(f: Finding, source: PostmortemSource, shift: number[], published: boolean, internal: ReturnType<typeof internalParts>): Problem[] {
	// Secrets and unsafe MDX were found in the raw file; the rest in the prose view, whose lines may start later.
	const column = f.column + (f.rule.startsWith('secret/') || f.rule.startsWith('unsafe/') ? 0 : shift[f.line - 1] ?? 0);
	const where = internal(f.line, column);
	// Internal-only fields exist to hold internal links and details: only secrets are worth a word there.
	if (where === 'field' && f.category !== 'secret') return [];
	const severity = f.category === 'unsafe' || (published && !where) ? 'error' : 'warning';
	return [{ file: source.file, line: f.line, column, rule: f.rule, severity, message: f.message, fix: f.fix }];
}
