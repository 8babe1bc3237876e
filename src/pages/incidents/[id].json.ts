import type { APIRoute, GetStaticPaths } from 'astro';
import { archive, type Incident } from '../../lib/collections.ts';
import { incidentDocument } from '../../lib/feeds.ts';

export const getStaticPaths = (async () => {
	const { incidents } = await archive();
	return incidents.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { registries } = await archive();
	return Response.json(incidentDocument((props as { entry: Incident }).entry, registries));
};
