import { z } from 'astro/zod';

/**
 * What the header analyzer's findings mean, in one language: `src/content/headers/{lang}.json`
 * (collection `headersText`). src/lib/headers returns ids and values (a method, a result, a spam
 * field and its value); these are the sentences shown beside them. Keys are the lib's ids in
 * lower case (methods, results, field names) and values as the filters write them (`SPM`, `-1`).
 * `tests/unit/content/headersText.test.ts` checks that every language has the same keys.
 */
const sentence = z.string().min(3);
const sentences = z.record(z.string().min(1), sentence);

export const headersTextSchema = z
	.object({
		auth: z
			.object({
				/** What each method checks (`spf`, `dkim`, `dmarc`, `arc`, `compauth`), and `other`. */
				methods: sentences,
				/**
				 * What a result means for a method (`spf` → `softfail` → …); `*` holds the meaning of a
				 * result for any method without its own (RFC 8601 §2.7).
				 */
				results: z.record(z.string().min(1), sentences),
			})
			.strict(),
		spam: z
			.object({
				/** The filter that wrote a verdict, by the lib's source id (`ovh`, `microsoft`, `spamassassin`). */
				sources: sentences,
				/** What a header or field is (`x-vr-spamstate`, `scl`, `sfv`, `cat`, `x-spam-status`). */
				fields: sentences,
				/** What a value of a field means (`sfv` → `SPM`, `scl` → `5`). */
				values: z.record(z.string().min(1), sentences),
			})
			.strict(),
	})
	.strict();
export type HeadersText = z.infer<typeof headersTextSchema>;
