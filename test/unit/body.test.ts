import { describe, expect, it } from 'vitest';
import { analyzeBody, editionBody } from '../../src/lib/publish/body.ts';
import { sanitizeBody } from '../../src/lib/publish/sanitize.ts';

const issues = (body: string, rule = 'internal-block') =>
	analyzeBody(body)
		.issues.filter((i) => i.rule === rule)
		.map((i) => [i.severity, body.slice(i.offset, i.offset + 12)]);

describe('<Internal>, found by the Markdown parser that renders the body', () => {
	it.each([
		['lower case', 'Text <internal>SECRET</internal> more.'],
		['upper case', 'Text <INTERNAL>SECRET</INTERNAL> more.'],
		['a space before >', '<Internal >\n\nSECRET\n\n</Internal >'],
		['an attribute', '<Internal reason="audit">SECRET</Internal>'],
		['inside a blockquote', '> <Internal>\n>\n> SECRET\n>\n> </Internal>'],
		['inside a list item', '- item\n\n  <Internal>\n\n  SECRET\n\n  </Internal>'],
		['an HTML block of its own lines', '<Internal>\nSECRET\n</Internal>'],
	])('is cut from the public edition when spelled with %s', (_name, body) => {
		expect(editionBody(body, 'public')).not.toContain('SECRET');
		expect(editionBody(body, 'internal')).toContain('SECRET');
		expect(analyzeBody(body).issues.filter((i) => i.severity === 'error')).toEqual([]);
	});

	it('warns that a spelling other than <Internal> is read as one', () => {
		expect(issues('Text <internal>x</internal>.')).toEqual([
			['warning', '<internal>x<'],
			['warning', '</internal>.'],
		]);
	});

	it.each([
		['spaces after <', 'Intro.\n\n< Internal >SECRET</Internal>\n\nAfter.'],
		['a tag broken over two lines', 'Intro.\n\n<Internal\n>SECRET</Internal>\n\nAfter.'],
		['a self-closing tag', 'Intro.\n\n<Internal/>\n\nSECRET\n\nAfter.'],
		['an unclosed tag', 'Intro.\n\n<Internal>\n\nSECRET\n\nAfter.'],
		['an escaped tag', 'Intro.\n\n\\<Internal>SECRET\\</Internal>\n\nAfter.'],
	])('is a check error, and the public edition publishes nothing after it, with %s', (_name, body) => {
		const errors = analyzeBody(body).issues.filter((i) => i.severity === 'error');
		expect(errors.length).toBeGreaterThan(0);
		expect(editionBody(body, 'public')).not.toContain('SECRET');
		expect(editionBody(body, 'public')).toContain('Intro.');
	});

	it('is only text inside code', () => {
		const body = 'Use `<Internal>` like this:\n\n```mdx\n<Internal>example</Internal>\n```\n';
		expect(analyzeBody(body).internal).toEqual([]);
		expect(analyzeBody(body).issues).toEqual([]);
		expect(editionBody(body, 'public')).toBe(body);
	});

	it('keeps the shape of the line it was cut from, so a comment under it stays a comment', () => {
		const body = 'Intro.\n\n<Internal>hidden</Internal>\n    <!-- COMMENT ghp_token on db5.acme.internal -->\n\nEnd.';
		expect(analyzeBody(editionBody(body, 'public')).texts.filter((t) => t.kind !== 'comment').map((t) => t.text).join(' ')).not.toContain('COMMENT');
	});

	it('is a check error when cutting it would show text that was hidden', () => {
		const body = 'Intro\n\n<Internal>\n\nx\n\n</Internal>\n```\n<!-- HIDDEN -->\n```\n';
		expect(analyzeBody(body).issues.map((i) => i.message)).toContainEqual(expect.stringContaining("'HIDDEN' would be shown"));
	});

	it.each([
		['fullwidth brackets', 'Text ＜Internal＞SECRET＜/Internal＞ more.'],
		['a zero-width space in the name', 'Text <Inter\u200bnal>SECRET</Inter\u200bnal> more.'],
		['a link title', '[status](https://example.com/status "<Internal>SECRET</Internal>")'],
		['an image description', '![<Internal>SECRET</Internal>](/diagram.png)'],
		['an HTML attribute', '<abbr title="<Internal>SECRET</Internal>">x</abbr>'],
	])('is a check error when written where it cannot work: %s', (_name, body) => {
		expect(analyzeBody(body).issues.filter((i) => i.severity === 'error').length).toBeGreaterThan(0);
	});

	it('must close in the same paragraph when inline', () => {
		expect(issues('A <Internal>one\n\ntwo</Internal> b.').map(([severity]) => severity)).toContain('error');
	});

	it('reports nesting and a stray closing tag', () => {
		expect(issues('<Internal>\n\na <Internal>b</Internal>\n\n</Internal>').some(([s]) => s === 'error')).toBe(true);
		expect(issues('Text </Internal> more.')).toEqual([['error', '</Internal> ']]);
	});
});

