/** The site's main navigation, in the order readers use it; the action ledger is the team's edition only. */
export function navigation(edition: 'internal' | 'public') {
	return [
		{ href: '/', label: 'Home' },
		{ href: '/incidents/', label: 'Incidents' },
		{ href: '/search/', label: 'Search' },
		{ href: '/patterns/', label: 'Patterns' },
		{ href: '/insights/', label: 'Insights' },
		...(edition === 'internal' ? [{ href: '/actions/', label: 'Actions' }] : []),
		{ href: '/tags/', label: 'Tags' },
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
