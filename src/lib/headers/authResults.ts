/**
 * Authentication results as the receiving side recorded them:
 * - `Authentication-Results` (RFC 8601 §2.2): authserv-id, then `; method=result` with an
 *   optional `reason=` and `ptype.property=value` pairs, comments anywhere. Microsoft writes it
 *   without an authserv-id (`spf=pass (sender IP is ...) smtp.mailfrom=...;dkim=...`) and adds
 *   pairs without a ptype (`action=none`, compauth's `reason=100`): both accepted.
 * - `ARC-Authentication-Results` (RFC 8617 §4.1.1): `i=N;` then the same syntax.
 * - `Received-SPF` (RFC 7208 §9.1): result, comment, then `key=value` pairs separated by `;`.
 * One linear scanner; quoted strings and nested comments are respected.
 */
import type { AuthResult } from './types';

interface Pair {
	key: string;
	value: string;
	/** The comment right after the value, if any. */
	comment?: string;
}

/** Far longer than a real results header (a few kB, ARC included); the rest is not read. */
const MAX_RESULTS_CHARS = 16 * 1024;

/** Splits on `;` outside quoted strings and comments. */
function splitSemicolons(text: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let quoted = false;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && (quoted || depth > 0)) i++;
		else if (quoted) {
			if (c === '"') quoted = false;
		} else if (c === '"' && depth === 0) quoted = true;
		else if (c === '(') depth++;
		else if (c === ')' && depth > 0) depth--;
		else if (c === ';' && depth === 0) {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * Reads `key = value` pairs and bare words from one segment. A value runs to white space, `;` or
 * `(`, so base64 such as `header.b=Ab/+=` keeps its `=`; quoted values are unquoted.
 */
function readPairs(text: string): { pairs: Pair[]; words: string[]; comments: string[] } {
	const pairs: Pair[] = [];
	const words: string[] = [];
	const comments: string[] = [];
	let i = 0;
	const skip = () => {
		let comment: string | undefined;
		for (;;) {
			while (isSpace(text[i])) i++;
			if (text[i] !== '(') return comment;
			let depth = 1;
			const start = ++i;
			for (; i < text.length && depth > 0; i++) {
				if (text[i] === '\\') i++;
				else if (text[i] === '(') depth++;
				else if (text[i] === ')') depth--;
			}
			// Folded comments read as one line of text.
			const body = text
				.slice(start, depth === 0 ? i - 1 : i)
				.trim()
				.replace(/\s+/g, ' ');
			comments.push(body);
			comment ??= body;
		}
	};
	const readValue = (stopAtEquals: boolean) => {
		if (text[i] === '"') {
			let out = '';
			for (i++; i < text.length && text[i] !== '"'; i++) {
				if (text[i] === '\\') i++;
				out += text[i] ?? '';
			}
			i++;
			return out;
		}
		const start = i;
		while (
			i < text.length &&
			!isSpace(text[i]) &&
			text[i] !== '(' &&
			text[i] !== ';' &&
			!(stopAtEquals && text[i] === '=')
		)
			i++;
		return text.slice(start, i);
	};
	skip();
	while (i < text.length) {
		const before = i;
		const key = readValue(true);
		skip();
		if (text[i] === '=') {
			i++;
			skip();
			const value = readValue(false);
			const comment = skip();
			pairs.push({ key, value, ...(comment !== undefined ? { comment } : {}) });
		} else if (key) {
			words.push(key);
		}
		if (i === before) i++; // a stray character (a lone '"' or ')'): step over it
		skip();
	}
	return { pairs, words, comments };
}

/** `dkim/1` (RFC 8601 §2.2 method-version) -> `dkim`. */
function methodName(key: string): string {
	const slash = key.indexOf('/');
	return (slash === -1 ? key : key.slice(0, slash)).trim().toLowerCase();
}

/** Far more results than one receiver writes (a handful); a hostile header stops there. */
export const MAX_RESULTS_PER_HEADER = 100;

function resultsOf(
	segments: string[],
	base: Pick<AuthResult, 'source' | 'authservId' | 'instance'>
): AuthResult[] {
	const results: AuthResult[] = [];
	const stated = definedOnly(base);
	for (const segment of segments) {
		if (results.length === MAX_RESULTS_PER_HEADER) break;
		const { pairs } = readPairs(segment);
		const [first, ...rest] = pairs;
		if (!first || !first.key) continue;
		const properties: Record<string, string> = {};
		for (const pair of rest) if (pair.key) properties[pair.key.toLowerCase()] = pair.value;
		results.push({
			...stated,
			source: base.source,
			method: methodName(first.key),
			result: first.value.toLowerCase(),
			properties,
			...(first.comment !== undefined ? { comment: first.comment } : {}),
		});
	}
	return results;
}

function definedOnly<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The authserv-id segment: `mx.google.com`, `mx.example.net 1` (version), or none when it already holds `method=result`. */
function readAuthservId(segment: string): { authservId?: string; isResult: boolean } {
	const { pairs, words } = readPairs(segment);
	if (pairs.length > 0) return { isResult: true };
	return words[0] ? { authservId: words[0], isResult: false } : { isResult: false };
}

export function parseAuthenticationResults(value: string): {
	authservId?: string;
	results: AuthResult[];
} {
	const segments = splitSemicolons(value.slice(0, MAX_RESULTS_CHARS));
	const head = readAuthservId(segments[0] ?? '');
	const resinfos = head.isResult ? segments : segments.slice(1);
	const results = resultsOf(resinfos, {
		source: 'authentication-results',
		authservId: head.authservId,
	});
	return { ...(head.authservId !== undefined ? { authservId: head.authservId } : {}), results };
}

export function parseArcAuthenticationResults(value: string): {
	instance?: number;
	results: AuthResult[];
} {
	const segments = splitSemicolons(value.slice(0, MAX_RESULTS_CHARS));
	const instanceMatch = /^\s*i\s*=\s*(\d{1,3})\s*$/i.exec(segments[0] ?? '');
	const instance = instanceMatch ? Number(instanceMatch[1]) : undefined;
	const rest = instanceMatch ? segments.slice(1) : segments;
	const head = readAuthservId(rest[0] ?? '');
	const resinfos = head.isResult ? rest : rest.slice(1);
	return {
		instance,
		results: resultsOf(resinfos, { source: 'arc', authservId: head.authservId, instance }),
	};
}

/** RFC 7208 §9.1: `pass (comment) client-ip=192.0.2.1; envelope-from="a@b"; helo=...; receiver=...`. */
export function parseReceivedSpf(value: string): AuthResult | undefined {
	const match = /^\s*([A-Za-z]{1,20})/.exec(value);
	if (!match) return undefined;
	const rest = value.slice(match[0].length, MAX_RESULTS_CHARS);
	const { pairs, comments } = readPairs(rest.replace(/;/g, ' '));
	const properties: Record<string, string> = {};
	for (const pair of pairs) if (pair.key) properties[pair.key.toLowerCase()] = pair.value;
	return {
		source: 'received-spf',
		method: 'spf',
		result: match[1]!.toLowerCase(),
		properties,
		...(comments[0] !== undefined ? { comment: comments[0] } : {}),
	};
}

/** DKIM-Signature tag list (RFC 6376 §3.2): `d=` domain and `s=` selector; white space inside values is folding. */
export function readDkimSignature(value: string): { domain: string; selector: string } | undefined {
	const tags: Record<string, string> = {};
	for (const part of value.split(';')) {
		const eq = part.indexOf('=');
		if (eq === -1) continue;
		const name = part.slice(0, eq).trim().toLowerCase();
		if (name === 'd' || name === 's') tags[name] = part.slice(eq + 1).replace(/\s+/g, '');
	}
	return tags.d && tags.s ? { domain: tags.d.toLowerCase(), selector: tags.s } : undefined;
}
