/**
 * `npm run lint`: what must not be published. Secrets (secretlint's recommended preset and the
 * gitleaks-style rules of secrets.ts, plus an entropy check), personal and internal data, blameless
 * language and unsafe markup, each reported with file:line:column, the rule and a fix.
 *
 * The lint reads what a page would show (segments.ts): decoded text from the parsed frontmatter,
 * body, notes and registries, split into what the public edition publishes and what it drops.
 * Findings are errors in published text of a public, published postmortem (or a public note, or a
 * registry entry such a postmortem names), warnings everywhere else. Unsafe markup is an error
 * everywhere. A quotation (a blockquote, or quoted words in another organization's summary) and a
 * name that only the language model suspects are warnings: both are for review, not for stopping.
 */
import { lintSource } from '@secretlint/core';
import { creator as secretPatterns } from '@secretlint/secretlint-rule-pattern';
import { rules as recommendedRules } from '@secretlint/secretlint-rule-preset-recommend';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toKebab } from '../../schemas/common.ts';
import type { LintSettings } from '../../schemas/lint.ts';
import type { Problem } from '../check/problem.ts';
import { inEdition, noteInEdition } from '../edition.ts';
import { readNotes } from '../notes.ts';
import { analyzeMdx, besideFile, importProblem, readsAsMdx, type MdxAnalysis } from '../mdx/analyze.ts';
import { mdxBodyAnalysis } from '../mdx/texts.ts';
import { COLLECTIONS_DIR, GLOSSARY_FILE, readCollections, readGlossary, readGuides } from '../learn/source.ts';
import { analyzeBody, bodyPosition, within, type BodyAnalysis } from '../publish/body.ts';
import { normalize } from '../publish/text.ts';
import { readCsv } from '../mdx/graph.ts';
import { CAUSES_FILE, COMPONENTS_FILE, idOf, listPostmortemFiles, readPostmortem, readRegistry } from '../source.ts';
import { findNames } from './names.ts';
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
import { findSecrets } from './secrets.ts';
import { readLintSettings } from './settings.ts';
import { bodySegments, frontmatterSegments, publicData, type Segment } from './segments.ts';

export { LINT_FILE, readLintSettings } from './settings.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The rules that come from settings: internal domains and tool URLs, and the team's own blameless phrases. */
export function settingsRules(settings: LintSettings): PatternRule[] {
	const publicUrls = new Set(settings.publicUrls.map((u) => u.toLowerCase()));
	const domains = [...DEFAULT_INTERNAL_DOMAINS, ...settings.internalDomains].map((d) => escape(d.replace(/^\./, '')));
	const urls = [...DEFAULT_INTERNAL_URLS.filter((u) => !publicUrls.has(u.toLowerCase())), ...settings.internalUrls].map(escape);
	const rules: PatternRule[] = [
		{
			id: 'privacy/internal-host',
			category: 'privacy',
			description: 'Hostnames under an internal domain (lint.yml internalDomains).',
			pattern: String.raw`\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${domains.join('|')})\b`,
			message: (m) => `internal hostname '${m}'`,
			fix: 'name the system by its role ("a database replica", "the primary load balancer")',
		},
		...(urls.length
			? [
					{
						id: 'privacy/internal-url',
						category: 'privacy' as const,
						description: 'Links to ticket trackers, chat and dashboards (lint.yml internalUrls; publicUrls removes a default).',
						pattern: String.raw`https?://[^\s)>\]"']*(?:${urls.join('|')})[^\s)>\]"']*(?<![.,;:!?])`,
						message: (m: string) => `link to an internal tool '${m}'`,
						fix: 'remove the link; tickets belong in actions[].ticket, which the public edition drops. If this host is public for you, add it to publicUrls in lint.yml',
					},
				]
			: []),
		...settings.blameless.map(
			(rule): PatternRule => ({ id: `blameless/${rule.id}`, category: 'blameless', description: rule.message, pattern: rule.pattern, message: (m) => `"${m}": ${rule.message}`, fix: rule.fix }),
		),
	];
	return rules.filter((rule) => !settings.disableRules.includes(rule.id));
}

interface Finding {
	segment: Segment;
	index: number;
	/** What was matched: findings of one rule on the same text are reported once per file. */
	text: string;
	rule: string;
	category: Category;
	message: string;
	fix: string;
	/** A finding for review rather than a stop: a quotation, a name only the language model suspects. */
	soft?: boolean;
}

