import { describe, expect, it } from 'vitest';
import { checkArchive, formatReport, rules } from '../../src/lib/check/index.ts';
import { suggest } from '../../src/lib/suggest.ts';
import { fixture, lintArchiveOf, lintPostmortem, root, run } from '../helpers.ts';

const broken = checkArchive(fixture('broken'));
const inFile = (name: string) => broken.problems.filter((p) => p.file.endsWith(name));

describe('a file with five different mistakes', () => {
	const problems = inFile('2025-05-05-five-mistakes.mdx');
	it('gets five messages, each with its line, field and a fix', () => {
		expect(problems.map((p) => [p.line, p.field, p.rule])).toEqual([
			[4, 'severity', 'schema'],
			[5, 'status', 'published-date'],
			[7, 'started', 'schema'],
			[10, 'components[0]', 'unknown-component'],
			[22, 'actions[0].priority', 'schema'],
		]);
		for (const p of problems) expect(p.fix).toBeTruthy();
	});
	it('suggests the component that was probably meant', () => {
		expect(problems[3].message).toBe("unknown component 'checkout-apii' (did you mean 'checkout-api'?)");
	});
	it('names the item of a list, not just the field', () => {
		expect(problems[4].message).toBe("actions[0].priority must be one of P0, P1, P2, P3, got 'P7'");
	});
});

describe('the same run reports the other broken files too', () => {
	it('finds time order, unknown cause and field, dangling related id and a body expression', () => {
		expect(inFile('2025-05-06-out-of-order.mdx').map((p) => [p.line, p.rule, p.message])).toEqual([
			[9, 'time-order', 'resolved (2025-05-06T11:00:00Z) is before detected (2025-05-06T12:00:00Z)'],
			[12, 'unknown-cause', "unknown cause 'deploymnt' (did you mean 'deployment'?)"],
			[13, 'schema', "unknown field 'tag' (did you mean 'tags'?)"],
			[18, 'unknown-related', "related[0]: no postmortem has the id '2025-05-05-five-mistake' (did you mean '2025-05-05-five-mistakes'?)"],
			// A postmortem body may use MDX, but no code.
			[21, 'mdx-code', 'the expression {expression} would run code'],
		]);
	});
	it('checks the registries beside the postmortems', () => {
		expect(inFile('components.yml').map((p) => [p.line, p.message])).toEqual([
			[9, "entry 3: id must be kebab-case, got 'Payments Gateway'"],
			[9, 'entry 3: description is required'],
		]);
	});
	it('points at the YAML syntax error', () => {
		expect(inFile('2025-05-07-bad-yaml.mdx')).toMatchObject([{ line: 3, rule: 'yaml', severity: 'error' }]);
	});
	it('ends the report with a count', () => {
		expect(formatReport(broken).split('\n').at(-1)).toBe('✖ 13 errors, 0 warnings in 4 files (3 postmortems checked).');
	});
});

describe('the remaining rules, one fixture each', () => {
	const { problems } = checkArchive(fixture('rules'));
	const found = problems.map((p) => [p.file.split('/').pop(), p.line, p.rule, p.severity]);
	it('flags duplicate ids, timeline order, milestone mismatch, missing due, public→internal links, file names and near-duplicate tags', () => {
		expect(found).toEqual([
			['2025-01-01-wrong-day.mdx', 1, 'file-name', 'warning'],
			['2025-01-01-wrong-day.mdx', 14, 'tag-near-duplicate', 'warning'],
			['2025-07-01-dup.mdx', 1, 'duplicate-id', 'error'],
			['2025-07-02-timeline.mdx', 18, 'timeline-order', 'error'],
			['2025-07-02-timeline.mdx', 18, 'timeline-milestones', 'warning'],
			['2025-07-02-timeline.mdx', 22, 'published-actions', 'error'],
			['2025-07-02-timeline.mdx', 29, 'todo', 'error'],
			['2025-07-03-public.mdx', 16, 'public-links-internal', 'error'],
			['2025-07-03-public.mdx', 21, 'internal-block', 'error'],
			['2025-07-05-markup.mdx', 13, 'internal-outside-body', 'error'],
			['2025-07-05-markup.mdx', 15, 'public-links-unpublished', 'warning'],
			['2025-07-05-markup.mdx', 20, 'html-removed', 'warning'],
			['Bad_Name.mdx', 1, 'file-name', 'error'],
			['causes.yml', 10, 'duplicate-id', 'error'],
			// Notes are checked like postmortems: a YAML error is found, not a crash of the build later.
			['deployment.mdx', 3, 'yaml', 'error'],
			['resource-leak.mdx', 5, 'body-code', 'error'],
			['resource-leak.mdx', 7, 'internal-block', 'error'],
			['orders-dbb.mdx', 1, 'unknown-note', 'error'],
		]);
	});
	it('together with the broken fixture, exercise every rule', () => {
		const fired = new Set([...problems, ...broken.problems].map((p) => p.rule));
		for (const rule of rules) expect(fired, `no fixture fails rule ${rule.id}`).toContain(rule.id);
	});
});

