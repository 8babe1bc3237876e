/**
 * The baseline the benchmark compares against: a plain Astro site with one `.md` page per
 * postmortem of the same corpus (its body as written) and nothing else: no check, no loaders, no
 * search, no analysis. Built with the same Astro in the same run, it tells what Hindsight adds.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Writes the baseline project for a content folder into `dir`; returns how many pages it has. */
export function writeBaseline(content: string, dir: string): number {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
	// The project's own Astro, resolved through a link, so both builds use the same version.
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hindsight-baseline', private: true, type: 'module' }));
	writeFileSync(join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ devToolbar: { enabled: false } });\n");
	let pages = 0;
	for (const name of readdirSync(content).filter((f) => /\.mdx?$/.test(f))) {
		const text = readFileSync(join(content, name), 'utf8');
		const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
		const title = /^title: (.*)$/m.exec(text)?.[1] ?? name;
		writeFileSync(join(dir, 'src', 'pages', name.replace(/\.mdx?$/, '.md')), `---\ntitle: ${JSON.stringify(title)}\n---\n${body}`);
		pages++;
	}
	return pages;
}
