#!/usr/bin/env node
/**
 * Lists the sha256 of every inline script in dist/ and, with --write, puts exactly that list in
 * every script-src of public/_headers (then rebuild). Read each new script before allowing it: the
 * hashes are what keeps an injected inline script from running.
 * Usage: npm run build && node scripts/csp-hashes.mjs [--write]
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inlineScripts, scriptHash } from './lib/headers.mjs';

const hashes = new Map();
for (const entry of await readdir('dist', { recursive: true, withFileTypes: true })) {
	if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
	const file = join(entry.parentPath, entry.name);
	for (const text of inlineScripts(await readFile(file, 'utf8'))) {
		const hash = scriptHash(text);
		if (!hashes.has(hash))
			hashes.set(hash, { file, start: text.trim().slice(0, 70).replace(/\s+/g, ' ') });
	}
}
for (const [hash, { file, start }] of hashes) console.log(`${hash}  ${file}  ${start}`);

if (process.argv.includes('--write')) {
	const text = await readFile('public/_headers', 'utf8');
	const sorted = [...hashes.keys()].sort();
	const updated = text.replace(
		// Every policy of the file (one per kind of page) lists the same hashes.
		/(script-src 'self'(?: '[a-z-]+')*?)(?: 'sha256-[^']+')*(?=[;\n])/g,
		(_, head) => [head, ...sorted].join(' ')
	);
	if (updated === text) console.log('public/_headers already lists these hashes');
	else {
		await writeFile('public/_headers', updated);
		console.log(`public/_headers: script-src now lists ${sorted.length} hash(es); rebuild`);
	}
}
