/**
 * An SPF record's terms (RFC 7208 §4.6, ABNF in §12), or the first term that is malformed.
 * Parsing never throws and never looks anything up.
 */
import { tokenizeMacroString, type MacroToken } from './expandMacro';
import { parseIPv4, parseIPv6, type IpAddress } from './ipAddress';

export type Qualifier = '+' | '-' | '~' | '?';
export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export interface Mechanism {
	kind: 'mechanism';
	/** The term as written, for messages. */
	text: string;
	qualifier: Qualifier;
	name: MechanismName;
	/** The domain-spec (include, a, mx, ptr, exists), as a macro-string. */
	domainSpec?: string;
	domainTokens?: MacroToken[];
	/** ip4/ip6 network. */
	network?: IpAddress;
	/** CIDR prefix lengths (a, mx: dual; ip4/ip6: their own), defaults 32 and 128. */
	cidr4: number;
	cidr6: number;
}

export interface Modifier {
	kind: 'modifier';
	text: string;
	name: string;
	value: string;
	tokens: MacroToken[];
}

export type Term = Mechanism | Modifier;

export interface SpfRecord {
	terms: Term[];
	mechanisms: Mechanism[];
	redirect?: Modifier;
	exp?: Modifier;
}

export type ParseResult =
	{ ok: true; record: SpfRecord } | { ok: false; term: string; reason: SyntaxReason };

/** Why a term is malformed; each has its own explanation in the UI. */
export const SYNTAX_REASONS = [
	'version', // does not start with v=spf1
	'mechanism', // unknown mechanism
	'domain', // missing or malformed domain-spec
	'network', // ip4/ip6 address
	'cidr', // prefix length
	'macro', // macro-string
	'duplicate', // redirect or exp given twice (§6)
	'character', // a character no term may contain
] as const;
export type SyntaxReason = (typeof SYNTAX_REASONS)[number];

/** §4.5: a record is SPF when it is `v=spf1` alone or followed by a space. */
export const isSpfRecord = (text: string) => /^v=spf1(?: |$)/i.test(text);

const MECHANISMS: readonly string[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
/** §12 domain-end: a top label that is not all digits, or a macro at the end. */
const TOPLABEL = /\.(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])\.?$/i;

function domainSpec(spec: string): { tokens: MacroToken[] } | { error: SyntaxReason } {
	if (spec === '') return { error: 'domain' };
	const parsed = tokenizeMacroString(spec);
	if ('error' in parsed) return { error: parsed.error === 'character' ? 'character' : 'macro' };
	const last = parsed.tokens.at(-1);
	const endsWithMacro = last !== undefined && 'letter' in last;
	if (!endsWithMacro && !TOPLABEL.test(spec)) return { error: 'domain' };
	return { tokens: parsed.tokens };
}

/** `/N` with N in 0..max, no leading zero (§12 ip4-cidr-length). */
function prefix(text: string, max: number): number | undefined {
	if (!/^(?:0|[1-9]\d{0,2})$/.test(text)) return undefined;
	const n = Number(text);
	return n <= max ? n : undefined;
}

