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

/** The guides of ../shared/seeds a fact can come from. */
export const SEED_FILES = [
	'000_be15cc7127dc9026.txt',
	'001_b032054810995f79.txt',
	'002_ca6603ac0526d256.txt',
	'003_178ee77a2a361ea2.txt',
	'004_c0d9e53d962387e6.txt',
] as const;
export const seedSchema = z.enum(SEED_FILES, {
	error: (issue) =>
		`Unknown source guide ${JSON.stringify(issue.input)}: name a file of shared/seeds`,
});

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
