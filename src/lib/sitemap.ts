/** The sitemap: every built page, found on disk after the build, so it lists exactly what exists. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Site-relative URLs of the built pages: /incidents/x/ for incidents/x/index.html; not the 404 page. */
export function builtPages(dir: string): string[] {
	const walk = (folder: string): string[] =>
		readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : entry.name.endsWith('.html') ? [join(folder, entry.name)] : []));
	return walk(dir)
		// The 404 page is served for missing addresses; it is not a page of its own to list.
		.filter((file) => relative(dir, file) !== '404.html')
		.map((file) => `/${relative(dir, file).split(sep).join('/')}`.replace(/index\.html$/, '').replace(/\.html$/, '/'))
		.sort();
}

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function sitemapXml(pages: readonly string[], site: string): string {
	const urls = pages.map((page) => `  <url><loc>${escapeXml(new URL(page, site).href)}</loc></url>`);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
