import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { archive, config } from '../lib/collections.ts';
import { asHtmlText, feedItems } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
	const { incidents, registries } = await archive();
	return rss({
		title: config.title,
		description: 'Published postmortems: summaries with a link to each full write-up.',
		site: String(site),
		items: feedItems(incidents, registries).map((item) => ({
			title: item.title,
			link: item.url,
			description: asHtmlText(item.summary),
			pubDate: new Date(`${item.published}T00:00:00Z`),
			categories: item.tags,
		})),
	});
};
