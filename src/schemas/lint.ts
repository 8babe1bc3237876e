import { z } from 'astro/zod';
import { withFix } from './common.ts';

const pattern = z.string().refine(
	(source) => {
		try {
			new RegExp(source);
			return true;
		} catch {
			return false;
		}
	},
	{ error: (issue) => withFix(`'${String(issue.input)}' is not a valid regular expression`, 'escape special characters such as . ( ) [ ] with a backslash') },
);

/** lint.yml beside the postmortems: what this team considers internal, and its own blameless phrases. */
export const lintSettingsSchema = z.strictObject({
	// Words that look like names but are roles, teams, products or organizations ("Orchestrator", "Pat the bot").
	allowNames: z.array(z.string()).default([]),
	// Domain suffixes that are internal: any hostname ending in one is reported (larkspur.example, corp, internal).
	internalDomains: z.array(z.string()).default([]),
	// Hosts of internal tools whose links must not be published: tracker, chat, dashboards.
	internalUrls: z.array(z.string()).default([]),
	// More blameless-language rules, added to the built-in ones.
	blameless: z
		.array(
			z.strictObject({
				// kebab-case id, shown in reports as blameless/<id>.
				id: z.string().regex(/^[a-z0-9-]+$/, { error: (issue) => withFix(`blameless.id must be kebab-case, got '${String(issue.input)}'`, 'use lower-case words joined by hyphens, e.g. cowboy-deploys') }),
				// The phrase to find, as a regular expression, matched case-insensitively.
				pattern,
				// What is wrong with it.
				message: z.string(),
				// The systemic framing to use instead.
				fix: z.string(),
			}),
		)
		.default([]),
});

export type LintSettings = z.output<typeof lintSettingsSchema>;
