/**
 * Hindsight's settings: the "hindsight" entry of package.json, overridden by HINDSIGHT_* environment
 * variables, so a team can point a checkout of Hindsight at its own postmortems without editing code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type Edition = 'internal' | 'public';

/** When a component or cause counts as recurring; settings come first, the analysis reads them (patterns.ts). */
export interface RecurrenceSettings {
	/** Length of the sliding window, in days. */
	windowDays: number;
	/** Incidents inside one window that make a recurrence. */
	threshold: number;
}

export const DEFAULT_RECURRENCE: RecurrenceSettings = { windowDays: 180, threshold: 3 };

export interface HindsightConfig {
	/** Site title in the header and the page titles. */
	title: string;
	/** Absolute path of the folder holding the postmortems, components.yml and causes.yml. */
	contentDir: string;
	/** Absolute path of the folder of a team's own MDX components, the only place a body may import from. */
	componentsDir: string;
	/** internal builds everything; public builds only published public postmortems. */
	edition: Edition;
	/** Template of the "edit this postmortem" link; {path} is the file's path inside the content folder. */
	editUrl?: string;
	/** The day overdue actions are judged against, YYYY-MM-DD: the build day unless set for a reproducible build. */
	today: string;
	/** When a component or cause is flagged as recurring: this many incidents within this many days. */
	recurrence: RecurrenceSettings;
	/** Whether action owners and component teams appear in the public edition. */
	publicOwners: boolean;
}

interface Settings {
	title?: string;
	contentDir?: string;
	/** Relative to the content folder. */
	componentsDir?: string;
	editUrl?: string;
	recurrence?: Partial<RecurrenceSettings>;
	public?: { owners?: boolean };
}

/** A positive whole number from the environment or the settings, else the default. */
const count = (...values: unknown[]) => Number(values.find((v) => v !== undefined && v !== '' && Number.isInteger(Number(v)) && Number(v) > 0));

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
	const content = isAbsolute(contentDir) ? contentDir : resolve(root, contentDir);
	return {
		title: env.HINDSIGHT_TITLE || settings.title || 'Hindsight',
		contentDir: content,
		componentsDir: resolve(content, env.HINDSIGHT_COMPONENTS_DIR || settings.componentsDir || 'components'),
		edition,
		// An edit link points into the private repository: never part of the public edition.
		editUrl: edition === 'public' ? undefined : env.HINDSIGHT_EDIT_URL || settings.editUrl || undefined,
		today,
		recurrence: {
			windowDays: count(env.HINDSIGHT_RECURRENCE_DAYS, settings.recurrence?.windowDays, DEFAULT_RECURRENCE.windowDays),
			threshold: count(env.HINDSIGHT_RECURRENCE_THRESHOLD, settings.recurrence?.threshold, DEFAULT_RECURRENCE.threshold),
		},
		publicOwners: env.HINDSIGHT_PUBLIC_OWNERS ? env.HINDSIGHT_PUBLIC_OWNERS !== 'false' : (settings.public?.owners ?? true),
	};
}

/** The message for a content folder that is not there, or undefined when it is. */
export function missingContentDir({ contentDir }: Pick<HindsightConfig, 'contentDir'>): string | undefined {
	if (existsSync(contentDir)) return undefined;
	return `✖ The content folder ${contentDir} does not exist.\n    fix: create it, or point HINDSIGHT_CONTENT_DIR (or "hindsight.contentDir" in package.json) at your postmortems.`;
}
