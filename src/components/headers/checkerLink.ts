/**
 * The DNS page's check that matches an authentication result: SPF of the envelope sender's
 * domain, DKIM of the signing domain with the signature's selector (`dkim` parameter), DMARC of
 * the From domain. Links use the DNS page's URL contract (DESIGN.md: `domain`, `dkim`, `#check`),
 * so opening one runs the check. Pure.
 */
import type { AuthResult } from '../../lib/headers/types';

export type CheckedRecord = 'spf' | 'dkim' | 'dmarc';

export interface CheckerTarget {
	record: CheckedRecord;
	domain: string;
	/** DKIM only: the selector, from the result's `header.s` or the message's DKIM-Signature `s=`. */
	selector?: string;
}

/** A host name as DNS writes it: letters, digits, hyphens, dots; anything else is not linked. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
/** A DKIM selector: labels of a DNS name (RFC 6376 §3.1). */
const SELECTOR =
	/^(?=.{1,200}$)[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/i;

/** `user@example.com`, `<user@example.com>`, `example.com.` -> `example.com`; undefined if not a domain. */
export function domainOf(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const bare = value
		.trim()
		.replace(/^<|>$/g, '')
		.replace(/^.*@/, '')
		.replace(/\.$/, '')
		.toLowerCase();
	return DOMAIN.test(bare) ? bare : undefined;
}

function property(result: AuthResult, ...names: string[]): string | undefined {
	for (const name of names) {
		const value = result.properties[name] ?? result.properties[name.toLowerCase()];
		if (value) return value;
	}
	return undefined;
}

/** Which check applies to one result, or undefined (ARC, compauth, a result without a domain). */
export function checkerTarget(
	result: AuthResult,
	dkimSelectors: readonly { domain: string; selector: string }[]
): CheckerTarget | undefined {
	const method = result.method.toLowerCase();
	if (method === 'spf') {
		// RFC 8601 §2.7.2: smtp.mailfrom is the checked identity, smtp.helo when the sender was empty.
		// Received-SPF (RFC 7208 §9.1) names it envelope-from; its helo is the checked one only when
		// identity=helo says so.
		const domain = domainOf(
			result.source === 'received-spf'
				? (property(result, 'envelope-from') ??
						(property(result, 'identity') === 'helo' ? property(result, 'helo') : undefined))
				: property(result, 'smtp.mailfrom', 'smtp.helo')
		);
		return domain ? { record: 'spf', domain } : undefined;
	}
	if (method === 'dkim') {
		// RFC 8601 §2.7.1: header.d is the signing domain, header.i an identity in it, header.s the selector.
		const domain = domainOf(property(result, 'header.d', 'header.i'));
		if (!domain) return undefined;
		const stated = property(result, 'header.s');
		const selector =
			stated ??
			dkimSelectors.find((signature) => signature.domain.toLowerCase() === domain)?.selector;
		return {
			record: 'dkim',
			domain,
			...(selector && SELECTOR.test(selector) ? { selector } : {}),
		};
	}
	if (method === 'dmarc') {
		const domain = domainOf(property(result, 'header.from'));
		return domain ? { record: 'dmarc', domain } : undefined;
	}
	return undefined;
}

/** `/fr/dns/?domain=example.com&dkim=ovhex123-selector1#check` */
export function checkerHref(locale: string, target: CheckerTarget): string {
	const query = new URLSearchParams({ domain: target.domain });
	if (target.selector) query.set('dkim', target.selector);
	return `/${locale}/dns/?${query.toString()}#check`;
}
