import type { z } from 'astro/zod';
import { FIX } from '../../schemas/common.ts';
import { didYouMean } from '../suggest.ts';
import { locate, type Located } from '../source.ts';
import type { Problem } from './problem.ts';

/** timeline[2].at, the way authors read a path. */
export const fieldName = (path: readonly PropertyKey[]) =>
	path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');

/** Every field name a schema knows, at any depth, for did-you-mean on unknown keys. */
export function fieldNames(schema: z.ZodType): Set<string> {
	const names = new Set<string>();
	const seen = new Set<unknown>();
	const walk = (node: any) => {
		if (!node?._zod || seen.has(node)) return;
		seen.add(node);
		const def = node._zod.def;
		if (def.shape) for (const [key, value] of Object.entries(def.shape)) (names.add(key), walk(value));
		for (const inner of [def.innerType, def.in, def.out, def.element, ...(def.options ?? [])]) walk(inner);
	};
	walk(schema);
	return names;
}

/** Turns a failed parse into located problems, one per issue, keeping the schema's own fix text. */
export function schemaProblems(source: Located, issues: readonly z.core.$ZodIssue[], known: Set<string>): Problem[] {
	return issues.flatMap((issue): Problem[] => {
		if (issue.code === 'unrecognized_keys') {
			return issue.keys.map((key) => {
				const path = [...issue.path, key];
				return {
					file: source.file,
					...locate(source, path),
					field: fieldName(path),
					rule: 'schema',
					severity: 'error',
					message: `unknown field '${fieldName(path)}'${didYouMean(key, known)}`,
					fix: 'rename or remove it; the README lists every field of the content model',
				};
			});
		}
		const field = fieldName(issue.path);
		// Schema messages name the field generically (actions.priority); the report names the item (actions[2].priority).
		const generic = issue.path.filter((key) => typeof key !== 'number').join('.');
		const [text, fix] = issue.message.split(FIX);
		// Registry files are lists: their problems are named by entry, "entry 3: id must be kebab-case".
		const entry = typeof issue.path[0] === 'number' ? `entry ${issue.path[0] + 1}: ` : '';
		const message = entry ? entry + text : generic && text.startsWith(generic) ? field + text.slice(generic.length) : text;
		return [
			{
				file: source.file,
				...locate(source, issue.path),
				field,
				rule: 'schema',
				severity: 'error',
				message: fix === undefined && field ? `${field}: ${message}` : message,
				fix: fix ?? 'see the content model in the README',
			},
		];
	});
}
