import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readPostmortem } from '../src/lib/source.ts';
import { postmortemSchema } from '../src/schemas/postmortem.ts';
import type { IncidentEntry } from '../src/lib/incidents.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (...parts: string[]) => join(root, 'test', 'fixtures', ...parts);

/** A fixture postmortem parsed the way the loader parses it. */
export function fixtureEntry(name: string): IncidentEntry {
	const path = fixture('archive', `${name}.mdx`);
	const { source } = readPostmortem(path);
	if (!source) throw new Error(`fixture ${name} does not parse`);
	return { id: source.id, data: postmortemSchema.parse(source.data), filePath: path };
}

/** Runs one of the project's npm scripts' commands with the pinned Node, as a user would. */
export function run(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

/** A public, published postmortem around a body, valid for the check, for lint tests. */
export const lintPostmortem = (body: string, { visibility = 'public', extra = '' } = {}) => `---
title: Lint example
summary: An example for one lint rule.
severity: SEV-3
status: published
published: 2025-05-01
visibility: ${visibility}
started: 2025-05-01T10:00:00Z
detected: 2025-05-01T10:05:00Z
resolved: 2025-05-01T11:00:00Z
components: [checkout-api]
causes:
  trigger: deployment
impact: Visitors saw errors.
timeline:
  - at: 2025-05-01T10:00:00Z
    event: It began.
${extra}---

${body}
`;

/** A temporary content folder with the fixture registries and lint.yml, and the given files. */
export function lintArchiveOf(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'hindsight-lint-'));
	cpSync(fixture('archive', 'components.yml'), join(dir, 'components.yml'));
	cpSync(fixture('archive', 'causes.yml'), join(dir, 'causes.yml'));
	cpSync(fixture('lint', 'lint.yml'), join(dir, 'lint.yml'));
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}
