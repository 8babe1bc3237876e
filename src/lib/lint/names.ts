/**
 * People's names in postmortem text, from any language. compromise's English name lexicon finds
 * Alice Smith but not Priya, Oluwaseun or Keiko; what a sentence does with a word finds those:
 * "paged Oluwaseun", "thanks to Keiko", "Søren (SRE)", "Zhang Wei from the database team",
 * "Priya restarted the pod", "Dmitri's laptop". Places, products, organizations and ordinary
 * capitalized words are not people, whatever either method says. Pure: text in, detections out.
 */
import nlp from 'compromise';
import { NOT_PEOPLE, ORDINARY_WORDS } from './not-people.ts';
import type { Detection } from './secrets.ts';

export type NameDetection = Detection & {
	/**
	 * 'context': the sentence treats the word as a person ("paged X", "X restarted", "X's laptop"),
	 * or it is a first name compromise knows followed by a surname. 'guess': only compromise's
	 * people() says so, or only the shape does (two or more unknown capitalized words mid-sentence).
	 */
	strength: 'context' | 'guess';
};

export interface NameOptions {
	/** Lower-cased words and phrases that are not people here: roles, teams, components, the organization. */
	allowed: Set<string>;
}

// --- What a name looks like --------------------------------------------------------------------

/**
 * One capitalized word of a name: Søren, Araújo, Nguyễn, Min-jun, O'Brien, McDonald, al-Rashid.
 * A possessive or contraction ("Dmitri's", "Don't") is not part of it.
 */
const WORD = String.raw`(?:(?:al|el)-)?(?:Mc|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+|['’](?![st](?![\p{L}]))\p{Lu}?[\p{Ll}\p{M}]+)*`;
/** Lower-case particles inside names: Ana de Souza, Ahmed bin Rashid, Ludwig van Beethoven. */
const PARTICLE = '(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|le|la|bin|binti|bint|ibn|ben)';
const NAME = String.raw`${WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)?${WORD}){0,3}`;
/** A name, or several: "Priya and Keiko", "Ana, Bruno & Chen". At most six, so a long list costs linear time, not quadratic. */
const NAMES = String.raw`(?<![\p{L}\p{N}_'’@./-])(?<name>${NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|&)[ \t]+)${NAME}){0,5})(?![\p{L}\p{N}_])`;

/** First letter either case, the rest as written: a trigger may start a sentence. */
const either = (words: string[]) => words.map((w) => w.replace(/^[a-z]/, (c) => `[${c}${c.toUpperCase()}]`)).join('|');

// --- Contexts that only people are in -----------------------------------------------------------

/** Words right before a person: who was paged, asked, thanked, handed over to. */
const BEFORE = either([
	'paged', 'pinged', 'called', 'phoned', 'rang', 'texted', 'messaged', "dm(?:'d|ed)", 'e-?mailed', 'notified', 'woke(?: up)?', 'contacted', 'asked', 'told', 'reminded', 'thanked', 'informed', 'briefed',
	'looped in', 'brought in', 'pulled in', 'roped in', "cc(?:'d|'ed|ed)?:?", 'CC:?', 'page', 'ping', 'ask', 'tell',
	'escalated (?:it )?to', 'handed (?:it )?(?:over|off) to', 'passed (?:it )?(?:on )?to', '(?:re)?assigned (?:it )?to', 'delegated to', 'deferred to',
	'thanks(?: again)? to', 'thank you(?: to)?,?', 'thanks,', 'kudos to', 'shout-?out to', 'credit to', 'props to', 'hat tip to',
	'(?:reported|noticed|spotted|found|discovered|flagged|raised|approved|reviewed|written|authored|merged|led|coordinated|acknowledged|declared|helped|joined|relieved|paired) by',
	'with help from', 'help from', 'together with', 'paired with', 'worked with', 'working with', 'according to',
	'on-call engineer', 'incident commander', 'IC', 'scribe', 'owner:', 'reporter:', 'assignee:', 'responder:', 'commander:',
	'hi', 'hey', 'dear',
]);

