// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { hindsight } from './src/integration.ts';
import { SHORTCUT_HASH } from './src/lib/shortcut.ts';
import { hindsightMdx } from './src/lib/mdx/plugin.ts';
import { loadConfig } from './src/lib/config.ts';

const edition = process.env.HINDSIGHT_EDITION === 'public' ? 'public' : 'internal';
const { componentsDir, contentDir } = loadConfig();
const body = hindsightMdx(edition, componentsDir, contentDir);

export default defineConfig({
	// Each edition keeps its own content store, so a public build can never reuse an entry the internal build stored.
	cacheDir: `./node_modules/.astro/${edition}/`,
	// Set HINDSIGHT_SITE to the public address so that feeds and canonical links are absolute.
	site: process.env.HINDSIGHT_SITE || 'http://localhost:4321',
	trailingSlash: 'always',
	// Bodies that use components are MDX modules; the plugins apply the edition to their syntax tree.
	integrations: [hindsight(), mdx({ processor: satteri({ mdastPlugins: [body.mdast], hastPlugins: [body.hast] }) })],
	// Incident pages ship no JavaScript; prefetching would add a script to every page.
	prefetch: false,
	devToolbar: { enabled: false },
	markdown: {
		// Shiki colours code with inline styles, which the Content-Security-Policy forbids; Prism uses classes.
		syntaxHighlight: 'prism',
	},
	security: {
		// Astro adds the hashes of its own scripts and styles; search needs WebAssembly and a worker from this site.
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"connect-src 'self'",
				"worker-src 'self' blob:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			// The one inline script, the "/" and Ctrl+K shortcut, by its hash (src/lib/shortcut.ts).
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [SHORTCUT_HASH] },
			styleDirective: { resources: ["'self'"] },
		},
	},
});
