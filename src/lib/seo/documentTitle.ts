import type { HeadEntry } from './socialMeta';

/**
 * Starlight titles every page "{page title} | {site title}" (its utils/head.ts), which on a page
 * titled like the site, the home page, reads "Exchange mail help | Exchange mail help". There the
 * document title is the site's name alone; other pages keep Starlight's.
 */
export function withoutRepeatedSiteTitle(
	head: readonly HeadEntry[],
	pageTitle: string,
	siteTitle: string
): HeadEntry[] {
	if (pageTitle.trim() !== siteTitle.trim()) return [...head];
	return head.map((entry) => (entry.tag === 'title' ? { ...entry, content: siteTitle } : entry));
}
