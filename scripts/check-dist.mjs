#!/usr/bin/env node
/**
 * Checks every internal link and #anchor of the built site (`dist/`): the page exists, the
 * anchor exists on it, and a page in one language does not link to another language except
 * through the language picker and `hreflang` alternates. Exits 1 and lists the problems.
 * Usage: node scripts/check-dist.mjs [distDir]
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, walkSync, ELEMENT_NODE } from 'ultrahtml';
import { checkLinks, normalizePagePath } from './linkcheck/checkLinks.mjs';

const dist = process.argv[2] ?? 'dist';

async function listFiles(dir) {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

const pages = new Map();
const files = new Set();
for (const file of await listFiles(dist)) {
	const urlPath = '/' + relative(dist, file).split(sep).join('/');
	files.add(urlPath);
	if (!file.endsWith('.html')) continue;
	const doc = parse(await readFile(file, 'utf8'));
	const ids = new Set();
	const links = [];
	let lang;
	walkSync(doc, (node) => {
		if (node.type !== ELEMENT_NODE) return;
		const { attributes: attrs } = node;
		if (node.name === 'html') lang = attrs.lang;
		if (attrs.id) ids.add(attrs.id);
		if (node.name === 'a' && attrs.name) ids.add(attrs.name);
		const href = node.name === 'a' || node.name === 'link' ? attrs.href : undefined;
		if (!href || (node.name === 'link' && !['alternate', 'canonical'].includes(attrs.rel))) return;
		// hreflang alternates and the picker's options legitimately point at other languages.
		links.push({ href, crossLanguageAllowed: Boolean(attrs.hreflang) || node.name === 'link' });
	});
	// The language picker is a <select> of page paths: check that each one exists too.
	for (const match of (await readFile(file, 'utf8')).matchAll(/<option value="([^"]+)"/g)) {
		if (match[1].startsWith('/')) links.push({ href: match[1], crossLanguageAllowed: true });
	}
	pages.set(normalizePagePath(urlPath), { ids, links, lang });
}

// An empty or half-written dist/ (an interrupted build) must not pass as "all links resolve".
if (![...pages.keys()].some((path) => /^\/en\/diagnostic\/?$/.test(path))) {
	console.error(
		`check-dist: no /en/diagnostic/ page among ${pages.size} in dist/: build the site first (npm run build)`
	);
	process.exit(1);
}
const problems = checkLinks(pages, files);
const linkCount = [...pages.values()].reduce((n, p) => n + p.links.length, 0);
if (problems.length > 0) {
	for (const p of problems) console.error(`${p.problem}: ${p.page} -> ${p.href}`);
	console.error(
		`check-dist: ${problems.length} broken link(s) among ${linkCount} in ${pages.size} pages`
	);
	process.exit(1);
}
console.log(`check-dist: ${linkCount} links in ${pages.size} pages, all resolve`);
