import { z } from 'astro/zod';
import { diagnosticAnchorSchema } from './common';
import { LOCALE_CODES } from '../lib/i18n/locales';

/**
 * Delivery status codes (NDR / bounce codes): language-neutral facts in
 * `src/content/ndr/codes.json`, text per language in `src/content/ndr/text/{lang}.json`.
 * @see https://www.rfc-editor.org/rfc/rfc3463 (structure: class.subject.detail)
 * @see https://www.iana.org/assignments/smtp-enhanced-status-codes (registry, RFC 5248)
 */

import { STATUS_CODE_PATTERN } from '../lib/ndr/parseStatusCode';
import { REASON_IDS } from '../lib/ndr/reasons';

export const statusCodeSchema = z.string().regex(STATUS_CODE_PATTERN, {
	error: (issue) =>
		`Malformed status code ${JSON.stringify(issue.input)}: write class.subject.detail, e.g. 5.1.1 (class 2, 4 or 5, no leading zeros)`,
});

/** The classes (first digit) and subjects (second digit) RFC 3463 defines. */
export const STATUS_CLASSES = ['2', '4', '5'] as const;
export const STATUS_SUBJECTS = ['0', '1', '2', '3', '4', '5', '6', '7'] as const;

/** Where a code's meaning comes from. */
export const NDR_SOURCE_KINDS = ['rfc3463', 'iana', 'guide-003', 'vendor-microsoft'] as const;
export type NdrSourceKind = (typeof NDR_SOURCE_KINDS)[number];

const nameSchema = z.string().min(3, { error: 'Give the name exactly as the source prints it' });

/** One source of a code's meaning, with the name that source gives it (kept in English, as printed). */
export const ndrSourceSchema = z.discriminatedUnion(
	'kind',
	[
		/** Defined by RFC 3463 itself. */
		z.object({ kind: z.literal('rfc3463'), name: nameSchema }).strict(),
		/** Added to the IANA registry later; `rfc` names the document that registered it. */
		z
			.object({
				kind: z.literal('iana'),
				name: nameSchema,
				rfc: z.string().regex(/^(RFC \d{4}|draft-[a-z0-9-]+)$/, {
					error: 'Name the registering document as "RFC 7372" or "draft-…"',
				}),
			})
			.strict(),
		/** Listed in the delivery status tables of guide 003 (shared/seeds/003_178ee77a2a361ea2.txt). */
		z.object({ kind: z.literal('guide-003'), name: nameSchema }).strict(),
		/** Used by Exchange / Exchange Online outside the registry, or with another meaning. */
		z.object({ kind: z.literal('vendor-microsoft'), name: nameSchema }).strict(),
	],
	{ error: `Unknown source kind: use one of ${NDR_SOURCE_KINDS.join(', ')}` }
);
export type NdrSource = z.infer<typeof ndrSourceSchema>;

/** DNS checks a code's fix can point to (`/{lang}/dns/`). */
export const NDR_CHECKS = ['mx', 'srv', 'spf', 'dkim', 'dmarc'] as const;

/** The facts about one code; the entry's key in codes.json is the code (and the page anchor). */
export const ndrCodeSchema = z
	.object({
		/** Where the meaning comes from, at least one; registry sources first. */
		sources: z
			.array(ndrSourceSchema)
			.min(1, {
				error:
					'Every code needs a source: rfc3463, iana (with the RFC), guide-003 or vendor-microsoft',
			})
			.refine((sources) => new Set(sources.map((s) => s.kind)).size === sources.length, {
				error: 'List each source kind once',
			})
			.refine(
				(sources) =>
					!(sources.some((s) => s.kind === 'rfc3463') && sources.some((s) => s.kind === 'iana')),
				{
					error: 'A registry code comes from rfc3463 or from a later RFC (iana), not both',
				}
			),
		/**
		 * Last code of a vendor range that shares this entry (Exchange Online's 5.7.606-649): every
		 * code from the key to `rangeEnd` gets an anchor and the same explanation.
		 */
		rangeEnd: statusCodeSchema.optional(),
		/** Diagnostic page anchors (`/{lang}/diagnostic/#…`) that apply to this code. */
		related: z.array(diagnosticAnchorSchema).default([]),
		/** DNS checks that apply to this code. */
		checks: z
			.array(z.enum(NDR_CHECKS, { error: `Unknown check: use one of ${NDR_CHECKS.join(', ')}` }))
			.default([]),
	})
	.strict();
export type NdrCode = z.infer<typeof ndrCodeSchema>;

/** zod reports a bad record key as "Invalid key in record"; say which key and how to fix it. */
function checkCodeKeys(record: Record<string, unknown>, ctx: z.RefinementCtx) {
	for (const key of Object.keys(record)) {
		if (!STATUS_CODE_PATTERN.test(key)) {
			ctx.addIssue({
				code: 'custom',
				path: [key],
				message: `Malformed status code ${JSON.stringify(key)}: write class.subject.detail, e.g. 5.1.1 (class 2, 4 or 5, no leading zeros)`,
			});
		}
	}
}

