/**
 * The lint and the public edition must read an MDX body the same way: every leak found through MDX
 * came from a difference between the two (the lint once read MDX bodies as Markdown). Each case is
 * a body with a canary host; it is compiled exactly as the public build compiles it (Sätteri with
 * the edition's plugins), and the lint must say error exactly when the canary reaches the module,
 * and warning (read, not shown) when it does not. Nothing goes unread.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintArchive } from '../../src/lib/lint/index.ts';
import { analyzeMdx, readsAsMdx } from '../../src/lib/mdx/analyze.ts';
import { hindsightMdx } from '../../src/lib/mdx/plugin.ts';
import { readPostmortem } from '../../src/lib/source.ts';
import type { Problem } from '../../src/lib/check/problem.ts';
import { fixture, lintArchiveOf, lintPostmortem } from '../helpers.ts';

const host = (n: number) => `c${String(n).padStart(2, '0')}-lk.larkspur.internal`;

/** Bodies written the way an attacker or a careless author would, each naming its own canary. */
const CASES: [string, string][] = [
	['a comment pair that looks like it hides the text between', `Fine. {/* <Internal> */}The primary was ${host(1)}.{/* </Internal> */} Done.`],
	['an attribute value spanning blank lines around <Internal>', `<Callout kind="note" title="Before\n\n<Internal>\n\n">\nOpening.\n</Callout>\n\nThe primary ${host(2)} failed.`],
	['an HTML comment inside an attribute value', `<Callout kind="note" title="Heads up <!-- ${host(3)} --> end">Text.</Callout>`],
	['a literal expression', `It ran on {"${host(4)}"}.`],
	['an inline <Internal> inside a component', `<Callout kind="lucky">\nShown. <Internal>It was ${host(5)}.</Internal>\n</Callout>`],
	['a component inside a block <Internal>', `<Internal>\n<Callout kind="note">\nThe host was ${host(6)}.\n</Callout>\n</Internal>\n\nAfter.`],
	['an expression attribute, which drops the element', `<Callout kind="note" title={"${host(7)}"}>\nBody text.\n</Callout>`],
	['indented text in a component (code in Markdown, a paragraph in MDX)', `<Callout kind="lesson">\n    The replica ${host(8)} stayed up.\n</Callout>`],
	['a figure caption and alt', `<Figure src="./shot.png" alt="Errors on ${host(9)}" caption="Seen from ${host(10)}" />`],
	['a chat line', `<Chat>\n**client:** the pool on ${host(11)} was full\n</Chat>`],
	['a link inside a component', `<Callout kind="note">\nSee [the runbook](https://${host(12)}/runbook).\n</Callout>`],
	['code that is not a literal', `Total: {"a" + "${host(13)}"}.`],
	['character references in component text', `<Callout kind="note">\nIt ran on ${host(14).replaceAll('.', '&#46;')}.\n</Callout>`],
	['an HTML attribute the sanitizer drops, which drops the element', `<Callout kind="note">\nText <span title="${host(15)}">here</span>.\n</Callout>`],
	['text in an allowed HTML element', `<Callout kind="note">\nText <mark>${host(16)}</mark> here.\n</Callout>`],
	['a heading inside a component', `<Callout kind="warning">\n### Lost ${host(17)}\n\nText.\n</Callout>`],
	['an import the team may not make', `import Leak from "../${host(18)}.astro"\n\nText.`],
	['a code span inside an inline <Internal>', '<Callout kind="note">\nPublic words. <Internal>`' + host(19) + '`</Internal> More public words.\n</Callout>'],
	['an <Incident> card title', `<Incident id="2025-05-01-c20" title="${host(20)}" />`],
];

const file = (i: number) => `2025-05-01-c${String(i + 1).padStart(2, '0')}.mdx`;

describe('the lint reads an MDX body as the public edition compiles it', () => {
	let dir: string;
	let problems: Problem[];
	beforeAll(async () => {
		dir = lintArchiveOf(Object.fromEntries(CASES.map(([, body], i) => [file(i), lintPostmortem(body)])));
		cpSync(fixture('mdx', 'error-rate-public.png'), join(dir, 'shot.png'));
		({ problems } = await lintArchive(dir));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it.each(CASES.map(([name], i) => [name, i] as const))('%s', (_, i) => {
		const path = join(dir, file(i));
		const { body } = readPostmortem(path).source!;
		// Compiled by @astrojs/mdx in the build, not rendered as Markdown: the case tests the MDX path.
		expect(readsAsMdx(path, analyzeMdx(body))).toBe(true);
		const { mdast, hast } = hindsightMdx('public', join(dir, 'components'), dir);
		const { code } = mdxToJs(body, { mdastPlugins: [mdast], hastPlugins: [hast], fileURL: pathToFileURL(path) });
		const canaries = [...new Set(CASES[i][1].replaceAll('&#46;', '.').match(/c\d\d-lk\.larkspur\.internal/g))];
		for (const canary of canaries) {
			// Privacy findings only: code is refused (unsafe, an error) whether it is shown or not.
			const found = problems.filter((p) => p.file.endsWith(file(i)) && p.rule.startsWith('privacy/') && p.message.includes(canary));
			const published = code.includes(canary);
			expect(found.length, `the lint did not read ${canary}`).toBeGreaterThan(0);
			expect(found.map((p) => p.severity).includes('error'), published ? `${canary} is published, but the lint only warns` : `${canary} is not published, but the lint calls it shown`).toBe(published);
		}
	});

	it('covers both verdicts', () => {
		const errors = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
		expect(errors.size).toBeGreaterThan(5);
		expect(errors.size).toBeLessThan(CASES.length);
	});
});
