import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
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
