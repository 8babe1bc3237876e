/**
 * The lint's detectors on their own: secrets (src/lib/lint/secrets.ts) and people's names
 * (src/lib/lint/names.ts). Recall on seeded leaks, false positives on the archive's real
 * postmortems and on sentences about places, products, companies and commits.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findNames, type NameDetection } from '../../src/lib/lint/names.ts';
import { DEFAULT_ALLOWED_NAMES } from '../../src/lib/lint/rules.ts';
import { findSecrets, looksRandom, type Detection } from '../../src/lib/lint/secrets.ts';
import { generator, NAMES, SECRET_KINDS, seededLeaks } from '../fixtures/lint/seeded-leaks.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const none = { allowed: new Set<string>() };

/** What the lint runner does with a secret broken across lines: join the lines, dropping the break and the whitespace around it. */
const joinLines = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, '');

const covers = (found: Detection[], text: string, secret: string) => {
	const at = text.indexOf(secret);
	return at >= 0 && found.some((d) => d.index < at + secret.length && at < d.index + d.length);
};
const detectAll = (text: string): Detection[] => [...findSecrets(text), ...findNames(text, none)];

/** A random string of an alphabet, from a seeded generator: test secrets are built, never written down. */
const r = generator(7);
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URL_SAFE = `${B62}-_`;
const random = (n: number, alphabet = B62) => r.chars(alphabet, n);
const base64url = (text: string) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = () => `${base64url('{"alg":"HS256","typ":"JWT"}')}.${base64url(`{"sub":"${random(12)}","iat":1718000000}`)}.${random(43, URL_SAFE)}`;

describe('seeded leaks', () => {
	const leaks = seededLeaks(20240601, 400);

	it('are varied: every secret kind, bare tokens, split secrets and names in every language', () => {
		const kinds = new Set(leaks.map((l) => l.kind));
		for (const k of SECRET_KINDS) expect(kinds, k.kind).toContain(`secret/${k.kind}`);
		expect(kinds).toContain('secret/high-entropy');
		expect([...kinds].filter((k) => k.startsWith('split/')).length).toBeGreaterThan(5);
		for (const language of Object.keys(NAMES)) expect(kinds, language).toContain(`name/${language}`);
		expect(seededLeaks(20240601, 400)).toEqual(leaks);
	});

	it('at least 95% of 400 are caught by findSecrets and findNames together', () => {
		const missed = leaks.filter((leak) => {
			const text = leak.kind.startsWith('split/') ? joinLines(leak.text) : leak.text;
			return !covers(detectAll(text), text, leak.secret);
		});
		const rate = 1 - missed.length / leaks.length;
		expect(rate, `missed:\n${missed.map((m) => `${m.kind}: ${m.text}`).join('\n')}`).toBeGreaterThanOrEqual(0.95);
	});

	it('a secret split across a line break is found once the lines are joined', () => {
		const split = leaks.filter((l) => l.kind.startsWith('split/'));
		expect(split.length).toBeGreaterThan(20);
		for (const leak of split) {
			expect(leak.text).toContain('\n');
			const joined = joinLines(leak.text);
			expect(covers(findSecrets(joined), joined, leak.secret), `${leak.kind}: ${leak.text}`).toBe(true);
		}
	});
});

