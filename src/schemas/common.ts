import { z } from 'astro/zod';
import { HOST_LABEL, MAX_DOMAIN_LENGTH } from '../lib/dns/normalizeDomain';

/**
 * The stable anchors of the diagnostic page. Support links and the English guide's old
 * anchors (`#blocked`, `#expired`, `#password`, `#hostname`) depend on them: never rename one.
 * @see ../../../shared/DESIGN.md "URL and DOM contract"
 */
export const DIAGNOSTIC_ANCHORS = [
	'blocked',
	'expired',
	'security-policy',
	'password',
	'mx',
	'srv',
	'send-failed',
	'not-received',
	'hostname',
] as const;
export type DiagnosticAnchor = (typeof DIAGNOSTIC_ANCHORS)[number];

export const diagnosticAnchorSchema = z.enum(DIAGNOSTIC_ANCHORS, {
	error: (issue) =>
		`Unknown diagnostic anchor ${JSON.stringify(issue.input)}: use one of ${DIAGNOSTIC_ANCHORS.join(', ')}`,
});

/**
 * Where a DNS check is explained: a diagnostic anchor (`mx`), or `dns:{id}` for a section of the
 * DNS page (`dns:spf` is `/{lang}/dns/#spf`). The link check of `dist/` verifies each one exists.
 */
export type CheckAnchor = DiagnosticAnchor | `dns:${string}`;
export const checkAnchorSchema = z.union([
	diagnosticAnchorSchema,
	z.custom<`dns:${string}`>(
		(value) => typeof value === 'string' && /^dns:[a-z][a-z0-9-]*$/.test(value),
		{
			error: 'A check anchor is a diagnostic anchor or dns:{section-id}',
		}
	),
]);

/** The guides of ../shared/seeds a fact can come from. */
export const SEED_FILES = [
	'000_be15cc7127dc9026.txt',
	'001_b032054810995f79.txt',
	'002_ca6603ac0526d256.txt',
	'003_178ee77a2a361ea2.txt',
	'004_c0d9e53d962387e6.txt',
] as const;
export type SeedFile = (typeof SEED_FILES)[number];
export const seedSchema = z.enum(SEED_FILES, {
	error: (issue) =>
		`Unknown source guide ${JSON.stringify(issue.input)}: name a file of shared/seeds`,
});

/** What a reader is shown of a source guide: its title as published, its language, its date. */
export interface GuideReference {
	/** The title as the guide gives it (front matter `title`), in the guide's own language. */
	title: string;
	/** The language the guide is written in (`lang` of the rendered title). */
	lang: 'en' | 'fr' | 'it';
	/** Date of its last update (ISO `YYYY-MM-DD`), where the guide states one. */
	updated?: string;
}

/**
 * The seed guides as readers see them cited: title and date, never the file name. Only 000
 * states a date ("Last updated 8th July 2022"); the others are undated. The French titles of
 * 001 and 004 are written with the punctuation and accents the published guides use: the seed
 * files carry `&#58;` for the colon and lost the accents of 004's title.
 * @see ../../../shared/seeds/README.md
 */
export const SEED_GUIDES: Record<SeedFile, GuideReference> = {
	'000_be15cc7127dc9026.txt': {
		title: 'Using Exchange error diagnostics',
		lang: 'en',
		updated: '2022-07-08',
	},
	'001_b032054810995f79.txt': {
		title: 'Diagnostic Exchange\u00a0: que faire en cas d’erreur\u00a0?',
		lang: 'fr',
	},
	'002_ca6603ac0526d256.txt': {
		title: 'Diagnostica Exchange: cosa fare in caso di errore?',
		lang: 'it',
	},
	'003_178ee77a2a361ea2.txt': {
		title: 'Réagir en cas d’indisponibilité de vos e-mails',
		lang: 'fr',
	},
	'004_c0d9e53d962387e6.txt': {
		title: 'Que vérifier lors d’un problème d’envoi ou de réception avec un compte Exchange\u00a0?',
		lang: 'fr',
	},
};

/**
 * One of OVHcloud's public guides (repository `ovh/docs`), for a fact the seed guides do not
 * give or give in an older form (a control-panel label that has changed, the current webmail
 * address). Cited by title; `path` is the file in `ovh/docs`.
 */
export const publicGuideSchema = z
	.object({
		/** The guide's title as published, in its own language. */
		title: z.string().min(3),
		/** Its file in the ovh/docs repository. */
		path: z.string().regex(/^pages\/[\w./-]+\.md$/, {
			error: "Give the guide's file in ovh/docs, e.g. pages/web/…/guide.en-gb.md",
		}),
		/** Date of its last update as it states it (ISO `YYYY-MM-DD`). */
		updated: z.iso.date().optional(),
		/** The language it is written in. */
		lang: z.enum(['en', 'fr', 'it']),
	})
	.strict();
export type PublicGuide = z.infer<typeof publicGuideSchema>;

/** Where a provider fact comes from: a seed guide, or one or more of OVHcloud's public guides. */
export const factSourceSchema = z.union([seedSchema, z.array(publicGuideSchema).min(1)]);
export type FactSource = z.infer<typeof factSourceSchema>;

/** A fully qualified host name in lower case, without a trailing dot. */
export const hostNameSchema = z
	.string()
	.refine(
		(value) =>
			value.length <= MAX_DOMAIN_LENGTH &&
			value.split('.').length >= 2 &&
			value.split('.').every((l) => HOST_LABEL.test(l)),
		{
			error: (issue) =>
				`Malformed host name ${JSON.stringify(issue.input)}: lower-case labels, no trailing dot`,
		}
	);

/** A TCP/UDP port. */
export const portSchema = z
	.number()
	.int()
	.min(1, { error: 'Port out of range: 1 to 65535' })
	.max(65535, { error: 'Port out of range: 1 to 65535' });

/** A 16-bit SRV priority or weight (RFC 2782). */
export const uint16Schema = z
	.number()
	.int()
	.min(0)
	.max(65535, { error: 'Out of range: 0 to 65535' });
