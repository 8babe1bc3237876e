import { describe, expect, it } from 'vitest';
import { checkArchive, mdxRules } from '../../src/lib/check/index.ts';
import { analyzeMdx } from '../../src/lib/mdx/analyze.ts';
import { fixture } from '../helpers.ts';

describe('which bodies are MDX', () => {
	it('keeps plain Markdown, <Internal> included, on the fast path', () => {
		expect(analyzeMdx('Plain **text** with `code {x}`.\n\n<Internal>\n\nsecret\n\n</Internal>\n').mdx).toBe(false);
		// Not valid MDX, and not reaching for components: Markdown as before.
		expect(analyzeMdx('a <!-- note --> and a < b\n').mdx).toBe(false);
	});
	it('compiles a body with a component, an expression or an import', () => {
		expect(analyzeMdx('<Callout kind="lucky">\nThe replica held.\n</Callout>\n').mdx).toBe(true);
		expect(analyzeMdx('It cost {"€"} 5.\n').mdx).toBe(true);
		expect(analyzeMdx('import X from "y";\n\nText.\n').mdx).toBe(true);
		// A comment alone too: the Markdown path would print {/* … */} as text.
		expect(analyzeMdx('Text. {/* reviewer: check the numbers */}\n').mdx).toBe(true);
		expect(analyzeMdx('<Callout kind="note">\n\nunclosed\n').error?.message).toMatch(/closing tag/);
	});
});

