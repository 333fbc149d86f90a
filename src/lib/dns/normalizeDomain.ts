/**
 * Turns what a person typed into a domain name the resolver can be asked about.
 * International names become punycode through the WHATWG URL host parser (UTS #46, the same
 * conversion browsers apply to addresses), so no punycode library ships to the browser.
 */

/** RFC 1035 §2.3.4: 255 octets on the wire, so 253 characters in text form without the root dot. */
export const MAX_DOMAIN_LENGTH = 253;
/** What the form accepts before even trying: anything longer is not a domain. */
export const MAX_INPUT_LENGTH = 1024;

export type DomainInputError = 'empty' | 'tooLong' | 'malformed' | 'ipAddress' | 'singleLabel';

export interface NormalizedDomain {
	/** The name in ASCII (punycode), lower case, no trailing dot: what goes on the wire. */
	ascii: string;
	/** The name as a person reads it (Unicode), lower case, no trailing dot. */
	unicode: string;
	/** True when `ascii` and `unicode` differ (an internationalised name). */
	isIdn: boolean;
}

export type NormalizeResult =
	{ ok: true; domain: NormalizedDomain } | { ok: false; error: DomainInputError };

/**
 * RFC 1035 §2.3.1 / RFC 1123 §2.1 host name label, lower case: letters, digits and inner hyphens,
 * 63 octets at most. Underscores are allowed in owner names such as `_tcp` but never in a mail
 * domain or a host, so they are refused. The provider data's host names follow the same rule.
 */
export const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A dotted-quad IPv4 address as typed (`192.0.2.1`); the URL parser catches other numeric forms. */
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** An IPv6 address as typed (`2001:db8::1`): hex digits and colons, at least one colon. */
const IPV6 = /^[0-9a-f:]*:[0-9a-f:]*$/i;

/** `192.0.2.1`, `2001:db8::1` or a bracketed literal `[192.0.2.1]` (RFC 5321 §4.1.3): not a name. */
export function isIpAddress(text: string): boolean {
	return /^\[.*\]$/.test(text) || IPV4.test(text) || IPV6.test(text);
}

/**
 * Normalises a domain: trims spaces, accepts a pasted address (`user@domain`), a trailing dot
 * and any letter case; converts an international name to punycode.
 */
export function normalizeDomain(input: string): NormalizeResult {
	if (typeof input !== 'string') return { ok: false, error: 'empty' };
	let text = input.trim();
	if (text.length === 0) return { ok: false, error: 'empty' };
	if (text.length > MAX_INPUT_LENGTH) return { ok: false, error: 'tooLong' };
	// A pasted e-mail address: the domain is what follows the last @.
	const at = text.lastIndexOf('@');
	if (at >= 0) text = text.slice(at + 1).trim();
	// One root dot is a fully qualified name (RFC 1034 §3.1); two are a typo.
	if (text.endsWith('.')) text = text.slice(0, -1);
	if (text.length === 0) return { ok: false, error: 'empty' };
	if (text.startsWith('[') || isIpAddress(text)) return { ok: false, error: 'ipAddress' };
	if (/[\s/\\?#@%*,:;"'<>()[\]{}|^`~!$&=+]/.test(text)) return { ok: false, error: 'malformed' };
	const unicode = text.normalize('NFC').toLowerCase();
	let ascii: string;
	try {
		ascii = new URL(`http://${unicode}/`).hostname;
	} catch {
		return { ok: false, error: 'malformed' };
	}
	if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
	if (ascii.length > MAX_DOMAIN_LENGTH) return { ok: false, error: 'tooLong' };
	// The URL parser turns some numeric forms (`1.2.3`, `0x7f.1`) into IPv4 addresses.
	if (IPV4.test(ascii)) return { ok: false, error: 'ipAddress' };
	const labels = ascii.split('.');
	if (labels.some((label) => label.length > 63)) return { ok: false, error: 'tooLong' };
	if (!labels.every((label) => HOST_LABEL.test(label))) return { ok: false, error: 'malformed' };
	if (labels.length < 2) return { ok: false, error: 'singleLabel' };
	// A top-level label is never all digits (RFC 3696 §2).
	if (/^\d+$/.test(labels[labels.length - 1]!)) return { ok: false, error: 'malformed' };
	return {
		ok: true,
		domain: { ascii, unicode: ascii === unicode ? ascii : unicode, isIdn: ascii !== unicode },
	};
}

/** A host name from DNS data: lower case, no trailing dot (RFC 4343: names compare case-insensitively). */
export function canonicalHost(name: string): string {
	return name.trim().replace(/\.$/, '').toLowerCase();
}
