/**
 * The lint rules, as data. Each has an id, a category that decides how severe a finding is, and a
 * fix. Teams extend the lists through lint.yml; every rule has a failing and a passing example in
 * test/fixtures/lint/examples.yml.
 */
export type Category = 'secret' | 'privacy' | 'blameless' | 'unsafe';

export interface PatternRule {
	id: string;
	category: Category;
	description: string;
	/** Regular expression source, matched globally and case-insensitively unless `caseSensitive`. */
	pattern: string;
	caseSensitive?: boolean;
	message: (match: string) => string;
	fix: string;
}

const IPV4 = String.raw`(?:25[0-5]|2[0-4]\d|1?\d?\d)`;

export const PRIVACY_RULES: PatternRule[] = [
	{
		id: 'privacy/connection-string',
		category: 'privacy',
		description: 'Database and broker URLs, which carry hosts and often credentials.',
		pattern: String.raw`\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|kafka|jdbc:[a-z]+)://[^\s'")\]>]+`,
		message: (m) => `connection string '${m}'`,
		fix: 'name the database by its role ("the orders database") instead of its address',
	},
	{
		id: 'privacy/email',
		category: 'privacy',
		description: 'E-mail addresses of customers or staff.',
		pattern: String.raw`\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b`,
		message: (m) => `e-mail address '${m}'`,
		fix: 'describe the person by role ("a customer", "the on-call engineer")',
	},
	{
		id: 'privacy/phone',
		category: 'privacy',
		description: 'Phone numbers.',
		pattern: String.raw`(?<![\w.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}(?![\w.-])`,
		message: (m) => `phone number '${m.trim()}'`,
		fix: 'remove it; say who was called ("the vendor\'s support line") instead',
	},
	{
		id: 'privacy/private-ip',
		category: 'privacy',
		description: 'Private and internal IP addresses (RFC 1918, CGNAT, link-local, unique-local IPv6).',
		pattern: String.raw`\b(?:10\.${IPV4}|172\.(?:1[6-9]|2\d|3[01])|192\.168|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])|169\.254)\.${IPV4}\.${IPV4}\b|\bf[cd][0-9a-f]{2}(?::[0-9a-f]{0,4}){2,7}\b`,
		message: (m) => `internal IP address '${m}'`,
		fix: 'name the system by its role ("a database replica") instead of its address',
	},
];

/** Blameless-language rules: each names what is wrong and suggests the systemic framing. */
export const BLAMELESS_RULES: PatternRule[] = [
	{
		id: 'blameless/human-error',
		category: 'blameless',
		description: '"Human error" (or operator, user, pilot error) given as a cause.',
		pattern: String.raw`\b(?:human|operator|user|engineer|pilot|manual)[\s-]+errors?\b`,
		message: (m) => `"${m}" names a person as the cause and ends the inquiry`,
		fix: 'say what made the action possible and harmful, e.g. "the deploy tool accepted a config that no check had validated"',
	},
	{
		id: 'blameless/should-have',
		category: 'blameless',
		description: 'Hindsight judgements: "should have known/noticed/checked".',
		pattern: String.raw`\bshould(?:n[’']t| not)? have (?:known|noticed|checked|caught|seen|realized|realised|tested|verified|been more careful)\b`,
		message: (m) => `"${m}" judges with hindsight`,
		fix: 'describe what the person saw at the time and why it made sense, e.g. "the dashboard showed no error, so the change looked safe"',
	},
	{
		id: 'blameless/forgot-to',
		category: 'blameless',
		description: '"Forgot to": a memory failure presented as the cause.',
		pattern: String.raw`\bforg(?:o|e)t(?:ten)? to\b`,
		message: (m) => `"${m}" makes a person's memory the cause`,
		fix: 'name the missing safeguard, e.g. "the runbook had no step to update the secret, and nothing checked it"',
	},
	{
		id: 'blameless/careless',
		category: 'blameless',
		description: 'Character judgements: careless, negligent, sloppy, reckless.',
		pattern: String.raw`\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppiness|reckless(?:ly|ness)?|incompeten(?:t|ce))\b`,
		message: (m) => `"${m}" judges a person, not the system`,
		fix: 'describe the conditions, e.g. "under time pressure and without a review step"',
	},
	{
		id: 'blameless/failed-to-notice',
		category: 'blameless',
		description: '"Failed to notice/check/follow": a person as the subject of the failure.',
		pattern: String.raw`\bfail(?:ed|s|ing)? to (?:notice|check|follow|verify|see|catch|read|test)\b`,
		message: (m) => `"${m}" puts a person at the center of the failure`,
		fix: 'say what made the signal easy to miss, e.g. "the alert went to a channel nobody watched at night"',
	},
	{
		id: 'blameless/someones-mistake',
		category: 'blameless',
		description: '"X\'s mistake / fault / error / oversight".',
		pattern: String.raw`\b[\p{L}-]+[’']s (?:mistake|fault|error|oversight|negligence|blunder)\b`,
		message: (m) => `"${m}" assigns the failure to a person`,
		fix: 'describe the action and the conditions around it, e.g. "a command run during maintenance removed more capacity than intended"',
	},
];

