/**
 * The JavaScript a built page loads at start: its module scripts with every static import they
 * pull in (parsed with es-module-lexer, as Vite does), plus its inline scripts. Dynamic imports
 * (Pagefind's UI, loaded when search opens) are not counted: they are not loaded at start.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { inlineScripts } from './headers.mjs';

await init;

/** URL paths (`/_astro/x.js`) of the module scripts a page's HTML references, in order. */
export function entryScripts(html) {
	return [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
}

/** `entry` and everything it imports statically, as URL paths. */
export function staticClosure(dist, entry, seen = new Set()) {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const [imports] = parse(readFileSync(join(dist, entry), 'utf8'));
	for (const imp of imports) {
		if (imp.d !== -1 || !imp.n) continue; // -1 = static import; others are dynamic or import.meta
		if (/^[a-z]+:/i.test(imp.n)) throw new Error(`${entry} imports ${imp.n} from another origin`);
		staticClosure(
			dist,
			imp.n.startsWith('/') ? imp.n : posix.join(posix.dirname(entry), imp.n),
			seen
		);
	}
	return seen;
}

const gzipCache = new Map();
function gzipBytes(dist, path) {
	if (!gzipCache.has(path))
		gzipCache.set(path, gzipSync(readFileSync(join(dist, path)), { level: 9 }).length);
	return gzipCache.get(path);
}

/**
 * @returns {{ entries: string[], files: string[], inlineGzip: number, gzip: number }}
 * gzip = sum of each file's gzip size (level 9) + the page's inline scripts gzipped together.
 */
export function measurePage(dist, html) {
	const entries = entryScripts(html);
	const files = new Set();
	for (const entry of entries) staticClosure(dist, entry, files);
	const inline = inlineScripts(html).join('\n');
	const inlineGzip = inline ? gzipSync(inline, { level: 9 }).length : 0;
	const gzip = [...files].reduce((sum, f) => sum + gzipBytes(dist, f), inlineGzip);
	return { entries, files: [...files].sort(), inlineGzip, gzip };
}

/** Custom element names a script and its static imports define. */
export function definedElements(dist, entry) {
	const names = new Set();
	for (const file of staticClosure(dist, entry)) {
		for (const m of readFileSync(join(dist, file), 'utf8').matchAll(
			/customElements\.define\(\s*[`'"]([a-z][a-z0-9-]*-[a-z0-9-]*)[`'"]/g
		))
			names.add(m[1]);
	}
	return [...names];
}
