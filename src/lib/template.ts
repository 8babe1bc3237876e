/**
 * The file `npm run new` writes: every required field present with a valid placeholder and a TODO
 * saying what belongs there, so `npm run check` lists exactly what is left to fill in.
 */
import { toKebab } from '../schemas/common.ts';

/** The narrative's standard sections, as the template writes them. */
export const STANDARD_SECTIONS = ['Summary', 'Impact', 'Root cause (5 whys)', 'Contributing factors', 'What went well', 'What went poorly', 'Where we got lucky', 'Lessons learned'];

export interface TemplateInput {
	title: string;
	/** Today, YYYY-MM-DD. */
	today: string;
	/** Ids to start from, so the draft is valid before the author chooses. */
	component: string;
	cause: string;
}

/** 2026-11-22-short-title.mdx: the day first, so the folder sorts by date and the URL is stable. */
export function templateFileName(title: string, today: string): string {
	const slug = toKebab(title).slice(0, 60).replace(/-+$/, '') || 'incident';
	return `${today}-${slug}.mdx`;
}

const quote = (text: string) => JSON.stringify(text);

export function postmortemTemplate({ title, today, component, cause }: TemplateInput): string {
	const at = `${today}T00:00:00Z`;
	const due = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
	return `---
title: ${quote(title)}
summary: "TODO: one to three sentences: what happened, who was affected, how it ended."
severity: SEV-3 # TODO: SEV-1 (critical) … SEV-4 (low), by user impact; see /severity/
status: draft
visibility: internal
started: ${at} # TODO: when the problem began, with its offset; put ~ in front if approximate
detected: ${at} # TODO: when someone or something noticed
resolved: ${at} # TODO: when the incident was closed (add mitigated: if users recovered earlier)
components: [${component}] # TODO: ids from components.yml of the systems involved
causes:
  trigger: ${cause} # TODO: an id from causes.yml: the change or event that set it off
  contributing: [] # TODO: ids from causes.yml: what let it happen or made it worse
tags: [] # TODO: kebab-case words people will search for
impact:
  description: "TODO: what users saw, in one sentence"
timeline:
  - at: ${at}
    kind: trigger
    event: "TODO: what set it off"
  - at: ${at}
    kind: detection
    event: "TODO: how it was noticed"
  - at: ${at}
    kind: resolution
    event: "TODO: what ended it"
actions:
  - title: "TODO: what will be done, as an outcome"
    owner: "TODO: the team or role that owns it, never a person"
    due: ${due}
    priority: P2
    status: open # when done: status: done and closed: YYYY-MM-DD
    type: prevent # TODO: prevent, detect, mitigate or process
# review: { date: YYYY-MM-DD, attendees: [incident commander, on-call engineer] } # roles, never names
---

## Summary

TODO: what happened, in a paragraph.

## Impact

TODO: who was affected, how, and for how long.

## Root cause (5 whys)

1. **Why did users see the failure?** TODO
2. **Why …?** TODO
3. **Why …?** TODO
4. **Why …?** TODO
5. **Why …?** TODO

## Contributing factors

- TODO: conditions that let it happen or made it worse. Describe systems and processes, not people.

## What went well

- TODO

## What went poorly

- TODO

## Where we got lucky

- TODO

## Lessons learned

- TODO
`;
}
