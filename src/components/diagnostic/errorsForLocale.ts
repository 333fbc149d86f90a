/**
 * Adapter between the `errors` / `errorFacts` collections and the diagnostic components: one
 * language's entries joined with their language-neutral facts, in page order.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Locale } from '../../lib/i18n/locales';
import type { TocHeading } from '../../lib/toc/pageToc';
import type { ErrorFacts } from '../../schemas/errors';

export interface LocalizedError {
	entry: CollectionEntry<'errors'>;
	facts: ErrorFacts;
}

export async function errorsForLocale(locale: Locale): Promise<LocalizedError[]> {
	const facts = new Map((await getCollection('errorFacts')).map((f) => [f.id, f.data]));
	const entries = await getCollection('errors', (entry) => entry.id.startsWith(`${locale}/`));
	return entries
		.map((entry) => {
			const entryFacts = facts.get(entry.data.anchor);
			if (!entryFacts)
				throw new Error(
					`No facts for error "${entry.data.anchor}" in src/content/errors/errors.json`
				);
			return { entry, facts: entryFacts };
		})
		.sort((a, b) => a.facts.order - b.facts.order);
}

/** Every language's messages for each anchor: pasted output may be in any language, or a mix. */
export async function messagesByAnchor(): Promise<Map<string, string[]>> {
	const byAnchor = new Map<string, string[]>();
	for (const entry of await getCollection('errors')) {
		byAnchor.set(entry.data.anchor, [
			...(byAnchor.get(entry.data.anchor) ?? []),
			...entry.data.messages,
		]);
	}
	return byAnchor;
}

/** ErrorList's headings for "On this page": each error's title at its anchor, in page order. */
export async function errorListHeadings(locale: Locale): Promise<TocHeading[]> {
	return (await errorsForLocale(locale)).map(({ entry }) => ({
		depth: 2,
		slug: entry.data.anchor,
		text: entry.data.title,
	}));
}
