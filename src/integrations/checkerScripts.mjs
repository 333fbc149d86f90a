/**
 * Build step for the DNS checker's start-up (issues 13 and 14: a permalinked check's first
 * verdicts within 1.8 round trips of the navigation, the report with the RDAP answer within 1.3).
 * Chunk names are hashed, so only the built pages can name them. On each page with the early
 * start's plan (src/components/dns/earlyHead.ts):
 *   - at the top of the head, `<link rel="preload">` for the page's stylesheets, then
 *     `<link rel="modulepreload">` for the checker's module and every static import: the browser fetches them at once instead of discovering each level
 *     of imports after the one before (three levels). They are the scripts the page runs anyway.
 *   - the checker's `<script type="module">` becomes `async`: it runs as soon as its markup is
 *     parsed and its modules are loaded, not after the whole page (the record tables and sender
 *     authentication sections below it) and every other deferred script.
 *   - the plan's `rdapScripts`: the RDAP lookup's chunk and the bootstrap data's chunk, which
 *     the early start preloads only when the page opens with a domain to check.
 * It fails the build when a piece is missing, so a renamed chunk cannot silently undo this.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticClosure } from '../../scripts/lib/pageScripts.mjs';

const PLAN_RE = /(<script type="application\/json" id="dns-early-plan">)([\s\S]*?)(<\/script>)/;
const EARLY_RE = /<script>\(function earlyStart[\s\S]*?<\/script>/;
const CHARSET_RE = /<meta charset="[^"]*"\s*\/?>/i;
/** The head's run of stylesheet links (Astro writes them together). */
const STYLES_RE = /(?:<link rel="stylesheet" href="[^"]+"(?: media="[^"]+")?>)+/;
const CHECKER_RE =
	/<script type="module" src="(\/_astro\/DnsChecker\.astro_astro_type_script_index_0_lang\.[\w-]+\.js)"><\/script>/;

/** `/_astro/{name}` of the one chunk whose file name matches, or a build error. */
function chunkNamed(files, pattern, what) {
	const found = files.filter((f) => pattern.test(f));
	if (found.length !== 1)
		throw new Error(
			`checker-scripts: expected one ${what} chunk in _astro/, found ${found.length}`
		);
	return `/_astro/${found[0]}`;
}

/** Rewrites one page's HTML. */
export function withCheckerScripts(html, dist, chunks) {
	const plan = PLAN_RE.exec(html);
	if (!plan) return html;
	const checker = CHECKER_RE.exec(html);
	const styleLinks = STYLES_RE.exec(html);
	if (
		!checker ||
		!EARLY_RE.test(html) ||
		!CHARSET_RE.test(html) ||
		!styleLinks ||
		styleLinks.index > html.indexOf('</head>')
	)
		throw new Error(
			'checker-scripts: a page has the early plan but not the checker, the early start or the stylesheets in its head'
		);
	const checkerFiles = staticClosure(dist, checker[1]);
	const lookup = [...staticClosure(dist, chunks.lookup)].filter((f) => !checkerFiles.has(f));
	const bootstrap = [...staticClosure(dist, chunks.bootstrap)].filter(
		(f) => !checkerFiles.has(f) && !lookup.includes(f)
	);
	const data = JSON.parse(plan[2]);
	data.rdapScripts = { lookup, bootstrap };
	// The page's stylesheets first (every inline script after them waits for them, and the parser
	// must reach the checker's markup before its script can run), then the checker's modules:
	// named at the top of the head, the browser asks for them before it runs the early start.
	const styles = [...styleLinks[0].matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map(
		(m) => `<link rel="preload" as="style" href="${m[1]}">`
	);
	const modules = [...checkerFiles].map((file) => `<link rel="modulepreload" href="${file}">`);
	return html
		.replace(PLAN_RE, (_, open, _json, close) => open + JSON.stringify(data) + close)
		.replace(CHARSET_RE, (charset) => charset + styles.join('') + modules.join(''))
		.replace(CHECKER_RE, `<script type="module" src="${checker[1]}" async></script>`);
}

/** @returns {import('astro').AstroIntegration} */
export default function checkerScripts() {
	return {
		name: 'checker-scripts',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const assets = await readdir(join(dist, '_astro'));
				const chunks = {
					lookup: chunkNamed(assets, /^lookupRdap\.[\w-]+\.js$/, 'RDAP lookup'),
					bootstrap: chunkNamed(assets, /^rdap-bootstrap\.[\w-]+\.js$/, 'RDAP bootstrap'),
				};
				const entries = await readdir(dist, { recursive: true, withFileTypes: true });
				let pages = 0;
				for (const entry of entries) {
					if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
					const file = join(entry.parentPath, entry.name);
					const html = await readFile(file, 'utf8');
					const updated = withCheckerScripts(html, dist, chunks);
					if (updated === html) continue;
					await writeFile(file, updated);
					pages++;
				}
				if (pages === 0) throw new Error('checker-scripts: no page with the DNS checker');
				logger.info(`DNS checker scripts preloaded on ${pages} pages`);
			},
		},
	};
}
