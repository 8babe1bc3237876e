import type { APIRoute } from 'astro';
import { archive, config } from '../lib/collections.ts';
import { feedItems, jsonFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
	const { incidents, registries } = await archive();
	return Response.json(jsonFeed(feedItems(incidents, registries), { title: config.title, site: String(site) }));
};
