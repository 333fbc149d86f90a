/**
 * The Pagefind UI that Starlight's search box loads (`await import('@pagefind/default-ui')` in
 * `@astrojs/starlight/components/Search.astro`), with two additions. astro.config.mjs routes
 * that one import here (`rankedPagefindUi` plugin), so Starlight's component is used as shipped
 * and an upgrade of it needs nothing from us as long as it loads Pagefind's UI by that name; the
 * search browser tests fail if it stops doing so.
 *
 * 1. Each page's sections are listed best first (`rankSubResults`), so a pasted diagnostic
 *    message opens its own `#anchor`; Starlight's own `processResult` then runs as before.
 * 2. Pagefind names its box by placeholder only (axe rule label-title-only): the box gets the
 *    same words as its accessible name.
 * 3. Built after the dialog was opened, the box takes the focus the dialog gave to nothing.
 */
import {
	PagefindUI as PagefindDefaultUI,
	type PagefindResultData,
	type PagefindUIOptions,
} from '@pagefind/default-ui';
import { rankSubResults, type SubResultLike } from '../../lib/search/rankSubResults';

/** Pagefind's UI keeps at most three sections under a page. */
const SECTIONS_SHOWN = 3;

export class PagefindUI extends PagefindDefaultUI {
	constructor(options: PagefindUIOptions) {
		const root = () =>
			typeof options.element === 'string'
				? document.querySelector<HTMLElement>(options.element)
				: options.element;
		const searchBox = () => root()?.querySelector<HTMLInputElement>('input') ?? null;
		super({
			...options,
			processResult: (result: PagefindResultData) => {
				// processResult is not given the query: the box's value is the one being searched.
				const subResults = result.sub_results.map((sub) => ({
					...sub,
					weighted_locations: sub.weighted_locations ?? [],
				}));
				result.sub_results = rankSubResults<SubResultLike & (typeof subResults)[number]>(
					result.url,
					subResults,
					SECTIONS_SHOWN,
					searchBox()?.value ?? ''
				);
				return options.processResult?.(result) ?? result;
			},
		});
		const label = options.translations?.placeholder;
		const input = searchBox();
		if (input && label) input.setAttribute('aria-label', label);
		// 3. A reader who opened the dialog before the box existed (Ctrl+K at once) types into it:
		// Starlight focuses the box when the dialog opens, and there was none yet.
		if (input?.closest('dialog')?.open) input.focus();
	}
}
