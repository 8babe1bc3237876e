/**
 * Writes N valid synthetic postmortems (about 5 KB each, like real ones) and the registries into a
 * folder, for benchmarks. Deterministic: the same N gives the same files.
 *
 * The prose draws on the vocabulary of the real public summaries in test/fixtures/public-corpus,
 * with Zipf-like frequencies (a few words very often, most rarely): the size of a search index
 * depends on how many distinct words it holds, and twenty repeated words would flatter it.
 *
 *   npm run bench:generate -- 1000 /tmp/hindsight-bench-1000
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMPONENTS = Array.from({ length: 40 }, (_, i) => `service-${i}`);
const CAUSES = ['config-change', 'deployment', 'capacity', 'dependency', 'dns', 'network', 'certificate-expiry', 'database'];
const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'];
const WORDS = 'request pool latency replica deploy rollback cache queue timeout retry disk shard leader election certificate quota backlog alert dashboard runbook canary'.split(' ');

const CORPUS = fileURLToPath(new URL('../../test/fixtures/public-corpus/', import.meta.url));

/** The corpus's words, most frequent first. */
let vocabulary: string[] | undefined;
function words(): string[] {
	if (vocabulary) return vocabulary;
	const counts = new Map<string, number>();
	for (const name of readdirSync(CORPUS).sort()) {
		for (const word of readFileSync(join(CORPUS, name), 'utf8').toLowerCase().match(/\p{L}{2,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return (vocabulary = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([word]) => word));
}

/** A small linear congruential generator: reproducible without a dependency. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A word of rank r drawn with probability about 1/r, as in natural text. */
function word(next: () => number) {
	const list = words();
	return list[Math.min(list.length - 1, Math.floor(Math.exp(next() * Math.log(list.length))) - 1)];
}

/**
 * A sentence of random words. It opens with a fixed word: a random word capitalized at the start
 * ("Cascade", "Health") reads as a person's name to the publishing lint, which would then stop the
 * public build of a corpus no person wrote.
 */
function sentence(next: () => number, length = 14) {
	return `The ${Array.from({ length: length - 1 }, () => word(next)).join(' ')}.`;
}

/** One postmortem in ten uses components, as teams do: a callout, a quoted exchange, and a graph from a CSV or a screenshot. */
export const usesComponents = (i: number) => i % 10 === 3;

/** A small valid PNG (8 x 4 pixels of one colour), different for each seed, so each image is its own file to optimize. */
export function png(seed: number): Buffer {
	const table = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (bytes: Buffer) => {
		let x = 0xffffffff;
		for (const b of bytes) x = table[(x ^ b) & 255] ^ (x >>> 8);
		return (x ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([length, body, sum]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(8, 0);
	header.writeUInt32BE(4, 4);
	header[8] = 8;
	header[9] = 2;
	const rows = Buffer.from(Array.from({ length: 4 }, () => [0, ...Array.from({ length: 8 }, () => [seed % 256, (seed >> 8) % 256, 90]).flat()]).flat());
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export function synthetic(i: number): { name: string; text: string; files?: Record<string, Buffer | string> } {
	const next = random(i + 1);
	const start = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 10 * 365) * 86_400_000 + Math.floor(next() * 1440) * 60_000);
	const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000).toISOString().replace('.000Z', 'Z');
	const day = start.toISOString().slice(0, 10);
	const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)];
	const paragraph = () => Array.from({ length: 5 }, () => sentence(next)).join(' ');
	const stem = `${day}-synthetic-${String(i).padStart(5, '0')}`;
	const text = `---
title: Synthetic incident ${i} in ${pick(COMPONENTS)}
summary: ${sentence(next, 24)}
severity: ${pick(SEVERITIES)}
status: published
published: ${day}
visibility: ${next() < 0.5 ? 'public' : 'internal'}
started: ${at(0)}
detected: ${at(7)}
mitigated: ${at(40)}
resolved: ${at(95)}
components: [${pick(COMPONENTS)}, ${pick(COMPONENTS)}]
causes:
  trigger: ${pick(CAUSES)}
  contributing: [${pick(CAUSES)}]
tags: [${pick(WORDS)}, ${pick(WORDS)}]
impact:
  description: ${sentence(next)}
  usersAffected: ${Math.floor(next() * 100000)}
timeline:
  - at: ${at(0)}
    kind: trigger
    event: ${sentence(next)}
  - at: ${at(7)}
    kind: detection
    event: ${sentence(next)}
  - at: ${at(40)}
    kind: mitigation
    event: ${sentence(next)}
  - at: ${at(95)}
    kind: resolution
    event: ${sentence(next)}
actions:
  - title: ${sentence(next, 8)}
    owner: team-${Math.floor(next() * 12)}
    due: ${at(60 * 24 * 30).slice(0, 10)}
    priority: P${Math.floor(next() * 4)}
    status: ${pick(['open', 'in-progress', 'done'])}
    type: ${pick(['prevent', 'detect', 'mitigate', 'process'])}
---

## Summary

${paragraph()}

## Impact

${paragraph()}

## Root cause (5 whys)

${Array.from({ length: 5 }, (_, n) => `${n + 1}. **${sentence(next, 6)}** ${sentence(next)}`).join('\n')}

## Contributing factors

${Array.from({ length: 4 }, () => `- ${sentence(next)}`).join('\n')}

## What went well

${usesComponents(i) ? `<Callout kind="lucky">\n${sentence(next)}\n</Callout>\n\n` : ''}${paragraph()}

## What went poorly

${usesComponents(i) ? `<Chat title="Incident channel">\n\n**On-call engineer:** ${sentence(next, 10)}\n\n**Incident commander:** ${sentence(next, 8)}\n\n</Chat>\n\n${i % 20 === 3 ? `<Graph data="./${stem}.csv" x="time" y="errors" unit="%" annotate="detection, mitigation" />` : `<Figure src="./${stem}.png" alt="${sentence(next, 6)}" caption="${sentence(next, 8)}" />`}\n\n` : ''}${paragraph()}

## Lessons learned

${paragraph()} ${paragraph()}
`;
	const files: Record<string, Buffer | string> = {};
	if (usesComponents(i) && i % 20 === 3) {
		const minute = (m: number) => new Date(start.getTime() + m * 60_000).toISOString().slice(11, 16);
		files[`${stem}.csv`] = `time,errors\n${Array.from({ length: 24 }, (_, k) => `${minute(k * 5 - 10)},${(k > 1 && k < 10 ? 20 + next() * 40 : next()).toFixed(1)}`).join('\n')}\n`;
	} else if (usesComponents(i)) files[`${stem}.png`] = png(i);
	return { name: `${stem}.mdx`, text, files };
}

export function generate(count: number, dir: string) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'components.yml'), COMPONENTS.map((id) => `- id: ${id}\n  name: ${id}\n  team: team-${id.length}\n  description: Synthetic component.\n`).join(''));
	writeFileSync(join(dir, 'causes.yml'), CAUSES.map((id) => `- id: ${id}\n  name: ${id}\n  description: Synthetic cause.\n`).join(''));
	for (let i = 0; i < count; i++) {
		const { name, text, files = {} } = synthetic(i);
		writeFileSync(join(dir, name), text);
		for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
	}
}

if (import.meta.main) {
	const count = Number(process.argv[2] ?? 1000);
	const dir = process.argv[3] ?? `/tmp/hindsight-bench-${count}`;
	generate(count, dir);
	console.log(`${count} postmortems written to ${dir}`);
}