describe('the check on bodies that get components wrong', () => {
	const { problems } = checkArchive(fixture('mdx-broken'));
	const found = problems.filter((p) => /2025-08-0[1356]-/.test(p.file)).map((p) => [p.file.split('/').pop(), p.line, p.rule, p.message]);

	it('reports each with its file, line and a fix, in one run', () => {
		expect(found).toEqual([
			['2025-08-01-mistakes.mdx', 20, 'mdx-code', "an import statement: 'chart.js' is not an .astro component"],
			['2025-08-01-mistakes.mdx', 22, 'unknown-component', "unknown component <Callot> (did you mean 'Callout'?)"],
			['2025-08-01-mistakes.mdx', 24, 'component-props', "<Callout> kind must be one of lucky, lesson, warning, note, got 'luck' (did you mean 'lucky'?)"],
			['2025-08-01-mistakes.mdx', 26, 'component-props', '<Callout> needs kind'],
			['2025-08-01-mistakes.mdx', 28, 'component-props', "<Callout> has no prop 'colour'"],
			['2025-08-01-mistakes.mdx', 30, 'component-refs', '<Incident id="2025-01-01-nowhere">: no postmortem has that id'],
			['2025-08-01-mistakes.mdx', 30, 'component-refs', '<Term id="no-such-term">: the glossary has no such term'],
			['2025-08-01-mistakes.mdx', 32, 'mdx-code', 'the expression {process.env.SECRET_KEY} would run code'],
			['2025-08-01-mistakes.mdx', 34, 'mdx-code', '<script> is not allowed in a body'],
			['2025-08-01-mistakes.mdx', 36, 'mdx-code', '<a> has the attribute onClick, which would run code'],
			['2025-08-01-mistakes.mdx', 38, 'component-files', '<Figure src="./missing.png">: no such file (test/fixtures/mdx-broken/missing.png)'],
			['2025-08-01-mistakes.mdx', 40, 'component-files', '<Figure> alt is empty'],
			['2025-08-01-mistakes.mdx', 40, 'component-files', '<Figure src="../../../etc/passwd.png"> is not a file beside the postmortem'],
			['2025-08-01-mistakes.mdx', 42, 'component-files', "<Graph data=\"./bad.csv\">: the CSV has no column 'error' (its columns: time, errors)"],
			['2025-08-01-mistakes.mdx', 42, 'component-files', "<Graph> annotate names 'page', which is not a timeline kind"],
			['2025-08-01-mistakes.mdx', 44, 'component-files', "<Graph data=\"./bad.csv\">: row 3, column 'errors': 'lots' is not a number"],
			// A component of another folder is not the team's components folder.
			['2025-08-01-mistakes.mdx', 46, 'mdx-code', "an import statement: '../mdx/components/Runbook.astro' is not in the components folder (test/fixtures/mdx-broken/components)"],
			// Code between two comments is code; a comment that holds <Internal> hides nothing, and a literal one is shown.
			['2025-08-01-mistakes.mdx', 48, 'mdx-code', 'the expression {/* note */ frontmatter.impact /* end */} would run code'],
			['2025-08-01-mistakes.mdx', 50, 'mdx-code', 'a comment holds an <Internal> tag, which marks nothing: the text around it is published'],
			['2025-08-01-mistakes.mdx', 50, 'mdx-code', 'a comment holds an <Internal> tag, which marks nothing: the text around it is published'],
			['2025-08-01-mistakes.mdx', 52, 'internal-block', 'this looks like an <Internal> tag but is not read as one, so its text would be published'],
			['2025-08-01-mistakes.mdx', 52, 'internal-block', 'this looks like an <Internal> tag but is not read as one, so its text would be published'],
			// A Markdown image is imported by Astro like a <Figure>: the same rules hold.
			['2025-08-01-mistakes.mdx', 54, 'mdx-images', 'the image ./shared.png is also used by 2025-08-02-internal-mdx.mdx, which is not public'],
			['2025-08-01-mistakes.mdx', 56, 'mdx-images', 'the image ../mdx/mdxcanary-internal-only.png is not a file of the content folder'],
			['2025-08-01-mistakes.mdx', 60, 'mdx-indent', 'this indented text is a paragraph in MDX, not code'],
			['2025-08-01-unclosed.mdx', 20, 'mdx-syntax', 'not valid MDX: Expected a closing tag for `<Callout>` (2:1)'],
			// A team component takes text props only; two imports on consecutive lines are fine.
			['2025-08-03-cards-internal.mdx', 23, 'mdx-code', '<Note> has an expression or spread attribute, which would run code'],
			['2025-08-03-cards-internal.mdx', 25, 'mdx-attributes', "<Note> has the attribute name '$a', which is not an HTML name"],
			['2025-08-03-cards-internal.mdx', 27, 'component-refs', '<Incident id="2025-08-02-internal-mdx">: this public postmortem links an internal one'],
			['2025-08-03-cards-internal.mdx', 29, 'component-files', '<Figure src="./shared.png"> is also used by 2025-08-02-internal-mdx.mdx, which is not public'],
			['2025-08-05-plain-markdown.md', 20, 'mdx-extension', 'this body uses MDX (a component, an expression or an import), but the file is not .mdx'],
			// An attribute value is shown text: an <Internal> tag in it is published as written.
			['2025-08-06-attributes.mdx', 22, 'internal-block', 'this looks like an <Internal> tag but is not read as one, so its text would be published'],
		]);
		for (const p of problems) expect(p.fix, p.message).toBeTruthy();
		expect(problems.every((p) => p.severity === 'error')).toBe(true);
	});

	it('accepts a default import from the components folder, and refuses any other form', async () => {
		const { importProblem } = await import('../../src/lib/mdx/analyze.ts');
		const from = fixture('mdx', '2025-08-01-every-component.mdx');
		const components = fixture('mdx', 'components');
		expect(importProblem("import Runbook from './components/Runbook.astro';", from, components)).toBeUndefined();
		expect(importProblem("import { Runbook } from './components/Runbook.astro';", from, components)).toMatch(/^only `import Name from/);
		expect(importProblem("import fs from 'node:fs';", from, components)).toMatch(/^only/);
		expect(importProblem("import Fs from 'node:fs';", from, components)).toBe("'node:fs' is not an .astro component");
		expect(importProblem("import Passwd from '/etc/passwd.astro';", from, components)).toMatch(/is not in the components folder/);
		expect(importProblem("import Missing from './components/Missing.astro';", from, components)).toBe("'./components/Missing.astro': no such file");
		expect(importProblem("import R from './components/Runbook.astro'; export const x = process.env;", from, components)).toMatch(/^only/);
	});

	it('exercises every MDX rule', () => {
		const fired = new Set(problems.map((p) => p.rule));
		for (const rule of mdxRules) expect(fired, `no fixture fails rule ${rule.id}`).toContain(rule.id);
	});

});

describe('files a body names', () => {
	it('are refused when a symbolic link leads out of the content folder', async () => {
		const { mkdtempSync, symlinkSync, writeFileSync, cpSync, rmSync } = await import('node:fs');
		const { tmpdir } = await import('node:os');
		const { join } = await import('node:path');
		const outside = mkdtempSync(join(tmpdir(), 'hindsight-outside-'));
		writeFileSync(join(outside, 'secret.csv'), 'time,errors\n10:00,1\n10:05,2\n');
		const dir = mkdtempSync(join(tmpdir(), 'hindsight-links-'));
		cpSync(fixture('mdx'), dir, { recursive: true });
		symlinkSync(join(outside, 'secret.csv'), join(dir, 'linked.csv'));
		const file = join(dir, '2025-08-04-public-peer.mdx');
		const { readFileSync } = await import('node:fs');
		writeFileSync(file, readFileSync(file, 'utf8') + '\n<Graph data="./linked.csv" x="time" y="errors" />\n');
		const problems = checkArchive(dir).problems.filter((p) => p.rule === 'component-files');
		expect(problems.map((p) => p.message)).toEqual(['<Graph data="./linked.csv"> is not a file beside the postmortem']);
		rmSync(dir, { recursive: true, force: true });
		rmSync(outside, { recursive: true, force: true });
	});
});

