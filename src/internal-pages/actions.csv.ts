import type { APIRoute } from 'astro';
import { archive, config } from '../lib/collections.ts';
import { actionsCsv, ledgerPage } from '../lib/insights/pages.ts';

/** Every action item of our incidents as CSV, for a spreadsheet. Internal edition only, like /actions/. */
export const GET: APIRoute = async () => {
	const { incidents, registries } = await archive();
	return new Response(actionsCsv(ledgerPage(incidents, registries, config.today).rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
