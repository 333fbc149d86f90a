/**
 * The link to one section of the page being read: the page's address (with its query, so a DNS
 * check's `?domain=` survives) and `#{anchor}` in place of any current fragment.
 * `sectionUrl('https://x.example/fr/dns/?domain=a.fr#top', 'srv-record')`
 *   -> `https://x.example/fr/dns/?domain=a.fr#srv-record`
 */
export function sectionUrl(pageHref: string, anchor: string): string {
	const url = new URL(pageHref);
	url.hash = anchor;
	return url.href;
}