describe('secrets the recommended preset missed', () => {
	const one = (text: string) => {
		const found = findSecrets(text);
		expect(found, text).toHaveLength(1);
		return found[0];
	};

	it('live payment keys: Stripe sk_live_ and rk_live_, and other providers', () => {
		for (const key of [`sk_live_${random(24)}`, `rk_live_${random(99)}`, `sk_live_${random(34)}`]) {
			const text = `The key ${key} was in the retry worker's log.`;
			const found = one(text);
			expect(found).toMatchObject({ rule: 'secret/stripe-key', index: text.indexOf(key), length: key.length, text: key });
		}
		expect(one(`Square token sq0atp-${random(22, URL_SAFE)} leaked.`).rule).toBe('secret/payment-key');
		expect(one(`rzp_live_${random(14)} was shared.`).rule).toBe('secret/payment-key');
	});

	it('the message names the kind and shows only the first 4 characters', () => {
		const key = `sk_live_${random(24)}`;
		const found = one(`leaked: ${key}`);
		expect(found.message).toContain('Stripe');
		expect(found.message).toContain('sk_l…');
		expect(found.message).not.toContain(key.slice(4));
		expect(found.fix).toMatch(/rotate/);
		for (const d of findSecrets(seededLeaks(3, 200).map((l) => l.text).join('\n'))) expect(d.message, d.rule).not.toContain(d.text.slice(0, 8));
	});

	it('JSON Web Tokens', () => {
		const token = jwt();
		expect(one(`Authorization: Bearer ${token}`)).toMatchObject({ rule: 'secret/jwt', text: token });
	});

	it('Google API keys', () => {
		const key = `AIza${random(35, URL_SAFE)}`;
		expect(one(`The Maps key ${key} was in the app bundle.`)).toMatchObject({ rule: 'secret/google-api-key', text: key });
	});

	it('a PEM private-key header on its own', () => {
		for (const header of ['-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----', '-----BEGIN OPENSSH PRIVATE KEY-----', '-----BEGIN EC PRIVATE KEY-----', '-----BEGIN ENCRYPTED PRIVATE KEY-----', '-----BEGIN PGP PRIVATE KEY BLOCK-----']) {
			expect(one(`The paste began with ${header} and was cut off.`)).toMatchObject({ rule: 'secret/private-key', text: header });
		}
		// With its body, the block is one finding, not a header and a random token a line.
		const block = ['-----BEGIN RSA PRIVATE KEY-----', ...Array.from({ length: 4 }, () => random(64, `${B62}+/`)), '-----END RSA PRIVATE KEY-----'].join('\n');
		expect(findSecrets(`Pasted:\n${block}\nend of paste`)).toMatchObject([{ rule: 'secret/private-key', text: block }]);
		const escaped = block.replace(/\n/g, '\\n');
		expect(findSecrets(`{"private_key": "${escaped}"}`)).toMatchObject([{ rule: 'secret/private-key', text: escaped }]);
		expect(findSecrets('-----BEGIN CERTIFICATE-----')).toEqual([]);
		expect(findSecrets('-----BEGIN PUBLIC KEY-----')).toEqual([]);
	});

	it('a bare high-entropy secret with no label', () => {
		const token = random(40);
		expect(one(`We found ${token} in the shell history.`)).toMatchObject({ rule: 'secret/high-entropy', text: token });
		const b64 = `${random(40, `${B62}+/`)}==`;
		expect(one(`value: ${b64}`).rule).toBe('secret/high-entropy');
	});

	it('a secret split across a line break, once the caller joins the lines', () => {
		const key = `sk_live_${random(32)}`;
		const text = `The key ${key.slice(0, 6)}\n    ${key.slice(6)} was in the log.`;
		expect(covers(findSecrets(text), text, key)).toBe(false);
		const joined = joinLines(text);
		expect(findSecrets(joined)).toMatchObject([{ rule: 'secret/stripe-key', text: key }]);
	});

	it('every kind in the rule list', () => {
		for (const kind of SECRET_KINDS) {
			for (let i = 0; i < 5; i++) {
				const { secret, shown = secret } = kind.make(r);
				const text = `During the incident the ${kind.labels[0]} ${shown} was posted.`;
				const found = findSecrets(text);
				expect(found.map((d) => d.rule), `${kind.kind}: ${text}`).toContain(`secret/${kind.kind}`);
				expect(covers(found, text, secret), `${kind.kind}: ${text}`).toBe(true);
			}
		}
	});

	it('credentials in a URL; placeholders are not', () => {
		const password = random(14);
		expect(one(`The mirror was https://deploy:${password}@mirror.example.net/simple for a day.`)).toMatchObject({ rule: 'secret/basic-auth', text: password });
		for (const url of ['https://user:pass@host.example', 'https://user:${PASSWORD}@host.example', 'https://user:<password>@host.example', 'https://user:****@host.example', 'git@github.com:org/repo.git']) {
			expect(findSecrets(url), url).toEqual([]);
		}
		expect(one(`Authorization: Basic ${btoa(`svc:${random(16)}`)}`).rule).toBe('secret/basic-auth');
		expect(findSecrets(`The docs show Authorization: Basic ${btoa('username:password')}`)).toEqual([]);
	});

	it("AWS's documented example keys stay un-flagged; a real-shaped key does not", () => {
		expect(findSecrets('The docs use AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as examples.')).toEqual([]);
		const key = `AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
		expect(one(`key ${key}`)).toMatchObject({ rule: 'secret/aws-access-key', text: key });
	});
});

describe('what is not a secret', () => {
	it('is not called random by the entropy rule', () => {
		const benign = [
			'0a1b2c3', 'e83c5163316f89bfbde7d9ab23ca2e25604af290', '3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed',
			'123e4567-e89b-12d3-a456-426614174000', 'v1.24.3-rc.1+build.20240611', 'getUserAccountsByOrganizationId', 'HTTP2StreamResetError',
			'PaymentRetryStormController', 'MySQL8InnoDBBufferPoolSize', 'i18nNoLocaleFoundInPath', 'OAuth2ClientCredentialsGrant', 'ERR_CONNECTION_REFUSED_BY_UPSTREAM',
			'X-Forwarded-For-Original-Client', 'src/lib/lint/index.ts', '/var/lib/postgresql/14/main/pg_wal', 'checkout-api-7d9f8b6c4-x2kqz',
			'kube-system/coredns-5d78c9869d-7xkqp', 'us-east-1a-prod-k8s-node-0042', 'idle_in_transaction_session_timeout', 'com/blog/2017/02/10/postmortem-of-database-outage-of-january-31/',
			'org/en-US/docs/Web/CSS', 'docs/pt-br/README-pt-br', 'ServiceRoleForAutoScaling', 'AWSLambdaBasicExecutionRole', 'K8sPodSecurityPolicyV1beta1',
		];
		for (const token of benign) expect(looksRandom(token), token).toBe(false);
	});

	it('finds nothing in ordinary technical text', () => {
		const text = [
			'Commit e83c5163316f89bfbde7d9ab23ca2e25604af290 (short: e83c516) introduced the regression; the fix is 0a1b2c3d.',
			'The image digest was sha256:3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed.',
			'Request 123e4567-e89b-12d3-a456-426614174000 timed out in getUserAccountsByOrganizationId after HTTP2StreamResetError.',
			'Version v1.24.3-rc.1 of the proxy, then 1.24.4, fixed it; see src/lib/handlers/paymentRetry.ts and /etc/nginx/conf.d/upstream.conf.',
			'The design doc is https://docs.google.com/document/d/1U1RGAehQwRypUTovF1KRlpiOFze0b-_2gc6fAH0KY0k/edit and the status page https://status.cloud.google.com/incidents/6PM5mNd43NbMqjCZ5REh.',
			'The role arn:aws:iam::123456789012:role/service-role/ServiceRoleForAutoScalingX9kLm2Qp7 could not assume arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab.',
			'Pods checkout-api-7d9f8b6c4-x2kqz and checkout-api-7d9f8b6c4-m8wq1 were evicted from ip-10-0-12-34.ec2.internal.',
			`Base64 of short words, ${btoa('hello world')} and ${btoa('The quick brown fox jumps')}, is not a secret.`,
			'The video is https://www.youtube.com/watch?v=dQw4w9WgXcQ and the gist https://gist.github.com/octocat/6cad326836d38bd3a7ae.',
			'Instances i-0a1b2c3d4e5f67890 and vol-049df61146f12f973 in sg-0123456789abcdef0 used ami-0abcdef1234567890.',
			`The page embedded data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg"><rect id="${random(12)}"/></svg>`)} as its logo.`,
		].join('\n');
		expect(findSecrets(text)).toEqual([]);
	});
});

