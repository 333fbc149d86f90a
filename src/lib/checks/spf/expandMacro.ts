/**
 * SPF macros (RFC 7208 §7): checking a macro-string's syntax, and expanding it for one
 * evaluation. Pure: everything the letters stand for is passed in.
 */

/** §7.2 macro letters; `c`, `r`, `t` are allowed only in `exp` explanations. */
const LETTERS = 'slodiphv';
const EXP_ONLY = 'crt';

export interface MacroValues {
	/** `<sender>`: the MAIL FROM or HELO identity, `local@domain`. */
	sender: string;
	/** `<domain>`: the domain whose record is being evaluated (changes with include/redirect). */
	domain: string;
	/** `%{i}` already in macro form (see macroForm); undefined when no address is known. */
	ip?: string;
	/** `in-addr` or `ip6`. */
	ipVersion?: 'in-addr' | 'ip6';
	/** HELO/EHLO domain. */
	helo?: string;
	/**
	 * `%{p}`: the validated name of the client. This evaluator does not look it up (RFC 7208
	 * §7.3 says the macro SHOULD NOT be used) and expands it to `unknown`, the RFC's value for
	 * an address without a validated name.
	 */
	validatedName?: string;
}

export type MacroToken =
	| { literal: string }
	| { letter: string; upper: boolean; digits?: number; reverse: boolean; delimiters: string };

/** Splits a macro-string into literals and macros, or returns why it is malformed. */
export function tokenizeMacroString(
	text: string,
	{ explanation = false } = {}
): { tokens: MacroToken[] } | { error: string } {
	const tokens: MacroToken[] = [];
	let literal = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		const code = c.charCodeAt(0);
		if (c !== '%') {
			// §7.1 macro-literal: visible ASCII except '%' (a space only in explanations).
			if ((code < 0x21 || code > 0x7e) && !(explanation && c === ' ')) {
				return { error: 'character' };
			}
			literal += c;
			continue;
		}
		const next = text[i + 1];
		if (next === '%' || next === '_' || next === '-') {
			literal += next === '%' ? '%' : next === '_' ? ' ' : '%20';
			i++;
			continue;
		}
		if (next !== '{') return { error: 'percent' };
		const end = text.indexOf('}', i + 2);
		if (end < 0) return { error: 'unclosed' };
		const body = text.slice(i + 2, end);
		const m = /^([a-z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
		if (!m) return { error: 'macro' };
		const letter = m[1]!.toLowerCase();
		if (!LETTERS.includes(letter) && !(explanation && EXP_ONLY.includes(letter))) {
			return { error: 'letter' };
		}
		if (m[2] && Number(m[2]) === 0) return { error: 'digits' };
		if (literal) tokens.push({ literal });
		literal = '';
		tokens.push({
			letter,
			upper: m[1] !== letter,
			...(m[2] ? { digits: Number(m[2]) } : {}),
			reverse: m[3] !== '',
			delimiters: m[4] || '.',
		});
		i = end;
	}
	if (literal) tokens.push({ literal });
	return { tokens };
}

export const hasMacros = (text: string) => /%\{/.test(text);

/** Letters whose value depends on the message (sender, address), not only on the domain. */
export function messageLetters(tokens: MacroToken[]): string[] {
	return tokens.flatMap((t) => ('letter' in t && !'do'.includes(t.letter) ? [t.letter] : []));
}

function letterValue(letter: string, v: MacroValues): string {
	const at = v.sender.lastIndexOf('@');
	switch (letter) {
		case 's':
			return v.sender;
		case 'l':
			return at > 0 ? v.sender.slice(0, at) : 'postmaster';
		case 'o':
			return at >= 0 ? v.sender.slice(at + 1) : v.sender;
		case 'd':
			return v.domain;
		case 'i':
		case 'c':
			return v.ip ?? '';
		case 'p':
			return v.validatedName ?? 'unknown';
		case 'v':
			return v.ipVersion ?? 'in-addr';
		case 'h':
			return v.helo ?? '';
		case 'r':
			return 'unknown';
		case 't':
			return String(Math.floor(Date.now() / 1000));
		default:
			return '';
	}
}

/** RFC 7208 §7.3: a name longer than 253 characters loses labels on the left until it fits. */
export function truncateDomain(name: string): string {
	let result = name;
	while (result.length > 253 && result.includes('.'))
		result = result.slice(result.indexOf('.') + 1);
	return result;
}

export function expandTokens(tokens: MacroToken[], values: MacroValues): string {
	let out = '';
	for (const token of tokens) {
		if ('literal' in token) {
			out += token.literal;
			continue;
		}
		const value = letterValue(token.letter, values);
		let parts = value.split(new RegExp(`[${token.delimiters.replace(/[-\\\]/]/g, '\\$&')}]`));
		if (token.reverse) parts = parts.reverse();
		if (token.digits !== undefined && token.digits < parts.length) {
			parts = parts.slice(parts.length - token.digits);
		}
		const joined = parts.join('.');
		// §7.3: an upper-case letter asks for the value URL-escaped (RFC 3986 unreserved kept).
		out += token.upper
			? encodeURIComponent(joined).replace(
					/[!'()*]/g,
					(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
				)
			: joined;
	}
	return out;
}

export function expandMacroString(text: string, values: MacroValues, explanation = false): string {
	const parsed = tokenizeMacroString(text, { explanation });
	if ('error' in parsed) throw new Error(`Malformed macro-string: ${parsed.error}`);
	return expandTokens(parsed.tokens, values);
}