/** What people do in an incident, right after their name. Systems restart and deploy too: products are filtered out afterwards. */
const VERBS = [
	'restarted', 'rolled back', 'reverted', 'noticed', 'acknowledged', 'acked', "ack'd", 'approved', 'reviewed', 'joined', 'said', 'says', 'wrote', 'asked', 'paged', 'pinged', 'escalated', 'declared',
	'confirmed', 'suggested', 'proposed', 'pushed', 'merged', 'deployed', 'ran', "ssh'd", 'sshed', 'SSHed', 'logged (?:in|into|on)', 'investigated', 'spotted', 'found', 'fixed', 'opened', 'filed',
	'replied', 'posted', 'mentioned', 'volunteered', 'agreed', 'decided', 'realized', 'realised', 'noted', 'took over', 'was on[- ]call', 'was paged', 'got paged', 'woke up', 'answered', 'responded',
	'checked', 'tried', 'saw', 'drained', 'failed over', 'promoted', 'rotated', 'revoked', 're-?ran', 'killed', 'scaled', 'bumped', 'flipped', 'toggled', 'disabled', 'enabled', 'triaged',
	'diagnosed', 'identified', 'traced', 'debugged', 'discovered', 'explained', 'wondered', 'thought', 'assumed', 'knew', 'remembered', 'forgot', 'typed', 'mistyped', 'clicked', 'copied', 'pasted',
	'edited', 'committed', 'tested', 'verified', 'applied', 'executed', 'kicked off', 'handed', 'coordinated', 'led', 'drove', 'announced', 'emailed', 'messaged', 'reached out', 'stepped in',
	'jumped in', 'hopped on', 'dialed in', 'dialled in', 'called', 'recalled', 'shared', 'summarized', 'summarised', 'wrapped up', 'handed over', 'signed off',
	// The failure verbs of blameless/named-subject.
	'deleted', 'dropped', 'broke', 'caused', 'ignored', 'misconfigured', 'overlooked', 'neglected', 'messed up', 'removed', 'truncated', 'wiped', 'overwrote', 'force-pushed', 'accidentally', 'mistakenly',
].join('|');
const ADVERB = '(?:then|quickly|immediately|manually|also|later|finally|eventually|first|successfully|soon|had|has|have|was|were|who|and|,)';

/** Things only a person has, after "Name's". Not "code", "team" or "change": products and companies have those too ("Manta's own code"). */
const PERSONAL = [
	'laptop', 'workstation', 'desktop', 'computer', 'phone', 'account', 'user account', 'credentials', 'password', 'home directory', 'inbox', 'calendar', 'terminal', 'ssh key', 'SSH key',
	'browser', 'VPN', 'desk', 'manager', 'boss', 'shift', 'on-call shift', 'pager', 'notes', 'fork', 'pull request', 'dotfiles', 'screen', 'keyboard', 'handoff', 'vacation', 'leave', 'family',
].join('|');

/** Roles in parentheses or after a comma: "Søren (SRE)", "Priya, our on-call engineer". */
const ROLE = /\b(?:sres?|dbas?|ic|em|tl|pm|on-?call|incident commander|commander|engineer|eng|developer|dev|lead|manager|scribe|responder|intern|contractor|cto|ceo|cfo|coo|vp|director|architect|admin|administrator|analyst|operator|founder|colleague|teammate|she\/her|he\/him|they\/them|team)\b/i;

