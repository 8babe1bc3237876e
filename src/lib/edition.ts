import type { Edition } from './config.ts';

/**
 * Whether a postmortem belongs in an edition, judged on its raw frontmatter so that the loader can
 * leave it out before anything of it is validated, rendered or stored.
 */
export function inEdition(data: Record<string, unknown>, edition: Edition): boolean {
	if (edition === 'internal') return true;
	const word = (value: unknown) => String(value ?? '').trim().toLowerCase();
	return word(data.visibility) === 'public' && word(data.status) === 'published';
}
