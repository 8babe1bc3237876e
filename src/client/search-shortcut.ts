/**
 * <hs-search-shortcut>: "/" or Ctrl+K (⌘K) focuses the page's search input, as in most developer tools.
 * data-target names the input to prefer (the search page's own box), data-fallback the one every page has.
 */
class SearchShortcut extends HTMLElement {
	#onKey = (event: KeyboardEvent) => {
		// Ctrl+K works even while typing elsewhere; "/" only when it would not be typed into a field.
		const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
		if (!commandK) {
			if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
			const target = event.target as HTMLElement | null;
			if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
		}
		const input = document.querySelector<HTMLInputElement>(this.dataset.target!) ?? document.querySelector<HTMLInputElement>(this.dataset.fallback!);
		if (!input) return;
		event.preventDefault();
		input.focus();
		input.select();
	};
	connectedCallback() {
		document.addEventListener('keydown', this.#onKey);
		// The hint is for keyboards: a phone has no "/" key to press.
		const box = document.querySelector<HTMLInputElement>(this.dataset.fallback!);
		if (box && matchMedia('(hover: hover) and (pointer: fine)').matches) box.placeholder = `${box.placeholder}  ( / )`;
	}
	disconnectedCallback() {
		document.removeEventListener('keydown', this.#onKey);
	}
}

customElements.define('hs-search-shortcut', SearchShortcut);
export {};