const CONTEXTS: RegExp[] = [
	new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${BEFORE})[ \t]+${NAMES}`, 'dgu'),
	new RegExp(String.raw`${NAMES}[ \t]+(?:${ADVERB}[ \t]+)?(?:${VERBS})(?![\p{L}])`, 'dgu'),
	new RegExp(String.raw`${NAMES}['’]s[ \t]+(?:[\p{Ll}-]+[ \t]+)?(?:${PERSONAL})(?![\p{L}])`, 'dgu'),
	new RegExp(String.raw`${NAMES}[ \t]+(?:from|on|of|in|with)[ \t]+(?:the[ \t]+|our[ \t]+|their[ \t]+)?(?:[\p{L}\p{N}/&-]+[ \t]+){0,3}team(?![\p{L}])`, 'dgu'),
	new RegExp(String.raw`${NAMES}[ \t]+from[ \t]+(?:SRE|DevOps|Ops|IT|Support|support|Security|security|Infra|infra)(?![\p{L}])`, 'dgu'),
	new RegExp(String.raw`${NAMES}[ \t]*(?:\((?<paren>[^()\n]{1,40})\)|,[ \t]*(?<appositive>(?:the|our|a|an|one of our|another)[ \t]+[^,.;()\n]{1,40}))`, 'dgu'),
	// Work that comes from, goes to or is agreed with a person: "the change from Vikram", "went to Adebayo for comments".
	new RegExp(String.raw`(?<![\p{L}])(?:${either(['change', 'patch', 'fix', 'PR', 'pull request', 'commit', 'message', 'call', 'request', 'note', 'e-?mail', 'review', 'question', 'handover', 'hand-off'])})s?[ \t]+from[ \t]+${NAMES}`, 'dgu'),
	new RegExp(String.raw`(?<![\p{L}])(?:${either(['went', 'sent', 'forwarded', 'handed', 'given', 'passed', 'escalated', 'assigned'])})[ \t]+to[ \t]+${NAMES}[ \t]+(?:for|to)(?![\p{L}])`, 'dgu'),
	new RegExp(String.raw`(?<![\p{L}])(?:${either(['agreed', 'met', 'synced', 'spoke', 'talked', 'checked', 'consulted', 'coordinated', 'sat down'])})[ \t]+with[ \t]+${NAMES}`, 'dgu'),
	new RegExp(String.raw`${NAMES}[ \t]+and[ \t]+(?:two|three|four|five|six|several|a few|\d+)[ \t]+others(?![\p{L}])`, 'dgu'),
];

/**
 * Endings of English words that name products and parts ("Compute Engine", "Climate Orbiter",
 * "Application Firewall"), which the shape rule leaves alone. Unknown names rarely end so:
 * Okonkwo, Rajendran, Thị Mai, Kjær, Yılmaz, Kobayashi.
 */
const PRODUCT_ENDING = /(?:er|or|ers|ors|ine|ure|ent|ant|ate|ive|ions?|al|ics?|ary|ery|ory|age|ness|ment|ity|ings?|ware|work|board|book|base|flow|line|point|store|stack|space|ship|ance|ence|ism|ist|ogy|ous|ful|less|able|ible|ed|ly|all|ay|ob|obs)$/;
const SHAPE = new RegExp(String.raw`(?<=[\p{Ll}\p{N},;][ \t]+)(?<name>${WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+)?${WORD}){1,3})(?![\p{L}\p{N}_])`, 'dgu');

// --- What is not a person ------------------------------------------------------------------------

type Lexicon = Record<string, string | string[]>;
let lexicon: Lexicon | undefined;
const tagsOf = (word: string): string[] => {
	lexicon ??= (nlp.world() as unknown as { model: { one: { lexicon: Lexicon } } }).model.one.lexicon;
	return [lexicon[word.toLowerCase()] ?? []].flat();
};
const NAME_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'Honorific']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
/** compromise's tags for things that are not people. */
const THING_TAGS = ['Place', 'Country', 'City', 'Region', 'Address', 'Organization', 'Company', 'SportsTeam', 'School', 'Date', 'Month', 'WeekDay', 'Holiday', 'Currency', 'Unit'];
const REGION = /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Greater|New)\s/;
/**
 * Endings of English nouns, adjectives and verbs, for words compromise does not know ("Engineers",
 * "Observability"). Not "-ing": Xiaoming, Jing and Ping are names; compromise tags unknown
 * gerunds ("Rebalancing") as verbs in the sentence, which `ordinary` also asks.
 */
const ENGLISH_ENDING = /(?:ers|ors|ists|ians|tions?|sions?|ments?|ness|ities|ity|ance|ence|isms?|ware|ics|ogy|ships?|able|ible|ful|less|ous|ives?|i[sz]ed?|ated|ates|ally|ward)$/;
const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'bin', 'binti', 'bint', 'ibn', 'ben']);

