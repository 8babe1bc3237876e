/**
 * The lint judges what the public edition would publish. Each case below is a leak that got past
 * the earlier lint (through structure, encodings, a comment that silenced it, a note or a registry)
 * or a false alarm it raised on real public postmortems.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/check/problem.ts';
import { lintArchive } from '../../src/lib/lint/index.ts';
import { generator, seededLeaks } from '../fixtures/lint/seeded-leaks.ts';
import { lintArchiveOf as archive, lintPostmortem as postmortem, run } from '../helpers.ts';

// Fake credentials of real shapes, built at run time so that none sits in the repository as a literal.
const r = generator(7);
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const AWS_KEY = ['AKIA', r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)].join('');
const STRIPE = ['sk', 'live', r.chars(B62, 24)].join('_');
const GOOGLE = ['AI', 'za', r.chars(`${B62}-_`, 35)].join('');

const lines = (problems: Problem[], file: string) => problems.filter((p) => p.file.endsWith(file)).map((p) => [p.line, p.rule, p.severity]);

describe('what the public edition publishes, however it is written', () => {
	let dir: string;
	let problems: Problem[];
	beforeAll(async () => {
		dir = archive({
			// "<Internal>" in a YAML comment and in the summary made the old lint treat the body as internal.
			'2025-05-01-mention.mdx': postmortem('Reported first by jane.doe@example.com.', { extra: '# see <Internal> blocks below\n' }).replace('summary: An example for one lint rule.', 'summary: Explains how <Internal> blocks work.'),
			// A one-line action: the title is published, only the ticket is dropped.
			'2025-05-01-flow.mdx': postmortem('Body.', { extra: 'actions:\n  - { ticket: "https://tracker.larkspur.example/OPS-1", title: "Drain pg-main-02.db.larkspur.internal", owner: sre, due: 2025-06-01, type: prevent }\n' }),
			'2025-05-01-entities.mdx': postmortem('It ran on pg-main-02&#46;db&#46;larkspur&#46;internal and mailed jane&#64;example&#46;com.'),
			'2025-05-01-zero-width.mdx': postmortem('It ran on pg-main-02.db.larkspur\u200b.internal and mailed jane.doe@exam\u200dple.com.'),
			'2025-05-01-yaml-escapes.mdx': postmortem('Body.').replace('summary: An example for one lint rule.', 'summary: "It ran on pg-main-02.db.larkspur\\x2Einternal and mailed jane\\u0040example.com."'),
			'2025-05-01-disable.mdx': postmortem(`<!-- secretlint-disable -->\n\nThe deploy key was ${AWS_KEY}.\n\n<!-- secretlint-enable -->`),
			'2025-05-01-comment.mdx': postmortem(`Public text.\n\n<!-- the old host was pg-main-02.db.larkspur.internal -->`),
			'2025-05-01-fence.mdx': postmortem("The fix, quoted:\n\n```js\nimport { pool } from './db';\nexport default pool;\n```\n\nand `<script>` in a sentence is text.\n\n```html\n<script src=\"x.js\"></script>\n```"),
			'2025-05-01-url.mdx': postmortem('Details: [the write-up](https://example.org/pg-main-02%2Edb%2Elarkspur%2Einternal).'),
		});
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('lints the body of a postmortem whose frontmatter mentions <Internal>', () => {
		expect(lines(problems, 'mention.mdx')).toEqual([[21, 'privacy/email', 'error']]);
	});
	it('lints the title of a one-line action, not its dropped ticket', () => {
		expect(lines(problems, 'flow.mdx')).toEqual([[19, 'privacy/internal-host', 'error']]);
		expect(problems.find((p) => p.file.endsWith('flow.mdx'))?.field).toBe('actions[0].title');
	});
	it('decodes HTML entities', () => {
		expect(lines(problems, 'entities.mdx')).toEqual([
			[20, 'privacy/internal-host', 'error'],
			[20, 'privacy/email', 'error'],
		]);
	});
	it('ignores zero-width characters', () => {
		expect(lines(problems, 'zero-width.mdx')).toEqual([
			[20, 'privacy/internal-host', 'error'],
			[20, 'privacy/email', 'error'],
		]);
	});
	it('decodes YAML escapes', () => {
		expect(lines(problems, 'yaml-escapes.mdx').sort()).toEqual([
			[3, 'privacy/email', 'error'],
			[3, 'privacy/internal-host', 'error'],
		]);
	});
	it('cannot be silenced by secretlint-disable inside the postmortem', () => {
		expect(lines(problems, 'disable.mdx')).toEqual([[22, 'secret/aws', 'error']]);
	});
	it('lints comments, as warnings, since they are never published', () => {
		expect(lines(problems, 'comment.mdx')).toEqual([[22, 'privacy/internal-host', 'warning']]);
	});
	it('reads code in fences and backticks as quoted code, not as MDX or markup', () => {
		expect(lines(problems, 'fence.mdx')).toEqual([]);
	});
	it('decodes percent-escapes in links', () => {
		expect(lines(problems, 'url.mdx')).toEqual([[20, 'privacy/internal-host', 'error']]);
	});
});

describe('what an attacker tried next', () => {
	let dir: string;
	let problems: Problem[];
	const host = 'db6.larkspur.internal';
	beforeAll(async () => {
		dir = archive({
			// A paragraph, a heading and a cell that start with an inline part: the words after it are public.
			'2025-05-01-leading.mdx': postmortem(`<Internal>x</Internal> The primary ${host} failed.\n\n## <Internal>y</Internal> Failover of db7.larkspur.internal\n\n| step |\n| --- |\n| <Internal>z</Internal> restart db8.larkspur.internal |`),
			// Inline HTML and code spans render as nothing between their neighbours.
			'2025-05-01-split.mdx': postmortem('It ran on db6.larkspur<wbr>.internal, mailed bob<!---->@example.com, and used `db9.lark`spur.internal.'),
			'2025-05-01-reference.mdx': postmortem(`![Diagram of ${host}][diagram]\n\n[diagram]: /diagram.png`),
			'2025-05-01-labels.mdx': postmortem(`\`\`\`${host}\ncode\n\`\`\`\n\nA note[^db7.larkspur.internal].\n\n[^db7.larkspur.internal]: Text.`),
			'2025-05-01-case.mdx': postmortem('Body.').replace('components: [checkout-api]', 'components: [CHECKOUT-API]'),
			'2025-05-01-allowlist.mdx': postmortem('Priya Raman restarted the primary at 02:10.'),
			'2025-05-01-source.mdx': postmortem('Body.', { extra: `source:\n  organization: Globex\n  url: https://grafana.${host}/d/x\n` }),
			'2025-05-01-names-internal.mdx': postmortem('See [the earlier one](/incidents/2025-05-01-draft/) and 2025-05-01-draft.'),
			'2025-05-01-draft.mdx': postmortem('Draft.').replace('status: published', 'status: draft'),
			'2025-05-01-markup.mdx': postmortem('![a](http:evil.example/x.png)').replace('summary: An example for one lint rule.', 'summary: <img/src="x"/onerror=alert(1)>'),
		});
		writeFileSync(join(dir, 'components.yml'), `- id: checkout-api\n  name: Checkout API\n  team: payments\n  description: Runs on ${host}.\n- id: unused\n  name: Unused\n  team: data\n  description: Priya Raman and Oluwaseun Adeyemi built it.\n`);
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const errors = (file: string) => problems.filter((p) => p.file.endsWith(file) && p.severity === 'error').map((p) => [p.line, p.rule]);

	it('judges the words after an inline <Internal> part as published', () => {
		expect(errors('leading.mdx')).toEqual([
			[20, 'privacy/internal-host'],
			[22, 'privacy/internal-host'],
			[26, 'privacy/internal-host'],
		]);
	});
	it('reads a host or address split by inline HTML or a code span as the page shows it', () => {
		expect(errors('split.mdx').map(([, rule]) => rule)).toEqual(expect.arrayContaining(['privacy/internal-host', 'privacy/email']));
		expect(problems.some((p) => p.file.endsWith('split.mdx') && p.message.includes('db9.larkspur.internal'))).toBe(true);
	});
	it("lints a reference image's description, a code fence's language and a footnote's label", () => {
		expect(errors('reference.mdx')).toEqual([[20, 'privacy/internal-host']]);
		expect(errors('labels.mdx').map(([, rule]) => rule)).toEqual(['privacy/internal-host', 'privacy/internal-host']);
	});
	it('publishes the registry entry a postmortem names in another letter case, and never lets a description widen the name allowlist', () => {
		expect(errors('components.yml')).toEqual([[4, 'privacy/internal-host']]);
		expect(errors('allowlist.mdx')).toEqual([[20, 'privacy/person-name']]);
	});
	it('still reports an internal host in the source link of another organization', () => {
		expect(errors('source.mdx')).toEqual([[20, 'privacy/internal-host']]);
	});
	it('reports a link to, or a mention of, a postmortem the public edition does not build', () => {
		expect(errors('names-internal.mdx')).toEqual([[20, 'privacy/internal-postmortem']]);
	});
	it('reports markup in a summary, which feed readers render, and a scheme-only remote image', () => {
		expect(errors('markup.mdx')).toEqual([
			[3, 'unsafe/event-handler'],
			[20, 'unsafe/remote-image'],
		]);
	});
});

describe('notes and registries, which reach the pattern pages', () => {
	let dir: string;
	let problems: Problem[];
	beforeAll(async () => {
		dir = archive({
			'2025-05-01-public.mdx': postmortem('Body.'),
			'notes/components/checkout-api.mdx': `---\nvisibility: public\n---\n\nThe service reads from pg-main-02.db.larkspur.internal with key ${AWS_KEY}.\n`,
			'notes/causes/deployment.mdx': 'An internal note about pg-main-03.db.larkspur.internal.\n',
		});
		writeFileSync(
			join(dir, 'components.yml'),
			'- id: checkout-api\n  name: Checkout API\n  team: payments\n  description: Runs on pg-main-02.db.larkspur.internal <script>x()</script>\n- id: orders-db\n  name: Orders database\n  team: data\n  description: Only internal postmortems use it; its host is pg-main-09.db.larkspur.internal.\n',
		);
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('reports a public note at its line, and an internal one as a warning', () => {
		expect(lines(problems, 'checkout-api.mdx')).toEqual([
			[5, 'privacy/internal-host', 'error'],
			[5, 'secret/aws', 'error'],
		]);
		expect(lines(problems, 'deployment.mdx')).toEqual([[1, 'privacy/internal-host', 'warning']]);
	});
	it('reports registry entries a published postmortem names as errors, others as warnings', () => {
		expect(lines(problems, 'components.yml')).toEqual([
			[4, 'privacy/internal-host', 'error'],
			[4, 'unsafe/script', 'error'],
			[8, 'privacy/internal-host', 'warning'],
		]);
	});
});

describe('detection the old lint missed', () => {
	let dir: string;
	let problems: Problem[];
	const jwt = ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6Im9yZGVycyJ9', r.chars(`${B62}-_`, 43)].join('.');
	beforeAll(async () => {
		dir = archive({
			'2025-05-01-stripe.mdx': postmortem(`The live key ${STRIPE} was in the log.`),
			'2025-05-01-jwt.mdx': postmortem(`A session token ${jwt} was pasted in the channel.`),
			'2025-05-01-google.mdx': postmortem(`The Maps key ${GOOGLE} was in the page.`),
			'2025-05-01-pem.mdx': postmortem('The file began with -----BEGIN OPENSSH PRIVATE KEY----- and was world-readable.'),
			'2025-05-01-entropy.mdx': postmortem(`The shared value ${r.chars(B62, 40)} was in the runbook.`),
			'2025-05-01-split.mdx': postmortem(`The key was ${STRIPE.slice(0, 14)}\n${STRIPE.slice(14)} in the wrapped log line.`),
			'2025-05-01-names.mdx': postmortem('At 02:10 we paged Oluwaseun, and Søren Kierkegaard (SRE) rolled back; Nguyễn Thị Lan from the database team confirmed.'),
		});
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it.each([
		['stripe.mdx', 'a live payment key'],
		['jwt.mdx', 'a JSON Web Token'],
		['google.mdx', 'a Google API key'],
		['pem.mdx', 'a private-key header on its own'],
		['entropy.mdx', 'a bare random token'],
		['split.mdx', 'a secret split across a line break'],
	])('%s: %s is an error at its line', (file) => {
		const found = problems.filter((p) => p.file.endsWith(file) && p.rule.startsWith('secret/'));
		expect(found.map((p) => [p.line, p.severity])).toEqual([[20, 'error']]);
		// The message shows only the start of a secret, never all of it.
		expect(found[0].message).not.toContain(STRIPE.slice(8));
	});
	it('finds names from several languages by what the sentence does with them', () => {
		const names = problems.filter((p) => p.file.endsWith('names.mdx') && p.rule === 'privacy/person-name');
		expect(names.map((p) => p.message)).toEqual([expect.stringContaining('Oluwaseun'), expect.stringContaining('Søren Kierkegaard'), expect.stringContaining('Nguyễn Thị Lan')]);
		expect(names.every((p) => p.severity === 'error' && p.line === 20)).toBe(true);
	});
});

describe('a varied seeded set of leaks', () => {
	const leaks = seededLeaks(2026, 300);
	let dir: string;
	let problems: Problem[];
	beforeAll(async () => {
		dir = archive(Object.fromEntries(leaks.map((leak, i) => [`2025-05-01-seeded-${i}.mdx`, postmortem(`Context first.\n\n${leak.text}\n\nThen the rest of the story.`)])));
		problems = (await lintArchive(dir)).problems;
	}, 120_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('is caught at least 95% of the time, each leak as an error at its own line', () => {
		const missed = leaks.filter((leak, i) => {
			const first = 22;
			const last = first + leak.text.split('\n').length - 1;
			return !problems.some((p) => p.file.endsWith(`-seeded-${i}.mdx`) && p.severity === 'error' && p.line! >= first && p.line! <= last);
		});
		expect(missed.length / leaks.length, missed.map((m) => `${m.kind}: ${m.text}`).join('\n')).toBeLessThanOrEqual(0.05);
	});
});

describe('what real public postmortems say, which is not a leak', () => {
	let dir: string;
	let problems: Problem[];
	const sentence = 'The AWS Sydney region lost power; Jenkins jobs and EVE Online stayed down, and Thomson Reuters saw delays.';
	beforeAll(async () => {
		const external = (body: string, url = 'https://status.pagerduty.com/incidents/abc123') =>
			postmortem(body, { extra: `source:\n  organization: Example Corp\n  url: ${url}\n` })
				.replace('summary: An example for one lint rule.', `summary: ${sentence}`)
				.replace('impact: Visitors saw errors.', `impact: ${sentence}`)
				.replace('event: It began.', `event: ${sentence}`);
		dir = archive({
			'2025-05-01-places.mdx': external(`## Summary\n\n${sentence}`),
			'2025-05-01-docs.mdx': external('Body.', 'https://docs.google.com/document/d/1ScqXAdb6BjhsDzCo3qdPYbt1uULzgZqPO8zHeHHarS0/preview'),
			'2025-05-01-slug.mdx': external('See [the news story](https://news.example/2017/human-error-caused-outage).'),
			'2025-05-01-quoted.mdx': external('The company\'s statement called it "human error" and promised training.'),
			'2025-05-01-blockquote.mdx': external('In its words:\n\n> The outage was caused by operator error.'),
			'2025-05-01-repeated.mdx': postmortem('Root cause: human error.', { extra: '' })
				.replace('summary: An example for one lint rule.', 'summary: "Root cause: human error."')
				.replace('event: It began.', 'event: "Root cause: human error."'),
		});
		problems = (await lintArchive(dir)).problems;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('does not call places, products and organizations people', () => expect(lines(problems, 'places.mdx')).toEqual([]));
	it('treats the source link of another organization\'s write-up as public', () => expect(lines(problems, 'docs.mdx')).toEqual([]));
	it('does not read a URL slug as the author\'s wording', () => expect(lines(problems, 'slug.mdx')).toEqual([]));
	it('reports the source\'s own quoted words as warnings', () => {
		expect(lines(problems, 'quoted.mdx')).toEqual([[23, 'blameless/human-error', 'warning']]);
		expect(lines(problems, 'blockquote.mdx')).toEqual([[25, 'blameless/human-error', 'warning']]);
	});
	it('reports one finding for a sentence repeated in summary, timeline and body', () => {
		expect(lines(problems, 'repeated.mdx')).toEqual([[3, 'blameless/human-error', 'error']]);
	});
});

describe('lint.yml', () => {
	it('overrides defaults: publicUrls makes a default internal host public, disableRules switches a rule off', async () => {
		const dir = archive({ '2025-05-01-own.mdx': postmortem('Notes: https://docs.google.com/document/d/abc and call +44 20 7946 0958 for the vendor.') });
		const before = (await lintArchive(dir)).problems.map((p) => p.rule);
		expect(before).toEqual(['privacy/internal-url', 'privacy/phone']);
		writeFileSync(join(dir, 'lint.yml'), 'publicUrls: [docs.google.com]\ndisableRules: [privacy/phone]\n');
		expect((await lintArchive(dir)).problems).toEqual([]);
		rmSync(dir, { recursive: true, force: true });
	});

	it('fails the lint with file:line when an indentation slip folds two entries into one, or the YAML does not read', () => {
		const dir = archive({ '2025-05-01-ok.mdx': postmortem('Body.') });
		writeFileSync(join(dir, 'lint.yml'), 'internalDomains:\n  - larkspur.example\n   - larkspur.internal\n');
		let result = run(['scripts/lint.ts'], { HINDSIGHT_CONTENT_DIR: dir });
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/lint\.yml:2:\d+  error  internalDomains\[0\] must be one domain per entry, got 'larkspur\.example - larkspur\.internal'.*\n    fix: two entries ran together/);
		writeFileSync(join(dir, 'lint.yml'), 'internalDomains: [larkspur.example\nallowNames: []\n');
		result = run(['scripts/lint.ts'], { HINDSIGHT_CONTENT_DIR: dir });
		expect(result.status).toBe(1);
		expect(result.stdout).toMatch(/lint\.yml:\d+:\d+  error  lint\.yml cannot be read/);
		rmSync(dir, { recursive: true, force: true });
	});
});
