import { z } from 'astro/zod';
import { KEBAB, needs, text, withFix } from './common.ts';

const id = (file: string) =>
	z
		.string({ error: (issue) => needs('id', issue.input, 'a kebab-case id, e.g. checkout-api') })
		.refine((value) => KEBAB.test(value), {
			error: (issue) => withFix(`id must be kebab-case, got '${String(issue.input)}'`, `rename it in ${file}, e.g. checkout-api`),
		});

/** One entry of components.yml: a system that incidents can name. */
export const componentSchema = z.strictObject({
	// Stable kebab-case id that postmortems list under `components`.
	id: id('components.yml'),
	// Human name shown on pages.
	name: text('name', 'the name people use, e.g. "Checkout API"'),
	// The team that owns it.
	team: text('team', 'the owning team, e.g. payments'),
	// What it does, in one sentence.
	description: text('description', 'one sentence on what it does'),
});

/** One entry of causes.yml: a kind of trigger or contributing factor. */
export const causeSchema = z.strictObject({
	// Stable kebab-case id that postmortems list under `causes`.
	id: id('causes.yml'),
	// Human name shown on pages.
	name: text('name', 'a short name, e.g. "Configuration change"'),
	// What belongs under it, so authors pick consistently.
	description: text('description', 'one sentence on what belongs under this cause'),
});

export type Component = z.output<typeof componentSchema>;
export type Cause = z.output<typeof causeSchema>;
