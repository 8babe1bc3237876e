// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { hindsight } from './src/integration.ts';

export default defineConfig({
	// Set HINDSIGHT_SITE to the public address so that feeds and canonical links are absolute.
	site: process.env.HINDSIGHT_SITE || 'http://localhost:4321',
	trailingSlash: 'always',
	integrations: [hindsight(), mdx()],
	// Incident pages ship no JavaScript; prefetching would add a script to every page.
	prefetch: false,
	devToolbar: { enabled: false },
});
