/**
 * The part of `@pagefind/default-ui` (shipped without types) that src/components/search uses:
 * https://pagefind.app/docs/ui/ for the options.
 */
declare module '@pagefind/default-ui' {
	export interface PagefindSubResult {
		url: string;
		title: string;
		/** Pagefind's weighted score of the section (Pagefind 1.x `weighted_locations`). */
		weighted_locations?: { weight: number; balanced_score: number; location: number }[];
		locations?: number[];
		anchor?: { element: string; id: string; text: string; location: number };
	}
	export interface PagefindResultData {
		url: string;
		sub_results: PagefindSubResult[];
	}
	export interface PagefindUIOptions {
		element: string | HTMLElement;
		/** Called on each page result before it is shown; may change it in place or return a new one. */
		processResult?: (result: PagefindResultData) => PagefindResultData | void;
		translations?: Record<string, string>;
		[option: string]: unknown;
	}
	export class PagefindUI {
		constructor(options: PagefindUIOptions);
		triggerSearch(term: string): void;
		destroy(): void;
	}
}
