import { z } from 'astro/zod';
import {
	factSourceSchema,
	hostNameSchema,
	portSchema,
	seedSchema,
	uint16Schema,
	diagnosticAnchorSchema,
	checkAnchorSchema,
} from './common';
import { CHECK_IDS, type CheckId } from '../lib/checks/types';
import { LOCALE_CODES } from '../lib/i18n/locales';

import { OFFERS, SETUPS } from '../lib/records/offers';

export { OFFERS, SETUPS, type Offer, type Setup } from '../lib/records/offers';

/** A text in every language of the site; a missing language fails the build. */
export const localizedSchema = z.object(
	Object.fromEntries(LOCALE_CODES.map((code) => [code, z.string().min(1)])) as Record<
		(typeof LOCALE_CODES)[number],
		z.ZodString
	>
);

/** MX hosts a set of guides gives, with the guide they come from. */
const hostListSchema = z.object({
	hosts: z.array(hostNameSchema).min(1),
	source: seedSchema,
	/**
	 * Why these hosts apply where the source guide gives fewer or none (the newer guide's fuller
	 * list of the same servers), shown next to the source.
	 */
	reason: localizedSchema.optional(),
});

/**
 * Where the MX of one offer and setup must point: a fixed set of provider hosts (any non-empty
 * subset is valid) or the Exchange server's own host name.
 */
const mxRuleSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('hosts'),
		/** The newest guide's hosts. */
		current: hostListSchema,
		/** Hosts older guides gave, still accepted with a warning. */
		legacy: z.array(hostListSchema).default([]),
	}),
	z.object({
		kind: z.literal('server'),
		/** Older fixed server names some guides gave instead of the server's own name. */
		legacy: z.array(hostListSchema).default([]),
		source: seedSchema,
	}),
]);

const setupSchema = z
	.object({
		offer: z.enum(OFFERS),
		setup: z.enum(SETUPS),
		/** Name of the setup as the guides put it. */
		label: localizedSchema,
		mx: mxRuleSchema,
	})
	.strict();

/** A control-panel click path, as labels in each language's interface. */
const panelPathSchema = z
	.object({
		steps: z.object(
			Object.fromEntries(
				LOCALE_CODES.map((code) => [code, z.array(z.string().min(1)).min(1)])
			) as Record<(typeof LOCALE_CODES)[number], z.ZodArray<z.ZodString>>
		),
		source: factSourceSchema,
	})
	.strict();

const httpsUrlSchema = z.url({
	protocol: /^https$/,
	error: 'Links must be absolute https:// URLs',
});

const linkSchema = z
	.object({
		url: httpsUrlSchema,
		/** The address for readers of one language, where the provider has one per country site. */
		byLocale: z
			.object(
				Object.fromEntries(LOCALE_CODES.map((code) => [code, httpsUrlSchema.optional()])) as Record<
					(typeof LOCALE_CODES)[number],
					z.ZodOptional<typeof httpsUrlSchema>
				>
			)
			.strict()
			.optional(),
		source: factSourceSchema,
	})
	.strict();

/** Everything the site says about the provider, language-neutral, one entry per provider. */
export const providerSchema = z
	.object({
		name: z.string(),
		setups: z.array(setupSchema).min(1),
		srv: z
			.object({
				/** Owner name relative to the domain (RFC 2782 `_service._proto`). */
				name: z.literal('_autodiscover._tcp'),
				priority: uint16Schema,
				weight: uint16Schema,
				port: portSchema,
				/** The target is always the Exchange server's host name. */
				target: z.literal('server'),
				source: seedSchema,
				/** Older guides' fixed targets for Hosted, accepted with a warning. */
				legacyTargets: hostListSchema,
			})
			.strict(),
		server: z
			.object({
				/** Hosted servers are `exN.mail.ovh.net`; the example the guides use. */
				hostedPattern: z.string(),
				hostedExample: hostNameSchema,
				source: seedSchema,
				/** Where the server name is shown in the control panel. */
				panelPath: z.string(),
			})
			.strict(),
		panelPaths: z.record(z.string(), panelPathSchema),
		links: z.record(z.string(), linkSchema),
		support: z
			.object({
				hours: localizedSchema,
				source: seedSchema,
			})
			.strict(),
		/**
		 * Where each check of the registry (CHECK_IDS) is explained, and `server`: where verdicts
		 * about the server's host name link. A check added to CHECK_IDS must be given one here.
		 */
		checkAnchors: z
			.object({
				...(Object.fromEntries(CHECK_IDS.map((id) => [id, checkAnchorSchema])) as Record<
					CheckId,
					typeof checkAnchorSchema
				>),
				server: diagnosticAnchorSchema,
			})
			.strict(),
	})
	.strict()
	.superRefine((provider, ctx) => {
		for (const offer of OFFERS) {
			for (const setup of SETUPS) {
				if (!provider.setups.some((s) => s.offer === offer && s.setup === setup)) {
					ctx.addIssue({
						code: 'custom',
						message: `No MX rule for offer "${offer}" and setup "${setup}"`,
						path: ['setups'],
					});
				}
			}
		}
		if (!provider.panelPaths[provider.server.panelPath]) {
			ctx.addIssue({
				code: 'custom',
				message: `Unknown panel path "${provider.server.panelPath}"`,
				path: ['server', 'panelPath'],
			});
		}
		try {
			new RegExp(provider.server.hostedPattern);
		} catch {
			ctx.addIssue({
				code: 'custom',
				message: 'hostedPattern is not a valid regular expression',
				path: ['server', 'hostedPattern'],
			});
		}
	});

export type Provider = z.infer<typeof providerSchema>;
export type SetupRule = Provider['setups'][number];
