import type { APIRoute } from 'astro';
import { archive } from '../../lib/collections.ts';
import { searchVocabulary } from '../../lib/search.ts';

/** Fetched by the search page only when a search finds little, to offer "did you mean". */
export const GET: APIRoute = async () => {
	const { incidents, registries } = await archive();
	return Response.json(searchVocabulary(incidents, registries));
};
