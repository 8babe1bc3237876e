import { z } from 'astro/zod';
import { day, idRef, moment, needs, oneOrMany, shown, text, toKebab, webUrl, withFix, KEBAB } from './common.ts';

export const SEVERITIES = [
	{ id: 'SEV-1', name: 'Critical', meaning: 'A core service is down or data is lost or exposed for many users. Everyone needed drops other work until it is mitigated.' },
	{ id: 'SEV-2', name: 'Major', meaning: 'A core function is unavailable or badly degraded for a large share of users, with no reasonable workaround.' },
	{ id: 'SEV-3', name: 'Minor', meaning: 'Partial degradation, a workaround exists, or only a small share of users is affected.' },
	{ id: 'SEV-4', name: 'Low', meaning: 'Little or no user impact: a near miss or an internal failure worth learning from.' },
] as const;
export type Severity = (typeof SEVERITIES)[number]['id'];

export const STATUSES = ['draft', 'in-review', 'published'] as const;
export const VISIBILITIES = ['internal', 'public'] as const;
export const TIMELINE_KINDS = ['trigger', 'impact', 'detection', 'escalation', 'mitigation', 'resolution', 'note'] as const;
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process'] as const;

/** An enum that accepts any letter case and reports the allowed values by name. */
const oneOf = <const T extends readonly [string, ...string[]]>(field: string, values: T, normalize = (v: string) => v.trim().toLowerCase()) =>
	z
		.string({ error: (issue) => needs(field, issue.input, `one of ${values.join(', ')}`) })
		.transform((raw, ctx) => {
			const found = values.find((value) => normalize(value) === normalize(raw));
			if (found) return found as T[number];
			ctx.issues.push({
				code: 'custom',
				input: raw,
				message: withFix(`${field} must be one of ${values.join(', ')}, got ${shown(raw)}`, `write one of ${values.join(', ')}`),
			});
			return z.NEVER;
		});

const severity = z
	.union([z.string(), z.number()], { error: (issue) => needs('severity', issue.input, 'one of SEV-1…SEV-4') })
	.transform((raw, ctx) => {
		// "sev2", "SEV 2", "Sev-2" and a bare 2 all mean SEV-2; anything else is a typo worth stopping for.
		const match = /^(?:sev[\s-]?)?([1-4])$/i.exec(String(raw).trim());
		if (match) return `SEV-${match[1]}` as Severity;
		ctx.issues.push({
			code: 'custom',
			input: raw,
			message: withFix(`severity must be one of SEV-1…SEV-4, got ${shown(raw)}`, 'write SEV-1 (critical) to SEV-4 (low); the scale is explained on the /severity/ page'),
		});
		return z.NEVER;
	});

const tag = z
	.string({ error: (issue) => needs('tags', issue.input, 'a kebab-case word, e.g. connection-pool') })
	.transform((value) => toKebab(value))
	.refine((value) => KEBAB.test(value), { error: withFix('a tag is empty', 'remove it or write a kebab-case word') });

const impact = z.preprocess(
	// The shorthand `impact: "one sentence"` is the common case.
	(value) => (typeof value === 'string' ? { description: value } : value),
	z.object(
		{
			// What users saw, in one sentence.
			description: text('impact.description', 'one sentence on what users saw'),
			// How many users were affected, as a count.
			usersAffected: z.number({ error: (i) => needs('impact.usersAffected', i.input, 'a whole number') }).int().nonnegative().optional(),
			// Names of the SLOs that were breached.
			slosBreached: oneOrMany(z.string()).optional(),
			// Share of the error budget used up, in percent.
			errorBudgetConsumed: z.number({ error: (i) => needs('impact.errorBudgetConsumed', i.input, 'a percentage such as 40') }).nonnegative().optional(),
			// Support tickets opened about the incident.
			supportTickets: z.number({ error: (i) => needs('impact.supportTickets', i.input, 'a whole number') }).int().nonnegative().optional(),
			// Estimated revenue impact; internal-only, dropped from the public edition.
			revenue: z.string().optional(),
		},
		{ error: (issue) => needs('impact', issue.input, 'a sentence, or a map with description and optional numbers') },
	),
);

const timelineEntry = z.strictObject({
	// When it happened; "~" in front marks an approximate time.
	at: moment('timeline.at'),
	// What happened, in one line.
	event: text('timeline.event', 'what happened, in one line'),
	// Milestones (trigger, detection, …) drive the computed durations; everything else is a note.
	kind: oneOf('timeline.kind', TIMELINE_KINDS).default('note'),
});