/** Multi-word phrases of the not-people list, found wherever a candidate falls inside one ("Thomson" in "Thomson Reuters"). */
const PHRASES = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?:${[...NOT_PEOPLE].filter((p) => /\s/.test(p)).sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s+`)).join('|')})(?![\p{L}\p{N}])`,
	'giu',
);

/**
 * An ordinary word that happens to be capitalized, usually at the start of a sentence: known to
 * compromise as something other than a name ("Restarting", "Nobody", "Yesterday"), a team or
 * system word, a word the same text also uses in lower case, or an English ending on a word
 * compromise does not know.
 */
function ordinary(word: string, lowerWords: Set<string>, inLine: string[] = []): boolean {
	const w = word.toLowerCase();
	const tags = tagsOf(w);
	if (tags.some((t) => NAME_TAGS.has(t))) return false;
	return tags.length > 0 || ORDINARY_WORDS.has(w) || lowerWords.has(w) || ENGLISH_ENDING.test(w) || inLine.some((t) => VERB_TAGS.has(t));
}
// A plural noun in its sentence ("Gateways restarted") is a kind of thing; names are singular.
const VERB_TAGS = new Set(['Verb', 'Gerund', 'PastTense', 'Adverb', 'Plural']);

/** Words that can stand between an article and a noun: "a delayed Enactor", "the new Scheduler". */
const ARTICLE_MODIFIERS = new Set(['Adjective', 'PastTense', 'Participle', 'Comparative', 'Superlative', 'Gerund']);

interface Candidate {
	/** Offsets in the line. */
	start: number;
	end: number;
	strength: 'context' | 'guess';
}

interface LineFacts {
	line: string;
	lowerWords: Set<string>;
	allowed: Set<string>;
	/** compromise's tags for each word, by its offset in the line. */
	tagsAt: Map<number, string[]>;
	/** Spans of listed multi-word phrases in the line. */
	phrases: [number, number][];
}

/** The candidate narrowed to the name in it, or undefined if it is not a person. */
function vet(c: Candidate, facts: LineFacts): { start: number; end: number } | undefined {
	const words = [...facts.line.slice(c.start, c.end).matchAll(/[\p{L}\p{M}'’-]+/gu)].map((m) => ({ text: m[0].replace(/['’]s$/, ''), start: c.start + m.index }));
	const plain = (w: { text: string; start: number }) => PARTICLES.has(w.text) || ordinary(w.text, facts.lowerWords, facts.tagsAt.get(w.start));
	// Ordinary words at either end are not part of the name: "Yesterday Priya", "Cassandra Cluster".
	while (words.length && plain(words[0])) words.shift();
	while (words.length && plain(words.at(-1)!)) words.pop();
	if (words.length === 0) return undefined;
	const name = words.map((w) => w.text).join(' ');
	const lower = name.toLowerCase();
	const named = words.filter((w) => !PARTICLES.has(w.text));
	// A name is capitalized, not all capitals, and capitalized inside only after a prefix:
	// "grace period", "EVE", "StackEgg" and "PagerDuty" are not names; "McDonald" and "DeShawn" are.
	if (!named.every((w) => /^(?:(?:al|el)-)?\p{Lu}/u.test(w.text) && /\p{Ll}/u.test(w.text) && !/^(?!Mc|Mac|De|Di|Da|La|Le|Van|Von)\p{Lu}[\p{Ll}\p{M}]+\p{Lu}/u.test(w.text))) return undefined;
	if (facts.allowed.has(lower) || named.every((w) => facts.allowed.has(w.text.toLowerCase()))) return undefined;
	if (NOT_PEOPLE.has(lower) || NOT_PEOPLE.has(named[0].text.toLowerCase()) || REGION.test(name)) return undefined;
	const from = words[0].start;
	const to = words.at(-1)!.start + words.at(-1)!.text.length;
	if (facts.phrases.some(([a, b]) => from < b && a < to)) return undefined;
	// People's names take no article: "a delayed Enactor", "the Planner" are parts of a system.
	const before = /(?:^|[^\p{L}])(?:a|an|the|another|each|every|this|that|these|those|its)[ \t]+(?:(?<between>[\p{Ll}-]+)[ \t]+)?$/iu.exec(facts.line.slice(0, from));
	if (before) {
		const between = before.groups?.between;
		const at = between ? facts.line.lastIndexOf(between, from) : -1;
		if (!between || (facts.tagsAt.get(at) ?? []).some((t) => ARTICLE_MODIFIERS.has(t))) return undefined;
	}
	// A place or organization, and not also a name: known as one to compromise's lexicon, or, for
	// a guess, tagged as one in this sentence. A context outweighs compromise's inference, which
	// reads "Park Ji-woo" as a park.
	for (const w of named) {
		const known = tagsOf(w.text);
		const tags = c.strength === 'guess' ? [...known, ...(facts.tagsAt.get(w.start) ?? [])] : known;
		if (tags.some((t) => THING_TAGS.includes(t)) && !known.some((t) => NAME_TAGS.has(t))) return undefined;
	}
	return { start: from, end: to };
}

