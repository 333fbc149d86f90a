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
	const directives = parseCsp(policy);
	for (const name of HEADER_ONLY) directives.delete(name);
	return serializeCsp(directives);
}

/**
 * Content-Security-Policy per page (DESIGN.md "Security policy per page"). A static host joins the
 * headers of every `_headers` rule that matches a path, and a browser enforces every policy it is
 * given, so no page may match two policies. public/_headers therefore holds each policy once, on a
 * template rule named `$CSP:{kind}`; the build writes one exact-path rule per page of dist/ (and
 * one per asset folder) with the policy of the page's kind, in place of the templates.
 */
export const POLICY_RULE = /^\$CSP:([a-z-]+)$/;

/**
 * Pages that run checks (the DNS checker, the decision tree): they may reach any `https:` origin,
 * so a resolver or RDAP server the reader names works. Every other page, where a person may paste
 * private data, gets the `private` policy (`connect-src 'self'`).
 */
export const CHECK_PAGE = /^\/[a-z]{2}(-[a-z]+)?\/(dns|troubleshooting)\/$/;

/** Asset folders: module workers (the bounce analyzer's) take the policy of their own response. */
export const ASSET_FOLDERS = ['/_astro/*', '/pagefind/*'];

/** The policy kind of a page path (`/en/dns/`, `/404.html`). */
export function policyKindOf(path) {
	return CHECK_PAGE.test(path) ? 'checks' : 'private';
}

/** The paths one page answers at: `/en/dns/` is also `/en/dns/index.html`. */
function pathsOfPage(path) {
	return path.endsWith('/') ? [path, `${path}index.html`] : [path];
}

/**
 * public/_headers as it ships: each `$CSP:{kind}` template rule replaced by one rule per page of
 * that kind (and, for `private`, per asset folder). Throws on a template the pages never use or a
 * page kind without a template, so a policy cannot silently go missing.
 * @param {string} text @param {string[]} pagePaths
 */
export function expandPagePolicies(text, pagePaths) {
	const blocks = text.split(/\n(?=\S)/);
	const templates = new Map();
	for (const block of blocks) {
		const kind = POLICY_RULE.exec(block.split('\n')[0].trim())?.[1];
		if (kind) templates.set(kind, block.split('\n').slice(1).join('\n').replace(/\s+$/, ''));
	}
	const byKind = new Map([...templates.keys()].map((kind) => [kind, []]));
	for (const path of [...pagePaths].sort()) {
		const kind = policyKindOf(path);
		if (!byKind.has(kind)) throw new Error(`public/_headers has no $CSP:${kind} rule for ${path}`);
		byKind.get(kind).push(...pathsOfPage(path));
	}
	byKind.get('private')?.push(...ASSET_FOLDERS);
	return blocks
		.map((block) => {
			const kind = POLICY_RULE.exec(block.split('\n')[0].trim())?.[1];
			if (!kind) return block;
			const paths = byKind.get(kind);
			if (!paths.length) throw new Error(`public/_headers: no page uses $CSP:${kind}`);
			return paths.map((path) => `${path}\n${templates.get(kind)}\n`).join('\n');
		})
		.join('\n');
}

/**
 * Origins a local test or preview may add to `connect-src`: the DoH relay of the browser tests
 * listens on 127.0.0.1 on a port of its own. Never part of what ships (tests/e2e/security.spec.ts
 * checks dist/ for them).
 */
export const LOCAL_DOH_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'];

/** True when the policy lets pages reach any https origin (the pages that run checks). */
export function allowsAnyHttps(policy) {
	return (parseCsp(policy).get('connect-src') ?? []).includes('https:');
}

export function withConnectSrc(policy, origins) {
	const directives = parseCsp(policy);
	const current = directives.get('connect-src') ?? directives.get('default-src') ?? ["'self'"];
	directives.set('connect-src', [...current, ...origins.filter((o) => !current.includes(o))]);
	return serializeCsp(directives);
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

const META_RE = /<meta http-equiv="content-security-policy" content="[^"]*">/i;

/** Puts the policy right after `<meta charset>` (before any script), replacing an earlier one. */
export function injectMeta(html, policy) {
	const tag = `<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;
	if (META_RE.test(html)) return html.replace(META_RE, tag);
	const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
	if (!charset) throw new Error('no <meta charset> to put the CSP after');
	const at = charset.index + charset[0].length;
	return html.slice(0, at) + tag + html.slice(at);
}

/** The policy of a page's `<meta>` element, or undefined. */
export function readMeta(html) {
	const m = /<meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(html);
	return m?.[1].replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}
