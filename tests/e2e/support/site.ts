/** Shared facts for the browser tests, read from the same files the site is built from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { errorFiles, uiStrings, ROOT } from '../../unit/helpers';
import { rankSubResults, type SubResultLike } from '../../../src/lib/search/rankSubResults';

import type { Locale } from '../../../src/lib/i18n/locales';
export { LOCALE_CODES as LOCALES, type Locale } from '../../../src/lib/i18n/locales';

export { uiStrings };

/** Each error's anchor and exact messages in `locale`. */
export function errorMessages(
	locale: Locale
): { anchor: string; title: string; messages: string[] }[] {
	return errorFiles(locale).map(({ data }) => ({
		anchor: String(data.anchor),
		title: String(data.title),
		messages: (data.messages as string[] | undefined) ?? [],
	}));
}

export function readDist(path: string): string {
	return readFileSync(join(ROOT, 'dist', path), 'utf8');
}

export interface SearchHit {
	page: string;
	/** The section our search box lists first under the page (`rankSubResults`, as in Search.astro). */
	best: string | undefined;
	content: string;
}

/** Runs Pagefind's own API on the built site, in the language of the page that is open. */
export async function search(page: Page, query: string): Promise<SearchHit[]> {
	const pages = await page.evaluate(async (query) => {
		const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
		const { results } = await pagefind.search(query);
		return (await Promise.all(
			results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data())
		)) as { url: string; content: string; sub_results: SubResultLike[] }[];
	}, query);
	return pages.map((p) => ({
		page: p.url,
		best:
			rankSubResults(p.url, p.sub_results, 3, query).find((s) => s.url !== p.url)?.url ??
			p.sub_results[0]?.url,
		content: p.content,
	}));
}

/** Removes accents: what a reader typing on a keyboard without them produces. */
export function withoutAccents(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** One typo: the last letter of the message's longest word dropped ("authentication" -> "authenticatio"). */
export function withTypo(text: string): string {
	const longest = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
	return text.replace(longest, longest.slice(0, -1));
}
