/**
 * What HTML a rendered body may contain, in both editions: the elements and attributes Markdown
 * itself produces (GFM tables, task lists, footnotes, Prism's code classes) and a few harmless
 * inline ones. Everything else is removed by the sanitizer (sanitize.ts) and reported by the check,
 * which both read this one list.
 */
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

export const ALLOWED_TAGS = [
	...HEADINGS,
	'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em',
	'figcaption', 'figure', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small',
	'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

const CELL = ['style', 'align', 'colspan', 'rowspan'];

export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
	...Object.fromEntries(HEADINGS.map((h) => [h, ['id']])),
	a: ['href', 'title', 'id', 'class', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnote-backref'],
	img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
	// GFM task lists render disabled checkboxes.
	input: ['type', 'checked', 'disabled'],
	ol: ['start', 'class'],
	ul: ['class'],
	li: ['id', 'class'],
	section: ['class', 'data-footnotes'],
	// Prism's classes on code, the internal edition's marker on div and span.
	pre: ['class'],
	code: ['class'],
	span: ['class'],
	div: ['class'],
	th: CELL,
	td: CELL,
	time: ['datetime'],
	abbr: ['title'],
	q: ['cite'],
	blockquote: ['cite'],
	details: ['open'],
};

/** Only table alignment survives in a style attribute: anything else could restyle the page. */
export const ALLOWED_STYLES = { '*': { 'text-align': [/^(?:left|right|center)$/] } };

/** Links and images may point at the web or at a path of this site; javascript:, data: and the like are removed. */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];

/** Elements removed with everything inside them, not just their tags. */
export const DROPPED_WITH_CONTENT = ['script', 'style', 'template', 'noscript', 'textarea', 'option', 'title', 'iframe', 'object', 'embed', 'svg', 'math'];

const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'srcset', 'xlink:href']);

/**
 * Whether a URL may appear in a link: http(s), mailto, or relative to this site. An image may only
 * be relative: the Content-Security-Policy loads images from this site alone, and a remote one would
 * tell another site who reads the page.
 */
export function isSafeUrl(url: string, { image = false } = {}): boolean {
	// Browsers ignore tabs, newlines and leading control characters inside a scheme ("java\tscript:").
	const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
	if (compact.startsWith('//') || compact.startsWith('\\\\')) return false;
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
	return !scheme || (!image && ALLOWED_SCHEMES.includes(scheme[1].toLowerCase()));
}

/**
 * What the sanitizer does to one start tag: removes it, or keeps it without some of its attributes.
 * An attribute is unsafe when it runs code or leaves the web (on…, javascript:, data:); a remote
 * image is only a privacy matter, which the lint reports as such.
 */
export function tagVerdict(name: string, attrs: { name: string; value: string }[]): { removed: boolean; withContent: boolean; attributes: { label: string; unsafe: boolean }[] } {
	if (!ALLOWED_TAGS.includes(name)) return { removed: true, withContent: DROPPED_WITH_CONTENT.includes(name), attributes: [] };
	const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
	const attributes = attrs.flatMap(({ name: attr, value }) => {
		const url = URL_ATTRIBUTES.has(attr);
		if (allowed.includes(attr) && (!url || isSafeUrl(value, { image: name === 'img' && attr === 'src' }))) return [];
		const label = url && allowed.includes(attr) ? `${attr}="${value.slice(0, 40)}"` : attr;
		return [{ label, unsafe: /^on/i.test(attr) || (url && !isSafeUrl(value)) }];
	});
	return { removed: false, withContent: false, attributes };
}
