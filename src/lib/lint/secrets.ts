/**
 * Secrets in postmortem text that secretlint's recommended preset does not know: payment keys,
 * JWTs, cloud and SaaS tokens, bare PEM headers, credentials in URLs, and long random tokens with
 * no label at all. Pure: text in, detections out; the lint runner places and deduplicates them.
 *
 * The rules follow the shape of gitleaks' default config (an id, a description, a regex, keywords
 * that must occur before the regex is worth running). Token formats are the providers' own.
 */

export interface Detection {
	/** Where the finding starts in the text given, in UTF-16 code units, and how long it is. */
	index: number;
	length: number;
	/** The text found. For a secret this is the secret itself: never print it, use `message`. */
	text: string;
	rule: string;
	message: string;
	fix: string;
}

interface SecretRule {
	/** Reported as `secret/<id>`. */
	id: string;
	/** What it is, for the message: "a Stripe secret key". */
	description: string;
	/** Run globally. A named group `secret` marks the secret inside a longer match (a label, a URL). */
	regex: RegExp;
	/** Lower-case strings of which one must occur in the text for the regex to run: most texts hold none. */
	keywords: string[];
}

const FIX = 'remove it and rotate the credential now: anything committed must be treated as leaked';

// A token starts and ends where no token character touches it, so a match is never the middle of a longer word.
const B = String.raw`(?<![A-Za-z0-9_-])`;
const E = String.raw`(?![A-Za-z0-9_-])`;
/** The label-then-value shape of gitleaks' generic rules: "<label> … key: VALUE", "<label>_TOKEN=VALUE". */
const labelled = (label: string, value: string) =>
	new RegExp(String.raw`(?:${label})[\w .'"-]{0,30}?(?:key|token|secret|password)[\w .'"-]{0,12}?[\s:=>"'\x60(]{1,5}(?<secret>${value})${E}`, 'gi');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const re = (source: string, flags = 'g') => new RegExp(source, flags);

