/**
 * postal-mime, loaded on first use and once per page or worker: the bounce analyzer's worker
 * calls it, and any other page that reads messages (the header analyzer) can import this module
 * instead of loading the parser again its own way. ~24 KB gzip, fetched only when called.
 */
import type { MimeParse } from '../../lib/ndr/analyzeBounce';

let parser: Promise<MimeParse> | undefined;

export function loadMimeParser(): Promise<MimeParse> {
	parser ??= import('postal-mime').then(
		({ default: PostalMime }): MimeParse =>
			(raw, options) =>
				PostalMime.parse(raw, options)
	);
	// A failed load (network) is tried again on the next call rather than kept failing.
	parser.catch(() => (parser = undefined));
	return parser;
}
