/**
 * The `_headers` file (the format Netlify and Cloudflare Pages read) and the Content-Security-Policy
 * inside it: parse, match a path, derive the `<meta>` fallback and the local test variant.
 * Plain JavaScript so the build integration, the test server, the tests and the benches share it.
 * Format: https://docs.netlify.com/routing/headers/ (a path line, then indented `Name: value` lines).
 */
import { createHash } from 'node:crypto';

/** @typedef {{ pattern: string, headers: [string, string][] }} HeaderRule */

/** @param {string} text @returns {HeaderRule[]} */
export function parseHeaders(text) {
	/** @type {HeaderRule[]} */
	const rules = [];
	for (const [index, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.replace(/\s+$/, '');
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: [] });
			continue;
		}
		const match = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
		if (!match || rules.length === 0)
			throw new Error(
				`_headers line ${index + 1} is neither a path nor an indented "Name: value": ${raw}`
			);
		rules.at(-1).headers.push([match[1], match[2]]);
	}
	return rules;
}

/** `/*` matches everything, `/_astro/*` a prefix; anything else matches exactly. */
export function matchesPattern(pattern, path) {
	if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
	return pattern === path;
}

/**
 * Headers for one URL path: every matching rule in file order, later values of the same header
 * joined with ", " as Netlify does. Names are lower-cased.
 * @returns {Map<string, string>}
 */
export function headersFor(rules, path) {
	const out = new Map();
	for (const rule of rules) {
		if (!matchesPattern(rule.pattern, path)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			out.set(key, out.has(key) ? `${out.get(key)}, ${value}` : value);
		}
	}
	return out;
}

/**
 * The policies of a Content-Security-Policy value: rules of `_headers` that match one path are
 * joined with ", " (headersFor), and a browser enforces each policy of the list (CSP3 §2.2.1), so
 * a page-specific rule can only narrow what `/*` allows. Source lists hold no comma.
 * @returns {string[]}
 */
export function splitPolicies(value) {
	return value
		.split(',')
		.map((policy) => policy.trim())
		.filter(Boolean);
}

/** @returns {Map<string, string[]>} directive -> sources, in order */
export function parseCsp(policy) {
	const directives = new Map();
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), values);
	}
	return directives;
}

export function serializeCsp(directives) {
	return [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

/**
 * Directives a `<meta>` policy cannot carry (CSP3 §3.3: frame-ancestors, report-uri and sandbox are
 * ignored there, and Chromium logs a warning for each). The header still sends them.
 */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

export function metaPolicy(policy) {
	return splitPolicies(policy)
		.map((one) => {
			const directives = parseCsp(one);
			for (const name of HEADER_ONLY) directives.delete(name);
			return serializeCsp(directives);
		})
		.filter(Boolean)
		.join(', ');
}

/** True when every policy of `policy` lets `source` run as a script (script-src, else default-src). */
export function allowsScript(policy, source) {
	return splitPolicies(policy).every((one) => {
		const directives = parseCsp(one);
		const sources = directives.get('script-src') ?? directives.get('default-src');
		return !sources || sources.includes(source);
	});
}

/**
 * Stands in public/_headers for the DNS checker's built-in resolvers, whose one list is
 * src/lib/dns/resolvers.ts: the build writes their origins in its place in dist/_headers.
 */
export const BUILTIN_RESOLVERS_TOKEN = '$BUILTIN_RESOLVERS';

/** public/_headers as it ships: the token replaced by the resolvers' origins. */
export function fillHeaderTokens(text, builtinResolverOrigins) {
	return text.split(BUILTIN_RESOLVERS_TOKEN).join(builtinResolverOrigins.join(' '));
}

/**
 * Origins a local test or preview may add to `connect-src`: the DoH relay of the browser tests
 * listens on 127.0.0.1 on a port of its own. Never part of what ships (tests/e2e/security.spec.ts
 * checks dist/ for them).
 */
export const LOCAL_DOH_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'];

export function withConnectSrc(policy, origins) {
	return splitPolicies(policy)
		.map((one) => {
			const directives = parseCsp(one);
			const current = directives.get('connect-src') ?? directives.get('default-src') ?? ["'self'"];
			directives.set('connect-src', [...current, ...origins.filter((o) => !current.includes(o))]);
			return serializeCsp(directives);
		})
		.join(', ');
}

/** The `'sha256-…'` source of an inline script's text, exactly as the browser hashes it. */
export function scriptHash(text) {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Text of every inline (no `src`) script of an HTML document, JSON data blocks excluded. */
export function inlineScripts(html) {
	const out = [];
	for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attrs = match[1];
		if (/\bsrc\s*=/.test(attrs)) continue;
		const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
		if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
		out.push(match[2]);
	}
	return out;
}

/** One or more CSP `<meta>` elements in a row (one per policy). */
const META_RE = /(?:<meta http-equiv="content-security-policy" content="[^"]*">)+/i;

/**
 * Puts the policy right after `<meta charset>` (before any script), replacing an earlier one. A
 * `<meta>` carries one policy (CSP3 §3.3): a list of several gets one element each, all enforced.
 */
export function injectMeta(html, policy) {
	const tag = splitPolicies(policy)
		.map(
			(one) =>
				`<meta http-equiv="content-security-policy" content="${one.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`
		)
		.join('');
	if (META_RE.test(html)) return html.replace(META_RE, tag);
	const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
	if (!charset) throw new Error('no <meta charset> to put the CSP after');
	const at = charset.index + charset[0].length;
	return html.slice(0, at) + tag + html.slice(at);
}

/** The policies of a page's `<meta>` elements, joined with ", " as a header would; or undefined. */
export function readMeta(html) {
	const all = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/gi)];
	if (all.length === 0) return undefined;
	return all.map((m) => m[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&')).join(', ');
}
