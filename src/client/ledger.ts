/**
 * <hs-ledger>: filters the action ledger's rows by the selects (each row carries its values as
 * data-* attributes) and sorts them by a column heading. Without it the page is the whole table,
 * overdue first.
 */
class Ledger extends HTMLElement {
	connectedCallback() {
		const form = this.querySelector('form')!;
		const body = this.querySelector('tbody')!;
		const rows = [...body.rows];
		const count = this.querySelector('.ledger-count')!;
		form.hidden = false;
		const filter = () => {
			const wanted = [...new FormData(form)].filter(([, value]) => value);
			let shown = 0;
			for (const row of rows) {
				// An item's incident may have several components; every other field has one value.
				const match = wanted.every(([key, value]) => (key === 'component' ? (row.dataset.component ?? '').split(' ').includes(String(value)) : row.dataset[key] === value));
				row.hidden = !match;
				if (match) shown++;
			}
			count.textContent = `${shown} of ${rows.length} action item${rows.length === 1 ? '' : 's'} shown.`;
		};
		form.addEventListener('input', filter);
		filter();
		for (const [index, th] of [...this.querySelectorAll<HTMLTableCellElement>('thead th')].entries()) {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'sort-button';
			button.textContent = th.textContent;
			th.replaceChildren(button);
			button.addEventListener('click', () => {
				const ascending = th.getAttribute('aria-sort') !== 'ascending';
				for (const other of this.querySelectorAll('thead th')) other.setAttribute('aria-sort', 'none');
				th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
				const value = (row: HTMLTableRowElement) => row.cells[index].dataset.value ?? '';
				const numeric = th.dataset.numeric !== undefined;
				rows.sort((a, b) => (numeric ? Number(value(a)) - Number(value(b)) : value(a).localeCompare(value(b))) * (ascending ? 1 : -1));
				body.append(...rows);
			});
		}
	}
}

customElements.define('hs-ledger', Ledger);
