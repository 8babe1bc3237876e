import { z } from 'astro/zod';
import { VISIBILITIES } from './postmortem.ts';
import { shown, withFix } from './common.ts';

/** The frontmatter of a pattern-page note (notes/components/<id>.mdx, notes/causes/<id>.mdx); it may have none. */
export const noteSchema = z.strictObject({
	// A heading for the note; the pattern page shows the component's or cause's name anyway.
	title: z.string().trim().optional(),
	// internal (the default) or public: only public notes appear in the public edition.
	visibility: z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.refine((v) => (VISIBILITIES as readonly string[]).includes(v), {
			error: (issue) => withFix(`visibility must be one of ${VISIBILITIES.join(', ')}, got ${shown(issue.input)}`, 'write internal or public; notes are internal unless they say public'),
		})
		.optional(),
});

export type Note = z.output<typeof noteSchema>;