/** Sentences about places, products, companies and commits: none of them names a person. */
const NOT_PEOPLE_SENTENCES = [
	'Jenkins failed to build the release branch after the plugin update.',
	'Jenkins restarted the job three times before it gave up.',
	'The Sydney region was unavailable for 40 minutes.',
	'EVE Online players saw the cluster freeze during downtime.',
	'Thomson Reuters reported delayed market data to customers.',
	'Kubernetes evicted the pods in Frankfurt when the node ran out of memory.',
	'Consul lost quorum after the third server was restarted.',
	'Cassandra compaction fell behind and reads slowed down.',
	'Kafka restarted the broker and the consumers rebalanced.',
	'Redis, our cache, evicted hot keys under memory pressure.',
	'Elasticsearch rejected writes when the disk watermark was hit.',
	'Docker pulled the wrong image tag from the registry.',
	'Terraform applied the change to every region at once.',
	'Ansible ran the playbook against production instead of staging.',
	'Chef reverted the config on the next run.',
	'Puppet noticed the drift and rewrote the file.',
	'Nagios paged the on-call engineer for the wrong host.',
	'Zookeeper sessions expired across the cluster.',
	'Heroku routed traffic to the old dynos for a few minutes.',
	'Travis CI ran the tests against the wrong branch.',
	'The Jira ticket was closed before the fix shipped.',
	'GitHub noticed the failed replication and paged its database team.',
	'Azure Storage returned 500 errors in West Europe.',
	'Oracle approved the license change a week later.',
	'Salesforce and Shopify webhooks were delayed by the outage.',
	'Fastly, Akamai and Cloudflare all served stale content during the incident.',
	'Traffic from Atlanta was routed through Virginia and then Dublin.',
	'The Tokyo and Frankfurt data centers stayed up.',
	'Restarting the pods fixed the memory leak.',
	'Paged the on-call at 03:10 when the error rate crossed 5%.',
	'Security reviewed the firewall change before it shipped.',
	'Platform approved the rollout after the canary passed.',
	'Engineering noticed the latency regression in the dashboard.',
	'Nobody noticed the alert because it went to an unwatched channel.',
	'Knight Capital deployed new order-routing code to seven of eight servers.',
	'Northern Virginia saw the largest impact, then São Paulo.',
	'The Cassandra Cluster Restarted After The Upgrade',
	'Thanks to Kubernetes and the autoscaler, capacity recovered on its own.',
	'We asked PagerDuty support to check the escalation policy.',
	'Grafana showed the spike; Prometheus had scraped it every 15 seconds.',
	'The fix landed in commit 9f2c1ab and was deployed with Spinnaker.',
	'Stack Overflow and Stack Exchange were read-only during the failover.',
	'After the BGP withdrawal, Facebook, Instagram and WhatsApp were unreachable.',
	'Envoy (the edge proxy) restarted when its config was reloaded.',
	'Datadog noticed the agent was down and raised an alert.',
	'Google Compute Engine instances in europe-west1-b lost their disks.',
	'The AWS Service Health Dashboard itself depended on S3.',
	'Roblox ran Consul streaming and BoltDB for service discovery.',
	'Cloudflare deployed a WAF rule whose regular expression backtracked.',
	'Travis restarted the build after the cache was cleared.',
];

