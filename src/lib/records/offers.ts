/**
 * The offers and the ways a domain's mailboxes can be split between them (DESIGN.md "DNS check
 * rules"): one list each, free of zod so the browser's scripts can import it.
 */
export const OFFERS = ['hosted', 'private'] as const;
export type Offer = (typeof OFFERS)[number];

/** How the domain's mailboxes are split: all on Exchange, POP/IMAP at OVHcloud, POP/IMAP elsewhere. */
export const SETUPS = ['exchange-only', 'ovh-popimap', 'external-popimap'] as const;
export type Setup = (typeof SETUPS)[number];

export function isOffer(value: unknown): value is Offer {
	return (OFFERS as readonly unknown[]).includes(value);
}

export function isSetup(value: unknown): value is Setup {
	return (SETUPS as readonly unknown[]).includes(value);
}
