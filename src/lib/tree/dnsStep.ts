/**
 * What a DNS step of the tree needs from the DNS checker, kept to one small interface so the
 * walking logic never depends on how the check is done: the `<decision-tree>` element is given a
 * `RunDnsCheck` (an adapter over `src/lib/checks` and `src/lib/dns`), the tests a fake one.
 */
import type { CheckId, CheckStatus } from '../checks/types';
import { isOffer, isSetup, type Offer, type Setup } from '../records/offers';

/** The DNS checker's parameters (DESIGN.md: `domain`, `offer`, `setup`, `server`). */
export interface DnsStepInput {
	domain: string;
	offer: Offer;
	/** Absent: the checker infers it from what is published. */
	setup?: Setup;
	/** The Exchange server's host name, when the person knows it. */
	server?: string;
}

export interface DnsStepResult {
	/** A verdict, or `invalid` when the input was refused before any query (bad domain, server). */
	status: CheckStatus | 'invalid';
	/** The checker's own explanation (what was found, the fix), already in the page's language. */
	detail?: string;
}

/** Runs one check of the DNS checker. Must resolve (never reject): a failure is `error`. */
export type RunDnsCheck = (
	check: CheckId,
	input: DnsStepInput,
	signal?: AbortSignal
) => Promise<DnsStepResult>;

/**
 * Reads a DNS step's form fields into checker input. Returns `empty` when no domain was typed;
 * the domain is otherwise passed on as typed (trimmed), for the checker to normalise and judge.
 */
export function readDnsStepInput(fields: {
	domain?: string | null;
	offer?: string | null;
	setup?: string | null;
	server?: string | null;
}): { ok: true; input: DnsStepInput } | { ok: false; error: 'empty' } {
	const domain = (fields.domain ?? '').trim();
	if (domain === '') return { ok: false, error: 'empty' };
	const offer: Offer = isOffer(fields.offer) ? fields.offer : 'hosted';
	const setup: Setup | undefined = isSetup(fields.setup) ? fields.setup : undefined;
	const server = (fields.server ?? '').trim();
	return {
		ok: true,
		input: { domain, offer, ...(setup ? { setup } : {}), ...(server ? { server } : {}) },
	};
}

/** The DNS checker page with the same input, so its full report opens on load. */
export function dnsCheckerUrl(lang: string, input: DnsStepInput): string {
	const params = new URLSearchParams({ domain: input.domain, offer: input.offer });
	if (input.setup) params.set('setup', input.setup);
	if (input.server) params.set('server', input.server);
	return `/${lang}/dns/?${params}`;
}
