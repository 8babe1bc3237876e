/**
 * What each edition may contain. The public edition is decided where content is loaded: an entry,
 * a field or a block that is not public never reaches Astro's store, so no page, index, feed or
 * chart can contain it.
 */
import type { Edition } from './config.ts';

export interface EditionOptions {
	edition: Edition;
	/** Whether action owners and component teams appear in the public edition. */
	publicOwners: boolean;
	/** The ids of the postmortems this edition builds; links to any other are dropped. Unset: keep every link. */
	ids?: ReadonlySet<string>;
}

const word = (value: unknown) => String(value ?? '').trim().toLowerCase();

/** Whether a postmortem belongs in an edition, judged on its raw frontmatter before anything of it is validated, rendered or stored. */
export function inEdition(data: Record<string, unknown>, edition: Edition): boolean {
	return edition === 'internal' || (word(data.visibility) === 'public' && word(data.status) === 'published');
}

/** Whether a pattern-page note may be shown: in the public edition only with `visibility: public`. */
export const noteInEdition = (frontmatter: Record<string, unknown>, edition: Edition) => edition === 'internal' || word(frontmatter.visibility) === 'public';

/**
 * The frontmatter as an edition may show it: the public edition drops the revenue impact, ticket
 * links, links to postmortems it does not build (a draft's id is news too) and, unless configured
 * otherwise, action owners. Works on raw YAML data and never mutates it.
 */
export function editionData(data: Record<string, unknown>, { edition, publicOwners, ids }: EditionOptions): Record<string, unknown> {
	if (edition === 'internal') return data;
	const copy: Record<string, unknown> = { ...data };
	if (ids) {
		const kept = (id: unknown) => ids.has(String(id));
		if (copy.related !== undefined) copy.related = [copy.related].flat().filter(kept);
		if (copy.recurrenceOf !== undefined && !kept(copy.recurrenceOf)) delete copy.recurrenceOf;
	}
	if (copy.impact && typeof copy.impact === 'object') {
		const { revenue: _, ...impact } = copy.impact as Record<string, unknown>;
		copy.impact = impact;
	}
	if (Array.isArray(copy.actions)) {
		copy.actions = copy.actions.map((action) => {
			if (!action || typeof action !== 'object') return action;
			const { ticket: _, owner, ...rest } = action as Record<string, unknown>;
			return publicOwners ? { ...rest, owner } : rest;
		});
	}
	return copy;
}