function parseTerm(term: string): Term | { error: SyntaxReason } {
	const modifier = /^([a-z][a-z0-9\-_.]*)=(.*)$/i.exec(term);
	if (modifier) {
		const name = modifier[1]!.toLowerCase();
		const value = modifier[2]!;
		if (name === 'redirect' || name === 'exp') {
			const spec = domainSpec(value);
			if ('error' in spec) return spec;
			return { kind: 'modifier', text: term, name, value, tokens: spec.tokens };
		}
		const parsed = tokenizeMacroString(value);
		if ('error' in parsed) return { error: 'macro' };
		return { kind: 'modifier', text: term, name, value, tokens: parsed.tokens };
	}
	const m = /^([+\-~?]?)([a-z0-9]+)(.*)$/i.exec(term);
	if (!m) return { error: /[^\x21-\x7e]/.test(term) ? 'character' : 'mechanism' };
	const qualifier = (m[1] || '+') as Qualifier;
	const name = m[2]!.toLowerCase();
	let rest = m[3]!;
	if (!MECHANISMS.includes(name)) return { error: 'mechanism' };
	const base = { kind: 'mechanism' as const, text: term, qualifier, cidr4: 32, cidr6: 128 };
	switch (name) {
		case 'all':
			return rest === '' ? { ...base, name } : { error: 'mechanism' };
		case 'ip4':
		case 'ip6': {
			if (!rest.startsWith(':')) return { error: 'network' };
			rest = rest.slice(1);
			const slash = rest.indexOf('/');
			const address = slash < 0 ? rest : rest.slice(0, slash);
			const value = name === 'ip4' ? parseIPv4(address) : parseIPv6(address);
			if (value === undefined) return { error: 'network' };
			const max = name === 'ip4' ? 32 : 128;
			const length = slash < 0 ? max : prefix(rest.slice(slash + 1), max);
			if (length === undefined) return { error: 'cidr' };
			return name === 'ip4'
				? { ...base, name, network: { version: 4, value: value as number }, cidr4: length }
				: { ...base, name, network: { version: 6, value: value as bigint }, cidr6: length };
		}
		default: {
			// include, exists: `:domain-spec` required; a, mx: optional, then dual-cidr-length;
			// ptr: optional, no cidr.
			let cidr4 = 32;
			let cidr6 = 128;
			if (name === 'a' || name === 'mx') {
				const dual = /(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(rest)!;
				if (dual[0]) {
					if (dual[1] !== undefined) {
						const v4 = prefix(dual[1], 32);
						if (v4 === undefined) return { error: 'cidr' };
						cidr4 = v4;
					}
					if (dual[2] !== undefined) {
						const v6 = prefix(dual[2], 128);
						if (v6 === undefined) return { error: 'cidr' };
						cidr6 = v6;
					}
					rest = rest.slice(0, rest.length - dual[0].length);
				}
			}
			const mechanism = name as MechanismName;
			if (rest === '') {
				if (name === 'include' || name === 'exists') return { error: 'domain' };
				return { ...base, name: mechanism, cidr4, cidr6 };
			}
			if (!rest.startsWith(':')) return { error: rest.startsWith('/') ? 'cidr' : 'mechanism' };
			const spec = domainSpec(rest.slice(1));
			if ('error' in spec) return spec;
			return {
				...base,
				name: mechanism,
				domainSpec: rest.slice(1),
				domainTokens: spec.tokens,
				cidr4,
				cidr6,
			};
		}
	}
}

export function parseSpfRecord(text: string): ParseResult {
	if (!isSpfRecord(text)) return { ok: false, term: text.split(' ')[0] ?? '', reason: 'version' };
	const terms: Term[] = [];
	let redirect: Modifier | undefined;
	let exp: Modifier | undefined;
	// §4.6.1: terms are separated by one or more spaces (SP only).
	for (const word of text.slice(6).split(' ')) {
		if (word === '') continue;
		const term = parseTerm(word);
		if ('error' in term) return { ok: false, term: word, reason: term.error };
		if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
			if ((term.name === 'redirect' ? redirect : exp) !== undefined) {
				return { ok: false, term: word, reason: 'duplicate' };
			}
			if (term.name === 'redirect') redirect = term;
			else exp = term;
		}
		terms.push(term);
	}
	return {
		ok: true,
		record: {
			terms,
			mechanisms: terms.filter((t): t is Mechanism => t.kind === 'mechanism'),
			...(redirect ? { redirect } : {}),
			...(exp ? { exp } : {}),
		},
	};
}

/** The terms that each cost one DNS lookup in the §4.6.4 limit. */
export const LOOKUP_TERMS: ReadonlySet<string> = new Set([
	'include',
	'a',
	'mx',
	'ptr',
	'exists',
	'redirect',
]);
