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
 * links and, unless configured otherwise, action owners. Works on raw YAML data and never mutates it.
 */
export function editionData(data: Record<string, unknown>, { edition, publicOwners }: EditionOptions): Record<string, unknown> {
	if (edition === 'internal') return data;
	const copy: Record<string, unknown> = { ...data };
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

/** `<Internal>…</Internal>`, as a block (the tag alone on its line) or inside a line. */
export const INTERNAL_BLOCK = /<Internal>([\s\S]*?)<\/Internal>/g;

/**
 * The body as an edition shows it. The public edition removes every <Internal> block before the
 * Markdown is rendered; the internal edition keeps the text in a marked container.
 */
export function editionBody(body: string, edition: Edition): string {
	return body.replace(INTERNAL_BLOCK, (_match, inner: string, offset: number) => {
		const block = offset === 0 || body[offset - 1] === '\n';
		if (edition === 'public') return '';
		return block ? `<div class="internal-only">\n\n${inner.trim()}\n\n</div>` : `<span class="internal-only">${inner}</span>`;
	});
}
