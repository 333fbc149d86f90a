/** Shared facts for the browser tests, read from the same files the site is built from. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { errorFiles, uiStrings, ROOT } from '../../unit/helpers';

export const LOCALES = ['en', 'fr', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

export { uiStrings };

/** Each error's anchor and exact messages in `locale`. */
export function errorMessages(locale: Locale): { anchor: string; title: string; messages: string[] }[] {
	return errorFiles(locale).map(({ data }) => ({
		anchor: String(data.anchor),
		title: String(data.title),
		messages: (data.messages as string[] | undefined) ?? [],
	}));
}

/** Whether the built site has this page (pages from other branches land over time). */
export function isBuilt(path: string): boolean {
	return existsSync(join(ROOT, 'dist', path, 'index.html'));
}

export function readDist(path: string): string {
	return readFileSync(join(ROOT, 'dist', path), 'utf8');
}

export interface SearchHit {
	page: string;
	/** The sub-result Pagefind scores highest: what the search box lists first under the page. */
	best: string | undefined;
	content: string;
}

/** Runs Pagefind's own API on the built site, in the language of the page that is open. */
export async function search(page: Page, query: string): Promise<SearchHit[]> {
	return page.evaluate(async (query) => {
		const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
		const { results } = await pagefind.search(query);
		const pages = await Promise.all(results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
		type Sub = { url: string; weighted_locations: { balanced_score: number }[] };
		const score = (s: Sub) => s.weighted_locations.reduce((n, w) => n + w.balanced_score, 0);
		return (pages as { url: string; content: string; sub_results: Sub[] }[]).map((p) => ({
			page: p.url,
			best: [...p.sub_results].sort((a, b) => score(b) - score(a))[0]?.url,
			content: p.content,
		}));
	}, query);
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