/** Whole codes.json: an object keyed by code. */
export const ndrCodesFileSchema = z.record(z.string(), ndrCodeSchema).superRefine((codes, ctx) => {
	checkCodeKeys(codes, ctx);
	for (const [code, entry] of Object.entries(codes)) {
		if (!entry.rangeEnd || !STATUS_CODE_PATTERN.test(code)) continue;
		const [c1, s1, d1] = code.split('.').map(Number);
		const [c2, s2, d2] = entry.rangeEnd.split('.').map(Number);
		if (c1 !== c2 || s1 !== s2 || d2 <= d1 || d2 - d1 > 200) {
			ctx.addIssue({
				code: 'custom',
				path: [code, 'rangeEnd'],
				message: `Range ${code}-${entry.rangeEnd} must keep class and subject and end after ${code} (at most 200 codes)`,
			});
		}
	}
});

const sentence = (what: string) =>
	z
		.string()
		.min(12, { error: `Write ${what} as at least one full sentence in the file's language` });

/** The explanation of one code in one language. */
export const ndrCodeTextSchema = z
	.object({
		/** Short name of the code, in this language (the heading after the code). */
		title: z.string().min(3, { error: 'Give the code a short title in this language' }),
		/** What the code means, in plain words. */
		meaning: sentence('the meaning'),
		/** The likely cause for a hosted Exchange user. */
		cause: sentence('the likely cause'),
		/** What to do, in order. */
		action: sentence('what to do'),
		/**
		 * Microsoft's own meaning of a registry code (codes.json has both a registry and a
		 * `vendor-microsoft` source): 5.1.10 is a null MX in RFC 7505 and "recipient not found" in
		 * Exchange Online. With it, `title` and `meaning` say the registry's meaning only, and the
		 * bounce analyzer shows the one that applies to who wrote the code.
		 */
		microsoft: z
			.object({
				title: z.string().min(3, { error: 'Give Microsoft’s meaning a short title' }),
				meaning: sentence('Microsoft’s meaning'),
			})
			.strict()
			.optional(),
	})
	.strict();
export type NdrCodeText = z.infer<typeof ndrCodeTextSchema>;

const partTextSchema = z
	.object({
		/** Name of the class or subject in this language. */
		name: z.string().min(3),
		/** What it says about a bounce, for the generic answer to an unlisted code. */
		meaning: sentence('the meaning'),
	})
	.strict();

const fullRecord = <K extends string, V extends z.ZodType>(
	keys: readonly K[],
	value: V,
	what: string
) =>
	z.record(z.string(), value).superRefine((record, ctx) => {
		for (const key of keys) {
			if (!(key in record))
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message: `Missing ${what} ${key}: add its text`,
				});
		}
		for (const key of Object.keys(record)) {
			if (!(keys as readonly string[]).includes(key)) {
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message: `Unknown ${what} ${key}: use one of ${keys.join(', ')}`,
				});
			}
		}
	});

/** One language's text file: class and subject names (for generic answers) and one entry per code. */
export const ndrTextSchema = z
	.object({
		classes: fullRecord(STATUS_CLASSES, partTextSchema, 'class'),
		subjects: fullRecord(STATUS_SUBJECTS, partTextSchema, 'subject'),
		codes: z.record(z.string(), ndrCodeTextSchema).superRefine(checkCodeKeys),
	})
	.strict();
export type NdrText = z.infer<typeof ndrTextSchema>;

/** The languages every code must be explained in. */
export const NDR_LANGUAGES = LOCALE_CODES;

/** Who has to act first on a bounce (the reason table in src/lib/ndr/reasons.ts gives one per reason). */
export const NDR_ACTORS = ['you', 'recipient', 'provider', 'nobody'] as const;

/** One reason of src/lib/ndr/reasons.ts, in one language: shown with each recipient's verdict. */
export const ndrReasonTextSchema = z
	.object({
		/** The verdict in a few words ("The address does not exist"). */
		title: z.string().min(3, { error: 'Give the reason a short title in this language' }),
		/** What happened, in plain words. */
		happened: sentence('what happened'),
		/** The first thing to do, for the one who must act. */
		todo: sentence('what to do first'),
	})
	.strict();
export type NdrReasonText = z.infer<typeof ndrReasonTextSchema>;

/** `src/content/ndr/reasons/{lang}.json`: every actor and every reason of the table, no other. */
export const ndrReasonsSchema = z
	.object({
		/** How the result names each actor ("You, the sender"). */
		actors: fullRecord(NDR_ACTORS, z.string().min(3), 'actor'),
		reasons: fullRecord(REASON_IDS, ndrReasonTextSchema, 'reason'),
	})
	.strict();
export type NdrReasons = z.infer<typeof ndrReasonsSchema>;
