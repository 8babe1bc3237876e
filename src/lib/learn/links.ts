/**
 * Links between the archive's own pages, as authors write them in Markdown. One parser for the
 * check (broken links) and the pages (a glossary link shows its definition), so both agree on
 * what a link names.
 */
const BASE = 'https://archive.invalid';

export const glossaryUrl = (id: string) => `/glossary/#${id}`;
export const guideUrl = (id: string) => `/learn/${id}/`;
export const collectionUrl = (id: string) => `/learn/collections/${id}/`;

export type SiteLink = { kind: 'term' | 'incident' | 'guide' | 'collection'; id: string };

const decode = (part: string) => {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
};

/** What a link target names on this site, or undefined for another site or another page. */
export function siteLink(target: string): SiteLink | undefined {
	if (!target.startsWith('/') || target.startsWith('//')) return undefined;
	let url: URL;
	try {
		url = new URL(target, BASE);
	} catch {
		return undefined;
	}
	const parts = url.pathname.split('/').filter(Boolean).map(decode);
	if (parts[0] === 'glossary' && parts.length === 1 && url.hash.length > 1) return { kind: 'term', id: decode(url.hash.slice(1)) };
	if (parts[0] === 'incidents' && parts.length === 2 && !/^\d{4}$/.test(parts[1])) return { kind: 'incident', id: parts[1] };
	if (parts[0] === 'learn' && parts[1] === 'collections' && parts.length === 3) return { kind: 'collection', id: parts[2] };
	if (parts[0] === 'learn' && parts.length === 2 && parts[1] !== 'collections') return { kind: 'guide', id: parts[1] };
	return undefined;
}
