import { z } from 'astro/zod';
import { needs, shown, withFix } from './common.ts';

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

/**
 * A list entry that must be one word (a domain, a host, a rule id). A space inside usually means a
 * YAML indentation slip that folded two list items into one string ("a.example - b.example").
 */
const word = (field: string, shape: RegExp, example: string) =>
	z.string({ error: (issue) => needs(field, issue.input, example) }).refine((value) => shape.test(value.trim()), {
		error: (issue) =>
			withFix(
				`${field} must be one ${example.split(',')[0].replace(/^an? /, '')} per entry, got ${shown(issue.input)}`,
				/\s-\s/.test(String(issue.input)) ? 'two entries ran together: indent every "- " of the list the same way' : `write it like ${example.split(', e.g. ')[1] ?? example}`,
			),
	});

const list = <T extends z.ZodType>(field: string, item: T) => z.array(item, { error: (issue) => needs(field, issue.input, 'a list, one entry per line starting with "- "') }).default([]);

const DOMAIN = /^\.?[a-z0-9-]+(?:\.[a-z0-9-]+)*$/i;
const HOST_PATH = /^[a-z0-9.-]+(?::\d+)?(?:\/\S*)?$/i;

/** lint.yml beside the postmortems: what this team considers internal, and its own blameless phrases. */
export const lintSettingsSchema = z.strictObject({
	// Words that look like names but are roles, teams, products or organizations ("Orchestrator", "Pat the bot").
	allowNames: list('allowNames', z.string().trim().min(1)),
	// Domain suffixes that are internal: any hostname ending in one is reported (larkspur.example, corp, internal).
	internalDomains: list('internalDomains', word('internalDomains', DOMAIN, 'a domain, e.g. corp.example')),
	// Hosts (and path prefixes) of internal tools whose links must not be published: tracker, chat, dashboards.
	internalUrls: list('internalUrls', word('internalUrls', HOST_PATH, 'a host or host/path, e.g. tracker.example.com/browse')),
	// Hosts the defaults call internal that are public for this team, e.g. status.pagerduty.com or docs.google.com.
	publicUrls: list('publicUrls', word('publicUrls', HOST_PATH, 'a host or host/path from the default internal tools, e.g. docs.google.com')),
	// Exact strings reported as secrets that are known to be public or fake (a vendor's documented example key); reviewed here, never silenced inside a postmortem.
	allowSecrets: list('allowSecrets', z.string().trim().min(8)),
	// Ids of built-in rules that do not apply to this archive, e.g. privacy/phone.
	disableRules: list('disableRules', word('disableRules', /^[a-z]+\/[a-z0-9-]+$/, 'a rule id, e.g. privacy/phone')),
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
