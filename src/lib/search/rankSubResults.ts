/**
 * Orders a Pagefind result's sub-results (one per heading with an id) best first, so the search
 * box's first link under a page is the section the query is about.
 *
 * Pagefind returns sub-results in page order and its default UI keeps the three with the most
 * matched words, still in page order: a pasted message full of common words ("le", "the",
 * "account") then lists a long section before the short one that holds the message. The
 * weighted score Pagefind computes per matched word (heading and `data-pagefind-weight` count)
 * ranks the right section first, so we sort on it.
 * @see https://github.com/Pagefind/pagefind (pagefind_web_js: calculate_sub_results)
 */
export interface SubResultLike {
	url: string;
	weighted_locations: readonly { balanced_score: number }[];
}

export function subResultScore(subResult: SubResultLike): number {
	return subResult.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
}

/**
 * @param pageUrl the result's page URL: a sub-result with exactly this URL (text before the first
 *   heading) stays first, as Pagefind's UI shows it as the page's own excerpt.
 * @param limit how many section links to keep after it (Pagefind's UI shows at most three).
 */
export function rankSubResults<T extends SubResultLike>(pageUrl: string, subResults: readonly T[], limit = 3): T[] {
	const [first, ...rest] = subResults;
	const hasRoot = first !== undefined && first.url === pageUrl;
	const sections = hasRoot ? rest : [...subResults];
	// Array.prototype.sort is stable: equal scores keep page order.
	const ranked = sections.sort((a, b) => subResultScore(b) - subResultScore(a)).slice(0, limit);
	return hasRoot ? [first, ...ranked] : ranked;
}
