/**
 * Provider facts for the sending-authentication and autodiscover checks (issue 13): the SPF
 * include, the DKIM selector pattern and target zone, the DMARC starting policy, the
 * autodiscover leftovers. Each names the public guide it comes from.
 * @see ../../../shared/DESIGN.md "Sending, autodiscover and registration rules"
 */
import { z } from 'astro/zod';
import { factSourceSchema, hostNameSchema } from './common';
import { localizedSchema } from './localized';

const regexSchema = z.string().refine(
	(value) => {
		try {
			new RegExp(value);
			return true;
		} catch {
			return false;
		}
	},
	{ error: 'Not a valid regular expression' }
);

export const spfFactsSchema = z
	.object({
		/** The include that authorises the provider's shared outgoing servers. */
		include: hostNameSchema,
		/** The `all` the provider's own record ends with (`~` for `~all`). */
		allQualifier: z.enum(['-', '~']),
		source: factSourceSchema,
	})
	.strict();

export const dkimFactsSchema = z
	.object({
		/** A selector the platform assigns, e.g. `ovhex123456-selector1`. */
		selectorPattern: regexSchema,
		/** The prefix alone (`ovhex123456`), which stands for both selectors. */
		prefixPattern: regexSchema,
		/** What the prefix is followed by, in order: `-selector1`, `-selector2`. */
		suffixes: z.array(z.string().regex(/^-[a-z0-9-]+$/)).min(1),
		/** The zone every `{selector}._domainkey` CNAME must point under. */
		targetZone: hostNameSchema,
		/** An example selector for messages and the form field. */
		example: z.string(),
		source: factSourceSchema,
	})
	.strict();

export const dmarcFactsSchema = z
	.object({
		/** The policy to start with (the guide: `p=none` and reports for a few weeks, then more). */
		startingPolicy: z.enum(['none', 'quarantine', 'reject']),
		/** The local part suggested for the report address in the fix. */
		reportLocalPart: z.string().regex(/^[a-z0-9._-]+$/),
		source: factSourceSchema,
	})
	.strict();

const leftoverSchema = z
	.object({
		host: hostNameSchema,
		source: factSourceSchema,
		/** Why the host is flagged where the source does not say it, in every language. */
		reason: localizedSchema.optional(),
	})
	.strict();

export const autodiscoverFactsSchema = z
	.object({
		/** The names mail apps try before the SRV record, relative to the domain. */
		names: z.array(z.enum(['autodiscover', 'autoconfig'])).min(1),
		/** Targets left from web hosting or another mail offer. */
		leftovers: z.array(leftoverSchema).min(1),
		source: factSourceSchema,
	})
	.strict();
