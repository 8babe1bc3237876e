import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('..', import.meta.url)),
		include: ['test/**/*.test.ts'],
		// The smoke tests run real Astro builds; they share Astro's cache, so test files run one after another.
		fileParallelism: false,
		testTimeout: 20_000,
	},
});
