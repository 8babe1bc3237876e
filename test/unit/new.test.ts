import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/check/index.ts';
import { templateFileName } from '../../src/lib/template.ts';
import { fixture, run } from '../helpers.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'hindsight-new-'));
	cpSync(fixture('archive'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const create = (...title: string[]) => run(['scripts/new.ts', ...title], { HINDSIGHT_CONTENT_DIR: dir, HINDSIGHT_TODAY: '2026-11-22' });

it('names the file by date and title', () => {
	expect(templateFileName('Checkout: 500s after Release 4.12!', '2026-11-22')).toBe('2026-11-22-checkout-500s-after-release-4-12.mdx');
});

describe('npm run new', () => {
	it('writes a draft, internal postmortem dated today that the check accepts with TODO warnings only', () => {
		const result = create('Queue', 'backlog', 'outage');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Created');
		const path = join(dir, '2026-11-22-queue-backlog-outage.mdx');
		const text = readFileSync(path, 'utf8');
		expect(text).toMatch(/^---\ntitle: "Queue backlog outage"\n/);
		expect(text).toContain('status: draft\nvisibility: internal\nstarted: 2026-11-22T00:00:00Z');
		const problems = checkArchive(dir).problems.filter((p) => p.file.endsWith('2026-11-22-queue-backlog-outage.mdx'));
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['todo']));
		const fields = problems.map((p) => p.field).filter(Boolean);
		for (const field of ['summary', 'severity', 'started', 'detected', 'resolved', 'components', 'causes.trigger', 'impact.description', 'timeline[0].event', 'actions[0].owner']) {
			expect(fields).toContain(field);
		}
		expect(problems.some((p) => p.message === 'section "Summary" is still a placeholder: what happened, in a paragraph.')).toBe(true);
	});

	it('turns the TODOs into errors once the postmortem is in review', () => {
		create('Queue backlog outage');
		const path = join(dir, '2026-11-22-queue-backlog-outage.mdx');
		writeFileSync(path, readFileSync(path, 'utf8').replace('status: draft', 'status: in-review'));
		const todos = checkArchive(dir).problems.filter((p) => p.rule === 'todo');
		expect(todos.length).toBeGreaterThan(20);
		expect(todos.every((p) => p.severity === 'error')).toBe(true);
	});

	it('refuses to overwrite and asks for a title', () => {
		create('Queue backlog outage');
		const again = create('Queue backlog outage');
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('already exists');
		const none = create();
		expect(none.status).toBe(1);
		expect(none.stderr).toContain('npm run new -- "');
	});
});
