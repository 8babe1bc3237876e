import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintArchive, readLintSettings, settingsRules } from '../../src/lib/lint/index.ts';
import { BLAMELESS_RULES, PRIVACY_RULES, UNSAFE_RULES } from '../../src/lib/lint/rules.ts';
import type { Problem } from '../../src/lib/check/problem.ts';
import { fixture, lintArchiveOf as archive, lintPostmortem as postmortem, root, run } from '../helpers.ts';

const examples = parse(readFileSync(fixture('lint', 'examples.yml'), 'utf8')) as Record<string, { fail: string[]; pass: string[] }>;

describe('every rule has a failing and a passing example', () => {
	const declared = [
		...[...PRIVACY_RULES, ...BLAMELESS_RULES, ...UNSAFE_RULES, ...settingsRules(readLintSettings(fixture('lint')).settings)].map((r) => r.id),
		'privacy/person-name',
		'blameless/named-subject',
		'secret/aws',
		'secret/github',
		'secret/privatekey',
		'secret/pattern',
	];
	it('in test/fixtures/lint/examples.yml', () => {
		for (const id of new Set(declared)) {
			expect(examples[id]?.fail?.length, `${id} has no failing example`).toBeGreaterThan(0);
			expect(examples[id]?.pass?.length, `${id} has no passing example`).toBeGreaterThan(0);
		}
	});

	const cases = Object.entries(examples).flatMap(([rule, { fail, pass }]) => [
		...fail.map((text, i) => ({ rule, text, expect: 'fail' as const, file: `2025-05-01-${rule.replace('/', '-')}-fail-${i}.mdx` })),
		...pass.map((text, i) => ({ rule, text, expect: 'pass' as const, file: `2025-05-01-${rule.replace('/', '-')}-pass-${i}.mdx` })),
	]);
	let dir: string;
	let problems: Problem[];
	beforeAll(async () => {
		dir = archive(Object.fromEntries(cases.map((c) => [c.file, postmortem(c.text)])));
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it.each(cases.map((c) => [c.rule, c.expect, c.text, c.file]))('%s %s: %s', (rule, expected, _text, file) => {
		const found = problems.filter((p) => p.file.endsWith(file as string) && p.rule === rule);
		if (expected === 'fail') {
			expect(found.length, `${rule} did not report its failing example`).toBeGreaterThan(0);
			expect(found[0].severity).toBe('error');
			expect(found[0].line).toBeGreaterThanOrEqual(20);
			expect(found[0].fix).toBeTruthy();
		} else expect(found).toEqual([]);
	});
});

describe('severity follows publication', () => {
	const leak = 'The key AKIAQ7HLZ3WOXQ4T2P6M sits on pg-main-02.db.larkspur.internal. Root cause: human error.';
	let dir: string;
	let problems: Problem[];
	beforeAll(async () => {
		dir = archive({
			'2025-05-01-public.mdx': postmortem(leak),
			'2025-05-01-internal.mdx': postmortem(leak, { visibility: 'internal' }),
			'2025-05-01-block.mdx': postmortem(`Public text.\n\n<Internal>\n\n${leak}\n\n</Internal>`),
			'2025-05-01-field.mdx': postmortem('Public text.', {
				extra: 'actions:\n  - title: Rotate keys\n    owner: security\n    due: 2025-06-01\n    type: prevent\n    ticket: https://tracker.larkspur.example/SEC-1\n',
			}),
		});
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const rulesIn = (name: string) => problems.filter((p) => p.file.endsWith(name)).map((p) => [p.rule, p.severity]);

	it('errors in a public, published postmortem', () => {
		expect(rulesIn('public.mdx')).toEqual([
			['secret/aws', 'error'],
			['privacy/internal-host', 'error'],
			['blameless/human-error', 'error'],
		]);
	});
	it('warnings in an internal postmortem, and inside an <Internal> block of a public one', () => {
		expect(rulesIn('internal.mdx').map(([, severity]) => severity)).toEqual(['warning', 'warning', 'warning']);
		expect(rulesIn('block.mdx').map(([, severity]) => severity)).toEqual(['warning', 'warning', 'warning']);
	});
	it('nothing for a ticket link in the ticket field, which the public edition drops', () => {
		expect(rulesIn('field.mdx')).toEqual([]);
	});
	it('only published postmortems when asked', async () => {
		const published = await lintArchive(dir, { publishedOnly: true });
		expect(published.files).toBe(3);
		expect(published.problems.some((p) => p.file.endsWith('internal.mdx'))).toBe(false);
	});
});

describe('the learning library is linted as it is published', () => {
	const leak = 'The key AKIAQ7HLZ3WOXQ4T2P6M sits on pg-main-02.db.larkspur.internal. Root cause: human error.';
	const guide = (visibility: string, order: number, body = leak) => `---\ntitle: A guide\ndescription: Teaches one thing.\norder: ${order}\nvisibility: ${visibility}\n---\n\n${body}\n`;
	let dir: string;
	let problems: Problem[];
	beforeAll(async () => {
		dir = archive({
			'2025-05-01-public.mdx': postmortem('Public text.'),
			'2025-05-01-internal.mdx': postmortem('Internal text.', { visibility: 'internal' }),
			'guides/public.mdx': guide('public', 1),
			'guides/internal.mdx': guide('internal', 2),
			'guides/mention.mdx': guide('public', 3, 'We never stop at "human error".'),
			'glossary.yml': `- id: human-error\n  term: Human error\n  definition: A label, not a cause.\n  why: It is where an inquiry starts.\n  pitfall: Stopping there; ask what let it happen, as on pg-gloss-01.db.larkspur.internal.\n  example: 2025-05-01-internal\n`,
			'collections/reading.yml': 'title: Reading\ndescription: Two postmortems.\norder: 1\nitems:\n  - incident: 2025-05-01-public\n    learn: Read it on pg-shown-01.db.larkspur.internal.\n    questions: [One?, Two?]\n  - incident: 2025-05-01-internal\n    learn: Read it on pg-hidden-01.db.larkspur.internal.\n    questions: [One?, Two?]\n',
		});
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const found = (name: string) => problems.filter((p) => p.file.endsWith(name)).map((p) => [p.line, p.rule, p.severity]);

	it('errors in a public guide, warnings in an internal one; a phrase in quotation marks is mentioned, for review', () => {
		expect(found('guides/public.mdx')).toEqual([
			[8, 'secret/aws', 'error'],
			[8, 'privacy/internal-host', 'error'],
			[8, 'blameless/human-error', 'error'],
		]);
		expect(found('guides/internal.mdx').map(([, , severity]) => severity)).toEqual(['warning', 'warning', 'warning']);
		expect(found('guides/mention.mdx')).toEqual([[8, 'blameless/human-error', 'warning']]);
	});
	it('errors in the glossary, which both editions publish, but not for the names it defines or an example the public edition leaves out', () => {
		expect(found('glossary.yml')).toEqual([[5, 'privacy/internal-host', 'error']]);
	});
	it('errors only in the collection items whose postmortem is public', () => {
		expect(found('collections/reading.yml')).toEqual([[6, 'privacy/internal-host', 'error']]);
	});
});

describe('an MDX body is linted as its public edition publishes it', () => {
	it('reads the cells of a graph\'s CSV, which the page publishes', async () => {
		const body = '<Graph data="./hosts.csv" x="host" y="errors" />\n\nText.';
		const dir = archive({ '2025-05-01-graph.mdx': postmortem(body), 'hosts.csv': 'host,errors\npg-csv-01.db.larkspur.internal,3\nweb,1\n10.3.3.3,2\n' });
		const { problems } = await lintArchive(dir);
		// A cell with no letter is read too: an address is digits and dots.
		expect(problems.map((p) => [p.line, p.rule, p.severity]).sort()).toEqual([[20, 'privacy/internal-host', 'error'], [20, 'privacy/private-ip', 'error']]);
		rmSync(dir, { recursive: true, force: true });
	});

	it('errors on a host inside a component, not on one inside <Internal> within it', async () => {
		const body = '<Callout kind="lucky">\nThe replica pg-shown-01.db.larkspur.internal held. <Internal>It was pg-hidden-01.db.larkspur.internal.</Internal>\n</Callout>';
		const dir = archive({ '2025-05-01-mdx.mdx': postmortem(body) });
		const { problems } = await lintArchive(dir);
		expect(problems.map((p) => [p.line, p.rule, p.severity, p.message])).toEqual([
			[21, 'privacy/internal-host', 'error', "internal hostname 'pg-shown-01.db.larkspur.internal'"],
			[21, 'privacy/internal-host', 'warning', "internal hostname 'pg-hidden-01.db.larkspur.internal'"],
		]);
		rmSync(dir, { recursive: true, force: true });
	});
});

it('reports positions in the file for frontmatter text', async () => {
	const dir = archive({ '2025-05-01-front.mdx': postmortem('Body.').replace('summary: An example for one lint rule.', 'summary: The cause was operator error, again.') });
	const { problems } = await lintArchive(dir);
	expect(problems).toMatchObject([{ line: 3, column: 24, field: 'summary', rule: 'blameless/human-error', message: '"operator error" names a person as the cause and ends the inquiry' }]);
	rmSync(dir, { recursive: true, force: true });
});

it('explains a broken lint.yml', () => {
	const dir = archive({});
	writeFileSync(join(dir, 'lint.yml'), 'internalDomain: [x]\nblameless:\n  - id: Bad Id\n    pattern: "(unclosed"\n    message: m\n    fix: f\n');
	const messages = readLintSettings(dir).problems.map((p) => `${p.line}: ${p.message}`);
	expect(messages).toEqual(["1: unknown field 'internalDomain' (did you mean 'internalDomains'?)", "3: blameless[0].id must be kebab-case, got 'Bad Id'", "4: '(unclosed' is not a valid regular expression"]);
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run lint on a public postmortem with an AWS key, an internal hostname, a customer e-mail and "root cause: human error"', () => {
	let dir: string;
	beforeAll(() => {
		dir = archive({
			'2025-05-01-leaky.mdx': postmortem(
				'The deploy user had key AKIAQ7HLZ3WOXQ4T2P6M.\nIt ran on pg-main-02.db.larkspur.internal.\nThe first report came from jane.doe@example.com.\nRoot cause: human error.',
			),
		});
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('fails with file:line:column, the rule and a fix for each', () => {
		const result = run(['scripts/lint.ts'], { HINDSIGHT_CONTENT_DIR: dir });
		expect(result.status).toBe(1);
		for (const [line, rule] of [[20, 'secret/aws'], [21, 'privacy/internal-host'], [22, 'privacy/email'], [23, 'blameless/human-error']] as const) {
			expect(result.stdout).toMatch(new RegExp(`2025-05-01-leaky\\.mdx:${line}:\\d+  error  .*\\[${rule.replace('/', '\\/')}\\]\\n    fix: `));
		}
		expect(result.stdout).toContain('✖ 4 errors');
	});

	it('stops build:public before anything is built', () => {
		const out = join(dir, 'site');
		const result = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out], { HINDSIGHT_CONTENT_DIR: dir, HINDSIGHT_EDITION: 'public' });
		expect(result.status).toBe(1);
		expect(result.output).toMatch(/2025-05-01-leaky\.mdx:20:\d+  error  found AWS/);
		expect(result.output).toContain('The public edition was not built');
		expect(result.output).not.toMatch(/\n\s+at [\w.<]+ \(/);
	});
});
