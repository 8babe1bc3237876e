/**
 * <hs-chart data-chart='{"labels": […], "series": [{"severity": "SEV-1", "counts": […]}]}'>:
 * a stacked bar chart of incidents per period, coloured like the severity badges.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface ChartData {
	labels: string[];
	series: { severity: string; counts: number[] }[];
}

class IncidentChart extends HTMLElement {
	#chart?: Chart;
	connectedCallback() {
		const data = JSON.parse(this.dataset.chart ?? '{"labels":[],"series":[]}') as ChartData;
		const style = getComputedStyle(document.documentElement);
		const color = (name: string) => style.getPropertyValue(name).trim();
		this.#chart = new Chart(this.querySelector('canvas')!, {
			type: 'bar',
			data: {
				labels: data.labels,
				datasets: data.series.map((s) => ({ label: s.severity, data: s.counts, backgroundColor: color(`--sev${s.severity.slice(-1)}`) })),
			},
			options: {
				animation: false,
				maintainAspectRatio: false,
				scales: {
					x: { stacked: true, ticks: { color: color('--muted') }, grid: { display: false } },
					y: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: color('--muted') }, grid: { color: color('--line') } },
				},
				plugins: { legend: { labels: { color: color('--fg') } } },
			},
		});
	}
	disconnectedCallback() {
		this.#chart?.destroy();
	}
}

customElements.define('hs-chart', IncidentChart);