describe('what is not a person', () => {
	it(`${NOT_PEOPLE_SENTENCES.length} sentences about places, products, companies and commits name nobody`, () => {
		expect(NOT_PEOPLE_SENTENCES.length).toBeGreaterThanOrEqual(40);
		for (const sentence of NOT_PEOPLE_SENTENCES) {
			expect(findNames(sentence, none).map((d) => `${d.text} (${d.strength})`), sentence).toEqual([]);
			expect(findSecrets(sentence), sentence).toEqual([]);
		}
	});

	it('the caller can allow words and phrases', () => {
		expect(findNames('Larkspur restarted the sensor fleet.', { allowed: new Set(['larkspur']) })).toEqual([]);
		expect(findNames('Larkspur Ops restarted it.', { allowed: new Set(['larkspur ops']) })).toEqual([]);
		expect(findNames('Larkspur restarted the sensor fleet.', none)).not.toEqual([]);
	});
});

describe('names in many languages', () => {
	const cases: [string, string][] = [
		['Priya restarted the pod at 14:10.', 'Priya'],
		['At 02:13 we paged Oluwaseun about the alerts.', 'Oluwaseun'],
		['Zhang Wei from the database team joined the bridge.', 'Zhang Wei'],
		['Søren (SRE) rolled back the deploy.', 'Søren'],
		['The incident was handed over to Mateus Araújo at 18:00.', 'Mateus Araújo'],
		['Many thanks to Keiko for the fix.', 'Keiko'],
		['We asked Fatima to check the queue.', 'Fatima'],
		["The token was cached on Dmitri's laptop.", 'Dmitri'],
		['cc Dmitri', 'Dmitri'],
		['Chiamaka Okonkwo noticed the error rate climbing.', 'Chiamaka Okonkwo'],
		['Łukasz Wiśniewski approved the change.', 'Łukasz Wiśniewski'],
		['Mehmet Yılmaz, our on-call engineer, declared a SEV-2.', 'Mehmet Yılmaz'],
		['Kudos to Karthik Subramanian for the quick rollback.', 'Karthik Subramanian'],
		['Escalated to Åsa Lindqvist, the network lead.', 'Åsa Lindqvist'],
		['Incident commander: Abdullah al-Rashid', 'Abdullah al-Rashid'],
		['Kim Min-jun reviewed the migration.', 'Kim Min-jun'],
		['Ekaterina Smirnova was on call and got paged at 03:10.', 'Ekaterina Smirnova'],
		['The change from Obinna Okonkwo went out at noon.', 'Obinna Okonkwo'],
		['Ping Xiaoming if the backlog grows again.', 'Xiaoming'],
		['Yesterday Ananya restarted the consumers.', 'Ananya'],
	];
	it.each(cases)('%s', (sentence, name) => {
		const found = findNames(sentence, none);
		expect(found.map((d) => d.text)).toContain(name);
		const d = found.find((f) => f.text === name)!;
		expect(sentence.slice(d.index, d.index + d.length)).toBe(name);
		expect(d.rule).toBe('privacy/person-name');
		expect(d.message).toContain(name);
	});

	it("'context' when the sentence says so, 'guess' when only compromise does", () => {
		const strength = (sentence: string) => findNames(sentence, none).map((d: NameDetection) => d.strength);
		expect(strength('We paged Priya at 03:00.')).toEqual(['context']);
		expect(strength('The runbook by Alice Smith is out of date.')).toEqual(['context']);
		expect(strength('The dashboard Megan built is still used.')).toEqual(['guess']);
	});
});

