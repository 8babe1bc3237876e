/** Builds the Pagefind index of a built site: only elements marked data-pagefind-body, i.e. incident pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number; errors: string[] }> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) return { pages: 0, errors };
	try {
		const added = await index.addDirectory({ path: siteDir });
		const outputPath = join(siteDir, 'pagefind');
		const written = await index.writeFiles({ outputPath });
		// addDirectory counts every HTML file it read; the entry file counts the pages actually indexed.
		const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
		return { pages, errors: [...errors, ...added.errors, ...written.errors] };
	} finally {
		await pagefind.close();
	}
}
