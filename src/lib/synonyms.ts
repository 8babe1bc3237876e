/**
 * Words on-call engineers use for the same thing. Search expands a query word to its group when
 * the words as typed find too little, so "db connections maxed" finds "database connection pool".
 * A team adds its own groups in `synonyms.yml` in the content folder (a YAML list of lists).
 */
import { parse } from 'yaml';
import { join } from 'node:path';
import type { Problem } from './check/problem.ts';
import { display, readText } from './source.ts';

export const SYNONYMS_FILE = 'synonyms.yml';

/** Each group: words or short phrases that mean the same in an incident. */
export const SYNONYMS: readonly string[][] = [
	['db', 'database', 'postgres', 'postgresql', 'mysql'],
	['5xx', '500', '500s', '502', '503', '504', 'errors'],
	['cert', 'certs', 'certificate', 'certificates', 'tls', 'ssl'],
	['k8s', 'kubernetes', 'pod', 'pods'],
	['oom', 'out of memory', 'memory'],
	['dns', 'resolver', 'resolution'],
	['creds', 'credentials', 'password', 'secret', 'secrets'],
	['disk full', 'no space left', 'disk'],
	['login', 'log in', 'sign-in', 'sign in', 'signin', 'auth', 'authentication'],
	['email', 'emails', 'e-mail', 'e-mails', 'mail'],
	['conn', 'conns', 'connections', 'connection'],
	['maxed', 'exhausted', 'saturated', 'exhaustion'],
	['slow', 'slowdown', 'latency', 'degraded'],
	['down', 'outage', 'unavailable'],
	['deploy', 'deployed', 'release', 'rollout'],
	['lb', 'load balancer', 'proxy'],
	['cpu', 'processor'],
	['expired', 'expiry', 'expiration'],
	['rotation', 'rotated', 'rotate'],
	['retry', 'retries', 'retrying'],
	['lag', 'lagging', 'stale', 'delay'],
	['twice', 'duplicate', 'duplicates'],
];

/** The built-in groups and the team's own, merged; problems name the file and line. */
export function readSynonyms(contentDir: string): { groups: string[][]; problems: Problem[] } {
	const path = join(contentDir, SYNONYMS_FILE);
	const { text, problems } = readText(path);
	if (text === undefined) return { groups: [...SYNONYMS], problems };
	let data: unknown;
	try {
		data = parse(text);
	} catch (error) {
		return { groups: [...SYNONYMS], problems: [{ file: display(path), line: (error as { linePos?: { line: number }[] }).linePos?.[0]?.line, rule: 'synonyms', severity: 'error', message: `synonyms.yml cannot be read: ${String((error as Error).message).split('\n')[0]}`, fix: 'write a YAML list of lists, e.g. - [pg, postgres, postgresql]' }] };
	}
	const valid = Array.isArray(data) && data.every((group) => Array.isArray(group) && group.length >= 2 && group.every((word) => typeof word === 'string' && word.trim()));
	if (!valid) return { groups: [...SYNONYMS], problems: [{ file: display(path), line: 1, rule: 'synonyms', severity: 'error', message: 'synonyms.yml must be a list of groups, each a list of two or more words', fix: 'write one group per line, e.g. - [pg, postgres, postgresql]' }] };
	return { groups: [...SYNONYMS, ...(data as string[][]).map((group) => group.map((word) => word.trim().toLowerCase()))], problems };
}
