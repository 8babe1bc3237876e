/**
 * <hs-insights data-records='[…]'>: the insights page's period and severity filter. The page is
 * complete without it (the whole archive); this element recomputes the summary for the reader's
 * selection with the same functions the build used (lib/insights/selection.ts).
 */
import { select, summarizeSelection, type InsightRecord } from '../lib/insights/selection.ts';

class Insights extends HTMLElement {
	connectedCallback() {
		const records = JSON.parse(this.dataset.records ?? '[]') as InsightRecord[];
		const form = this.querySelector('form')!;
		form.hidden = false;
		const update = () => {
			const data = new FormData(form);
			const summary = summarizeSelection(select(records, { from: String(data.get('from') || ''), to: String(data.get('to') || ''), severities: data.getAll('severity').map(String) }));
			for (const field of this.querySelectorAll<HTMLElement>('[data-field]')) field.textContent = String(summary[field.dataset.field as 'incidents' | 'majors' | 'published' | 'publishedInWeek']);
			const rows = this.querySelectorAll('.selection-summary tbody tr');
			summary.rows.forEach((row, i) => {
				const cells = rows[i].querySelectorAll('td');
				[String(row.count), row.median, row.p90].forEach((text, j) => (cells[j].textContent = text));
			});
		};
		form.addEventListener('input', update);
		form.addEventListener('submit', (event) => event.preventDefault());
	}
}

customElements.define('hs-insights', Insights);