export const SECRET_RULES: readonly SecretRule[] = [
	{ id: 'stripe-key', description: 'a Stripe secret or restricted key', keywords: ['sk_', 'rk_', 'whsec_'], regex: re(String.raw`${B}(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,99}|whsec_[A-Za-z0-9]{32,})${E}`) },
	{
		id: 'payment-key',
		description: 'a payment provider key (Square, Braintree, Razorpay, Flutterwave)',
		keywords: ['sq0', 'eaaa', 'access_token$', 'rzp_live', 'flwseck'],
		regex: re(String.raw`${B}(?:sq0(?:atp|csp)-[\w-]{22,60}|EAAA[\w-]{60}|access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32}|rzp_live_[A-Za-z0-9]{14}|FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)${E}`),
	},
	// Three base64url parts, the first two JSON objects (so "eyJ"). The signature may be empty (alg "none").
	{ id: 'jwt', description: 'a JSON Web Token', keywords: ['eyj'], regex: re(String.raw`${B}eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*`) },
	{ id: 'google-api-key', description: 'a Google API key', keywords: ['aiza'], regex: re(String.raw`${B}AIza[0-9A-Za-z_-]{35}${E}`) },
	{ id: 'github-token', description: 'a GitHub token', keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], regex: re(String.raw`${B}(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})${E}`) },
	{
		id: 'gitlab-token',
		description: 'a GitLab token',
		keywords: ['glpat-', 'gldt-', 'glft-', 'glrt-', 'glsoat-', 'glffct-', 'glimt-', 'glagent-', 'gloas-', 'glptt-', 'glcbt-', 'gr1348941'],
		regex: re(String.raw`${B}(?:gl(?:pat|dt|ft|rt|soat|ffct|imt|agent|oas)-[\w-]{20,}|glptt-[0-9a-f]{40}|glcbt-[0-9a-zA-Z]{1,5}_[\w-]{20,}|GR1348941[\w-]{20})${E}`),
	},
	{ id: 'twilio-key', description: 'a Twilio API key', keywords: ['sk'], regex: re(String.raw`${B}SK[0-9a-fA-F]{32}${E}`) },
	{ id: 'twilio-key', description: 'a Twilio auth token', keywords: ['twilio'], regex: labelled('twilio', '[0-9a-f]{32}') },
	{ id: 'sendgrid-key', description: 'a SendGrid API key', keywords: ['sg.'], regex: re(String.raw`${B}SG\.[\w-]{22}\.[\w-]{43}${E}`) },
	{ id: 'mailgun-key', description: 'a Mailgun API key', keywords: ['key-'], regex: re(String.raw`${B}key-[0-9a-f]{32}${E}`) },
	{ id: 'mailgun-key', description: 'a Mailgun signing key', keywords: ['mailgun'], regex: labelled('mailgun', '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}') },
	{ id: 'digitalocean-token', description: 'a DigitalOcean token', keywords: ['_v1_'], regex: re(String.raw`${B}do[opr]_v1_[a-f0-9]{64}${E}`) },
	{ id: 'vault-token', description: 'a HashiCorp Vault token', keywords: ['hvs.', 'hvb.', 'hvr.'], regex: re(String.raw`${B}hv[sbr]\.[\w-]{24,}`) },
	// Vault's legacy "s." tokens are too short a prefix to trust without the word "vault" nearby, and at least one digit.
	{ id: 'vault-token', description: 'a HashiCorp Vault token', keywords: ['vault'], regex: re(String.raw`(?<![\w.])s\.(?=[A-Za-z]*\d)[A-Za-z0-9]{24}${E}`) },
	{ id: 'shopify-token', description: 'a Shopify access token or shared secret', keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], regex: re(String.raw`${B}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${E}`) },
	// PyPI tokens are macaroons whose base64 starts by naming the index: "pypi.org" or "test.pypi.org".
	{ id: 'pypi-token', description: 'a PyPI upload token', keywords: ['pypi-'], regex: re(String.raw`${B}pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[\w-]{50,}`) },
	{ id: 'npm-token', description: 'an npm access token', keywords: ['npm_'], regex: re(String.raw`${B}npm_[A-Za-z0-9]{36}${E}`) },
	{ id: 'slack-webhook', description: 'a Slack webhook URL', keywords: ['hooks.slack.com'], regex: re(String.raw`https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}`) },
	{ id: 'slack-token', description: 'a Slack token', keywords: ['xox', 'xapp-'], regex: re(String.raw`${B}(?:xox[abposr]-[0-9A-Za-z-]{10,}|xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,}|xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)${E}`) },
	{ id: 'discord-webhook', description: 'a Discord webhook URL', keywords: ['discord'], regex: re(String.raw`https?://(?:(?:canary|ptb)\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[\w-]{60,68}`) },
	// A bot token is the bot's numeric id, a colon and 35 characters that begin "AA": distinctive without a label.
	{ id: 'telegram-bot-token', description: 'a Telegram bot token', keywords: [':aa'], regex: re(String.raw`(?<![\d])\d{8,10}:AA[\w-]{33}${E}`) },
	{ id: 'azure-storage-key', description: 'an Azure storage account key', keywords: ['accountkey=', 'sharedaccesskey='], regex: re(String.raw`(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{86}==|[A-Za-z0-9+/]{43}=)`, 'gi') },
	{ id: 'heroku-key', description: 'a Heroku API key', keywords: ['hrku-'], regex: re(String.raw`${B}HRKU-AA[\w-]{58}${E}`) },
	{ id: 'heroku-key', description: 'a Heroku API key', keywords: ['heroku'], regex: labelled('heroku', UUID) },
	// Datadog keys are bare hex, the same alphabet as commit SHAs: only with the product's name beside them.
	{ id: 'datadog-key', description: 'a Datadog API or application key', keywords: ['datadog', 'dd_', 'dd-'], regex: labelled(String.raw`datadog|\bdd[_-]?(?:api|app)`, '[a-f0-9]{40}|[a-f0-9]{32}') },
	{ id: 'age-secret-key', description: 'an age secret key', keywords: ['age-secret-key-1'], regex: re(String.raw`AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`) },
	// The header alone is enough: a key pasted without its body, or cut off, still says what follows it.
	// With its body and footer the finding is the whole block, so the body's lines are not reported again as random tokens.
	// The body may hold literal "\n" escapes: keys pasted from JSON (service-account files) or YAML strings.
	{
		id: 'private-key',
		description: 'a private key',
		keywords: ['private key'],
		regex: re(String.raw`-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+/=\s:,\\-]{0,16384}?-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----)?`),
	},
	{ id: 'aws-access-key', description: 'an AWS access key id', keywords: ['a3t', 'akia', 'asia', 'abia', 'acca'], regex: re(String.raw`${B}(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}${E}`) },
	{ id: 'aws-secret-key', description: 'an AWS secret access key', keywords: ['aws'], regex: labelled('aws', '[A-Za-z0-9/+]{40}') },
	// user:password@ in any URL. The password is the secret; placeholders are dropped by `placeholder`.
	{ id: 'basic-auth', description: 'a password in a URL', keywords: ['://'], regex: re(String.raw`\b[a-z][a-z0-9+.-]{1,15}://[^\s:/@?#'"<>]+:(?<secret>[^\s:/@?#'"<>]+)@[\w-]+(?:\.[\w-]+)*`, 'gi') },
];