describe('rules on a valid archive', () => {
	it('find nothing in the fixture archive', () => expect(checkArchive(fixture('archive')).problems).toEqual([]));
	it('find no errors or warnings in the bundled example archive', () => {
		const result = checkArchive(`${root}postmortems`);
		expect(formatReport(result)).toMatch(/^✔ \d+ postmortems, \d+ guides, \d+ glossary terms and \d+ reading collections checked: no problems\.$/);
		expect(result.files).toBeGreaterThanOrEqual(30);
	});
	it('each have an id and a description', () => {
		for (const rule of rules) expect(rule.id).toMatch(/^[a-z-]+$/), expect(rule.description.length).toBeGreaterThan(10);
	});
});

describe('did-you-mean', () => {
	it('suggests close ids and nothing for unrelated ones', () => {
		expect(suggest('checkout-apii', ['checkout-api', 'orders-db'])).toBe('checkout-api');
		expect(suggest('db', ['orders-db', 'dns'])).toBe('orders-db');
		expect(suggest('kafka', ['orders-db', 'checkout-api'])).toBeUndefined();
	});
});

describe('npm run check', () => {
	it('prints every problem with file:line and exits 1', () => {
		const result = run(['scripts/check.ts'], { HINDSIGHT_CONTENT_DIR: fixture('broken') });
		expect(result.status).toBe(1);
		expect(result.stdout).toContain("test/fixtures/broken/2025-05-05-five-mistakes.mdx:4:1  error  severity must be one of SEV-1…SEV-4, got 'sev5'");
		expect(result.stdout).toContain('test/fixtures/broken/2025-05-07-bad-yaml.mdx:3:');
		expect(result.output).not.toMatch(/\n\s+at /);
	});
	it('exits 0 on a valid archive', () => {
		expect(run(['scripts/check.ts'], { HINDSIGHT_CONTENT_DIR: fixture('archive') }).status).toBe(0);
	});
	it('explains a missing content folder', () => {
		const result = run(['scripts/check.ts'], { HINDSIGHT_CONTENT_DIR: fixture('no-such-folder') });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('does not exist');
	});
});

describe('when impact began', () => {
	it('must lie between started and mitigated, reported at the line that says it', () => {
		const before = lintPostmortem('Body.', { visibility: 'internal' }).replace('started: 2025-05-01T10:00:00Z', 'started: 2025-05-01T10:00:00Z\nimpactStarted: 2025-05-01T09:00:00Z');
		const after = lintPostmortem('Body.', { visibility: 'internal' }).replace('    event: It began.', '    event: It began.\n  - at: 2025-05-01T12:00:00Z\n    kind: impact\n    event: Users hurt.');
		const dir = lintArchiveOf({ '2025-05-01-before.mdx': before, '2025-05-01-after.mdx': after });
		const found = checkArchive(dir).problems.filter((p) => p.rule === 'time-order').map((p) => [p.file.split('/').pop(), p.line, p.message]);
		expect(found).toEqual([
			['2025-05-01-after.mdx', 18, 'impact began (2025-05-01T12:00:00Z) after it ended (2025-05-01T11:00:00Z)'],
			['2025-05-01-before.mdx', 9, 'impact began (2025-05-01T09:00:00Z) before started (2025-05-01T10:00:00Z)'],
		]);
	});
});
