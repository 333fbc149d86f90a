#!/usr/bin/env node
/**
 * How build cost grows with content: copies the repository to a temp folder (`.scale-XXXX`, git-ignored), multiplies its
 * content there (never in the real tree), builds, and measures build time, page count, HTML bytes
 * and Pagefind's index per language, and the HTML of /en/diagnostic/, /en/troubleshooting/ and /en/ndr/.
 *
 *   node bench/scale.mjs [--factors 1,10,100] [--keep]
 *
 * Generated (x N = N times the content, the originals included):
 * - diagnostic errors: each error copied under a new anchor (`mx-x7`) with its own title and
 *   message, in every language, with its facts in errors.json and the anchor in DIAGNOSTIC_ANCHORS;
 * - NDR status codes, once src/content/ndr/ exists (codes.json + text/{lang}.json): new codes
 *   `{4,5}.{subject}.{detail}` with the text of an existing code;
 * - decision-tree steps (src/content/tree/steps.json + text/{lang}.json): (N-1) copies of the whole
 *   graph under ids `{id}-x{k}`, chained from the `webmail` step so validateTree still passes
 *   (see multiplyTree).
 * Writes bench/results/scale.json. One build at a time: run it on a quiet machine.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { LOCALE_CODES } from '../src/lib/i18n/locales.ts';

const { values: opts } = parseArgs({
	options: {
		factors: { type: 'string', default: '1,10,100' },
		keep: { type: 'boolean', default: false },
	},
});
const FACTORS = opts.factors.split(',').map(Number);
const ROOT = process.cwd();
const LANGS = LOCALE_CODES;
const SKIP = new Set([
	'node_modules',
	'dist',
	'.astro',
	'.git',
	'test-results',
	'playwright-report',
]);

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
				const source = await readFile(
					join(dir, `src/content/errors/${lang}/${anchor}.mdx`),
					'utf8'
				);
				const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
				const data = yaml.load(front);
				data.anchor = id;
				data.title = `${data.title} (${copy})`;
				data.messages = data.messages.map((m) => `${m} [variant ${copy}]`);
				await writeFile(
					join(dir, `src/content/errors/${lang}/${id}.mdx`),
					`---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`
				);
			}
			added.push(id);
		}
	}
	await writeFile(factsPath, JSON.stringify(facts, null, '\t'));
	const commonPath = join(dir, 'src/schemas/common.ts');
	const common = await readFile(commonPath, 'utf8');
	await writeFile(
		commonPath,
		common.replace(
			/(export const DIAGNOSTIC_ANCHORS = \[)/,
			`$1\n${added.map((a) => `\t'${a}',`).join('\n')}`
		)
	);
	return anchors.length * factor;
}

async function multiplyNdr(dir, factor) {
	const codesPath = join(dir, 'src/content/ndr/codes.json');
	if (!existsSync(codesPath)) return 'no src/content/ndr/codes.json on this branch: not generated';
	const codes = JSON.parse(await readFile(codesPath, 'utf8'));
	const texts = Object.fromEntries(
		await Promise.all(
			LANGS.map(async (l) => [
				l,
				JSON.parse(await readFile(join(dir, `src/content/ndr/text/${l}.json`), 'utf8')),
			])
		)
	);
	const originals = Object.keys(codes);
	const want = originals.length * factor;
	let n = 0;
	for (let cls of [5, 4])
		for (let subject = 0; subject <= 7; subject++)
			for (let detail = 999; detail >= 0 && Object.keys(codes).length < want; detail--) {
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
	for (const l of LANGS)
		await writeFile(
			join(dir, `src/content/ndr/text/${l}.json`),
			JSON.stringify(texts[l], null, '\t')
		);
	return Object.keys(codes).length;
}

/** Label of the extra answer that leads from one copy of the tree to the next, per language. */
const TREE_HOOK_LABEL = {
	en: (k) => `Go on to copy ${k} of these checks (generated for the scale benchmark)`,
	fr: (k) => `Passer à la copie ${k} de ces vérifications (générée pour le banc d’essai)`,
	it: (k) => `Passa alla copia ${k} di queste verifiche (generata per il benchmark)`,
};
/** The step of each copy that gets the extra answer: a question every walk goes through. */
const TREE_HOOK_STEP = 'webmail';
const TREE_HOOK_ANSWER = 'scale-copy';

