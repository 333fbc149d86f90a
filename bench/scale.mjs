#!/usr/bin/env node
/**
 * How build cost grows with content: copies the repository to a temp folder (`.scale-XXXX`, git-ignored), multiplies its
 * content there (never in the real tree), builds, and measures build time, page count, HTML bytes
 * and Pagefind's index per language.
 *
 *   node bench/scale.mjs [--factors 1,10,100] [--keep]
 *
 * Generated (x N = N times the content, the originals included):
 * - diagnostic errors: each error copied under a new anchor (`mx-x7`) with its own title and
 *   message, in every language, with its facts in errors.json and the anchor in DIAGNOSTIC_ANCHORS;
 * - NDR status codes, once src/content/ndr/ exists (codes.json + text/{lang}.json): new codes
 *   `{4,5}.{subject}.{detail}` with the text of an existing code;
 * - decision-tree steps, once src/content/tree/ exists: not generated yet (the format is still in
 *   flight on branch tree), said in the output.
 * Writes bench/results/scale.json. One build at a time: run it on a quiet machine.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';

const { values: opts } = parseArgs({ options: { factors: { type: 'string', default: '1,10,100' }, keep: { type: 'boolean', default: false } } });
const FACTORS = opts.factors.split(',').map(Number);
const ROOT = process.cwd();
const LANGS = ['en', 'fr', 'it'];
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report']);

async function copyRepo() {
	// Inside the checkout (git-ignored), so the copy finds ../node_modules the way Node resolves
	// packages; a symlinked node_modules in /tmp makes Vite resolve Starlight's files twice.
	const dir = await mkdtemp(join(ROOT, '.scale-'));
	for (const name of await readdir(ROOT)) {
		if (SKIP.has(name) || name.startsWith('.scale-')) continue;
		await cp(join(ROOT, name), join(dir, name), { recursive: true });
	}
	return dir;
}

async function multiplyErrors(dir, factor) {
	const factsPath = join(dir, 'src/content/errors/errors.json');
	const facts = JSON.parse(await readFile(factsPath, 'utf8'));
	const anchors = Object.keys(facts);
	const added = [];
	let order = Math.max(...Object.values(facts).map((f) => f.order));
	for (let copy = 1; copy < factor; copy++) {
		for (const anchor of anchors) {
			const id = `${anchor}-x${copy}`;
			facts[id] = { ...facts[anchor], order: ++order, related: [] };
			for (const lang of LANGS) {
				const source = await readFile(join(dir, `src/content/errors/${lang}/${anchor}.mdx`), 'utf8');
				const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
				const data = yaml.load(front);
				data.anchor = id;
				data.title = `${data.title} (${copy})`;
				data.messages = data.messages.map((m) => `${m} [variant ${copy}]`);
				await writeFile(join(dir, `src/content/errors/${lang}/${id}.mdx`), `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`);
			}
			added.push(id);
		}
	}
	await writeFile(factsPath, JSON.stringify(facts, null, '\t'));
	const commonPath = join(dir, 'src/schemas/common.ts');
	const common = await readFile(commonPath, 'utf8');
	await writeFile(commonPath, common.replace(/(export const DIAGNOSTIC_ANCHORS = \[)/, `$1\n${added.map((a) => `\t'${a}',`).join('\n')}`));
	return anchors.length * factor;
}

async function multiplyNdr(dir, factor) {
	const codesPath = join(dir, 'src/content/ndr/codes.json');
	if (!existsSync(codesPath)) return 'no src/content/ndr/codes.json on this branch: not generated';
	const codes = JSON.parse(await readFile(codesPath, 'utf8'));
	const texts = Object.fromEntries(await Promise.all(LANGS.map(async (l) => [l, JSON.parse(await readFile(join(dir, `src/content/ndr/text/${l}.json`), 'utf8'))])));
	const originals = Object.keys(codes);
	const want = originals.length * factor;
	let n = 0;
	for (let cls of [5, 4]) for (let subject = 0; subject <= 7; subject++) for (let detail = 999; detail >= 0 && Object.keys(codes).length < want; detail--) {
		const code = `${cls}.${subject}.${detail}`;
		if (codes[code]) continue;
		const model = originals[n++ % originals.length];
		codes[code] = codes[model];
		for (const l of LANGS) {
			const t = texts[l].codes?.[model];
			if (t) texts[l].codes[code] = { ...t, title: `${t.title} (${code})` };
		}
	}
	await writeFile(codesPath, JSON.stringify(codes, null, '\t'));
	for (const l of LANGS) await writeFile(join(dir, `src/content/ndr/text/${l}.json`), JSON.stringify(texts[l], null, '\t'));
	return Object.keys(codes).length;
}

async function sizeOf(dir, filter) {
	if (!existsSync(dir)) return 0;
	let total = 0;
	for (const name of await readdir(dir)) if (filter(name)) total += (await stat(join(dir, name))).size;
	return total;
}

async function measure(dir) {
	const start = performance.now();
	// node_modules/.bin first, as npm scripts do: Astro needs the Node 24 of the `node` devDependency.
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` };
	try {
		execFileSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], { cwd: dir, stdio: 'pipe', env, maxBuffer: 1 << 28 });
	} catch (error) {
		throw new Error(`astro build failed in ${dir}:\n${String(error.stderr).slice(-3000)}\n${String(error.stdout).slice(-3000)}`);
	}
	const buildSeconds = (performance.now() - start) / 1000;
	const dist = join(dir, 'dist');
	const html = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('pagefind'));
	let htmlBytes = 0;
	for (const e of html) htmlBytes += (await stat(join(e.parentPath, e.name))).size;
	const pagefind = {};
	const entry = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
	for (const lang of LANGS) {
		const index = await sizeOf(join(dist, 'pagefind/index'), (n) => n.startsWith(`${lang}_`));
		const fragments = await sizeOf(join(dist, 'pagefind/fragment'), (n) => n.startsWith(`${lang}_`));
		const meta = await sizeOf(join(dist, 'pagefind'), (n) => n.startsWith(`pagefind.${lang}_`));
		const indexChunks = (await readdir(join(dist, 'pagefind/index'))).filter((n) => n.startsWith(`${lang}_`)).length;
		pagefind[lang] = { pages: entry.languages[lang]?.page_count, indexBytes: index, indexChunks, fragmentBytes: fragments, metaBytes: meta };
	}
	const diagnosticHtml = (await stat(join(dist, 'en/diagnostic/index.html'))).size;
	return { buildSeconds: Number(buildSeconds.toFixed(1)), pages: html.length, htmlBytes, diagnosticHtmlBytes: diagnosticHtml, pagefind };
}

const results = [];
for (const factor of FACTORS) {
	const dir = await copyRepo();
	try {
		const errors = await multiplyErrors(dir, factor);
		const ndr = await multiplyNdr(dir, factor);
		const tree = existsSync(join(dir, 'src/content/tree')) ? 'tree steps not generated yet (format in flight)' : 'no src/content/tree on this branch';
		const m = await measure(dir);
		results.push({ factor, errors, ndrCodes: ndr, tree, ...m });
		console.log(`x${factor}: ${errors} errors, NDR: ${ndr}; build ${m.buildSeconds} s, ${m.pages} pages, HTML ${(m.htmlBytes / 1024).toFixed(0)} KiB (en/diagnostic ${(m.diagnosticHtmlBytes / 1024).toFixed(0)} KiB)`);
		for (const lang of LANGS) {
			const p = m.pagefind[lang];
			console.log(`    pagefind ${lang}: ${p.pages} pages, index ${(p.indexBytes / 1024).toFixed(1)} KiB in ${p.indexChunks} chunk(s), fragments ${(p.fragmentBytes / 1024).toFixed(1)} KiB`);
		}
	} finally {
		if (opts.keep) console.log(`    kept ${dir}`);
		else await rm(dir, { recursive: true, force: true });
	}
}
await writeFile(join(ROOT, 'bench/results/scale.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, '\t') + '\n');
console.log('bench/results/scale.json written');
