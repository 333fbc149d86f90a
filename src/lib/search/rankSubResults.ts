/**
 * Orders a Pagefind result's sub-results (one per heading with an id) best first, so the search
 * box's first link under a page is the section the query is about.
 *
 * Pagefind returns sub-results in page order and its default UI keeps the three with the most
 * matched words, still in page order: a pasted message full of common words ("le", "the",
 * "account") then lists a long section before the short one that holds the message. The
 * weighted score Pagefind computes per matched word (heading and `data-pagefind-weight` count)
 * ranks the right section first, so we sort on it.
 *
 * A section whose anchor the query names outright comes before any score: Pagefind drops the
 * dots of `5.5.0`, so in `550 5.7.1` the SMTP reply `550` scores the 5.5.0 section exactly as
 * `5.7.1` scores its own, and page order would pick 5.5.0.
 * @see https://github.com/Pagefind/pagefind (pagefind_web_js: calculate_sub_results)
 */
export interface SubResultLike {
	url: string;
	weighted_locations: readonly { balanced_score: number }[];
}

export function subResultScore(subResult: SubResultLike): number {
	return subResult.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
}

/** The query's words, lower-cased, as they could appear as an anchor (`5.7.1`, `hostname`). */
function queryWords(query: string): Set<string> {
	return new Set(
		query
			.toLowerCase()
			.split(/[\s,;:()<>'"«»[\]]+/)
			.filter(Boolean)
	);
}

/** The decoded `#anchor` of a sub-result URL, lower-cased, or '' when it has none. */
function anchorOf(url: string): string {
	const hash = url.split('#')[1] ?? '';
	try {
		return decodeURIComponent(hash).toLowerCase();
	} catch {
		return hash.toLowerCase();
	}
}

/**
 * @param pageUrl the result's page URL: a sub-result with exactly this URL (text before the first
 *   heading) stays first, as Pagefind's UI shows it as the page's own excerpt.
 * @param limit how many section links to keep after it (Pagefind's UI shows at most three).
 * @param query what the reader typed: a section whose anchor it names comes first.
 */
export function rankSubResults<T extends SubResultLike>(
	pageUrl: string,
	subResults: readonly T[],
	limit = 3,
	query = ''
): T[] {
	const [first, ...rest] = subResults;
	const hasRoot = first !== undefined && first.url === pageUrl;
	const sections = hasRoot ? rest : [...subResults];
	const words = queryWords(query);
	const named = (s: T) => (words.has(anchorOf(s.url)) ? 1 : 0);
	// Array.prototype.sort is stable: equal scores keep page order.
	const ranked = sections
		.sort((a, b) => named(b) - named(a) || subResultScore(b) - subResultScore(a))
		.slice(0, limit);
	return hasRoot ? [first, ...ranked] : ranked;
}
