/** Builds the Pagefind index of a built site: only elements marked data-pagefind-body: incident pages and guides. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number; errors: string[] }> {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) return { pages: 0, errors };
	try {
		const added = await index.addDirectory({ path: siteDir });
		// The files are taken from memory and written here, rather than with writeFiles: its promise was
		// seen to resolve before every file was on disk, and closing the service then truncates the index.
		const { files, errors: fileErrors } = await index.getFiles();
		const outputPath = join(siteDir, 'pagefind');
		rmSync(outputPath, { recursive: true, force: true });
		// Pagefind also ships ready-made search UIs; the archive has its own, so only the engine and the index are kept.
		for (const file of files.filter((f) => !/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f.path))) {
			mkdirSync(dirname(join(outputPath, file.path)), { recursive: true });
			writeFileSync(join(outputPath, file.path), file.content);
		}
		// addDirectory counts every HTML file it read; the entry file counts the pages actually indexed.
		const entry = files.find((file) => file.path === 'pagefind-entry.json');
		const languages = entry ? (JSON.parse(new TextDecoder().decode(entry.content)) as { languages: Record<string, { page_count: number }> }).languages : {};
		const pages = Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
		return { pages, errors: [...errors, ...added.errors, ...fileErrors] };
	} finally {
		await pagefind.close();
	}
}
