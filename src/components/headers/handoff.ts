/**
 * Headers handed from the bounce analyzer to the header analyzer without any network: the
 * bounce page keeps the returned original's headers in sessionStorage and opens
 * `/{lang}/headers/#from-bounce`; the headers page takes them (once) and analyses them.
 * Why not the URL: a query string reaches the server's logs, and even a fragment stays in the
 * history, the address bar and any link the person shares; sessionStorage stays in this tab,
 * on this site, and is gone when the tab closes.
 */
const KEY = 'headers.fromBounce';
export const HANDOFF_HASH = 'from-bounce';

/** Keeps the headers for the headers page; false when the browser refuses storage. */
export function giveHandoff(headers: string): boolean {
	try {
		sessionStorage.setItem(KEY, headers);
		return true;
	} catch {
		return false;
	}
}

/** The headers handed over, removed as they are taken; undefined when the page was opened otherwise. */
export function takeHandoff(): string | undefined {
	if (location.hash !== `#${HANDOFF_HASH}`) return undefined;
	let headers: string | null = null;
	try {
		headers = sessionStorage.getItem(KEY);
		sessionStorage.removeItem(KEY);
	} catch {
		// Storage refused: nothing was handed over.
	}
	// A reload or a shared address must not look for them again.
	history.replaceState(history.state, '', location.pathname + location.search);
	return headers ?? undefined;
}
