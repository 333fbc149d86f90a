/**
 * What the parity tests read out of a text: the language-neutral facts it states (links and
 * their targets, literal values, host names, status codes, control-panel labels, number of
 * steps), and its prose without the parts that are not prose (code spans, the diagnostic's exact
 * messages, import lines). Written for the tests: the site's own code never calls it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT, readMdx, type MdxFile } from '../helpers';
import type { Locale } from '../../../src/lib/i18n/locales';

/** The facts a text states, each as a sorted list so two languages compare with `toEqual`. */
export interface Facts {
	/** Link targets, the language segment replaced by `/{lang}/`: `/{lang}/dns/`, `#hostname`. */
	links: string[];
	/** Inline code spans: host names, record names and values (`_autodiscover._tcp`, `443`). */
	literals: string[];
	/** Host names written anywhere in the prose, code or not. */
	hosts: string[];
	/** Enhanced status codes (`5.7.606`) and RFC numbers (`RFC 6710`). */
	codes: string[];
	/** Numbers of three digits or more outside codes: ports, phone numbers (`587`, `1007`). */
	numbers: string[];
}

const sorted = (values: Iterable<string>) => [...values].sort();
const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[0]);

const HOST = /\b(?:_?[a-z0-9?]+(?:-[a-z0-9]+)*\.)+(?:net|com|test|_tcp)\b/gi;
const STATUS_CODE = /\b[245]\.\d{1,3}\.\d{1,3}\b/g;
const RFC = /\bRFC[\s\u00a0]?\d{3,4}\b/g;
/** The example domain each language uses in its hints (`example.com`, `exemple.fr`, `esempio.it`). */
const EXAMPLE_DOMAIN = /^(?:example|exemple|esempio)\.(?:com|fr|it)$/;

/** The facts of one text (prose, with its Markdown links and code spans still in it). */
export function factsOf(text: string, locale: Locale): Facts {
	const links = all(text, /\]\(([^)\s]+)\)/g).map((m) =>
		m.slice(2, -1).replace(new RegExp(`^/${locale}/`), '/{lang}/')
	);
	const literals = all(text, /`[^`\n]+`/g).map((m) => m.slice(1, -1));
	const codes = [...all(text, STATUS_CODE), ...all(text, RFC).map((r) => r.replace(/\s/, ' '))];
	const withoutCodes = text.replace(STATUS_CODE, ' ').replace(HOST, ' ');
	return {
		links: sorted(links),
		literals: sorted(literals),
		hosts: sorted(
			all(text, HOST)
				.map((h) => h.toLowerCase())
				.filter((h) => !EXAMPLE_DOMAIN.test(h))
		),
		codes: sorted(codes),
		numbers: sorted(all(withoutCodes, /\b\d{3,}\b/g)),
	};
}

/** The facts of several texts of one language put together. */
export function factsOfAll(texts: string[], locale: Locale): Facts {
	return factsOf(texts.join('\n'), locale);
}

/** A diagnostic error entry in one language. */
export interface ErrorText {
	file: MdxFile;
	title: string;
	meaning: string;
	messages: string[];
	body: string;
}

export function errorText(locale: Locale, anchor: string): ErrorText {
	const file = readMdx(join(CONTENT, 'errors', locale, `${anchor}.mdx`));
	const data = file.data as { title: string; meaning: string; messages?: string[] };
	return {
		file,
		title: data.title,
		meaning: data.meaning,
		messages: data.messages ?? [],
		body: file.body,
	};
}

/** Top-level numbered steps of a Markdown body (`1. …`). */
export function stepCount(body: string): number {
	return all(body, /^\d+\. /gm).length;
}

/** Bulleted items of a Markdown body, at any depth (`- …`). */
export function bulletCount(body: string): number {
	return all(body, /^\s*- /gm).length;
}

/** Bold terms of a Markdown body (`**Email accounts**`). */
export function boldTerms(body: string): string[] {
	return all(body, /\*\*([^*]+)\*\*/g).map((m) => m.slice(2, -2));
}

/** Every string value of a JSON document, with the path that leads to it. */
export function jsonStrings(value: unknown, path = ''): { path: string; text: string }[] {
	if (typeof value === 'string') return [{ path, text: value }];
	if (Array.isArray(value)) return value.flatMap((v, i) => jsonStrings(v, `${path}[${i}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => jsonStrings(v, path ? `${path}.${k}` : k));
	return [];
}

export function readJson(...parts: string[]): unknown {
	return JSON.parse(readFileSync(join(CONTENT, ...parts), 'utf8'));
}

/** The MDX files of one language: the pages and the diagnostic errors. */
export function mdxFiles(locale: Locale): MdxFile[] {
	return ['docs', 'errors'].flatMap((dir) =>
		readdirSync(join(CONTENT, dir, locale))
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => readMdx(join(CONTENT, dir, locale, f)))
	);
}

/**
 * The prose of an MDX file as a reader sees it: front-matter texts (never the diagnostic's exact
 * messages, which are quoted as the guides print them) and the body without import lines, code
 * blocks and code spans.
 */
export function mdxProse(file: MdxFile): string[] {
	const data = file.data as Record<string, unknown>;
	const hero = (data.hero ?? {}) as Record<string, unknown>;
	const front = [data.title, data.description, data.meaning, hero.title, hero.tagline].filter(
		(v): v is string => typeof v === 'string'
	);
	const body = file.body
		.replace(/^```[\s\S]*?^```/gm, '')
		.replace(/^import .*$/gm, '')
		.replace(/`[^`\n]*`/g, '');
	return [...front, body];
}

/** A text without its code spans, the part whose typography is the language's own. */
export function withoutCode(text: string): string {
	return text.replace(/`[^`\n]*`/g, '');
}
