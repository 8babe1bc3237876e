/**
 * <Graph data="./error-rate.csv" x y unit annotate>: a metric during the incident, from a CSV file
 * beside the postmortem. Read with csv-parse (quoted fields, BOMs and line ends are its problem, not
 * ours); the same function serves the check (what is wrong, with the CSV's line) and the MDX plugin
 * (the chart and its table). Timeline events named in `annotate` are marked at the nearest point.
 */
import { parse } from 'csv-parse/sync';
import type { ChartSpec } from '../../client/chart-draw.ts';

export interface GraphProps {
	x: string;
	/** One column, or several separated by commas. */
	y: string;
	unit?: string;
	/** Timeline kinds to mark, separated by commas: "detection, mitigation". */
	annotate?: string;
}

export interface GraphEvent {
	kind: string;
	/** ISO time. */
	at: string;
}

export interface Graph {
	spec: ChartSpec;
	table: { head: string[]; rows: string[][] };
	label: string;
}

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** The CSV as rows of named columns, or what is wrong with it and on which line. */
export function readCsv(text: string): { columns: string[]; rows: Record<string, string>[] } | { error: string; line?: number } {
	try {
		const records = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
		const [columns = [], ...data] = records;
		if (columns.length === 0) return { error: 'the file is empty', line: 1 };
		return { columns, rows: data.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? '']))) };
	} catch (error) {
		const e = error as { message?: string; lines?: number };
		return { error: String(e.message ?? error).replace(/^Invalid Record Length: /, ''), line: e.lines };
	}
}

/** What is wrong with a graph's columns, one message each (the check reports them). */
export function graphProblems(csv: ReturnType<typeof readCsv>, props: GraphProps): string[] {
	if ('error' in csv) return [`the CSV does not read${csv.line ? ` (line ${csv.line})` : ''}: ${csv.error}`];
	const missing = [props.x, ...list(props.y)].filter((c) => !csv.columns.includes(c));
	if (missing.length) return [`the CSV has no column ${missing.map((c) => `'${c}'`).join(', ')} (its columns: ${csv.columns.join(', ')})`];
	if (csv.rows.length < 2) return ['the CSV needs at least two rows of data to draw a line'];
	const bad = list(props.y).flatMap((c) => csv.rows.flatMap((r, i) => (r[c] !== '' && !Number.isFinite(Number(r[c])) ? [`row ${i + 2}, column '${c}': '${r[c]}' is not a number`] : [])));
	return bad.slice(0, 3);
}

/** Milliseconds of an x value: an ISO time, or HH:MM (UTC) on the given day. */
function timeOf(value: string, day: string | undefined): number | undefined {
	if (/^\d{1,2}:\d{2}$/.test(value) && day) return Date.parse(`${day}T${value.padStart(5, '0')}:00Z`);
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

export function graphOf(csv: { columns: string[]; rows: Record<string, string>[] }, props: GraphProps, events: readonly GraphEvent[]): Graph {
	const ys = list(props.y);
	const labels = csv.rows.map((r) => r[props.x]);
	const colors = ['--sev2', '--link', '--sev4', '--sev3'];
	const datasets: ChartSpec['datasets'] = ys.map((c, i) => ({ label: c, color: colors[i % colors.length], type: 'line', data: csv.rows.map((r) => (r[c] === '' ? null : Number(r[c]))) }));
	const max = Math.max(...datasets.flatMap((d) => d.data.filter((v): v is number => v !== null)), 0);
	const marks: string[] = [];
	for (const kind of list(props.annotate)) {
		const event = events.find((e) => e.kind === kind);
		if (!event) continue;
		// HH:MM is read on the event's own day: a timeline may start weeks before the graph.
		const times = labels.map((l) => timeOf(l, event.at.slice(0, 10)));
		const known = times.filter((t): t is number => t !== undefined);
		if (known.length !== times.length) continue;
		const at = Date.parse(event.at);
		const nearest = known.reduce<number>((best, t, i) => (Math.abs(t - at) < Math.abs(known[best] - at) ? i : best), 0);
		marks[nearest] = marks[nearest] ? `${marks[nearest]}, ${kind}` : kind;
		datasets.push({ label: `${kind} (${event.at.slice(11, 16)} UTC)`, color: '--muted', type: 'bar', data: labels.map((_, i) => (i === nearest ? max : null)) });
	}
	const label = `${ys.join(', ')}${props.unit ? ` (${props.unit})` : ''} by ${props.x}`;
	return {
		spec: { type: 'line', labels, datasets, unit: props.unit },
		table: { head: [props.x, ...ys, ...(marks.length ? ['event'] : [])], rows: csv.rows.map((r, i) => [r[props.x], ...ys.map((c) => r[c]), ...(marks.length ? [marks[i] ?? ''] : [])]) },
		label,
	};
}