/** Values written in documentation instead of a secret: AWS's documented examples (scanners ignore them on purpose), xxxx, <...>, ${VAR}. */
function placeholder(secret: string): boolean {
	return /EXAMPLE(?:KEY)?$/.test(secret) || /(?:x{4,}|X{4,}|\*{3,}|\.{3}|…|0{8,}|<|>|\$\{|\{\{)/.test(secret) || /^(?:pass(?:word)?|passwd|secret|changeme|pwd|token|redacted)$/i.test(secret);
}

const preview = (secret: string) => `${secret.slice(0, 4)}…`;

// --- Bare high-entropy tokens -----------------------------------------------------------------

/**
 * Where a token may be: base64 (standard and URL-safe) and hex alphabets, '=' only as padding so
 * that "key=VALUE" yields VALUE. '.' and ':' end a token, so host names, versions and times split.
 */
const TOKEN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{20,}={0,2}(?![A-Za-z0-9+/_=-])/g;

/**
 * Spans whose long tokens are identifiers by design, skipped by the entropy rule only (a rule above
 * still sees them): a URL up to its query string, because hosts and paths hold document ids
 * (Google Docs), incident ids (status pages), video ids and commit SHAs, while a credential rides
 * in the query (?token=, ?sig=) or before the host (user:password@, the basic-auth rule); and AWS
 * ARNs, which are account ids and resource names; data: URIs, whose base64 is a file.
 */
const ID_SPANS = [/\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s?#)>\]"'`]*/gi, /\barn:aws[\w-]*:[^\s)>\]"'`]*/g, /\bdata:[\w.+-]+\/[\w.+-]+(?:;[\w=-]+)*;base64,[A-Za-z0-9+/=]+/g];

/** Shannon entropy in bits per character. */
function entropy(token: string): number {
	const counts = new Map<string, number>();
	for (const c of token) counts.set(c, (counts.get(c) ?? 0) + 1);
	let bits = 0;
	for (const n of counts.values()) bits -= (n / token.length) * Math.log2(n / token.length);
	return bits;
}

/**
 * The token's runs of one kind, as a reader would split an identifier: at separators, between
 * letters and digits, before a capital that follows a small letter, and at the end of an
 * acronym ("HTTP2StreamResetError" → HTTP 2 Stream Reset Error).
 */
const segments = (token: string) => token.split(/[-_/+=]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/).filter(Boolean);

/** Base64 that decodes to ordinary text (words, a sentence) is an encoding, not a secret; "user:password" is both. */
function decodesTo(token: string): 'text' | 'credentials' | undefined {
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token) || token.length % 4 !== 0) return undefined;
	let decoded: string;
	try {
		decoded = atob(token);
	} catch {
		return undefined;
	}
	if (!/^[\x20-\x7e]+$/.test(decoded)) return undefined;
	const credentials = /^[^\s:]{1,64}:(\S{4,})$/.exec(decoded);
	if (credentials) return placeholder(credentials[1]) ? 'text' : 'credentials';
	return (decoded.match(/[A-Za-z ]/g)?.length ?? 0) >= decoded.length * 0.8 ? 'text' : undefined;
}

/**
 * A segment a person would write: a word of three letters or more with a vowel (lower-case,
 * capitalized, or all capitals), a common two-letter word, or, beside small letters, an acronym.
 * Random text makes many two-letter runs, so those count only when they are words.
 */
const TWO_LETTER_WORDS = new Set(['an', 'as', 'at', 'be', 'by', 'db', 'do', 'go', 'id', 'if', 'in', 'io', 'is', 'it', 'js', 'me', 'my', 'no', 'of', 'ok', 'on', 'or', 'os', 'so', 'to', 'ui', 'up', 'us', 'we']);
const wordLike = (part: string, mixedCase: boolean) =>
	mixedCase
		? (/^[A-Z]?[a-z]{2,}$/.test(part) && /[aeiouy]/i.test(part)) || TWO_LETTER_WORDS.has(part.toLowerCase()) || /^[A-Z]{2,5}$/.test(part)
		: (/^(?:[a-z]{3,}|[A-Z]{3,})$/.test(part) && /[aeiouy]/i.test(part)) || TWO_LETTER_WORDS.has(part.toLowerCase());

/**
 * Whether a token without a label looks generated rather than written. Thresholds, and why:
 *
 * - At least 20 characters: shorter random strings are rare as credentials and common as ids.
 * - Not hex only: commit SHAs (7-40), SHA-256 digests (64), MD5s and UUIDs are hex, and none is a
 *   secret. Hex API keys are left to the labelled rules above.
 * - Not lower-case words and digits joined by '-', '_' or '/': Kubernetes pod and node names
 *   (checkout-api-7d9f8b6c4-x2kqz), AWS resource ids, URL paths, slugs.
 * - Two of small letters, capitals and digits; with no capital, 24 characters at least.
 * - Shannon entropy of at least 80% of the most a string of that length and alphabet can have,
 *   log2(min(length, alphabet)). Random strings of 20-64 characters measure 86-98%; repeated or
 *   patterned ones ("AAAA…", "abcabc…") much less.
 * - Segments (see `segments`) of fewer than 3.5 characters on average, and under 70% of the letters
 *   in word-like segments. Identifiers are words: getUserAccountsByOrganizationId averages 5.2
 *   characters a segment with 87% in words, HTTP2StreamResetError 4.2 and 100%,
 *   i18nNoLocaleFoundInPath 2.9 and 71%. Random base62 averages 1.8 (95% under 2.5) with 42% in
 *   "words" by chance (95% under 70-76%). This, not entropy, is what tells camelCase from a key:
 *   both have many distinct letters.
 * - A path ("a/b/c" with a plain word between slashes) counts only if one of its parts looks
 *   random on its own (16 characters at least): "org/en-US/docs/Web/CSS" is short words,
 *   ".../commit/9a4e725b" ends in hex.
 *
 * Measured on random tokens: base62 and base64url are flagged 90% of the time at 20 characters,
 * 95% at 32 and 99% at 64; lower-case-and-digit or capitals-and-digit tokens about 60%, as their
 * runs look more like words. On 23,000 distinct 20+ character tokens from the type declarations
 * and READMEs in node_modules, 20 were flagged, all of them hashes or generated ids.
 */
export function looksRandom(raw: string, minLength = 20): boolean {
	const token = raw.replace(/=+$/, '').replace(/^[-_/+]+|[-_/+]+$/g, '');
	if (token.length < minLength) return false;
	if (/^[0-9a-f]+$/i.test(token) || /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.test(token)) return false;
	if (/^[a-z0-9]+(?:[-_/][a-z0-9]+)+$/.test(token) || /^GHSA(?:-[a-z0-9]{4}){3}$/.test(token)) return false;
	const lower = /[a-z]/.test(token);
	const upper = /[A-Z]/.test(token);
	const digit = /\d/.test(token);
	if (Number(lower) + Number(upper) + Number(digit) < 2 || (!upper && token.length < 24)) return false;
	const alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + new Set(token.match(/[-_/+]/g)).size;
	if (entropy(token) < 0.8 * Math.log2(Math.min(token.length, alphabet))) return false;
	// Case is judged per chunk between separators: "README-pt-br" is an all-capital word and two small ones.
	const chunks = token.split(/[-_/+]+/).filter(Boolean).map((chunk) => ({ parts: segments(chunk), mixed: /[a-z]/.test(chunk) && /[A-Z]/.test(chunk) }));
	const parts = chunks.flatMap((c) => c.parts);
	const letters = parts.filter((p) => /[A-Za-z]/.test(p)).reduce((n, p) => n + p.length, 0);
	const inWords = chunks.flatMap((c) => c.parts.filter((p) => wordLike(p, c.mixed))).reduce((n, p) => n + p.length, 0);
	if (token.replace(/[-_/+]/g, '').length / parts.length >= 3.5 || inWords >= 0.7 * letters) return false;
	// A path: some part between slashes is a plain word ("com", "docs", "commit").
	const path = token.split('/');
	return path.length === 1 || !path.some((part) => /^(?:[A-Z]?[a-z]{2,}|\d+)$/.test(part)) || path.some((part) => looksRandom(part, 16));
}

function entropyDetections(text: string): Detection[] {
	const skipped = ID_SPANS.flatMap((span) => [...text.matchAll(span)].map((m) => [m.index, m.index + m[0].length] as const));
	const found: Detection[] = [];
	for (const match of text.matchAll(TOKEN)) {
		const token = match[0];
		if (skipped.some(([from, to]) => match.index >= from && match.index < to) || placeholder(token)) continue;
		const decoded = decodesTo(token);
		if (decoded === 'text') continue;
		if (decoded === 'credentials') {
			found.push(detection(match.index, token, 'basic-auth', 'base64-encoded credentials'));
		} else if (looksRandom(token)) {
			found.push(detection(match.index, token, 'high-entropy', 'a long random token (an unlabelled key or password?)'));
		}
	}
	return found;
}

function detection(index: number, secret: string, id: string, description: string): Detection {
	return { index, length: secret.length, text: secret, rule: `secret/${id}`, message: `${description}: ${preview(secret)}`, fix: FIX };
}

/** The rules' regexes with indices ('d'), to place the `secret` group. */
const COMPILED = SECRET_RULES.map((rule) => ({ rule, regex: new RegExp(rule.regex.source, `${rule.regex.flags.replace('d', '')}d`) }));

/** Every secret in the text, in order. A labelled rule wins over the entropy rule on the same characters. */
export function findSecrets(text: string): Detection[] {
	if (typeof text !== 'string' || text.length === 0) return [];
	const lower = text.toLowerCase();
	const found: Detection[] = [];
	for (const { rule, regex } of COMPILED) {
		if (!rule.keywords.some((k) => lower.includes(k))) continue;
		for (const match of text.matchAll(regex)) {
			const span = match.indices?.groups?.secret ?? [match.index, match.index + match[0].length];
			const secret = text.slice(span[0], span[1]);
			if (placeholder(secret)) continue;
			found.push(detection(span[0], secret, rule.id, rule.description));
		}
	}
	const overlaps = (a: Detection, b: Detection) => a.index < b.index + b.length && b.index < a.index + a.length;
	const specific = found.filter((d, i) => !found.some((o, j) => j !== i && overlaps(d, o) && (o.length > d.length || (o.length === d.length && j < i))));
	const extra = entropyDetections(text).filter((d) => !specific.some((s) => overlaps(d, s)));
	return [...specific, ...extra].sort((a, b) => a.index - b.index);
}
