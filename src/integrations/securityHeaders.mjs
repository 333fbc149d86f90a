/**
 * Build step for the security headers: `public/_headers` is what static hosts send (with the
 * DNS checker's resolvers filled in from src/lib/dns/resolvers.ts); hosts that ignore it still get
 * the same Content-Security-Policy as a `<meta>` in every page, derived from that one file here
 * so the two cannot drift. Warns when a page has an inline script whose hash is
 * not in `script-src` (tests/e2e/security.spec.ts fails on it; `npm run csp:hashes` fixes it).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { builtinResolverOrigins } from '../lib/dns/resolvers.ts';
import {
	fillHeaderTokens,
	headersFor,
	injectMeta,
	inlineScripts,
	metaPolicy,
	allowsScript,
	parseHeaders,
	scriptHash,
} from '../../scripts/lib/headers.mjs';

/** `dist/fr/dns/index.html` -> `/fr/dns/`, `dist/404.html` -> `/404.html` */
export function urlPathOf(dist, file) {
	const path = '/' + relative(dist, file).split(sep).join('/');
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** @returns {import('astro').AstroIntegration} */
export default function securityHeaders() {
	return {
		name: 'security-headers',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const headersFile = join(dist, '_headers');
				const headers = fillHeaderTokens(
					await readFile(headersFile, 'utf8'),
					builtinResolverOrigins()
				);
				await writeFile(headersFile, headers);
				const rules = parseHeaders(headers);
				const entries = await readdir(dist, { recursive: true, withFileTypes: true });
				const missing = new Set();
				let pages = 0;
				for (const entry of entries) {
					if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
					const file = join(entry.parentPath, entry.name);
					const policy = headersFor(rules, urlPathOf(dist, file)).get('content-security-policy');
					if (!policy)
						throw new Error(
							`public/_headers gives ${urlPathOf(dist, file)} no Content-Security-Policy`
						);
					const html = await readFile(file, 'utf8');
					for (const text of inlineScripts(html))
						if (!allowsScript(policy, scriptHash(text))) missing.add(scriptHash(text));
					await writeFile(file, injectMeta(html, metaPolicy(policy)));
					pages++;
				}
				logger.info(`CSP <meta> from _headers written into ${pages} pages`);
				if (missing.size > 0) {
					logger.warn(
						`${missing.size} inline script(s) not allowed by script-src in public/_headers: ${[...missing].join(' ')}. Run \`npm run csp:hashes\` after checking them.`
					);
				}
			},
		},
	};
}