const action = z.strictObject({
	// What will be done, as an outcome.
	title: text('actions.title', 'what will be done'),
	// A team or role that owns it, never a person; required once published.
	owner: z.string().trim().min(1).optional(),
	// When it is due, YYYY-MM-DD; required once published.
	due: day('actions.due').optional(),
	// P0 (now) … P3 (when convenient).
	priority: oneOf('actions.priority', PRIORITIES, (v) => v.trim().toUpperCase()).default('P2'),
	// Where the work stands.
	status: oneOf('actions.status', ACTION_STATUSES).default('open'),
	// The day it was done, YYYY-MM-DD: tells "done on time" from "done late" in the ledger.
	closed: day('actions.closed').optional(),
	// Whether it prevents, detects or mitigates a repeat, or changes a process.
	type: oneOf('actions.type', ACTION_TYPES),
	// The tracker link; internal-only.
	ticket: webUrl('actions.ticket', 'https://tracker.example/OPS-12').optional(),
});

const postmortemObject = z
	.strictObject({
		// The headline, as an engineer would search for it.
		title: text('title', 'a short headline, e.g. "Checkout outage from a database connection leak"'),
		// One to three sentences, shown in lists, search results and feeds.
		summary: text('summary', 'one to three sentences on what happened and why'),
		// SEV-1 (critical) … SEV-4 (low); shorthand such as "sev2" is accepted.
		severity,
		// Where the write-up stands: draft, in-review or published.
		status: oneOf('status', STATUSES),
		// The day it was published; the check requires it once status is published.
		published: day('published').optional(),
		// internal stays inside the company; public may appear in the public edition.
		visibility: oneOf('visibility', VISIBILITIES),
		// When the problem began.
		started: moment('started'),
		// When users began to be hurt, if later than started; defaults to the first impact event of the timeline.
		impactStarted: moment('impactStarted').optional(),
		// When someone or something noticed.
		detected: moment('detected'),
		// When users stopped being hurt, if before resolution; defaults to the first mitigation event of the timeline.
		mitigated: moment('mitigated').optional(),
		// When the incident was closed.
		resolved: moment('resolved'),
		// Ids from components.yml of the systems involved.
		components: oneOrMany(idRef('components')).pipe(z.array(z.string()).min(1, { error: withFix('components is empty', 'list at least one component id from components.yml') })),
		// The trigger and the contributing factors, ids from causes.yml.
		causes: z.object(
			{
				// The one change or event that set it off.
				trigger: idRef('causes.trigger'),
				// Conditions that let it happen or made it worse.
				contributing: oneOrMany(idRef('causes.contributing')).default([]),
			},
			{ error: (issue) => needs('causes', issue.input, 'a map with trigger and contributing cause ids') },
		),
		// Free keywords in kebab-case; "Connection Pool" becomes connection-pool.
		tags: oneOrMany(tag).default([]),
		// What users saw, with optional numbers.
		impact,
		// The incident as it unfolded; milestones come from the kinds.
		timeline: z.array(timelineEntry, { error: (issue) => needs('timeline', issue.input, 'a list of { at, event, kind }') }).min(1, {
			error: withFix('timeline is empty', 'add at least the trigger, detection and resolution events'),
		}),
		// Follow-up work, each owned by a team or role.
		actions: z.array(action, { error: (issue) => needs('actions', issue.input, 'a list of { title, owner, due, priority, status, type }') }).default([]),
		// Ids of other postmortems worth reading with this one.
		related: oneOrMany(idRef('related')).default([]),
		// The review meeting: its day and the roles that attended, never names.
		review: z
			.strictObject(
				{
					// The day of the meeting, YYYY-MM-DD.
					date: day('review.date'),
					// Roles that attended, e.g. incident commander, on-call engineer, service owner.
					attendees: oneOrMany(z.string().trim().min(1)).default([]),
				},
				{ error: (issue) => needs('review', issue.input, 'a map with date and attendees (roles, never names)') },
			)
			.optional(),
		// The id of an earlier postmortem this incident repeats.
		recurrenceOf: idRef('recurrenceOf').optional(),
		// For another organization's public postmortem: who and where.
		source: z
			.object({
				organization: text('source.organization', 'the organization, e.g. GitHub'),
				url: webUrl('source.url', 'https://status.example.com/incidents/123'),
			})
			.optional(),
	});

/** The fields one by one, so the check can validate each on its own when the whole fails. */
export const postmortemFields = postmortemObject.shape;

export const postmortemSchema = postmortemObject.transform((data) => ({
	...data,
	// Always set, so the duration of impact is computed one way: from here to mitigation.
	impactStarted: data.impactStarted ?? data.timeline.find((entry) => entry.kind === 'impact')?.at ?? data.started,
	mitigated: data.mitigated ?? data.timeline.find((entry) => entry.kind === 'mitigation')?.at,
}));

export type PostmortemInput = z.input<typeof postmortemSchema>;
export type Postmortem = z.output<typeof postmortemSchema>;
export type Action = Postmortem['actions'][number];
export type TimelineEntry = Postmortem['timeline'][number];
