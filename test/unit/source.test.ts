/**
 * Reading the content folder: which files are postmortems, how their bytes become text, and the
 * messages for frontmatter that cannot be read. Fixture files are written into a temp folder.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../../src/lib/check/index.ts';
import {
	CAUSES_FILE,
	COMPONENTS_FILE,
	display,
	idOf,
	listNotes,
	listPostmortemFiles,
	locate,
	parsePostmortem,
	readPostmortem,
	readRegistry,
	REQUIRED_FIELDS,
	RESERVED_DIRS,
	splitFrontmatter,
} from '../../src/lib/source.ts';
import { postmortemFields } from '../../src/schemas/postmortem.ts';
import { fixture } from '../helpers.ts';

/** A valid postmortem: title on line 2, severity on 4, timeline[1].event on 27, the body from line 47. */
const base = readFileSync(fixture('archive', '2025-03-01-pool-leak.mdx'), 'utf8');
const variant = (from: string, to: string) => {
	if (!base.includes(from)) throw new Error(`the fixture has no '${from}'`);
	return base.replace(from, to);
};

const temp = mkdtempSync(join(tmpdir(), 'hindsight-source-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let folders = 0;
/** A new empty folder under the temp folder. */
const folder = (name = 'case') => {
	const dir = join(temp, `${name}-${++folders}`);
	mkdirSync(dir);
	return dir;
};
/** Writes a file, creating its folders; returns its path. */
const write = (dir: string, path: string, content: string | Uint8Array = base) => {
	const full = join(dir, path);
	mkdirSync(dirname(full), { recursive: true });
	writeFileSync(full, content);
	return full;
};
const listed = (dir: string) => listPostmortemFiles(dir).map((path) => relative(dir, path));

describe('which files are postmortems', () => {
	it('walks subfolders, follows a symlinked file and a symlinked folder, and takes .md, .mdx and .markdown in any letter case', () => {
		const dir = folder('content');
		const outside = folder('outside');
		write(dir, '2025-03-01-top.mdx');
		write(dir, '2024/2024-05-01-in-a-year.mdx');
		write(dir, 'payments/emea/2024-06-01-deeper.md');
		write(dir, '2025-03-02-upper.MDX');
		write(dir, '2025-03-03-mixed.Md');
		write(dir, '2025-03-04-long.markdown');
		write(dir, '2025-03-05-long-mixed.MarkDown');
		write(dir, 'README.txt', 'not a postmortem');
		copyFileSync(fixture('archive', COMPONENTS_FILE), join(dir, COMPONENTS_FILE));
		symlinkSync(write(outside, '2025-04-01-elsewhere.mdx'), join(dir, '2025-04-01-linked-file.mdx'));
		write(outside, 'team/2025-04-02-in-linked-folder.mdx');
		symlinkSync(join(outside, 'team'), join(dir, 'linked-folder'));
		expect(listed(dir)).toEqual([
			'2024/2024-05-01-in-a-year.mdx',
			'2025-03-01-top.mdx',
			'2025-03-02-upper.MDX',
			'2025-03-03-mixed.Md',
			'2025-03-04-long.markdown',
			'2025-03-05-long-mixed.MarkDown',
			'2025-04-01-linked-file.mdx',
			'linked-folder/2025-04-02-in-linked-folder.mdx',
			'payments/emea/2024-06-01-deeper.md',
		]);
		const ids = listPostmortemFiles(dir).map((path) => readPostmortem(path).source?.id);
		expect(ids).toEqual(['2024-05-01-in-a-year', '2025-03-01-top', '2025-03-02-upper', '2025-03-03-mixed', '2025-03-04-long', '2025-03-05-long-mixed', '2025-04-01-linked-file', '2025-04-02-in-linked-folder', '2024-06-01-deeper']);
	});

	it('takes the id from the file name alone, whatever the folder and the extension’s case', () => {
		expect(idOf('postmortems/2024/2024-05-01-x.MDX')).toBe('2024-05-01-x');
		expect(idOf('postmortems/payments/2024-05-01-y.markdown')).toBe('2024-05-01-y');
		expect(idOf('C:\\archive\\2024\\2024-05-01-z.Md')).toBe('2024-05-01-z');
		expect(idOf('postmortems/2024-05-01-notes.md.txt')).toBe('2024-05-01-notes.md.txt');
	});

	it('leaves out notes, the reserved folders at the top, hidden and _ folders, node_modules and _ files', () => {
		expect(RESERVED_DIRS).toEqual(['notes', 'guides', 'collections', 'components']);
		const dir = folder('skips');
		write(dir, '2025-03-01-kept.mdx');
		write(dir, 'notes/components/orders-db.mdx', '---\nvisibility: public\n---\nA note.\n');
		write(dir, 'notes/causes/deployment.mdx', '---\n---\nA note.\n');
		for (const name of ['guides', 'collections', 'components', '.git', '_drafts', 'node_modules', '2024/.cache', '2024/_old', '2024/node_modules']) write(dir, `${name}/2025-03-01-skipped.mdx`);
		write(dir, '_template.mdx');
		write(dir, '2024/_partial.md');
		// The reserved names are reserved at the top only.
		write(dir, '2024/components/2025-03-01-nested.mdx');
		expect(listed(dir)).toEqual(['2024/components/2025-03-01-nested.mdx', '2025-03-01-kept.mdx']);
		expect(listNotes(dir).map(({ id, kind, target }) => ({ id, kind, target }))).toEqual([
			{ id: 'components/orders-db', kind: 'components', target: 'orders-db' },
			{ id: 'causes/deployment', kind: 'causes', target: 'deployment' },
		]);
	});

	it('walks each folder once, by its real path, so a symlink loop ends', () => {
		const dir = folder('loops');
		write(dir, '2024/2024-05-01-once.mdx');
		symlinkSync('..', join(dir, '2024', 'up'));
		symlinkSync(dir, join(dir, '2024', 'root'));
		symlinkSync('2024', join(dir, 'same-as-2024'));
		expect(listed(dir)).toEqual(['2024/2024-05-01-once.mdx']);
	});

	it('lists a symlink that leads nowhere, so that it is reported instead of skipped', () => {
		const dir = folder('dangling');
		symlinkSync('moved-away.mdx', join(dir, '2025-03-01-dangling.mdx'));
		symlinkSync('2025-03-02-self.mdx', join(dir, '2025-03-02-self.mdx'));
		symlinkSync('gone', join(dir, 'gone-folder'));
		const files = listPostmortemFiles(dir);
		expect(files.map((path) => relative(dir, path))).toEqual(['2025-03-01-dangling.mdx', '2025-03-02-self.mdx']);
		expect(files.map((path) => readPostmortem(path).problems)).toEqual([
			[{ file: display(files[0]), rule: 'read', severity: 'error', message: 'the file cannot be read: it is a symbolic link to moved-away.mdx, which does not exist', fix: 'point the link at an existing file, or delete it' }],
			[{ file: display(files[1]), rule: 'read', severity: 'error', message: 'the file cannot be read: it is a symbolic link that leads back to itself', fix: 'point the link at an existing file, or delete it' }],
		]);
	});
});

describe('text encoding', () => {
	const lines = base.split('\n');
	/** The fixture with line `line` (1-based) made of `before`, raw bytes, then `after`. */
	const withBytes = (line: number, before: string, bytes: number[], after: string) =>
		Buffer.concat([Buffer.from([...lines.slice(0, line - 1), before].join('\n')), Buffer.from(bytes), Buffer.from([after, ...lines.slice(line)].join('\n'))]);

	it('reports a Latin-1 file at the line of its first byte that is not UTF-8, instead of showing it garbled', () => {
		const dir = folder('latin1');
		const path = write(dir, '2025-03-01-latin1.mdx', withBytes(18, '  description: Checkout failed at the caf', [0xe9], ' for most users.'));
		expect(readPostmortem(path)).toEqual({
			problems: [
				{
					file: display(path),
					line: 18,
					column: 42,
					rule: 'encoding',
					severity: 'error',
					message: "the file is not UTF-8 (byte 0xE9 on line 18 looks like Latin-1 'é')",
					fix: 're-save it as UTF-8 (in VS Code: Save with Encoding → UTF-8; or iconv -f latin1 -t utf-8)',
				},
			],
		});
	});

	it('recognizes the Windows-1252 punctuation Word and Outlook write', () => {
		const dir = folder('cp1252');
		const path = write(dir, '2025-03-01-cp1252.mdx', withBytes(3, 'summary: The pool', [0x92], 's connections leaked.'));
		expect(readPostmortem(path).problems).toMatchObject([
			{ line: 3, column: 18, rule: 'encoding', message: "the file is not UTF-8 (byte 0x92 on line 3 looks like Windows-1252 '’')", fix: 're-save it as UTF-8 (in VS Code: Save with Encoding → UTF-8; or iconv -f windows-1252 -t utf-8)' },
		]);
	});

	it('says so for a UTF-16 file', () => {
		const dir = folder('utf16');
		const path = write(dir, '2025-03-01-utf16.mdx', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(base, 'utf16le')]));
		expect(readPostmortem(path).problems).toMatchObject([{ line: 1, rule: 'encoding', message: 'the file is not UTF-8: it starts with a UTF-16 byte-order mark' }]);
	});

	it('reads the registries the same way', () => {
		const dir = folder('registry');
		const registry = readFileSync(fixture('archive', COMPONENTS_FILE), 'utf8').split('\n');
		write(dir, COMPONENTS_FILE, Buffer.concat([Buffer.from(registry.slice(0, 2).join('\n') + '\n  name: Caf'), Buffer.from([0xe9]), Buffer.from('\n' + registry.slice(3).join('\n'))]));
		expect(readRegistry(dir, COMPONENTS_FILE)).toEqual({
			items: [],
			problems: [
				{
					file: display(join(dir, COMPONENTS_FILE)),
					line: 3,
					column: 12,
					rule: 'encoding',
					severity: 'error',
					message: "the file is not UTF-8 (byte 0xE9 on line 3 looks like Latin-1 'é')",
					fix: 're-save it as UTF-8 (in VS Code: Save with Encoding → UTF-8; or iconv -f latin1 -t utf-8)',
				},
			],
		});
	});
});

