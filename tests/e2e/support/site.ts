/** Shared facts for the browser tests, read from the same files the site is built from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { errorFiles, uiStrings, ROOT } from '../../unit/helpers';

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

/**
 * Starlight's search box as a reader uses it: the dialog opened with its button, the query typed
 * in, Pagefind's UI with the ranking options and section order that ship. Open it once per page
 * with `openSearchBox`, then call `searchBox` for each query.
 */
export async function openSearchBox(page: Page): Promise<void> {
	await page.locator('button[data-open-modal]').click();
	await expect(page.locator('#starlight__search input')).toBeVisible();
}

export interface BoxResult {
	/** The first result's page link, undefined when nothing was found. */
	page: string | undefined;
	/** The first section link listed under it: what a reader clicks to open the anchor. */
	section: string | undefined;
}

/** Types `query` into the open search box and reads the first result's links once they show. */
export async function searchBox(page: Page, query: string): Promise<BoxResult> {
	const box = page.locator('#starlight__search input');
	const results = page.locator('#starlight__search ol.pagefind-ui__results');
	// An empty box takes the previous results away, so the list read below is this query's.
	await box.fill('');
	await expect(results).toHaveCount(0);
	await box.fill(query);
	// The list appears once Pagefind has answered (a "searching" message comes first).
	await expect(results).toBeAttached();
	await expect(page.locator('#starlight__search .pagefind-ui__message')).toContainText(query);
	const first = results.locator('.pagefind-ui__result').first();
	if ((await first.count()) === 0) return { page: undefined, section: undefined };
	const pageLink = first.locator('a.pagefind-ui__result-link').first();
	await expect(pageLink).toBeAttached();
	const section = first.locator('.pagefind-ui__result-nested a.pagefind-ui__result-link').first();
	return {
		page: (await pageLink.getAttribute('href')) ?? undefined,
		section: (await section.count())
			? ((await section.getAttribute('href')) ?? undefined)
			: undefined,
	};
}

/** The text Pagefind indexed for each page the query finds (its own API; not a ranking). */
export async function indexedPages(
	page: Page,
	query: string
): Promise<{ url: string; content: string }[]> {
	return page.evaluate(async (query) => {
		const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
		const { results } = await pagefind.search(query);
		return Promise.all(
			results.map((r: { data: () => Promise<{ url: string; content: string }> }) =>
				r.data().then(({ url, content }) => ({ url, content }))
			)
		);
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

/** The message without the diagnostic's warning word ("WARNING: ", "ATTENTION : "), as often pasted. */
export function withoutWarningPrefix(text: string): string {
	return text.replace(/^[^\s:]+\s?:\s*/u, '');
}