// These packages are CommonJS with a default export; Node's ESM loader and Vite wrap them differently.
const unwrap = <T>(module: T): T => ((module as { default?: T }).default ?? module) as T;

const SECRET_PATTERNS = [
	{ name: 'a credential assignment', patterns: [String.raw`/\b(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)\s*[:=]\s*["']?[^\s"'<>]{6,}/i`] },
	{ name: 'a bearer token', patterns: [String.raw`/\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/`] },
];

/**
 * secretlint's recommended rules, registered one by one rather than as the preset: the preset's
 * comment filter honours secretlint-disable comments, and secretlint does not let a preset's rule be
 * disabled. Inside a postmortem nothing may switch detection off; allowSecrets in lint.yml does that, reviewed.
 */
const SECRETLINT_CONFIG = {
	rules: [
		...unwrap(recommendedRules)
			.filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
			.map((rule) => ({ id: rule.meta.id, rule, options: rule.meta.id === '@secretlint/secretlint-rule-aws' ? { enableIDScanRule: true } : undefined })),
		{ id: '@secretlint/secretlint-rule-pattern', rule: unwrap(secretPatterns), options: { patterns: SECRET_PATTERNS } },
	],
};

const SECRET_FIX = 'remove it and rotate the credential now: anything committed must be treated as leaked';

/** secretlint over all of a document's text at once, one segment per line block, mapped back to the segments. */
async function secretlintFindings(segments: Segment[], path: string): Promise<Finding[]> {
	const starts: number[] = [];
	let content = '';
	for (const segment of segments) {
		starts.push(content.length);
		content += `${segment.text}\n\n`;
	}
	const result = await lintSource({ source: { content, filePath: path, ext: '.md', contentType: 'text' }, options: { config: SECRETLINT_CONFIG as never } });
	return result.messages.flatMap((m) => {
		const at = m.range[0];
		const i = starts.findLastIndex((s) => s <= at);
		if (i < 0) return [];
		return [{ segment: segments[i], index: at - starts[i], text: content.slice(m.range[0], m.range[1]), rule: `secret/${m.ruleId.replace(/^@secretlint\/secretlint-rule-/, '')}`, category: 'secret' as const, message: m.message.replace(/: (\S{4})\S+/, ': $1…'), fix: SECRET_FIX }];
	});
}

const URLS = /\b(?:https?:\/\/|www\.)\S+/giu;
/** URLs blanked out, column for column: "human-error" in a link's slug is not the author's wording. */
const withoutUrls = (text: string) => text.replace(URLS, (url) => ' '.repeat(url.length));

