/**
 * Draws one chart with only the chart.js parts Hindsight uses: bars and lines on a category axis,
 * a legend and tooltips. Measured: 58 KB compressed; bars alone would be 55 KB (chart.js' core is
 * most of it), so one chunk serves both.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface ChartSpec {
	type: 'bar' | 'line';
	labels: string[];
	/** `color` names a CSS custom property of the stylesheet (--sev1…), so charts follow light and dark mode. */
	datasets: { label: string; color: string; data: (number | null)[]; type?: 'bar' | 'line'; dashed?: boolean }[];
	stacked?: boolean;
	/** The y axis's unit, shown in its title ("minutes", "days"). */
	unit?: string;
	horizontal?: boolean;
}

export function draw(canvas: HTMLCanvasElement, spec: ChartSpec): () => void {
	const style = getComputedStyle(document.documentElement);
	const color = (name: string) => style.getPropertyValue(name).trim() || name;
	const valueAxis = { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0, color: color('--muted') }, grid: { color: color('--line') }, title: { display: Boolean(spec.unit), text: spec.unit, color: color('--muted') } };
	const labelAxis = { stacked: spec.stacked, ticks: { color: color('--muted') }, grid: { display: false } };
	const chart = new Chart(canvas, {
		type: spec.type,
		data: {
			labels: spec.labels,
			datasets: spec.datasets.map((d) => ({
				type: d.type ?? spec.type,
				label: d.label,
				data: d.data,
				backgroundColor: color(d.color),
				borderColor: color(d.color),
				borderDash: d.dashed ? [6, 4] : undefined,
				spanGaps: true,
			})),
		},
		options: {
			animation: false,
			maintainAspectRatio: false,
			indexAxis: spec.horizontal ? 'y' : 'x',
			scales: spec.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
			plugins: { legend: { display: spec.datasets.length > 1, labels: { color: color('--fg') } } },
		},
	});
	return () => chart.destroy();
}