/** MDX runs code at build time; postmortems must not load or run anything. Errors in every edition. */
export const UNSAFE_RULES: PatternRule[] = [
	{
		id: 'unsafe/script',
		category: 'unsafe',
		description: '<script>, <iframe>, <object>, <embed> and similar tags.',
		pattern: String.raw`<\s*(?:script|iframe|object|embed|frame|frameset|base|meta|link|form)\b`,
		message: (m) => `the tag ${m.trim()}> would run or load content in readers' browsers`,
		fix: 'remove it; link to the resource instead',
	},
	{
		id: 'unsafe/event-handler',
		category: 'unsafe',
		description: 'Inline event handlers such as onclick= and javascript: URLs.',
		pattern: String.raw`<[^>]*[\s/]on[a-z]+\s*=|javascript:`,
		message: () => 'an inline event handler or javascript: URL',
		fix: 'remove it; postmortems do not run code',
	},
	{
		id: 'unsafe/code-access',
		category: 'unsafe',
		description: 'Expressions or imports that reach process, fetch, import.meta, require or node: modules.',
		pattern: String.raw`\{[^}]*\b(?:process|fetch|import\.meta|require|eval|globalThis)\b[^}]*\}|\bfrom\s+['"]node:|\bimport\s*\(`,
		message: (m) => `code that would run at build time: ${m.slice(0, 60)}`,
		fix: 'remove it; timeline and actions belong in the frontmatter, and text in backticks is safe',
	},
	{
		id: 'unsafe/import',
		category: 'unsafe',
		description: 'MDX imports and exports: bodies use the built-in components, which need no import, or import a team component from the components folder.',
		pattern: String.raw`^\s*(?:import|export)\s.+$`,
		// MDX statements are lower-case; "Export the logs" starting a sentence is prose.
		caseSensitive: true,
		message: (m) => `MDX statement '${m.trim().slice(0, 60)}'`,
		fix: 'remove it: the built-in components need no import, and a team component is imported from the components folder',
	},
	{
		id: 'unsafe/remote-image',
		category: 'unsafe',
		description: 'Images loaded from other sites: they track readers and can change after review.',
		pattern: String.raw`!\[[^\]]*\]\(\s*(?:https?:)?//[^)]+\)|<img\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//`,
		message: () => 'an image loaded from another site',
		fix: 'download the image into the repository and reference it locally, or link to it',
	},
];

/** Ticket, chat and dashboard hosts that are internal almost everywhere. lint.yml adds a team's own. */
export const DEFAULT_INTERNAL_URLS = [
	'atlassian.net/browse', 'slack.com/archives', 'app.slack.com', 'teams.microsoft.com', 'app.datadoghq.com', 'app.datadoghq.eu',
	'pagerduty.com/incidents', 'app.opsgenie.com', 'linear.app', 'grafana.', 'kibana.', 'sentry.io/organizations', 'app.incident.io', 'docs.google.com',
];

/** Domain suffixes that are never public. */
export const DEFAULT_INTERNAL_DOMAINS = ['internal', 'corp', 'local', 'lan', 'intranet', 'private', 'home.arpa'];

/** Words that look like names to a language model but are roles in an incident. */
export const DEFAULT_ALLOWED_NAMES = ['On-call', 'Incident Commander', 'SRE', 'Orchestrator', 'Consul', 'Kubernetes', 'Calico', 'Cilium', 'Envoy', 'PgBouncer', 'PostgreSQL', 'Power Peg', 'Falcon'];