/** Whether a position falls between quotation marks of its segment: the words of the source being summarized. */
function inQuotes(text: string, index: number): boolean {
	const before = text.slice(0, index);
	const straight = (before.match(/"/g) ?? []).length % 2 === 1 && text.indexOf('"', index) >= 0;
	const curly = before.lastIndexOf('“') > before.lastIndexOf('”') && text.indexOf('”', index) >= 0;
	return straight || curly;
}

/** A line break inside a secret ("sk_live_ab\ncd…") still publishes it whole; look again with lines joined. */
function splitSecrets(segment: Segment): Finding[] {
	if (!/\n/.test(segment.text)) return [];
	const map: number[] = [];
	let joined = '';
	const text = segment.text;
	for (let i = 0; i < text.length; i++) {
		if (/[ \t]*\r?\n[ \t]*/y.test(text.slice(i, i + 1)) && text[i] === '\n') {
			while (joined.length && /[ \t]/.test(joined.at(-1)!)) (joined = joined.slice(0, -1)), map.pop();
			while (i + 1 < text.length && /[ \t]/.test(text[i + 1])) i++;
			continue;
		}
		joined += text[i];
		map.push(i);
	}
	return findSecrets(joined).map((d) => ({ segment, index: map[d.index], text: d.text, rule: d.rule, category: 'secret', message: d.message, fix: d.fix }));
}

function patternFindings(segment: Segment, rules: readonly PatternRule[], text = segment.text): Finding[] {
	return rules.flatMap((rule) =>
		[...text.matchAll(new RegExp(rule.pattern, rule.caseSensitive ? 'gu' : 'giu'))].map((match) => ({ segment, index: match.index, text: match[0], rule: rule.id, category: rule.category, message: rule.message(match[0]), fix: rule.fix })),
	);
}

/** For an offset into a body, a segment position function that always answers the file position of that offset. */
const positionAt = (body: string, bodyLine: number) => {
	const position = bodyPosition(body);
	return (offset: number): Segment['position'] => () => {
		const { line, column } = position(offset);
		return { line: line + bodyLine - 1, column };
	};
};

/** Unsafe markup the body analysis found: tags and attributes that run code, load content or redirect. */
function unsafeMarkup(analysis: BodyAnalysis, segments: Segment[], position: (offset: number) => Segment['position']): Finding[] {
	const findings: Finding[] = [];
	for (const issue of analysis.issues) {
		if (issue.rule !== 'html-removed' || !issue.unsafe) continue;
		const attribute = /attribute|link/.test(issue.removed ?? '');
		findings.push({
			segment: { text: '', kind: 'html', published: true, quoted: false, position: position(issue.offset) },
			index: 0,
			text: issue.removed ?? '',
			rule: attribute ? 'unsafe/event-handler' : 'unsafe/script',
			category: 'unsafe',
			message: `${issue.removed} would run code, load content or send readers elsewhere`,
			fix: issue.fix,
		});
	}
	for (const segment of segments) {
		if (segment.image && /^\s*(?:[a-z][\w+.-]*:|\/\/)/i.test(segment.text)) {
			findings.push({ segment, index: 0, text: segment.text, rule: 'unsafe/remote-image', category: 'unsafe', message: 'an image loaded from another site', fix: 'download the image into the repository and reference it locally, or link to it' });
		}
	}
	return findings;
}

/**
 * Unsafe patterns in text. Body markup was judged structurally (unsafeMarkup); an MDX body's code
 * is script (mdx/texts.ts), and in prose only MDX code of a body read as Markdown can hide. Frontmatter and registry text is checked for
 * markup too: it has no business there.
 */
const unsafeRulesFor = (segment: Segment) =>
	segment.field ? UNSAFE_RULES.filter((r) => r.id !== 'unsafe/remote-image') : segment.kind === 'prose' || segment.kind === 'script' ? UNSAFE_RULES.filter((r) => r.id === 'unsafe/code-access' || r.id === 'unsafe/import') : segment.kind === 'html' ? UNSAFE_RULES.filter((r) => r.id === 'unsafe/code-access') : [];

/** A name followed by one of these is the subject of the failure: "Bob deleted the table". */
const FAILURE_VERB = /^\s+(?:broke|deleted|dropped|forgot|failed|missed|caused|ignored|mistyped|misconfigured|overlooked|neglected|messed)\b/i;

interface Detectors {
	/** Ids of postmortems the public edition does not build: naming one in published text gives it away. */
	unpublished: Set<string>;
	privacy: PatternRule[];
	blameless: PatternRule[];
	allowed: Set<string>;
	allowSecrets: Set<string>;
}

/** Every finding in a document's segments. */
async function findingsIn(segments: Segment[], path: string, detectors: Detectors, options: { external: boolean; allowed: Set<string>; mentions?: boolean }): Promise<Finding[]> {
	const findings: Finding[] = [...(await secretlintFindings(segments, path))];
	for (const segment of segments) {
		findings.push(...findSecrets(segment.text).map((d): Finding => ({ segment, index: d.index, text: d.text, rule: d.rule, category: 'secret', message: d.message, fix: d.fix })));
		findings.push(...splitSecrets(segment));
		// Another organization's write-up may live on a status page or a shared document; a host under our internal domains is never public.
		const privacy = segment.publicLink ? detectors.privacy.filter((r) => r.id !== 'privacy/internal-url') : detectors.privacy;
		findings.push(...patternFindings(segment, privacy));
		// Decoded percent-escapes hide hosts and addresses in links just as entities do in text.
		if (segment.kind === 'url' && segment.text.includes('%')) {
			try {
				const decoded = decodeURIComponent(segment.text);
				findings.push(...patternFindings(segment, privacy, decoded).map((f) => ({ ...f, index: 0 })));
			} catch {
				// Not valid percent-encoding: the browser shows it as written, already linted.
			}
		}
		for (const match of segment.text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
			if (!detectors.unpublished.has(match[0].toLowerCase())) continue;
			findings.push({ segment, index: match.index, text: match[0], rule: 'privacy/internal-postmortem', category: 'privacy', message: `'${match[0]}' is a postmortem the public edition does not publish`, fix: 'remove the link or the mention; the public edition has no page for it, and its id says what it is about' });
		}
		if (segment.kind === 'code' || segment.kind === 'url') continue;
		findings.push(...patternFindings(segment, unsafeRulesFor(segment)));
		if (segment.kind === 'script') continue;
		const prose = withoutUrls(segment.masked ?? segment.text);
		findings.push(
			...patternFindings(segment, detectors.blameless, prose).map((f) => ({ ...f, soft: segment.quoted || ((options.external || options.mentions) && inQuotes(segment.text, f.index)) })),
		);
		for (const name of findNames(prose, { allowed: options.allowed })) {
			// A word that is the subject of a failure verb is acting as a person, whatever the model says.
			const subject = FAILURE_VERB.test(prose.slice(name.index + name.length));
			const soft = name.strength === 'guess' && !subject;
			findings.push({ segment, index: name.index, text: name.text, rule: name.rule, category: 'privacy', message: name.message, fix: name.fix, soft });
			if (subject) {
				findings.push({ segment, index: name.index, text: name.text, rule: 'blameless/named-subject', category: 'blameless', message: `'${name.text}' is the subject of the failure`, fix: 'make the system the subject: "the deploy removed the table because the tool did not ask for confirmation"' });
			}
		}
	}
	// A hostname inside a reported link, or a secret inside one another rule found, is the same finding twice.
	const covers = (outer: Finding, inner: Finding) => outer !== inner && outer.segment === inner.segment && inner.index >= outer.index && inner.index + inner.text.length <= outer.index + outer.text.length;
	const links = findings.filter((f) => f.rule === 'privacy/internal-url');
	const secrets = findings.filter((f) => f.category === 'secret');
	const repeated = (f: Finding) =>
		(f.rule === 'privacy/internal-host' && links.some((l) => covers(l, f))) ||
		(f.category === 'secret' && secrets.some((other) => covers(other, f) && (other.text.length > f.text.length || secrets.indexOf(other) < secrets.indexOf(f))));
	return findings.filter((f) => !repeated(f) && (f.category !== 'secret' || !detectors.allowSecrets.has(f.text.trim())));
}

/** One problem per rule and distinct text in a file, the most severe first: a sentence repeated in summary, timeline and body is one finding. */
function toProblems(findings: Finding[], file: string, published: boolean): Problem[] {
	const problems = new Map<string, Problem>();
	const ranked = findings
		.map((f) => {
			// Fields the public edition drops exist to hold internal links and details: only secrets are worth a word there.
			if (f.segment.dropped && f.category !== 'secret') return undefined;
			const shown = published && f.segment.published;
			const severity: Problem['severity'] = f.category === 'unsafe' || (shown && !f.soft) ? 'error' : 'warning';
			const { line, column } = f.segment.position(f.index);
			return { key: `${f.rule}\u0000${f.text.trim().toLowerCase()}`, problem: { file, line, column, field: f.segment.field, rule: f.rule, severity, message: f.message, fix: f.fix } satisfies Problem };
		})
		.filter((x) => x !== undefined)
		.sort((a, b) => (a.problem.severity === b.problem.severity ? a.problem.line - b.problem.line || a.problem.column - b.problem.column : a.problem.severity === 'error' ? -1 : 1));
	for (const { key, problem } of ranked) if (!problems.has(key)) problems.set(key, problem);
	return [...problems.values()];
}

export interface LintOptions {
	/** Lint only what the public edition publishes (public and published postmortems). */
	publishedOnly?: boolean;
	/** Whether action owners and component teams are published; if not, those fields count as dropped. */
	publicOwners?: boolean;
	/** The team's components folder, whose default imports an MDX body may hold (the check judges them). */
	componentsDir?: string;
}

export interface LintResult {
	problems: Problem[];
	files: number;
}

const lowerWords = (names: string[]) => names.flatMap((name) => [name, ...name.split(/[\s,()/]+/)]).map((n) => n.toLowerCase().trim()).filter(Boolean);

/** Every cell of the CSVs an MDX body's <Graph>s draw, as published text at the element's line. */
function graphSegments(mdx: MdxAnalysis, body: string, bodyLine: number, path: string, dir: string, analysis: BodyAnalysis): Segment[] {
	const lineStarts = [0, ...[...body.matchAll(/\n/g)].map((m) => m.index! + 1)];
	return mdx.elements
		.filter((e) => e.name === 'Graph')
		.flatMap((e) => {
			const data = e.attributes.find((a) => a.name === 'data')?.value;
			const file = typeof data === 'string' ? besideFile(path, data, dir) : 'outside';
			if (file === 'outside' || file === 'missing') return []; // the check reports it
			const csv = readCsv(readFileSync(file, 'utf8'));
			if ('error' in csv) return [];
			// Inside <Internal>, the graph is not in the public edition.
			const offset = (lineStarts[e.line - 1] ?? 0) + e.column - 1;
			const published = !within(analysis.internal, offset) && !within(analysis.dropped ?? [], offset);
			const at = { line: bodyLine + e.line - 1, column: e.column };
			// The columns the graph draws and its table shows: x and y.
			const value = (name: string) => e.attributes.find((a) => a.name === name)?.value;
			const shown = [value('x'), ...String(value('y') ?? '').split(',')].map((c) => String(c ?? '').trim()).filter((c) => csv.columns.includes(c));
			// Every cell: addresses and phone numbers have no letters.
			return [...shown, ...csv.rows.flatMap((r) => shown.map((c) => r[c]))]
				.filter((cell) => cell.trim() !== '')
				.map((cell): Segment => ({ text: normalize(cell).text, kind: 'prose', published, quoted: false, field: `<Graph data="${data}">`, position: () => at }));
		});
}

export async function lintArchive(dir: string, options: LintOptions = {}): Promise<LintResult> {
	const publicOwners = options.publicOwners ?? true;
	const { settings, problems } = readLintSettings(dir);
	const registries = [COMPONENTS_FILE, CAUSES_FILE].map((file) => ({ file, ...readRegistry(dir, file) }));
	// Component and cause names and teams look like names to a language model; descriptions are prose, and never widen the allowlist.
	const registryNames = registries.flatMap(({ items }) => items.flatMap((item) => ['id', 'name', 'team'].map((key) => (item as Record<string, unknown> | null)?.[key]).filter((v): v is string => typeof v === 'string')));
	const teamRules = settingsRules(settings);
	const enabled = (rule: PatternRule) => !settings.disableRules.includes(rule.id);
	const paths = listPostmortemFiles(dir);
	const sources = paths.flatMap((path) => {
		const { source } = readPostmortem(path);
		return source ? [{ path, source }] : []; // npm run check reports unreadable files.
	});
	const publishedIds = new Set(sources.filter(({ source }) => inEdition(source.data, 'public')).map(({ source }) => source.id));
	const detectors: Detectors = {
		// Unreadable files count too: their ids are no more public than the rest.
		unpublished: new Set(paths.map(idOf).filter((id) => !publishedIds.has(id))),
		privacy: [...PRIVACY_RULES.filter(enabled), ...teamRules.filter((r) => r.category !== 'blameless')],
		blameless: [...BLAMELESS_RULES.filter(enabled), ...teamRules.filter((r) => r.category === 'blameless')],
		allowed: new Set(lowerWords([...DEFAULT_ALLOWED_NAMES, ...settings.allowNames, ...registryNames])),
		allowSecrets: new Set(settings.allowSecrets),
	};
	const lint = async (segments: Segment[], path: string, file: string, published: boolean, external: boolean, organization = '', mentions = false) => {
		const allowed = organization ? new Set([...detectors.allowed, ...lowerWords([organization])]) : detectors.allowed;
		const findings = (await findingsIn(segments, path, detectors, { external, allowed, mentions })).filter((f) => !settings.disableRules.includes(f.rule));
		problems.push(...toProblems(findings, file, published));
	};

	let files = 0;
	const named = { components: new Set<string>(), causes: new Set<string>() };
	for (const { path, source } of sources) {
		const published = publishedIds.has(source.id);
		if (published) {
			// Ids as the schema reads them ("CHECKOUT" names checkout).
			for (const id of [source.data.components].flat()) named.components.add(toKebab(String(id)));
			const causes = (source.data.causes ?? {}) as { trigger?: unknown; contributing?: unknown };
			for (const id of [causes.trigger, causes.contributing].flat()) named.causes.add(toKebab(String(id)));
		}
		if (options.publishedOnly && !published) continue;
		files++;
		const organization = String((source.data.source as { organization?: unknown } | undefined)?.organization ?? '');
		const external = Boolean(source.data.source);
		const mdx = analyzeMdx(source.body);
		// Read as the loader will build it: an MDX body from its MDX tree, anything else as Markdown.
		const components = options.componentsDir ?? join(dir, 'components');
		const analysis = readsAsMdx(path, mdx) ? mdxBodyAnalysis(source.body, { allowedImport: (statement) => !importProblem(statement, path, components) }) : analyzeBody(source.body);
		const segments = [...frontmatterSegments(source, publicData(source.data, publicOwners, publishedIds), { external }), ...bodySegments(source.body, source.bodyLine, analysis)];
		// A graph publishes its CSV's cells: they are read like the body's text, at the <Graph>'s line.
		if (mdx.mdx) segments.push(...graphSegments(mdx, source.body, source.bodyLine, path, dir, analysis));
		await lint(segments, path, source.file, published, external, organization);
		// An MDX body's elements are components, judged by the check's MDX rules, which refuse unsafe HTML there.
		if (!mdx.mdx) problems.push(...toProblems(unsafeMarkup(analysis, segments, positionAt(source.body, source.bodyLine)), source.file, published));
	}

	// Registries and notes reach the pattern pages: an entry is published when a published postmortem names it.
	for (const { file, located, items } of registries) {
		if (!located) continue;
		const kind = file === COMPONENTS_FILE ? 'components' : 'causes';
		const shown = items.map((item) => {
			const entry = (item ?? {}) as Record<string, unknown>;
			if (!named[kind].has(toKebab(String(entry.id)))) return undefined;
			const { team: _, ...rest } = entry;
			return publicOwners ? entry : rest;
		});
		const segments = frontmatterSegments(located, shown as unknown as Record<string, unknown>, { external: false }).map((s) => ({ ...s, dropped: false }));
		await lint(segments, join(dir, file), located.file, true, false);
	}
	for (const note of readNotes(dir).notes) {
		const published = noteInEdition(note.data, 'public');
		if (options.publishedOnly && !published) continue;
		const analysis = analyzeBody(note.body);
		const segments = [...(note.located ? frontmatterSegments(note.located, undefined, { external: false }) : []), ...bodySegments(note.body, note.bodyLine, analysis)];
		await lint(segments, note.path, note.file, published, false);
		problems.push(...toProblems(unsafeMarkup(analysis, segments, positionAt(note.body, note.bodyLine)), note.file, published));
	}
	// The learning library reaches pages too: public guides like public notes, the glossary in
	// both editions, and of a collection the items whose postmortem the public edition builds.
	// Guides teach the vocabulary, so a phrase in quotation marks ("human error") is mentioned, not
	// used: a warning to review, as in another organization's summary.
	for (const guide of readGuides(dir).guides) {
		const published = noteInEdition(guide.raw, 'public');
		if (options.publishedOnly && !published) continue;
		const analysis = analyzeBody(guide.body);
		const segments = [...frontmatterSegments(guide.located, undefined, { external: false }), ...bodySegments(guide.body, guide.bodyLine, analysis)];
		await lint(segments, guide.path, guide.file, published, false, '', true);
		problems.push(...toProblems(unsafeMarkup(analysis, segments, positionAt(guide.body, guide.bodyLine)), guide.file, published));
	}
	const glossary = readGlossary(dir);
	if (glossary.located) {
		const raw = glossary.located.doc.toJS() as unknown;
		// An example that the public edition does not build is not shown there (glossaryPage drops it).
		const shown = Array.isArray(raw) ? raw.map((term: Record<string, unknown> | null) => (term && typeof term.example === 'string' && !publishedIds.has(term.example) ? { ...term, example: undefined } : term)) : raw;
		// A term's own names (id, term, aliases, see) name what it defines, "Human error" included:
		// checked for secrets and hosts as code is, not for wording.
		const naming = /^\[\d+\]\.(?:id|term|aliases(?:\[\d+\])?|see(?:\[\d+\])?)$/;
		const segments = frontmatterSegments(glossary.located, shown as Record<string, unknown>, { external: false }).map((s) => (naming.test(s.field ?? '') ? { ...s, kind: 'code' as const } : s));
		await lint(segments, join(dir, GLOSSARY_FILE), glossary.located.file, true, false, '', true);
	}
	for (const collection of readCollections(dir).collections) {
		const items = collection.data.items.map((item) => (publishedIds.has(item.incident) ? item : undefined));
		const published = items.some(Boolean);
		if (options.publishedOnly && !published) continue;
		const raw = collection.located.doc.toJS() as Record<string, unknown>;
		const shown = { ...raw, items: (raw.items as unknown[]).map((item, i) => (items[i] ? item : undefined)) };
		await lint(frontmatterSegments(collection.located, shown, { external: false }), join(dir, COLLECTIONS_DIR, `${collection.id}.yml`), collection.file, published, false);
	}
	return { problems: problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)), files };
}
