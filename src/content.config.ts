/**
 * Every content collection of the site. The schemas themselves live in `src/schemas/` so the
 * unit tests can validate the same files without Astro's runtime.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { LOCALE_GLOB } from './lib/i18n/locales';
import { uiStringsSchema } from './schemas/ui';
import { errorEntrySchema, errorFactsSchema } from './schemas/errors';
import { providerSchema } from './schemas/provider';
import { ndrCodeSchema, ndrReasonsSchema, ndrTextSchema } from './schemas/ndr';
import { treeStepSchema, treeTextSchema } from './schemas/tree';
import { headersTextSchema } from './schemas/headers';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
	/** One entry per diagnostic error and language: `errors/{lang}/{anchor}.mdx`. */
	errors: defineCollection({
		loader: glob({ pattern: `${LOCALE_GLOB}/*.mdx`, base: './src/content/errors' }),
		schema: errorEntrySchema,
	}),
	/** Language-neutral facts of each error (order, links, what it affects), keyed by anchor. */
	errorFacts: defineCollection({
		loader: file('src/content/errors/errors.json'),
		schema: errorFactsSchema,
	}),
	/** Language-neutral provider facts (offers, setups, records, paths, links). */
	provider: defineCollection({
		loader: file('src/content/provider/provider.json'),
		schema: providerSchema,
	}),
	/** Delivery status codes, language-neutral: one entry per code, keyed by the code. */
	ndrCodes: defineCollection({ loader: file('src/content/ndr/codes.json'), schema: ndrCodeSchema }),
	/** Delivery status code text, one entry per language (`en`, `fr`, `it`). */
	ndrText: defineCollection({
		loader: glob({ pattern: `${LOCALE_GLOB}.json`, base: './src/content/ndr/text' }),
		schema: ndrTextSchema,
	}),
	/** Bounce reasons (src/lib/ndr/reasons.ts) in words, one entry per language: `ndr/reasons/{lang}.json`. */
	ndrReasons: defineCollection({
		loader: glob({ pattern: `${LOCALE_GLOB}.json`, base: './src/content/ndr/reasons' }),
		schema: ndrReasonsSchema,
	}),
	/** The decision tree's language-neutral graph, one entry per step (schemas/tree.ts). */
	tree: defineCollection({ loader: file('src/content/tree/steps.json'), schema: treeStepSchema }),
	/** The decision tree's words, one entry per language: `tree/text/{lang}.json`. */
	treeText: defineCollection({
		loader: glob({ pattern: `${LOCALE_GLOB}.json`, base: './src/content/tree/text' }),
		schema: treeTextSchema,
	}),
	/** What the header analyzer's findings mean, one entry per language: `headers/{lang}.json`. */
	headersText: defineCollection({
		loader: glob({ pattern: `${LOCALE_GLOB}.json`, base: './src/content/headers' }),
		schema: headersTextSchema,
	}),
};
