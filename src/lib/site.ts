/** The site's main navigation, in the order readers use it. */
export const NAV = [
	{ href: '/', label: 'Home' },
	{ href: '/incidents/', label: 'Incidents' },
	{ href: '/search/', label: 'Search' },
	{ href: '/patterns/', label: 'Patterns' },
	{ href: '/tags/', label: 'Tags' },
	{ href: '/severity/', label: 'Severity scale' },
] as const;
