import type { APIRoute } from 'astro';
import { archive, config } from '../lib/collections.ts';
import { metricsDocument } from '../lib/insights/pages.ts';

/** The insights as numbers, for a spreadsheet or another dashboard. The public edition leaves action items out. */
export const GET: APIRoute = async () => {
	const { incidents, registries } = await archive();
	return Response.json(metricsDocument(incidents, registries, config));
};