describe('comments and raw HTML', () => {
	it('finds comments wherever the parser sees HTML, and ignores them in code', () => {
		const { comments, texts } = analyzeBody('Text <!-- inline --> more.\n\n<!--\nblock\n-->\n\n`<!-- code -->`');
		expect(comments).toHaveLength(2);
		expect(texts.filter((t) => t.kind === 'comment').map((t) => t.text.trim())).toEqual(['inline', 'block']);
	});

	it('reports what the sanitizer removes, with decoded URLs', () => {
		const body = '<meta http-equiv="refresh" content="0;url=https://elsewhere.example">\n\n[x](javascript:alert(1)) <a href="jav&#x61;script:x" onclick="y">z</a> <img src="data:image/png;base64,AAAA">';
		const removed = analyzeBody(body).issues.filter((i) => i.rule === 'html-removed').map((i) => i.removed);
		expect(removed).toEqual(['the <meta> tag', 'the javascript: link', 'the href="javascript:x" attribute of <a>', 'the onclick attribute of <a>', 'the src="data:image/png;base64,AAAA" attribute of <img>']);
	});

	it('decodes entities in the text it hands to the lint', () => {
		const texts = analyzeBody('Host db&#46;corp&#46;example and <span title="a&#64;b.example">x</span>').texts.map((t) => t.text);
		expect(texts.find((t) => t.startsWith('Host'))).toMatch(/^Host db\.corp\.example and\s+x/);
		expect(texts).toContain('a@b.example');
	});
});

describe('the sanitizer', () => {
	it('keeps what Markdown produces', () => {
		const html = '<h2 id="impact">Impact</h2><p><a href="https://example.org/x">x</a> <code class="language-js">a</code></p><table><tr><th style="text-align: left">a</th></tr></table><ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>';
		const clean = sanitizeBody(html, 'public');
		for (const kept of ['<h2 id="impact">', '<a href="https://example.org/x">', '<code class="language-js">', 'style="text-align:left"', '<li class="task-list-item"><input type="checkbox" checked disabled />']) expect(clean).toContain(kept);
	});

	it('removes comments, scripts, meta refresh, handlers and unsafe links in both editions', () => {
		const html = '<p>a<!-- secret --></p><meta http-equiv="refresh" content="0;url=x"><script>alert(1)</script><p onclick="x"><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><a href="//evil.example/">p</a><img src="x" onerror="alert(1)"></p><style>body{display:none}</style><iframe src="https://x"></iframe>';
		for (const edition of ['public', 'internal'] as const) {
			const clean = sanitizeBody(html, edition);
			expect(clean).not.toMatch(/secret|<meta|<script|alert|onclick|onerror|javascript:|data:|evil|<style|display|<iframe/);
			expect(clean).toContain('<p>a</p>');
		}
	});

	it('drops a leftover <internal> element with its text in the public edition only', () => {
		expect(sanitizeBody('<p>a <internal>SECRET</internal> b</p>', 'public')).toBe('<p>a  b</p>');
		expect(sanitizeBody('<p>a <internal>SECRET</internal> b</p>', 'internal')).toContain('SECRET');
	});
});
