/** The site's main navigation, in the order readers use it; the action ledger is the team's edition only. */
export function navigation(edition: 'internal' | 'public') {
	return [
		{ href: '/', label: 'Home' },
		{ href: '/learn/', label: 'Learn' },
		{ href: '/incidents/', label: 'Incidents' },
		{ href: '/search/', label: 'Search' },
		{ href: '/patterns/', label: 'Patterns' },
		{ href: '/insights/', label: 'Insights' },
		...(edition === 'internal' ? [{ href: '/actions/', label: 'Actions' }] : []),
		{ href: '/tags/', label: 'Tags' },
		{ href: '/glossary/', label: 'Glossary' },
		{ href: '/severity/', label: 'Severity scale' },
	];
}

/**
 * What the 404 page says. Links from chat or a ticket often point at a postmortem: in the public
 * edition it may simply not be public (internal, or not published yet), which a reader should know.
 */
export function notFoundPage(edition: 'internal' | 'public') {
	return {
		lede: 'Nothing is published at this address.',
		hint:
			edition === 'public'
				? 'If the link pointed at a postmortem, it may not be public: this edition holds only the postmortems that are published for readers outside the company. Search the ones that are:'
				: 'If the link pointed at a postmortem, it may have been renamed: its address is its file name. Search for it:',
		nav: navigation(edition),
	};
}

/**
 * The words that differ between editions. The team's edition talks to the team ("search it during
 * an incident"); the public one to outside readers, who are not on call and own no component.
 */
export function wording(edition: 'internal' | 'public') {
	const internal = edition === 'internal';
	return {
		homeLede: internal
			? 'Read it to learn from past incidents, and search it during an incident to ask “have we seen this before?”'
			: 'Read it to learn how these incidents happened, how they were found and fixed, and what changed afterwards.',
		searchPlaceholder: internal ? 'Have we seen this before? e.g. connection pool' : 'Search the postmortems, e.g. connection pool',
		patternsLede: internal
			? 'If three postmortems in six months mention the same component, that component needs architectural attention.'
			: 'Some components and causes come back: several incidents in a short time point to a weakness that single fixes did not remove.',
		recurringNote: internal ? "needs attention beyond each incident's own fixes" : 'came back more often than its single fixes would suggest',
		/** Overdue counts and priorities are the team's business. */
		showOverdue: internal,
	};
}