/** The separate names in a list match: "Priya and Keiko" → Priya, Keiko. */
function splitNames(text: string, offset: number): { start: number; end: number }[] {
	const parts: { start: number; end: number }[] = [];
	for (const m of text.matchAll(new RegExp(NAME, 'gu'))) parts.push({ start: offset + m.index, end: offset + m.index + m[0].length });
	return parts;
}

function contextCandidates(line: string): Candidate[] {
	const found: Candidate[] = [];
	for (const pattern of CONTEXTS) {
		pattern.lastIndex = 0;
		for (const m of line.matchAll(pattern)) {
			const groups = m.groups ?? {};
			if (groups.paren !== undefined && !ROLE.test(groups.paren)) continue;
			if (groups.appositive !== undefined && !ROLE.test(groups.appositive)) continue;
			const [at] = m.indices!.groups!.name;
			for (const part of splitNames(groups.name, at)) found.push({ ...part, strength: 'context' });
		}
	}
	return found;
}

/**
 * Whether a line could hold a name: a capitalized word inside a sentence, a known name, or a
 * capitalized word at the start of a sentence that is neither known to compromise nor an ordinary
 * word of this text ("Replication lag grew" starts with one; "Priya restarted" does not).
 * compromise takes most of the lint's time; most lines fail this cheap test and skip it.
 */
