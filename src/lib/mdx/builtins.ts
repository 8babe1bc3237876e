/**
 * The components every postmortem body may use without an import. One table for the check (names,
 * props, allowed values), the MDX plugin (what it keeps) and the README.
 */
export interface PropSpec {
	/** Whether the component is useless without it. */
	required?: boolean;
	/** The only values allowed, when the prop is a choice. */
	values?: readonly string[];
	/** What the prop holds, for messages. */
	hint: string;
}

export interface BuiltinSpec {
	/** What it is for, in the README and in messages. */
	description: string;
	props: Record<string, PropSpec>;
}

export const CALLOUT_KINDS = ['lucky', 'lesson', 'warning', 'note'] as const;

export const BUILTINS: Record<string, BuiltinSpec> = {
	Callout: {
		description: 'a highlighted box: where we got lucky, a lesson, a warning or a note',
		props: { kind: { required: true, values: CALLOUT_KINDS, hint: 'lucky, lesson, warning or note' }, title: { hint: 'a short heading for the box' } },
	},
	Chat: {
		description: 'a short quoted exchange; each line starts with the role in bold ("**on-call:**"), never a name',
		props: { title: { hint: 'where it was said, e.g. "incident channel, 14:20"' } },
	},
	Figure: {
		description: 'a screenshot stored beside the postmortem, optimized by Astro, with its caption',
		props: {
			src: { required: true, hint: 'the image beside the postmortem, e.g. "./dashboard.png"' },
			alt: { required: true, hint: 'what the image shows, for readers who cannot see it' },
			caption: { hint: 'one line under the image' },
		},
	},
	Graph: {
		description: 'a chart of a metric during the incident from a CSV beside the postmortem, with its table, and timeline events marked',
		props: {
			data: { required: true, hint: 'the CSV beside the postmortem, e.g. "./error-rate.csv"' },
			x: { required: true, hint: 'the column of times, ISO or HH:MM (UTC)' },
			y: { required: true, hint: 'the column to draw, or several separated by commas' },
			unit: { hint: 'the unit of y, e.g. "%"' },
			annotate: { hint: 'timeline kinds to mark, e.g. "detection, mitigation"' },
		},
	},
	Incident: {
		description: 'a link card to another postmortem of the archive',
		props: { id: { required: true, hint: 'the id (file name) of a postmortem' } },
	},
	Term: {
		description: 'a link to a glossary entry',
		props: { id: { required: true, hint: 'an id of glossary.yml' } },
	},
	Internal: {
		description: 'a part only the internal edition shows',
		props: {},
	},
};

export const BUILTIN_NAMES = Object.keys(BUILTINS);
