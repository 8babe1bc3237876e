/**
 * <hs-search>: the search page. The form works as plain HTML; this element makes it live.
 * Pagefind's code and index are fetched only once the reader searches or picks a filter, and
 * the state lives in the URL (?q=…&component=…) so a search can be linked from chat.
 *
 * data-bundle: where Pagefind's files are; data-page-size: results shown per "Show more";
 * data-synonyms: groups of words that mean the same, for partial matches (synonyms.ts).
 */

import { concepts } from '../lib/search-query.ts';

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
}
interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
	results: PagefindResult[];
	filters: Record<string, Record<string, number>>;
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	search(term: string | null, options: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Below this many exact matches, partial matches are looked for too. */
const FEW = 3;

class Search extends HTMLElement {
	#pagefind?: Promise<Pagefind>;
	#form!: HTMLFormElement;
	#status!: HTMLElement;
	#list!: HTMLOListElement;
	#more!: HTMLButtonElement;
	#empty!: HTMLElement;
	#results: PagefindResult[] = [];
	#partial!: HTMLElement;
	#partialList!: HTMLOListElement;
	#shown = 0;
	#run = 0;
	#timer?: number;
	/** Whether the current results come from words (excerpts with highlights) or from filters alone (summaries). */
	#term = false;

	connectedCallback() {
		this.#form = this.querySelector('form')!;
		this.#status = this.querySelector('.search-status')!;
		this.#list = this.querySelector('.search-results')!;
		this.#more = this.querySelector('.search-more')!;
		this.#empty = this.querySelector('.search-empty')!;
		this.#partial = this.querySelector('.search-partial')!;
		this.#partialList = this.#partial.querySelector('ol')!;
		this.#form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.#update();
		});
		this.#form.addEventListener('input', (event) => {
			this.#busy(true);
			// Typing is debounced; a filter or the sort order applies at once.
			const typing = (event.target as HTMLInputElement).type === 'search';
			clearTimeout(this.#timer);
			this.#timer = window.setTimeout(() => this.#update(), typing ? 200 : 0);
		});
		this.#more.addEventListener('click', () => this.#showMore());
		this.addEventListener('keydown', (event) => this.#keys(event));
		// On a phone the filters are a panel above the results, opened by this button.
		const toggle = this.querySelector<HTMLButtonElement>('.filters-toggle')!;
		toggle.addEventListener('click', () => {
			const open = toggle.getAttribute('aria-expanded') !== 'true';
			toggle.setAttribute('aria-expanded', String(open));
			this.querySelector('.facets')!.classList.toggle('open', open);
		});
		this.#empty.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-key]');
			if (!button) return;
			const box = this.#form.querySelector<HTMLInputElement>(`input[name="${button.dataset.key}"][value="${CSS.escape(button.dataset.value!)}"]`);
			if (box) box.checked = false;
			if (button.dataset.key === 'q') (this.#form.elements.namedItem('q') as HTMLInputElement).value = '';
			this.#update();
		});
		this.#restore(new URLSearchParams(location.search));
		window.addEventListener('popstate', () => (this.#restore(new URLSearchParams(location.search)), this.#busy(true), this.#search()));
		if (this.#hasQuery()) {
			this.#busy(true);
			this.#search();
		}
	}

	/** Arrow keys move from the box through the results, Enter opens one (a link does that itself), Escape clears. */
	#keys(event: KeyboardEvent) {
		const box = this.#form.elements.namedItem('q') as HTMLInputElement;
		const links = [...this.querySelectorAll<HTMLAnchorElement>('.search-results .result-title')];
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (event.key === 'ArrowDown' && (document.activeElement === box || at >= 0) && links.length) {
			event.preventDefault();
			links[Math.min(at + 1, links.length - 1)].focus();
		} else if (event.key === 'ArrowUp' && at >= 0) {
			event.preventDefault();
			(at === 0 ? box : links[at - 1]).focus();
		} else if (event.key === 'Escape' && (document.activeElement === box || at >= 0)) {
			event.preventDefault();
			box.value = '';
			box.focus();
			this.#update();
		}
	}

	#restore(params: URLSearchParams) {
		for (const element of Array.from(this.#form.elements) as HTMLInputElement[]) {
			if (element.type === 'checkbox') element.checked = params.getAll(element.name).includes(element.value);
			else if (element.name) element.value = params.get(element.name) ?? '';
		}
	}

	#params() {
		const params = new URLSearchParams();
		for (const [key, value] of new FormData(this.#form)) if (String(value).trim()) params.append(key, String(value).trim());
		return params;
	}

	#hasQuery() {
		return [...this.#params().keys()].some((key) => key !== 'sort');
	}

	/** aria-busy on the result list: true from the first keystroke until the newest search is shown. */
	#busy(on: boolean) {
		this.#list.setAttribute('aria-busy', String(on));
	}

	#update() {
		this.#busy(true);
		const query = this.#params().toString();
		history.replaceState(null, '', query ? `?${query}` : location.pathname);
		this.#search();
	}

	#load() {
		this.#pagefind ??= (async () => {
			const pagefind: Pagefind = await import(/* @vite-ignore */ `${this.dataset.bundle}pagefind.js`);
			await pagefind.options({ excerptLength: 24 });
			// Pagefind counts only filters it has loaded; loading them all up front keeps every facet's counts live.
			await pagefind.filters();
			return pagefind;
		})();
		return this.#pagefind;
	}

	async #search() {
		const run = ++this.#run;
		const params = this.#params();
		const term = params.get('q');
		const filters: Record<string, { any: string[] }> = {};
		for (const [key, value] of params) if (key !== 'q' && key !== 'sort') (filters[key] ??= { any: [] }).any.push(value);
		if (!term && Object.keys(filters).length === 0) return this.#reset();
		this.#status.textContent = 'Searching…';
		const pagefind = await this.#load();
		// Without words there is no relevance to rank by, so browsing lists newest first.
		const sort = params.get('sort') === 'date' || !term ? { date: 'desc' as const } : undefined;
		const search = await pagefind.search(term, { filters, sort });
		if (!search || run !== this.#run) return;
		this.#results = search.results;
		this.#term = Boolean(term);
		this.#shown = 0;
		this.#list.replaceChildren();
		this.#counts(await this.#facetCounts(pagefind, term, filters, search.filters));
		if (run !== this.#run) return;
		const n = search.results.length;
		const what = term ? `“${term}”` : 'these filters';
		const partial = term && n < FEW ? await this.#partialMatches(pagefind, term, filters, new Set(search.results.map((r) => r.id))) : [];
		if (run !== this.#run) return;
		const incidents = (k: number) => `${k} incident${k === 1 ? '' : 's'}`;
		const exact = n === 0 ? `No incident matches all of ${what}` : `${incidents(n)} ${n === 1 ? 'matches' : 'match'} ${what}${term && Object.keys(filters).length ? ' with these filters' : ''}`;
		this.#status.textContent = partial.length ? `${exact}; ${incidents(partial.length)} ${partial.length === 1 ? 'matches' : 'match'} some of the words.` : `${exact}.`;
		this.#emptyHelp(n === 0 && partial.length === 0, params);
		await this.#showMore();
		await this.#showPartial(partial);
		if (run === this.#run) this.#busy(false);
	}

	/**
	 * When all the words together find too little: each concept searched on its own, as typed and as
	 * its synonyms, and the incidents ranked by how much of the question they answer. A concept that
	 * matches most of the archive ("outage") counts for little; a rare one ("logrotate") for much.
	 */
	async #partialMatches(pagefind: Pagefind, term: string, filters: Record<string, { any: string[] }>, exact: Set<string>): Promise<PagefindResult[]> {
		const asked = concepts(term, JSON.parse(this.dataset.synonyms ?? '[]') as string[][]);
		if (asked.length === 0) return [];
		const total = Number(this.dataset.total ?? 1);
		const scores = new Map<string, { result: PagefindResult; weight: number; score: number }>();
		let possible = 0;
		for (const concept of asked) {
			const hits = new Map<string, PagefindResult>();
			for (const alternative of concept.alternatives) {
				const found = await pagefind.search(alternative, { filters });
				for (const result of found?.results ?? []) if (!hits.has(result.id) || hits.get(result.id)!.score < result.score) hits.set(result.id, result);
			}
			const weight = Math.log((total + 1) / (hits.size + 1));
			possible += weight;
			for (const [id, result] of hits) {
				const entry = scores.get(id) ?? { result, weight: 0, score: 0 };
				entry.weight += weight;
				entry.score += result.score;
				scores.set(id, entry);
			}
		}
		// At least a third of what the question asks, so one common word does not list the archive.
		return [...scores]
			.filter(([id, entry]) => !exact.has(id) && entry.weight > 0 && entry.weight >= possible / 3)
			.sort(([, a], [, b]) => b.weight - a.weight || b.score - a.score)
			.slice(0, 10)
			.map(([, entry]) => entry.result);
	}

	async #showPartial(results: PagefindResult[]) {
		const run = this.#run;
		const data = await Promise.all(results.map((r) => r.data()));
		if (run !== this.#run) return;
		this.#partialList.replaceChildren(...data.map((d) => this.#item(d)));
		this.#partial.hidden = data.length === 0;
	}

	#reset() {
		this.#busy(false);
		this.#results = [];
		this.#list.replaceChildren();
		this.#partialList.replaceChildren();
		this.#partial.hidden = true;
		this.#more.hidden = true;
		this.#empty.hidden = true;
		this.#status.textContent = `Type to search the full text of ${this.dataset.total} postmortems, or pick filters to browse them.`;
		this.#counts();
	}

	/**
	 * The count beside a value says how many results ticking it would give. Values of one facet are
	 * alternatives (any of them), so a facet's counts come from the search without its own selection:
	 * with SEV-1 ticked, SEV-2 still shows its incidents, not 0.
	 */
	async #facetCounts(pagefind: Pagefind, term: string | null, filters: Record<string, { any: string[] }>, current: PagefindSearch['filters']) {
		const counts: Record<string, Record<string, number> | undefined> = { ...current };
		for (const key of Object.keys(filters)) {
			const { [key]: _, ...others } = filters;
			// Nothing else selected and no words: the archive totals the page was built with.
			counts[key] = term || Object.keys(others).length ? ((await pagefind.search(term, { filters: others }))?.filters[key] ?? {}) : undefined;
		}
		return counts;
	}

	/** Counts beside each filter value: matches within the current search, or the archive totals. */
	#counts(current?: Record<string, Record<string, number> | undefined>) {
		for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
			const count = box.parentElement!.querySelector<HTMLElement>('.count')!;
			const facet = current?.[box.name];
			count.textContent = facet ? String(facet[box.value] ?? 0) : count.dataset.total!;
		}
	}

	/** When nothing matches, offer to drop each active filter, since that is usually the way out. */
	#emptyHelp(show: boolean, params: URLSearchParams) {
		this.#empty.hidden = !show;
		if (!show) return;
		const list = this.#empty.querySelector('ul')!;
		list.replaceChildren(
			...[...params].filter(([key]) => key !== 'sort').map(([key, value]) => {
				const item = document.createElement('li');
				const button = document.createElement('button');
				button.type = 'button';
				button.dataset.key = key;
				button.dataset.value = value;
				const label = this.#form.querySelector(`input[name="${key}"][value="${CSS.escape(value)}"]`)?.parentElement?.querySelector('.facet-label')?.textContent ?? value;
				button.textContent = key === 'q' ? `Remove the words “${value}”` : `Remove ${key}: ${label}`;
				item.append(button);
				return item;
			}),
		);
	}

	async #showMore() {
		const run = this.#run;
		const size = Number(this.dataset.pageSize ?? 20);
		const page = await Promise.all(this.#results.slice(this.#shown, this.#shown + size).map((r) => r.data()));
		if (run !== this.#run) return;
		this.#shown += page.length;
		this.#list.append(...page.map((data) => this.#item(data)));
		this.#more.hidden = this.#shown >= this.#results.length;
	}

	#item({ url, excerpt, meta }: PagefindResultData) {
		const item = document.createElement('li');
		const severity = meta.severity ?? '';
		// Pagefind escapes the excerpt and adds only <mark>; every other value is escaped here.
		// A draft or a summary of someone else's incident reads differently from our own published review: say so.
		const status = meta.status && meta.status !== 'published' ? ` <span class="status status-${escapeHtml(meta.status)}">${escapeHtml(meta.status)}</span>` : '';
		const origin = meta.source ? ` · <span class="origin">summary of ${escapeHtml(meta.source)}'s postmortem</span>` : '';
		item.innerHTML = `
			<a class="result-title" href="${escapeHtml(url)}">${escapeHtml(meta.title ?? url)}</a>
			<p class="result-meta"><span class="sev sev-${escapeHtml(severity.slice(-1))}">${escapeHtml(severity)}</span>${status}
			<time datetime="${escapeHtml(meta.date ?? '')}">${escapeHtml(meta.date ?? '')}</time> · ${escapeHtml(meta.duration ?? '')} · ${escapeHtml(meta.components ?? '')}${origin}</p>
			<p class="result-excerpt">${this.#term ? excerpt : escapeHtml(meta.summary ?? '')}</p>`;
		return item;
	}
}

customElements.define('hs-search', Search);
