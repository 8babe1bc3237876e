/**
 * Hindsight's settings: the "hindsight" entry of package.json, overridden by HINDSIGHT_* environment
 * variables, so a team can point a checkout of Hindsight at its own postmortems without editing code.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type Edition = 'internal' | 'public';

export interface HindsightConfig {
	/** Site title in the header and the page titles. */
	title: string;
	/** Absolute path of the folder holding the postmortems, components.yml and causes.yml. */
	contentDir: string;
	/** internal builds everything; public builds only published public postmortems. */
	edition: Edition;
	/** Template of the "edit this postmortem" link; {path} is the file's path inside the content folder. */
	editUrl?: string;
	/** The day overdue actions are judged against, YYYY-MM-DD: the build day unless set for a reproducible build. */
	today: string;
}

interface Settings {
	title?: string;
	contentDir?: string;
	editUrl?: string;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, root = process.cwd()): HindsightConfig {
	let settings: Settings = {};
	try {
		settings = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).hindsight ?? {};
	} catch {
		// Running outside the project (a test fixture, say): the defaults below apply.
	}
	const contentDir = env.HINDSIGHT_CONTENT_DIR || settings.contentDir || 'postmortems';
	const edition = env.HINDSIGHT_EDITION === 'public' ? 'public' : 'internal';
	const today = env.HINDSIGHT_TODAY && /^\d{4}-\d{2}-\d{2}$/.test(env.HINDSIGHT_TODAY) ? env.HINDSIGHT_TODAY : new Date().toISOString().slice(0, 10);
	return {
		title: env.HINDSIGHT_TITLE || settings.title || 'Hindsight',
		contentDir: isAbsolute(contentDir) ? contentDir : resolve(root, contentDir),
		edition,
		editUrl: env.HINDSIGHT_EDIT_URL || settings.editUrl || undefined,
		today,
	};
}