describe('a byte-order mark and CRLF line ends', () => {
	const expectSameLines = (path: string) => {
		const { source, problems } = readPostmortem(path);
		expect(problems).toEqual([]);
		expect(source!.data.title).toBe('Pool leak fixture outage');
		expect(locate(source!, ['severity']).line).toBe(4);
		expect(locate(source!, ['timeline', 1, 'event'])).toEqual({ line: 27, column: 5 });
		expect(source!.bodyLine).toBe(47);
		expect(source!.body.startsWith('\n## Root cause (5 whys)\n')).toBe(true);
		expect(source!.raw).toBe(base);
	};

	it('reads a file that starts with a byte-order mark, with its lines where they are', () => {
		const dir = folder('bom');
		expectSameLines(write(dir, '2025-03-01-bom.mdx', '\uFEFF' + base));
	});

	it('reads CRLF line ends, with the lines where they are and no \\r left in the text', () => {
		const dir = folder('crlf');
		expectSameLines(write(dir, '2025-03-01-crlf.mdx', base.replaceAll('\n', '\r\n')));
		expectSameLines(write(dir, '2025-03-01-bom-crlf.mdx', '\uFEFF' + base.replaceAll('\n', '\r\n')));
	});

	it('reports a mistake in such a file at its line', () => {
		const dir = folder('bom-check');
		for (const file of [COMPONENTS_FILE, CAUSES_FILE]) write(dir, file, '\uFEFF' + readFileSync(fixture('archive', file), 'utf8').replaceAll('\n', '\r\n'));
		write(dir, '2025-03-01-bom-crlf.mdx', '\uFEFF' + variant('components: [checkout-api, orders-db]', 'components: [checkout-apii, orders-db]').replaceAll('\n', '\r\n'));
		expect(checkArchive(dir).problems.map((p) => [p.line, p.field, p.rule])).toEqual([[12, 'components[0]', 'unknown-component']]);
	});

	it('lets splitFrontmatter (the loader reads notes with it) ignore a byte-order mark', () => {
		expect(splitFrontmatter('\uFEFF---\nvisibility: public\n---\nA note.\n')).toEqual({ yaml: 'visibility: public', body: 'A note.\n', bodyLine: 4 });
	});
});

