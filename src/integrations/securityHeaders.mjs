/**
 * Build step for the security headers: `public/_headers` is what static hosts send, with its
 * per-page policy templates expanded into one rule per page (scripts/lib/headers.mjs,
 * `expandPagePolicies`); hosts that ignore it still get each page's Content-Security-Policy as a
 * `<meta>`, derived from that one file here so the two cannot drift. Warns when a page has an inline script whose hash is
 * not in `script-src` (tests/e2e/security.spec.ts fails on it; `npm run csp:hashes` fixes it).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import {
	expandPagePolicies,
	headersFor,
	injectMeta,
	inlineScripts,
	metaPolicy,
	parseCsp,
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
				const entries = await readdir(dist, { recursive: true, withFileTypes: true });
				const files = entries
					.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
					.map((entry) => join(entry.parentPath, entry.name));
				const headers = expandPagePolicies(
					await readFile(headersFile, 'utf8'),
					files.map((file) => urlPathOf(dist, file))
				);
				await writeFile(headersFile, headers);
				const rules = parseHeaders(headers);
				const missing = new Set();
				let pages = 0;
				for (const file of files) {
					const policy = headersFor(rules, urlPathOf(dist, file)).get('content-security-policy');
					if (!policy)
						throw new Error(
							`public/_headers gives ${urlPathOf(dist, file)} no Content-Security-Policy`
						);
					const html = await readFile(file, 'utf8');
					const allowed = parseCsp(policy).get('script-src') ?? [];
					for (const text of inlineScripts(html))
						if (!allowed.includes(scriptHash(text))) missing.add(scriptHash(text));
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
