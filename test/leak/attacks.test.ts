/**
 * What a reviewer found when attacking the public edition, replayed against build:public. Each case
 * is a public, published postmortem added to the leak fixture: either the build stops with the
 * file and line, or it publishes and no output byte holds the canary.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture, root, run } from '../helpers.ts';

const frontmatter = (extra = '', summary = 'A public incident.') => `---
title: An attack on the public edition
summary: ${summary}
severity: SEV-3
status: published
published: 2025-05-01
visibility: public
started: 2025-05-01T10:00:00Z
detected: 2025-05-01T10:05:00Z
resolved: 2025-05-01T11:00:00Z
components: [storefront]
causes:
  trigger: deployment
impact: Visitors saw errors.
timeline:
  - at: 2025-05-01T10:00:00Z
    kind: trigger
    event: It began.
${extra}---
`;

function build(name: string, body: string, extra: Record<string, string> = {}) {
	const dir = join(root, 'test', '.tmp', `attack-${name}`);
	const out = `${dir}-site`;
	rmSync(dir, { recursive: true, force: true });
	rmSync(out, { recursive: true, force: true });
	cpSync(fixture('leak'), dir, { recursive: true });
	writeFileSync(join(dir, '2025-05-01-attack.mdx'), body);
	for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text);
	const result = run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', out], { HINDSIGHT_CONTENT_DIR: dir, HINDSIGHT_EDITION: 'public', HINDSIGHT_SITE: 'https://postmortems.example' });
	return { ...result, out };
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** Output files holding the text, Pagefind's compressed ones decompressed. */
function holding(out: string, text: string): string[] {
	return files(out).filter((path) => {
		const bytes = readFileSync(path);
		return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8').includes(text);
	}).map((path) => relative(out, path));
}

describe('build:public against the tricks that once worked', () => {
	it.each([
		['an alias that copies the revenue into the summary', `${frontmatter('', '*r').replace('impact: Visitors saw errors.', 'impact:\n  description: Visitors saw errors.\n  revenue: &r "CANARY-ALIAS"')}\nBody.\n`, /2025-05-01-attack\.mdx:3:\d+  error  the alias \*r/],
		['<Internal> in the summary', `${frontmatter('', 'Public text. <Internal>CANARY-SUMMARY</Internal>')}\nBody.\n`, /2025-05-01-attack\.mdx:3:\d+  error  summary holds <Internal>/],
		['a paragraph that starts with an inline part', `${frontmatter()}\n<Internal>x</Internal> The primary db1.larkspur.internal failed.\n`, /2025-05-01-attack\.mdx:21:\d+  error  internal hostname 'db1\.larkspur\.internal'/],
		['a host split by an inline tag', `${frontmatter()}\nIt ran on db6.larkspur<wbr>.internal today.\n`, /2025-05-01-attack\.mdx:21:\d+  error  internal hostname 'db6\.larkspur\.internal'/],
		['a link to an internal postmortem', `${frontmatter()}\nSee [the other one](/incidents/2025-04-02-internal-only/).\n`, /2025-05-01-attack\.mdx:21:\d+  error  '2025-04-02-internal-only' is a postmortem the public edition does not publish/],
		['fullwidth brackets that look like the tag', `${frontmatter()}\nText ＜Internal＞CANARY-FULLWIDTH＜/Internal＞ more.\n`, /2025-05-01-attack\.mdx:21:\d+  error  this looks like an <Internal> tag/],
	])('stops at %s, with the file and line', (_name, body, message) => {
		const result = build('stop', body as string);
		expect(result.status).toBe(1);
		expect(result.output).toMatch(message as RegExp);
		expect(result.output).not.toMatch(/\n\s+at [\w.<]+ \(/);
	}, 120_000);

	// One leak of each class the issue lists, planted where a page would show it.
	const key = ['AKIA', 'Q7HLZ3WOXQ4T2P6M'].join('');
	it.each([
		['a key in a public note', { 'notes/causes/deployment.mdx': `---\nvisibility: public\n---\n\nThe deploy key is ${key}.\n` }, /notes\/causes\/deployment\.mdx:5:\d+  error  .*\[secret\/aws\]/],
		['an internal host in a registry description', { 'components.yml': '- id: storefront\n  name: Storefront\n  team: web\n  description: Runs on web-1.larkspur.internal.\n- id: leakcanary-ledger\n  name: LEAKCANARY-COMPONENT-NAME\n  team: LEAKCANARY-TEAM\n  description: Internal.\n' }, /components\.yml:4:\d+  error  internal hostname 'web-1\.larkspur\.internal'/],
		['an entity-encoded host in the body', { '2025-05-01-attack.mdx': `${frontmatter()}\nIt ran on db1&#46;larkspur&#46;internal.\n` }, /2025-05-01-attack\.mdx:21:\d+  error  internal hostname 'db1\.larkspur\.internal'/],
		['a YAML escape in the summary', { '2025-05-01-attack.mdx': `${frontmatter('', '"It ran on db1.larkspur\\x2Einternal."')}\nBody.\n` }, /2025-05-01-attack\.mdx:3:\d+  error  internal hostname 'db1\.larkspur\.internal'/],
		['a secretlint-disable comment', { '2025-05-01-attack.mdx': `${frontmatter()}\n<!-- secretlint-disable -->\n\nThe key was ${key}.\n` }, /2025-05-01-attack\.mdx:23:\d+  error  .*\[secret\/aws\]/],
		['a lint.yml whose list ran together', { 'lint.yml': 'internalDomains:\n  - larkspur.example\n   - larkspur.internal\n' }, /lint\.yml:2:\d+  error  internalDomains\[0\] must be one domain per entry/],
		['a meta refresh in a public body', { '2025-05-01-attack.mdx': `${frontmatter()}\n<meta http-equiv="refresh" content="0;url=https://elsewhere.example/">\n` }, /2025-05-01-attack\.mdx:21:\d+  error  .*\[unsafe\/script\]/],
	])('stops at %s, with the file and line', (_name, files, message) => {
		const { '2025-05-01-attack.mdx': body = `${frontmatter()}\nBody.\n`, ...rest } = files as Record<string, string>;
		const result = build('stop', body, rest);
		expect(result.status).toBe(1);
		expect(result.output).toMatch(message as RegExp);
		expect(result.output).not.toMatch(/\n\s+at [\w.<]+ \(/);
	}, 120_000);

	it.each([
		['lone CR line ends around a block in a blockquote', `${frontmatter()}\nIntro.\r\r> <div>\r> <Internal>\r>\r> CANARY-CR\r>\r> </Internal>\r> </div>\r\rEnd.\r`, 'CANARY-CR'],
		['a comment under an inline part, which the cut once turned into a code block', `${frontmatter()}\nIntro.\n\n<Internal>hidden</Internal>\n    <!-- CANARY-COMMENT -->\n\nEnd.\n`, 'CANARY-COMMENT'],
	])('publishes %s without the canary in any byte', (_name, body, canary) => {
		const result = build('publish', body as string);
		expect(result.status, result.output.slice(-2000)).toBe(0);
		expect(holding(result.out, 'An attack on the public edition').length).toBeGreaterThan(0);
		expect(holding(result.out, canary as string)).toEqual([]);
	}, 120_000);
});