/**
 * Decision-tree steps x N: (N-1) copies of the whole graph (questions, DNS steps and outcomes,
 * `start` included) under ids `{id}-x{k}`, every answer and verdict of copy k leading inside copy k,
 * with each step's text in every language (title suffixed ` (k)` so headings differ). The rules of
 * validateTree decide the wiring: `start` must keep exactly the answers send and receive, so the
 * copies hang as a chain from `webmail` (every walk's first step after `start`): the original
 * `webmail` gets one more answer leading to `start-x1`, `webmail-x1` one leading to `start-x2`,
 * and so on. No cycle (copy k only leads to copy k or k+1), every step reachable, every path still
 * ends at an outcome, and no step gets more than one extra answer. DNS steps are copied too: the
 * outcomes `mx-fix`, `srv-fix` and `support` are only reached through them.
 */
async function multiplyTree(dir, factor) {
	const stepsPath = join(dir, 'src/content/tree/steps.json');
	if (!existsSync(stepsPath))
		return { steps: 0, note: 'no src/content/tree/steps.json on this branch: not generated' };
	const steps = JSON.parse(await readFile(stepsPath, 'utf8'));
	const textPath = (l) => join(dir, `src/content/tree/text/${l}.json`);
	const texts = Object.fromEntries(
		await Promise.all(LANGS.map(async (l) => [l, JSON.parse(await readFile(textPath(l), 'utf8'))]))
	);
	// The originals as they are now: the hook answers added below must not be copied along.
	const originals = structuredClone(steps);
	const originalTexts = structuredClone(texts);
	const ids = new Set(originals.map((s) => s.id));
	if (!ids.has('start') || !ids.has(TREE_HOOK_STEP))
		throw new Error(
			`tree: steps.json lacks "start" or "${TREE_HOOK_STEP}", multiplyTree needs both`
		);
	const rename = (id, k) => (k === 0 ? id : `${id}-x${k}`);
	const renameNext = (next, k) =>
		typeof next === 'string'
			? rename(next, k)
			: { send: rename(next.send, k), receive: rename(next.receive, k) };
	for (let k = 1; k < factor; k++) {
		for (const step of originals) {
			const copy = { ...structuredClone(step), id: rename(step.id, k) };
			if (copy.answers)
				copy.answers = copy.answers.map((a) => ({ ...a, next: renameNext(a.next, k) }));
			if (copy.verdicts)
				copy.verdicts = Object.fromEntries(
					Object.entries(copy.verdicts).map(([v, next]) => [v, renameNext(next, k)])
				);
			steps.push(copy);
			for (const l of LANGS) {
				const words = originalTexts[l].steps[step.id];
				if (!words) throw new Error(`tree: text/${l}.json has no text for step "${step.id}"`);
				texts[l].steps[copy.id] = { ...structuredClone(words), title: `${words.title} (${k})` };
			}
		}
		// The way in: one more answer on the previous copy's hook step (the original's for k = 1).
		const hook = steps.find((s) => s.id === rename(TREE_HOOK_STEP, k - 1));
		hook.answers.push({ id: TREE_HOOK_ANSWER, next: rename('start', k) });
		for (const l of LANGS)
			texts[l].steps[hook.id].answers[TREE_HOOK_ANSWER] = TREE_HOOK_LABEL[l](k);
	}
	await writeFile(stepsPath, JSON.stringify(steps, null, '\t'));
	for (const l of LANGS) await writeFile(textPath(l), JSON.stringify(texts[l], null, '\t'));
	return { steps: steps.length };
}

async function sizeOf(dir, filter) {
	if (!existsSync(dir)) return 0;
	let total = 0;
	for (const name of await readdir(dir))
		if (filter(name)) total += (await stat(join(dir, name))).size;
	return total;
}