describe('frontmatter that is empty or never closed', () => {
	const path = join(temp, '2025-03-01-example.mdx');
	const fix = 'write the fields between the two --- lines: title, summary, severity, status, visibility, started, detected, resolved, components, causes, impact, timeline; `npm run new` writes a template with all of them';

	it('says an empty frontmatter is empty, and which fields it needs', () => {
		const empty = { file: display(path), line: 1, rule: 'frontmatter', severity: 'error', message: 'the frontmatter is empty', fix };
		expect(parsePostmortem(path, '---\n---\n\nThe body.\n')).toEqual({ problems: [empty] });
		expect(parsePostmortem(path, '---\n# to do\n\n---\nThe body.\n')).toEqual({ problems: [empty] });
	});

	it('lists the fields the schema requires', () => {
		const required = Object.entries(postmortemFields).filter(([, field]) => !(field as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success);
		expect(REQUIRED_FIELDS).toEqual(required.map(([key]) => key));
	});

	it('says an opening --- without a closing one is not closed, at the line of the opening', () => {
		expect(parsePostmortem(path, variant('\n---\n\n## Root cause', '\n\n## Root cause'))).toEqual({
			problems: [{ file: display(path), line: 1, rule: 'frontmatter', severity: 'error', message: 'the frontmatter opens with --- on line 1 but no --- line closes it', fix: 'add a line with only --- after the last field, before the body' }],
		});
	});

	it('still says so when there is no frontmatter at all', () => {
		expect(parsePostmortem(path, '# A heading\n\nText.\n').problems).toMatchObject([{ line: 1, message: 'the file does not start with YAML frontmatter between two --- lines' }]);
	});
});

describe('an unclosed quote', () => {
	const path = join(temp, '2025-03-01-quotes.mdx');
	const problems = (from: string, to: string) => parsePostmortem(path, variant(from, to)).problems;

	it('is reported at the line where the quote opens, with the field', () => {
		expect(problems('title: Pool leak fixture outage', 'title: "Checkout outage')).toEqual([
			{
				file: display(path),
				line: 2,
				column: 8,
				field: 'title',
				rule: 'yaml',
				severity: 'error',
				message: 'title: the quoted value is never closed',
				fix: 'add the closing " where the value ends (a " inside "…" is written \\"), or remove the opening "',
			},
		]);
	});

	it('is found in single quotes too, even when an apostrophe further down could close it', () => {
		expect(problems('  description: Checkout failed for most fixture users.', "  description: 'Checkout failed for most fixture users.")).toEqual([
			{
				file: display(path),
				line: 18,
				column: 16,
				field: 'impact.description',
				rule: 'yaml',
				severity: 'error',
				message: 'impact.description: the quoted value is never closed',
				fix: "add the closing ' where the value ends (an apostrophe inside '…' is written ''), or remove the opening '",
			},
		]);
		const text = variant('    event: Fixture alert pages on-call.', "    event: 'Fixture alert pages on-call.").replace('Fixture rollback completes.', "The team's rollback completes.");
		expect(parsePostmortem(path, text).problems).toMatchObject([{ line: 27, column: 12, field: 'timeline[1].event', message: 'timeline[1].event: the quoted value is never closed' }]);
	});

	it('is found in the middle of the frontmatter and inside a list, once', () => {
		expect(problems('    event: Fixture alert pages on-call.', '    event: "Fixture alert pages on-call.')).toMatchObject([{ line: 27, column: 12, field: 'timeline[1].event', message: 'timeline[1].event: the quoted value is never closed' }]);
		expect(problems('components: [checkout-api, orders-db]', 'components: ["checkout-api, orders-db]')).toMatchObject([{ line: 12, column: 14, field: 'components[0]', message: 'components[0]: the quoted value is never closed' }]);
	});
});

describe('other YAML mistakes', () => {
	const path = join(temp, '2025-03-01-yaml.mdx');
	const problems = (from: string, to: string) => parsePostmortem(path, variant(from, to)).problems.map((p) => [p.line, p.column, p.field, p.message]);

	it('name the field they are in', () => {
		expect(problems('summary: A fixture release leaked connections until checkout failed.', 'summary: "A fixture release" leaked connections')).toEqual([[3, 30, 'summary', 'summary: the YAML cannot be read: Unexpected scalar at node end']]);
		expect(problems('  description: Checkout failed for most fixture users.', '  description: Checkout failed: most users')).toEqual([[18, 16, 'impact.description', 'impact.description: the YAML cannot be read: Nested mappings are not allowed in compact mappings']]);
		expect(problems('visibility: internal', 'visibility: internal\nseverity: sev2')).toEqual([[8, 1, 'severity', 'severity: the YAML cannot be read: Map keys must be unique']]);
	});

	it('say where a [ list or { map is opened and never closed, and nothing more about what it swallowed', () => {
		expect(parsePostmortem(path, variant('components: [checkout-api, orders-db]', 'components: [checkout-api, orders-db')).problems).toEqual([
			{
				file: display(path),
				line: 12,
				column: 13,
				field: 'components',
				rule: 'yaml',
				severity: 'error',
				message: 'components: the list opened with [ is never closed',
				fix: 'add the closing ] where the list ends; a list that goes on over more lines needs those lines indented',
			},
		]);
		expect(problems('tags: [Connection Pool]', 'tags: [Connection Pool, {name: pool]')).toEqual([[16, 25, 'tags[1]', 'tags[1]: the map opened with { is never closed']]);
	});
});

describe('npm run check over subfolders and symlinks', () => {
	const dir = folder('archive');
	const outside = folder('outside');
	for (const file of [COMPONENTS_FILE, CAUSES_FILE]) copyFileSync(fixture('archive', file), join(dir, file));
	write(dir, '2025-03-01-pool-leak.mdx');
	const inFolder = write(dir, '2025/03/2025-03-01-in-a-folder.mdx', variant('severity: sev1', 'severity: sev9'));
	const linkedFile = join(dir, '2025-03-01-linked.mdx');
	symlinkSync(write(outside, 'kept-elsewhere.mdx', variant('components: [checkout-api, orders-db]', 'components: [checkout-apii, orders-db]')), linkedFile);
	write(outside, 'team/2025-03-01-in-linked-folder.mdx', variant('  trigger: deployment', '  trigger: deploymnt'));
	symlinkSync(join(outside, 'team'), join(dir, 'team'));
	const first = write(dir, 'payments/2025-03-01-same-name.mdx');
	const second = write(dir, 'search/2025-03-01-same-name.md');
	const result = checkArchive(dir);

	it('checks every postmortem, and reports what is planted in the ones in folders and behind symlinks', () => {
		expect(result.files).toBe(6);
		expect(result.problems.map((p) => [p.file, p.line, p.field, p.rule, p.severity])).toEqual([
			[display(linkedFile), 12, 'components[0]', 'unknown-component', 'error'],
			[display(inFolder), 4, 'severity', 'schema', 'error'],
			[display(second), 1, undefined, 'duplicate-id', 'error'],
			[display(join(dir, 'team', '2025-03-01-in-linked-folder.mdx')), 14, 'causes.trigger', 'unknown-cause', 'error'],
		]);
	});

	it('reports two files with the same name in two folders as one id, naming both', () => {
		const duplicate = result.problems.find((p) => p.rule === 'duplicate-id')!;
		expect(duplicate.file).toBe(display(second));
		expect(duplicate.message).toBe(`the id '2025-03-01-same-name' is also used by ${display(first)}; both would be served at /incidents/2025-03-01-same-name/`);
	});
});

describe('frontmatter that says one thing in two places', () => {
	it('refuses anchors and aliases, which would put a dropped field (revenue) into a published one, without throwing on an alias before its anchor', () => {
		const aliased = parsePostmortem('/x/2025-01-01-a.mdx', '---\ntitle: t\nsummary: *r\nimpact:\n  description: d\n  revenue: &r "db1.acme.internal"\n---\nBody.\n');
		expect(aliased.source).toBeUndefined();
		expect(aliased.problems.map((p) => [p.line, p.rule, p.message.split(' ').slice(0, 3).join(' ')])).toEqual([
			[3, 'yaml', 'the alias *r'],
			[6, 'yaml', 'the anchor &r'],
		]);
		const key = parsePostmortem('/x/2025-01-01-b.mdx', '---\ntags: [&s summary]\n*s : leaked\n---\nBody.\n');
		expect(key.problems.some((p) => p.rule === 'yaml')).toBe(true);
	});
});

describe('line ends', () => {
	it('reads a lone CR as a line end, as the Markdown parser does, so <Internal> parts are cut where they are', () => {
		const { source } = parsePostmortem('/x/2025-01-01-cr.mdx', '---\ntitle: t\n---\nIntro.\r\r> <Internal>\r>\r> SECRET\r>\r> </Internal>\r');
		expect(source!.body).toBe('Intro.\n\n> <Internal>\n>\n> SECRET\n>\n> </Internal>\n');
	});
});
