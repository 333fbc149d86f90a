#!/usr/bin/env node
/**
 * Build cost and page weight: times `astro build`, counts pages, and sums the gzip bytes of the
 * JavaScript each page loads (module scripts and their static imports).
 * Usage: node bench/build.mjs [--no-build]   (run from the repo root)
 */
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
let buildSeconds;
if (!process.argv.includes('--no-build')) {
	const start = performance.now();
	execFileSync('npx', ['astro', 'build'], {
		stdio: 'ignore',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
	buildSeconds = (performance.now() - start) / 1000;
}

const files = (await readdir(dist, { recursive: true, withFileTypes: true }))
	.filter((e) => e.isFile())
	.map((e) => join(e.parentPath, e.name));
const pages = files.filter((f) => f.endsWith('.html'));

async function scriptClosure(entry, seen = new Set()) {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const code = await readFile(entry, 'utf8').catch(() => '');
	for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"]*from\s*)?["']([^"']+)["']/g)) {
		if (m[1].startsWith('.')) await scriptClosure(join(entry, '..', m[1]), seen);
		else if (m[1].startsWith('/')) await scriptClosure(join(dist, m[1]), seen);
	}
	return seen;
}

const rows = [];
for (const page of pages) {
	const html = await readFile(page, 'utf8');
	const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) =>
		join(dist, m[1])
	);
	const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)]
		.map((m) => m[1])
		.join('');
	const closure = new Set();
	for (const entry of entries) await scriptClosure(entry, closure);
	let gzip = gzipSync(inline).length;
	for (const file of closure) gzip += gzipSync(await readFile(file)).length;
	rows.push({ page: '/' + relative(dist, page), scripts: closure.size, jsGzipBytes: gzip });
}
rows.sort((a, b) => a.page.localeCompare(b.page));
console.table(rows);
console.log(
	JSON.stringify({
		buildSeconds: buildSeconds && Number(buildSeconds.toFixed(1)),
		pages: pages.length,
	})
);