describe('the detectors', () => {
	it('never throw, whatever the input', () => {
		const inputs = ['', '\n\n\n', '```\nPriya restarted\n', 'A'.repeat(20_000), '\u0000\uFFFF\uD800', '😀 Priya 😀 paged', "'s 's ’s", '-----BEGIN', 'https://:@', 'eyJ.eyJ.', ' '.repeat(5000) + 'paged'];
		for (let i = 0; i < 200; i++) inputs.push(Array.from({ length: r.int(1, 300) }, () => String.fromCodePoint(r.int(0, 0x2fff))).join(''));
		for (const input of inputs) {
			expect(() => findSecrets(input)).not.toThrow();
			expect(() => findNames(input, none)).not.toThrow();
		}
		expect(findSecrets(undefined as unknown as string)).toEqual([]);
		expect(findNames(undefined as unknown as string, none)).toEqual([]);
	});

	it('skip fenced code for names', () => {
		expect(findNames('```\nPriya restarted the pod\n```', none)).toEqual([]);
	});
});

/** The text of a postmortem the lint reads: every string in the frontmatter, then the body. */
function postmortemText(raw: string): { text: string; data: Record<string, unknown> } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(raw);
	if (!match) return { text: raw, data: {} };
	const data = (parse(match[1]) ?? {}) as Record<string, unknown>;
	const strings: string[] = [];
	const walk = (value: unknown) => {
		if (typeof value === 'string') strings.push(value);
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	walk(data);
	return { text: `${strings.join('\n')}\n${raw.slice(match[0].length)}`, data };
}

/** The allow list the lint runner builds: its defaults, the registries' names and the postmortem's organization. */
function allowedFor(dir: string, data: Record<string, unknown>): Set<string> {
	const registry = ['components.yml', 'causes.yml'].flatMap((file) => {
		const path = join(dir, file);
		if (!existsSync(path)) return [];
		return ((parse(readFileSync(path, 'utf8')) ?? []) as Record<string, unknown>[]).flatMap((item) => Object.values(item ?? {}).filter((v): v is string => typeof v === 'string'));
	});
	const organization = String((data.source as { organization?: unknown } | undefined)?.organization ?? '');
	return new Set([...DEFAULT_ALLOWED_NAMES, ...registry, organization].flatMap((name) => [name, ...name.split(/[\s,()]+/)]).map((n) => n.toLowerCase()).filter(Boolean));
}

describe("the archive's own postmortems", () => {
	const dir = join(root, 'postmortems');
	const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));

	it('include the summaries of famous public incidents', () => {
		expect(files.length).toBeGreaterThanOrEqual(23);
	});

	it.each(files)('%s: no secret and no name in context', (file) => {
		const { text, data } = postmortemText(readFileSync(join(dir, file), 'utf8'));
		expect(findSecrets(text).map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
		const names = findNames(text, { allowed: allowedFor(dir, data) });
		expect(names.filter((d) => d.strength === 'context').map((d) => d.text)).toEqual([]);
	});
});
