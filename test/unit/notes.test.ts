import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readNotes } from '../../src/lib/notes.ts';

it('reads every note it can, and reports a broken one at its line instead of throwing', () => {
	const dir = mkdtempSync(join(tmpdir(), 'hindsight-notes-'));
	mkdirSync(join(dir, 'notes', 'components'), { recursive: true });
	writeFileSync(join(dir, 'notes', 'components', 'a-broken.mdx'), '---\nvisibility: public\ntitle: [unclosed\n---\n\nText.\n');
	writeFileSync(join(dir, 'notes', 'components', 'b-public.mdx'), '---\nvisibility: Public\n---\n\nPublic text.\n');
	writeFileSync(join(dir, 'notes', 'components', 'c-plain.mdx'), 'No frontmatter at all.\n');
	writeFileSync(join(dir, 'notes', 'components', 'd-unknown.mdx'), '---\nvisibilty: public\n---\n\nTypo.\n');
	const { notes, problems } = readNotes(dir);
	expect(notes.map((n) => [n.target, n.data.visibility, n.bodyLine])).toEqual([
		['b-public', 'public', 4],
		['c-plain', undefined, 1],
	]);
	expect(problems.map((p) => [p.file.split('/').pop(), p.line, p.rule])).toEqual([
		['a-broken.mdx', 3, 'yaml'],
		['d-unknown.mdx', 2, 'schema'],
	]);
	expect(problems[1].message).toContain("did you mean 'visibility'");
	rmSync(dir, { recursive: true, force: true });
});
