import { z } from 'astro/zod';

/**
 * Schema messages carry their own fix after this marker, so that the check runner,
 * Astro's own error output and the tests all show the same advice.
 */
export const FIX = '\nfix: ';
export const withFix = (what: string, fix: string) => `${what}${FIX}${fix}`;

/** Quote a value the way it appeared in YAML, for "got …" messages. */
export const shown = (value: unknown) =>
	value === undefined ? 'nothing' : typeof value === 'string' ? `'${value}'` : JSON.stringify(value);

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lower-cases and hyphenates free text: "Connection Pool" → "connection-pool". */
export const toKebab = (value: string) =>
	value
		.trim()
		.replace(/([a-z0-9])([A-Z])/g, '$1-$2')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');

/** A moment in an incident. `approximate` comes from a leading "~" and is shown as such. */
export interface Moment {
	iso: string;
	at: Date;
	approximate: boolean;
}

const MOMENT = /^(~)?\s*(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})$/;

export const moment = (field: string) =>
	z
		.string({ error: (issue) => needs(field, issue.input, 'a time with its offset, e.g. 2025-10-23T14:02:00Z') })
		.transform((raw, ctx): Moment => {
			const match = MOMENT.exec(raw.trim());
			const at = match ? new Date(`${match[2]}${match[3]}`) : undefined;
			if (!match || !at || Number.isNaN(at.getTime())) {
				ctx.issues.push({
					code: 'custom',
					input: raw,
					message: withFix(
						`${field} must be an ISO-8601 time with an offset, got ${shown(raw)}`,
						'write it like 2025-10-23T14:02:00Z or 2025-10-23T16:02+02:00; put "~" in front if it is approximate',
					),
				});
				return z.NEVER;
			}
			return { iso: `${match[2]}${match[3]}`, at, approximate: Boolean(match[1]) };
		});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day kept as 'YYYY-MM-DD', so that comparisons never cross a time zone. */
export const day = (field: string) =>
	z
		.string({ error: (issue) => needs(field, issue.input, 'a date, e.g. 2025-11-30') })
		.refine((raw) => DAY.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw), {
			error: (issue) => withFix(`${field} must be a date written YYYY-MM-DD, got ${shown(issue.input)}`, 'write it like 2025-11-30'),
		});

/** A required, non-empty line of text. */
export const text = (field: string, example: string) =>
	z
		.string({ error: (issue) => needs(field, issue.input, example) })
		.trim()
		.min(1, { error: withFix(`${field} is empty`, `write ${example}`) });

/** The message for a missing or mistyped field, with what belongs there. */
export function needs(field: string, input: unknown, what: string) {
	return input === undefined || input === null
		? withFix(`${field} is required`, `add ${field}: ${what}`)
		: withFix(`${field} must be ${what}, got ${shown(input)}`, `replace it with ${what}`);
}

/** One value or a list of them; YAML authors often write a single item without brackets. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
	z.preprocess((value) => (value === undefined || value === null || Array.isArray(value) ? value : [value]), z.array(item));

/** An id of something kept elsewhere in the archive; normalized to kebab-case. */
export const idRef = (field: string) =>
	z
		.string({ error: (issue) => needs(field, issue.input, 'an id in kebab-case, e.g. checkout-api') })
		.transform((value) => toKebab(value))
		.refine((value) => value.length > 0, { error: withFix(`${field} is empty`, 'write an id in kebab-case, e.g. checkout-api') });

/**
 * A link readers can follow: http(s) only. A javascript: or data: URL in a frontmatter field would
 * run or carry content when clicked, whichever page renders it.
 */
export const webUrl = (field: string, example: string) =>
	z
		.string({ error: (issue) => needs(field, issue.input, `a full URL, e.g. ${example}`) })
		.trim()
		.refine((raw) => /^https?:\/\/[^\s/?#]+/i.test(raw) && URL.canParse(raw), {
			error: (issue) => withFix(`${field} must be an http(s) URL, got ${shown(issue.input)}`, `write the full address, e.g. ${example}`),
		});
