/**
 * <hs-chart data-chart='{"type": "bar", "labels": […], "datasets": [{"label", "color", "data"}], "stacked": true}'>:
 * a chart drawn with chart.js. chart.js is most of a page's script (58 KB compressed; 55 KB even for
 * bars alone), so it is fetched only when a chart comes near the screen; the element's
 * height is fixed in the stylesheet, so drawing it shifts nothing, and the data table beside each
 * chart holds the same numbers without JavaScript.
 */
import type { ChartSpec } from './chart-draw.ts';

class ChartElement extends HTMLElement {
	#observer?: IntersectionObserver;
	#destroy?: () => void;

	connectedCallback() {
		this.#observer = new IntersectionObserver(
			(seen) => {
				if (!seen.some((entry) => entry.isIntersecting)) return;
				this.#observer?.disconnect();
				void this.#draw();
			},
			{ rootMargin: '200px' },
		);
		this.#observer.observe(this);
	}

	async #draw() {
		const { draw } = await import('./chart-draw.ts');
		this.#destroy = draw(this.querySelector('canvas')!, JSON.parse(this.dataset.chart!) as ChartSpec);
		this.dataset.drawn = '';
	}

	disconnectedCallback() {
		this.#observer?.disconnect();
		this.#destroy?.();
	}
}

customElements.define('hs-chart', ChartElement);
