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

/**
 * Types `query` into the open search box and reads the first result's links once they show.
 * All in the page, in one round trip: the box's value set and its `input` event sent, as
 * `fill()` does, then the results watched until Pagefind has answered this query. Done with a
 * locator per step it took 8 round trips and their polling per query, and the search tests
 * (hundreds of queries) were a tenth of the browser suite.
 */
export async function searchBox(page: Page, query: string): Promise<BoxResult> {
	return page.evaluate(async (query) => {
		const root = document.querySelector('#starlight__search')!;
		const box = root.querySelector('input')!;
		const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
		const type = (text: string) => {
			box.value = text;
			box.dispatchEvent(new Event('input', { bubbles: true }));
		};
		const until = (what: string, ready: () => boolean) =>
			new Promise<void>((resolve, reject) => {
				if (ready()) return resolve();
				const observer = new MutationObserver(() => {
					if (!ready()) return;
					observer.disconnect();
					clearTimeout(timer);
					resolve();
				});
				const timer = setTimeout(() => {
					observer.disconnect();
					const shown = words(root.querySelector('.pagefind-ui__message')?.textContent);
					reject(new Error(`search for "${query}": ${what} in 20 s (shown: "${shown}")`));
				}, 20_000);
				observer.observe(root, { subtree: true, childList: true, characterData: true });
			});
		const list = () => root.querySelector('ol.pagefind-ui__results');
		const first = () => list()?.querySelector('.pagefind-ui__result');
		// An empty box takes the previous results away, so the list read below is this query's.
		type('');
		await until('the previous results stayed', () => !list());
		type(query);
		// The list and a message naming the query ("3 results for …") once Pagefind has answered;
		// each result's links once its page's data has loaded.
		await until(
			'no results',
			() =>
				!!list() &&
				words(root.querySelector('.pagefind-ui__message')?.textContent).includes(words(query)) &&
				(!first() || !!first()!.querySelector('a.pagefind-ui__result-link'))
		);
		const result = first();
		const link = (selector: string) =>
			result?.querySelector<HTMLAnchorElement>(selector)?.getAttribute('href') ?? undefined;
		return {
			page: link('a.pagefind-ui__result-link'),
			section: link('.pagefind-ui__result-nested a.pagefind-ui__result-link'),
		};
	}, query);
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