async function measure(dir) {
	const start = performance.now();
	// node_modules/.bin first, as npm scripts do: Astro needs the Node 24 of the `node` devDependency.
	const env = {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
	};
	try {
		execFileSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
			cwd: dir,
			stdio: 'pipe',
			env,
			maxBuffer: 1 << 28,
		});
	} catch (error) {
		throw new Error(
			`astro build failed in ${dir}:\n${String(error.stderr).slice(-3000)}\n${String(error.stdout).slice(-3000)}`,
			{ cause: error }
		);
	}
	const buildSeconds = (performance.now() - start) / 1000;
	const dist = join(dir, 'dist');
	const html = (await readdir(dist, { recursive: true, withFileTypes: true })).filter(
		(e) => e.isFile() && e.name.endsWith('.html') && !e.parentPath.includes('pagefind')
	);
	let htmlBytes = 0;
	for (const e of html) htmlBytes += (await stat(join(e.parentPath, e.name))).size;
	const pagefind = {};
	const entry = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
	for (const lang of LANGS) {
		const index = await sizeOf(join(dist, 'pagefind/index'), (n) => n.startsWith(`${lang}_`));
		const fragments = await sizeOf(join(dist, 'pagefind/fragment'), (n) =>
			n.startsWith(`${lang}_`)
		);
		const meta = await sizeOf(join(dist, 'pagefind'), (n) => n.startsWith(`pagefind.${lang}_`));
		const indexChunks = (await readdir(join(dist, 'pagefind/index'))).filter((n) =>
			n.startsWith(`${lang}_`)
		).length;
		pagefind[lang] = {
			pages: entry.languages[lang]?.page_count,
			indexBytes: index,
			indexChunks,
			fragmentBytes: fragments,
			metaBytes: meta,
		};
	}
	const pageBytes = async (path) =>
		existsSync(join(dist, path)) ? (await stat(join(dist, path))).size : null;
	return {
		buildSeconds: Number(buildSeconds.toFixed(1)),
		pages: html.length,
		htmlBytes,
		diagnosticHtmlBytes: await pageBytes('en/diagnostic/index.html'),
		troubleshootingHtmlBytes: await pageBytes('en/troubleshooting/index.html'),
		ndrHtmlBytes: await pageBytes('en/ndr/index.html'),
		pagefind,
	};
}

const results = [];
for (const factor of FACTORS) {
	const dir = await copyRepo();
	try {
		const errors = await multiplyErrors(dir, factor);
		const ndr = await multiplyNdr(dir, factor);
		const tree = await multiplyTree(dir, factor);
		const m = await measure(dir);
		results.push({ factor, errors, ndrCodes: ndr, treeSteps: tree.note ?? tree.steps, ...m });
		const kib = (bytes) => (bytes === null ? 'none' : `${(bytes / 1024).toFixed(0)} KiB`);
		console.log(
			`x${factor}: ${errors} errors, NDR: ${ndr}, tree steps: ${tree.note ?? tree.steps}; build ${m.buildSeconds} s, ${m.pages} pages, HTML ${kib(m.htmlBytes)}` +
				` (en/diagnostic ${kib(m.diagnosticHtmlBytes)}, en/troubleshooting ${kib(m.troubleshootingHtmlBytes)}, en/ndr ${kib(m.ndrHtmlBytes)})`
		);
		for (const lang of LANGS) {
			const p = m.pagefind[lang];
			console.log(
				`    pagefind ${lang}: ${p.pages} pages, index ${(p.indexBytes / 1024).toFixed(1)} KiB in ${p.indexChunks} chunk(s), fragments ${(p.fragmentBytes / 1024).toFixed(1)} KiB`
			);
		}
	} finally {
		if (opts.keep) console.log(`    kept ${dir}`);
		else await rm(dir, { recursive: true, force: true });
	}
}
await writeFile(
	join(ROOT, 'bench/results/scale.json'),
	JSON.stringify({ date: new Date().toISOString(), results }, null, '\t') + '\n'
);
console.log('bench/results/scale.json written');
