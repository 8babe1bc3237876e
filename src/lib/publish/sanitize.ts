/**
 * Rendered bodies pass through an allowlist sanitizer (sanitize-html) before they are stored, in
 * both editions: a body is text for readers, and raw HTML in it could redirect them (<meta refresh>),
 * restyle the page or carry javascript: links. HTML comments are never meant for readers and go too.
 * In the public edition an <internal> element that survived to this point (any spelling the
 * Markdown step did not cut) is dropped with its content rather than unwrapped.
 */
import sanitizeHtml from 'sanitize-html';
import type { Edition } from '../config.ts';
import { ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_STYLES, ALLOWED_TAGS, DROPPED_WITH_CONTENT } from './html-policy.ts';

const options = (edition: Edition): sanitizeHtml.IOptions => ({
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: ALLOWED_ATTRIBUTES,
	allowedStyles: ALLOWED_STYLES,
	allowedSchemes: ALLOWED_SCHEMES,
	// Images come from this site only, as the Content-Security-Policy says: a remote image tracks every reader.
	allowedSchemesByTag: { img: [] },
	allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	nonTextTags: [...DROPPED_WITH_CONTENT, ...(edition === 'public' ? ['internal'] : [])],
	exclusiveFilter: edition === 'public' ? (frame) => frame.tag === 'internal' : undefined,
	// Markdown output is already well-formed; keep its entities as they are.
	parser: { lowerCaseTags: true, lowerCaseAttributeNames: true },
});

const cache = new Map<Edition, sanitizeHtml.IOptions>();

export function sanitizeBody(html: string, edition: Edition): string {
	if (!cache.has(edition)) cache.set(edition, options(edition));
	return sanitizeHtml(html, cache.get(edition));
}