function mayHoldName(line: string, lowerWords: Set<string>): boolean {
	const words = line.match(/[\p{L}][\p{L}\p{M}'’-]*|[.!?:]/gu) ?? [];
	return words.some((word, i) => {
		if (!/^\p{Lu}\p{M}*[\p{Ll}\p{M}]/u.test(word)) return false;
		const startsSentence = i === 0 || /^[.!?:]$/.test(words[i - 1]);
		const bare = word.replace(/['’]s$/, '');
		const tags = tagsOf(bare);
		if (tags.some((tag) => NAME_TAGS.has(tag))) return true;
		return !startsSentence || (tags.length === 0 && !ordinary(bare, lowerWords));
	});
}

/** compromise's reading of a line, kept for the run: a sentence repeated in summary, timeline and body is parsed once. */
const readings = new Map<string, { people: { start: number; length: number }[]; terms: () => Term[] }>();

function reading(line: string) {
	let found = readings.get(line);
	if (!found) {
		const doc = nlp(line);
		let terms: Term[] | undefined;
		found = {
			people: (doc.people().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((p) => p.offset),
			// Every term's tags are wanted only when there is something to vet: asking for them costs as much as the parse.
			terms: () => (terms ??= (doc.json({ offset: true, terms: { tags: true, offset: true } }) as { terms: Term[] }[]).flatMap((sentence) => sentence.terms)),
		};
		if (readings.size > 20_000) readings.clear();
		readings.set(line, found);
	}
	return found;
}

interface Term {
	text: string;
	tags: string[];
	offset: { start: number; length: number };
}

function lineNames(line: string, lowerWords: Set<string>, allowed: Set<string>): Candidate[] {
	const read = reading(line);
	const raw = contextCandidates(line);
	for (const person of read.people) raw.push({ start: person.start, end: person.start + person.length, strength: 'guess' });
	// Two or more capitalized words inside a sentence that compromise's lexicon has never seen, like
	// "Obinna Okonkwo" or "Trần Thị Mai": a name's shape. Products and companies are vetted out below.
	for (const m of line.matchAll(SHAPE)) {
		const words = m.groups!.name.split(/[ \t]+/).filter((w) => !PARTICLES.has(w));
		const foreign = (w: string) => tagsOf(w).some((t) => NAME_TAGS.has(t)) || (tagsOf(w).length === 0 && !ordinary(w, lowerWords) && !PRODUCT_ENDING.test(w.toLowerCase()));
		if (words.every(foreign)) raw.push({ start: m.indices!.groups!.name[0], end: m.indices!.groups!.name[1], strength: 'guess' });
	}
	if (raw.length === 0) return [];
	const terms = read.terms();
	const tagsAt = new Map(terms.map((t) => [t.offset.start, t.tags]));
	const phrases = [...line.matchAll(PHRASES)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
	// The caller's phrases count wherever a candidate falls in them too: "Larkspur" in "Larkspur Ops".
	const lowerLine = line.toLowerCase();
	for (const phrase of allowed) {
		if (!phrase.includes(' ')) continue;
		for (let at = lowerLine.indexOf(phrase); at >= 0; at = lowerLine.indexOf(phrase, at + 1)) {
			if (!/[\p{L}\p{N}]/u.test(lowerLine[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(lowerLine[at + phrase.length] ?? '')) phrases.push([at, at + phrase.length]);
		}
	}
	const facts: LineFacts = { line, lowerWords, allowed, tagsAt, phrases };
	const vetted: Candidate[] = [];
	for (const c of raw) {
		const span = vet(c, facts);
		if (!span) continue;
		let strength = c.strength;
		// A first name compromise knows, then a capitalized word that is not ordinary: "Alice Smith", "Mehmet Yılmaz".
		const words = line.slice(span.start, span.end).split(/[ \t]+/);
		const firstName = [...tagsOf(words[0]), ...(tagsAt.get(span.start) ?? [])].some((t) => FIRST_NAME_TAGS.has(t));
		if (strength === 'guess' && words.length >= 2 && firstName && !ordinary(words[1], lowerWords, tagsAt.get(span.start + words[0].length + 1))) strength = 'context';
		vetted.push({ ...span, strength });
	}
	// Overlapping candidates are one name: the widest span, and 'context' if any of them had it.
	vetted.sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: Candidate[] = [];
	for (const c of vetted) {
		const last = merged.at(-1);
		if (last && c.start < last.end) {
			last.end = Math.max(last.end, c.end);
			if (c.strength === 'context') last.strength = 'context';
		} else merged.push({ ...c });
	}
	return merged;
}

/** Lower-case words of the text's prose (not in addresses or paths), which are ordinary words wherever they are capitalized. */
function lowerCaseWords(text: string): Set<string> {
	return new Set(text.match(/(?<![\p{L}\p{N}@._/-])\p{Ll}[\p{Ll}\p{M}]+(?![\p{L}\p{N}@_/-]|\.\p{L})/gu) ?? []);
}

/** People's names in the text, in order. Fenced code is skipped. Never throws: a line that breaks the parser yields nothing. */
export function findNames(text: string, options: NameOptions): NameDetection[] {
	if (typeof text !== 'string' || text.length === 0) return [];
	const allowed = options?.allowed ?? new Set<string>();
	const lowerWords = lowerCaseWords(text);
	const found: NameDetection[] = [];
	let offset = 0;
	let fenced = false;
	for (const line of text.split('\n')) {
		const start = offset;
		offset += line.length + 1;
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced || !mayHoldName(line, lowerWords)) continue;
		let names: Candidate[];
		try {
			names = lineNames(line, lowerWords, allowed);
		} catch {
			continue;
		}
		for (const c of names) {
			const name = line.slice(c.start, c.end);
			found.push({
				index: start + c.start,
				length: name.length,
				text: name,
				rule: 'privacy/person-name',
				message: `a person's name, '${name}'`,
				fix: `use a role ("the on-call engineer", "a database administrator"), or add '${name}' to allowNames in lint.yml if it is not a person`,
				strength: c.strength,
			});
		}
	}
	return found;
}
