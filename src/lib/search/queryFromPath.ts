/**
 * Search words from a missed address, to seed the search on "page not found":
 * `/fr/erreurs-diagnostic/` -> `erreurs diagnostic`, `/en/ndr/5.7.1` -> `ndr 5.7.1`.
 * Drops the language prefix and `404`; keeps dots (status codes, host names). The path is
 * untrusted: the result only ever goes into an input's value and Pagefind's query.
 */
import { isLocale } from '../i18n/locales';

export const MAX_QUERY_LENGTH = 80;

export function queryFromPath(path: string): string {
	let decoded = path;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		// A malformed escape: use the raw text.
	}
	const words = decoded
		.split(/[?#]/)[0]!
		.split(/[/\-_+\s]+/)
		.map((word) => word.replace(/\.(html?|php|aspx?)$/i, '').replace(/[^\p{L}\p{N}.]/gu, ''))
		.filter(
			(word, i) =>
				word.length > 0 && word !== '404' && word !== 'index' && !(i <= 1 && isLocale(word))
		);
	return words.join(' ').slice(0, MAX_QUERY_LENGTH).trim();
}
