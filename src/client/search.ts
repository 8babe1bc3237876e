/**
 * <hs-search>: the search page. The form works as plain HTML; this element makes it live.
 * Pagefind's code and index are fetched only once the reader searches or picks a filter, and
 * the state lives in the URL (?q=…&component=…) so a search can be linked from chat.
 *
 * data-bundle: where Pagefind's files are; data-page-size: results shown per "Show more";
 * data-synonyms: groups of words that mean the same, for partial matches (synonyms.ts);
 * data-words: the archive's words, fetched only when a search finds little, for "did you mean".
 */

import { concepts, didYouMean, phrases, tokens, withoutFiller } from '../lib/search-query.ts';

interface PagefindResultData {
	url: string;
	/** The page's indexed text; `locations` are word positions in it, split at white space. */
	content: string;
	weighted_locations: { weight: number; balanced_score: number; location: number }[];
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

/** Below this many exact matches, partial matches and a spelling correction are looked for too. */
const FEW = 3;

/** The sort orders besides relevance, as Pagefind sort keys (incidents.ts writes them). */
const SORTS: Record<string, Record<string, 'asc' | 'desc'>> = {
	date: { date: 'desc' },
	severity: { severity: 'asc' },
	duration: { duration: 'desc' },
};

/** Form fields that are not Pagefind filters: the words, the order and the date range. */
const NOT_FILTERS = new Set(['q', 'sort', 'from', 'to']);

const EXCERPT_WORDS = 24;

/**
 * The excerpt, from the narrative. Pagefind's own may start in the hidden words that come first on
 * every page and name components and tags ("DNS, dns, leap-second"): not a sentence. So the
 * excerpt is cut here: the stretch after those meta.lead words where the matches weigh most,
 * begun at a sentence when one starts a few words earlier. No match after them: the summary.
 */
function excerptOf(data: PagefindResultData): string {
	const lead = Number(data.meta.lead ?? 0);
	const narrative = data.weighted_locations.filter((l) => l.location >= lead);
	if (narrative.length === 0) return escapeHtml(data.meta.summary ?? '');
	const weightFrom = (start: number) => narrative.reduce((sum, l) => sum + (l.location >= start && l.location < start + EXCERPT_WORDS ? l.balanced_score : 0), 0);
	const best = narrative.reduce((a, b) => (weightFrom(b.location) > weightFrom(a.location) ? b : a)).location;
	const words = data.content.split(/\s+/);
	let start = Math.max(lead, best - 8);
	for (let i = best - 1; i >= start; i--) if (/[.!?:]$/.test(words[i])) (start = i + 1), (i = -1);
	const marked = new Set(narrative.map((l) => l.location));
	return words
		.slice(start, start + EXCERPT_WORDS)
		.map((word, i) => (marked.has(start + i) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)))
		.join(' ');
}

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
	#suggest!: HTMLElement;
	#words?: Promise<Map<string, number>>;
	#shown = 0;
	/** The results shown so far, as Pagefind returned them. */
	#loaded: PagefindResultData[] = [];
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
		this.#suggest = this.querySelector('.search-suggest')!;
		this.#suggest.querySelector('a')!.addEventListener('click', (event) => {
			event.preventDefault();
			(this.#form.elements.namedItem('q') as HTMLInputElement).value = (event.currentTarget as HTMLElement).textContent!;
			this.#update();
		});
		this.#form.addEventListener('submit', (event) => {
			event.preventDefault();
			// Enter searches now; the search the typing scheduled would only repeat it.
			clearTimeout(this.#timer);
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
			if (open) this.#countOpened();
		});
		for (const details of this.querySelectorAll<HTMLDetailsElement>('.facets details')) details.addEventListener('toggle', () => details.open && this.#countOpened());
		this.#empty.addEventListener('click', (event) => {
			const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-key]');
			if (!button) return;
			const { key, value } = button.dataset as { key: string; value: string };
			const box = this.#form.querySelector<HTMLInputElement>(`input[type=checkbox][name="${key}"][value="${CSS.escape(value)}"]`);
			if (box) box.checked = false;
			else (this.#form.elements.namedItem(key) as HTMLInputElement).value = '';
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

	/**
	 * The date range as Pagefind's month filter: every month of the archive from "from" to "to"
	 * (data-months lists the months that have incidents).
	 */
	#months(params: URLSearchParams): string[] | undefined {
		const [from, to] = [params.get('from'), params.get('to')].map((m) => (m && /^\d{4}-\d{2}$/.test(m) ? m : undefined));
		if (!from && !to) return undefined;
		const months = JSON.parse(this.dataset.months ?? '[]') as string[];
		return months.filter((m) => (!from || m >= from) && (!to || m <= to));
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

	/**
	 * Pagefind counts only the filters it has loaded, and every loaded filter is counted on every
	 * search. At 10,000 postmortems all of them are a quarter of a megabyte and make a common word's
	 * search take seconds, so a facet's filter is loaded when its list is open (the first few are
	 * open on a wide screen), after the first results are shown. A closed facet shows no counts.
	 */
	#counted = new Set<string>();
	/** The search on screen, for counting a facet opened later. */
	#current?: { run: number; words: string | null; filters: Record<string, { any: string[] }> };
	async #loadFacets(pagefind: Pagefind, words: string | null): Promise<boolean> {
		const open = [...this.querySelectorAll<HTMLDetailsElement>('.facets details[data-facet]')].filter((d) => d.open && d.checkVisibility()).map((d) => d.dataset.facet!);
		const missing = open.filter((key) => !this.#counted.has(key));
		// A search that uses a filter loads it; no incident has the value "-", so it finds nothing, quickly.
		// With the reader's words, not without: a search by filters alone makes Pagefind fetch the whole index.
		for (const key of missing) await pagefind.search(words, { filters: { [key]: { any: ['-'] } } });
		for (const key of missing) this.#counted.add(key);
		return missing.length > 0;
	}

	#load() {
		this.#pagefind ??= (async () => {
			const pagefind: Pagefind = await import(/* @vite-ignore */ `${this.dataset.bundle}pagefind.js`);
			return pagefind;
		})();
		return this.#pagefind;
	}

	async #search() {
		const run = ++this.#run;
		const params = this.#params();
		const term = params.get('q');
		const filters: Record<string, { any: string[] }> = {};
		for (const [key, value] of params) if (!NOT_FILTERS.has(key)) (filters[key] ??= { any: [] }).any.push(value);
		if (!term && Object.keys(filters).length === 0 && !params.get('from') && !params.get('to')) return this.#reset();
		this.#status.textContent = 'Searching…';
		const pagefind = await this.#load();
		const months = this.#months(params);
		// A range with no month in it: Pagefind ignores an empty "any", so ask for a month that cannot exist.
		if (months) filters.month = { any: months.length ? months : ['none'] };
		// Without words there is no relevance to rank by, so browsing lists newest first.
		const sort = SORTS[params.get('sort') ?? ''] ?? (term ? undefined : SORTS.date);
		// Filler ("after the") would only narrow the results and, matching every page, slow the search.
		const words = term && withoutFiller(term);
		const search = await pagefind.search(words, { filters, sort });
		if (!search || run !== this.#run) return;
		// The words as one phrase first: a pasted error message ranks above pages that merely contain its words.
		const exactPhrase = term && !sort && tokens(term).length > 1 ? await pagefind.search(`"${tokens(term).join(' ')}"`, { filters }) : null;
		if (run !== this.#run) return;
		// Pagefind reports a phrase's first occurrence only. If that is in the hidden words, the same page from the plain search has the narrative's matches for the excerpt.
		const plain = new Map(search.results.map((r) => [r.id, r]));
		const first = (exactPhrase?.results ?? []).map((r) => ({
			...r,
			data: async () => {
				const data = await r.data();
				const inNarrative = data.weighted_locations.some((l) => l.location >= Number(data.meta.lead ?? 0));
				return inNarrative || !plain.has(r.id) ? data : plain.get(r.id)!.data();
			},
		}));
		const ids = new Set(first.map((r) => r.id));
		this.#results = [...first, ...search.results.filter((r) => !ids.has(r.id))];
		this.#term = Boolean(term);
		this.#shown = 0;
		this.#loaded = [];
		this.#list.replaceChildren();
		if (run !== this.#run) return;
		const n = this.#results.length;
		const what = term ? `“${term}”` : 'these filters';
		const partial = term && n < FEW ? await this.#partialMatches(pagefind, term, filters, new Set(this.#results.map((r) => r.id))) : [];
		if (run !== this.#run) return;
		const noun = this.dataset.noun ?? 'incident';
		const incidents = (k: number) => `${k} ${noun}${k === 1 ? '' : 's'}`;
		const exact = n === 0 ? `${noun === 'incident' ? 'No incident matches' : 'Nothing matches'} all of ${what}` : `${incidents(n)} ${n === 1 ? 'matches' : 'match'} ${what}${term && Object.keys(filters).length ? ' with these filters' : ''}`;
		this.#status.textContent = partial.length ? `${exact}; ${incidents(partial.length)} ${partial.length === 1 ? 'matches' : 'match'} some of the words.` : `${exact}.`;
		this.#emptyHelp(n === 0 && partial.length === 0, params);
		await this.#showMore();
		await this.#showPartial(partial);
		if (run !== this.#run) return;
		this.#current = { run, words, filters };
		await this.#recount(pagefind, words, filters, search.filters);
		if (run !== this.#run) return;
		const suggestion = term && (n < FEW || this.#unmatched(term)) ? await this.#correction(term) : undefined;
		if (run !== this.#run) return;
		this.#suggest.hidden = !suggestion;
		if (suggestion) {
			const link = this.#suggest.querySelector('a')!;
			link.textContent = suggestion;
			const next = new URLSearchParams(params);
			next.set('q', suggestion);
			link.href = `?${next}`;
		}
		this.#busy(false);
	}

	/**
	 * When all the words together find too little: each concept searched on its own, as typed and as
	 * its synonyms, and the incidents ranked by how much of the question they answer. A concept that
	 * matches most of the archive ("outage") counts for little; a rare one ("logrotate") for much.
	 */
	async #partialMatches(pagefind: Pagefind, term: string, filters: Record<string, { any: string[] }>, exact: Set<string>): Promise<PagefindResult[]> {
		// Part of the question as an exact phrase first ("too many clients" out of "postgres FATAL: sorry, too many clients already"), longest first.
		const byPhrase = new Map<string, PagefindResult>();
		for (const phrase of phrases(term, 20)) {
			if (phrase.split(' ').length === tokens(term).length) continue;
			for (const result of (await pagefind.search(`"${phrase}"`, { filters }))?.results ?? []) if (!exact.has(result.id) && !byPhrase.has(result.id)) byPhrase.set(result.id, result);
			if (byPhrase.size >= 10) break;
		}
		const asked = concepts(term, JSON.parse(this.dataset.synonyms ?? '[]') as string[][]);
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
			// A word the archive does not contain ("postgres" where it says PostgreSQL) does not raise the bar.
			if (hits.size) possible += weight;
			for (const [id, result] of hits) {
				const entry = scores.get(id) ?? { result, weight: 0, score: 0 };
				entry.weight += weight;
				entry.score += result.score;
				scores.set(id, entry);
			}
		}
		// At least a third of what the question asks, so one common word does not list the archive.
		const byWords = [...scores]
			.filter(([id, entry]) => !exact.has(id) && !byPhrase.has(id) && entry.weight > 0 && entry.weight >= possible / 3)
			.sort(([, a], [, b]) => b.weight - a.weight || b.score - a.score)
			.map(([, entry]) => entry.result);
		return [...byPhrase.values(), ...byWords].slice(0, 10);
	}

	/**
	 * Whether a word of the query appears in none of the shown results as typed (or with another
	 * ending): Pagefind then matched something else ("databse" finds "data"), and the reader may
	 * have made a typo even though there are results.
	 */
	#unmatched(term: string): boolean {
		const found = this.#loaded.flatMap((data) => {
			const words = data.content.split(/\s+/);
			return data.weighted_locations.flatMap((l) => tokens(words[l.location] ?? ''));
		});
		return tokens(term).some((word) => word.length >= 4 && !found.some((f) => f.startsWith(word.slice(0, Math.max(4, word.length - 2)))));
	}

	/** "Did you mean": the archive's word list is fetched the first time a search finds little or misses a word. */
	async #correction(term: string): Promise<string | undefined> {
		this.#words ??= fetch(this.dataset.words!)
			.then((response) => (response.ok ? response.json() : []))
			.then((words: string[]) => new Map(words.map((word, rank) => [word, rank])))
			.catch(() => new Map());
		const corrected = didYouMean(term, await this.#words);
		return corrected && corrected !== tokens(term).join(' ') ? corrected : undefined;
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
		this.#current = undefined;
		this.#results = [];
		this.#list.replaceChildren();
		this.#partialList.replaceChildren();
		this.#partial.hidden = true;
		this.#suggest.hidden = true;
		this.#more.hidden = true;
		this.#empty.hidden = true;
		this.#status.textContent = this.dataset.intro ?? '';
		this.#counts();
	}

	/** A facet list was opened during a search: give it counts. */
	async #countOpened() {
		if (!this.#pagefind || !this.#current) return;
		const { run, words, filters } = this.#current;
		const pagefind = await this.#pagefind;
		if (run !== this.#run) return;
		this.#busy(true);
		await this.#recount(pagefind, words, filters);
		if (run === this.#run) this.#busy(false);
	}

	/** Counts for the open facets, loading the filters that are newly open and searching again if any was. */
	async #recount(pagefind: Pagefind, words: string | null, filters: Record<string, { any: string[] }>, current?: PagefindSearch['filters']) {
		const run = this.#run;
		const loadedNow = await this.#loadFacets(pagefind, words);
		if (loadedNow || !current) current = (await pagefind.search(words, { filters }))?.filters ?? {};
		const counts = await this.#facetCounts(pagefind, words, filters, current);
		if (run === this.#run) this.#counts(counts);
	}

	/**
	 * The count beside a value says how many results ticking it would give. Values of one facet are
	 * alternatives (any of them), so a facet's counts come from the search without its own selection:
	 * with SEV-1 ticked, SEV-2 still shows its incidents, not 0.
	 */
	async #facetCounts(pagefind: Pagefind, term: string | null, filters: Record<string, { any: string[] }>, current: PagefindSearch['filters']) {
		const counts: Record<string, Record<string, number> | undefined> = { ...current };
		for (const key of Object.keys(filters)) {
			if (key === 'month') continue;
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
			// No search, or a facet the search does not narrow: the archive totals. A facet not counted (closed): nothing.
			const facet = current?.[box.name];
			count.textContent = !current || (box.name in current && !facet) ? count.dataset.total! : facet ? String(facet[box.value] ?? 0) : '';
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
				button.textContent = key === 'q' ? `Remove the words “${value}”` : key === 'from' || key === 'to' ? `Remove “${key} ${value}”` : `Remove ${key}: ${label}`;
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
		this.#loaded.push(...page);
		this.#list.append(...page.map((data) => this.#item(data)));
		this.#more.hidden = this.#shown >= this.#results.length;
	}

	#item(data: PagefindResultData) {
		const { url, meta } = data;
		const item = document.createElement('li');
		if (meta.kind === 'guide') {
			item.className = 'result-guide';
			item.innerHTML = `
			<a class="result-title" href="${escapeHtml(url)}">${escapeHtml(meta.title ?? url)}</a>
			<p class="result-meta"><span class="kind">Guide</span> · ${escapeHtml(meta.minutes ?? '1')} min read</p>
			<p class="result-excerpt">${this.#term ? excerptOf(data) : escapeHtml(meta.summary ?? '')}</p>`;
			return item;
		}
		const severity = meta.severity ?? '';
		// Every value is escaped here; the excerpt escapes each word it marks.
		// A draft or a summary of someone else's incident reads differently from our own published review: say so.
		const status = meta.status && meta.status !== 'published' ? ` <span class="status status-${escapeHtml(meta.status)}">${escapeHtml(meta.status)}</span>` : '';
		const origin = meta.source ? ` · <span class="origin">summary of ${escapeHtml(meta.source)}'s postmortem</span>` : '';
		item.innerHTML = `
			<a class="result-title" href="${escapeHtml(url)}">${escapeHtml(meta.title ?? url)}</a>
			<p class="result-meta"><span class="sev sev-${escapeHtml(severity.slice(-1))}">${escapeHtml(severity)}</span>${status}
			<time datetime="${escapeHtml(meta.date ?? '')}">${escapeHtml(meta.date ?? '')}</time> · ${escapeHtml(meta.duration ?? '')} · ${escapeHtml(meta.components ?? '')}${origin}</p>
			<p class="result-excerpt">${this.#term ? excerptOf(data) : escapeHtml(meta.summary ?? '')}</p>`;
		return item;
	}
}

customElements.define('hs-search', Search);
