import { describe, expect, it } from 'vitest';
import { graphOf, graphProblems, readCsv } from '../../src/lib/mdx/graph.ts';

const csv = readCsv('\ufefftime,errors,"p99 latency"\r\n14:30,0.1,120\r\n15:10,"12.5",900\r\n15:20,40,2100\r\n16:30,0.4,140\r\n');

describe('a <Graph> from a CSV', () => {
	it('reads a header, quoted fields, a BOM and CRLF line ends', () => {
		expect(csv).toEqual({ columns: ['time', 'errors', 'p99 latency'], rows: [
			{ time: '14:30', errors: '0.1', 'p99 latency': '120' },
			{ time: '15:10', errors: '12.5', 'p99 latency': '900' },
			{ time: '15:20', errors: '40', 'p99 latency': '2100' },
			{ time: '16:30', errors: '0.4', 'p99 latency': '140' },
		] });
	});

	it('marks timeline events at the nearest time, read on the event’s own day', () => {
		if ('error' in csv) throw new Error(csv.error);
		// The timeline starts weeks earlier; the graph is of the incident's day.
		const events = [{ kind: 'trigger', at: '2026-05-01T09:00:00.000Z' }, { kind: 'detection', at: '2026-06-09T15:18:00.000Z' }, { kind: 'mitigation', at: '2026-06-09T16:30:00.000Z' }];
		const graph = graphOf(csv, { x: 'time', y: 'errors', unit: '%', annotate: 'detection, mitigation' }, events);
		expect(graph.table.rows.map((r) => r[2])).toEqual(['', '', 'detection', 'mitigation']);
		expect(graph.spec.datasets.map((d) => d.label)).toEqual(['errors', 'detection (15:18 UTC)', 'mitigation (16:30 UTC)']);
		expect(graph.spec.datasets[0].data).toEqual([0.1, 12.5, 40, 0.4]);
		expect(graph.label).toBe('errors (%) by time');
	});

	it('says what is wrong: a missing column, a value that is no number, a ragged row', () => {
		expect(graphProblems(csv, { x: 'time', y: 'error' })).toEqual(["the CSV has no column 'error' (its columns: time, errors, p99 latency)"]);
		expect(graphProblems(readCsv('t,v\n1,2\n2,x\n'), { x: 't', y: 'v' })).toEqual(["row 3, column 'v': 'x' is not a number"]);
		expect(graphProblems(readCsv('t,v\n1,2,3\n'), { x: 't', y: 'v' })[0]).toMatch(/^the CSV does not read \(line 2\)/);
	});
});
