/**
 * What a DNS step of the tree needs from the DNS checker, kept to one small interface so the
 * walking logic never depends on how the check is done: the `<decision-tree>` element is given a
 * `RunDnsCheck` (an adapter over `src/lib/checks` and `src/lib/dns`), the tests a fake one.
 */
import type { CheckId, CheckStatus } from '../checks/types';
import { isOffer, isSetup, type Offer, type Setup } from '../records/offers';
import type { WalkEntry } from './nextStep';

/** The DNS checker's parameters (DESIGN.md: `domain`, `offer`, `setup`, `server`, `dkim`). */
export interface DnsStepInput {
	domain: string;
	offer: Offer;
	/** Absent: the checker infers it from what is published. */
	setup?: Setup;
	/** The Exchange server's host name, when the person knows it. */
	server?: string;
	/** The DKIM selector, or its prefix for both (the `dkim` parameter), as typed. */
	dkim?: string;
}

export interface DnsStepResult {
	/** A verdict, or `invalid` when the input was refused before any query (bad domain, server). */
	status: CheckStatus | 'invalid';
	/** The checker's own explanation (what was found, the fix), already in the page's language. */
	detail?: string;
	/** With `invalid`: the field refused (`domain`, `server`, `dkim`, ...), to move focus to it. */
	field?: string;
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
	dkim?: string | null;
}): { ok: true; input: DnsStepInput } | { ok: false; error: 'empty' } {
	const domain = (fields.domain ?? '').trim();
	if (domain === '') return { ok: false, error: 'empty' };
	const offer: Offer = isOffer(fields.offer) ? fields.offer : 'hosted';
	const setup: Setup | undefined = isSetup(fields.setup) ? fields.setup : undefined;
	const server = (fields.server ?? '').trim();
	const dkim = (fields.dkim ?? '').trim();
	return {
		ok: true,
		input: {
			domain,
			offer,
			...(setup ? { setup } : {}),
			...(server ? { server } : {}),
			...(dkim ? { dkim } : {}),
		},
	};
}

/**
 * The DNS checker page with the same input, so its full report opens on load; `anchor` lands on
 * one of the page's sections (`spf`: how to write the record) instead of the top.
 */
export function dnsCheckerUrl(lang: string, input: DnsStepInput, anchor?: string): string {
	const params = new URLSearchParams({ domain: input.domain, offer: input.offer });
	if (input.setup) params.set('setup', input.setup);
	if (input.server) params.set('server', input.server);
	if (input.dkim) params.set('dkim', input.dkim);
	return `/${lang}/dns/?${params}${anchor ? `#${anchor}` : ''}`;
}

/**
 * What the walk has told of the domain so far: the last domain checked, with the offer, setup,
 * server and selector given at any step that checked that same domain (the SPF step asks for
 * the offer, the DKIM step for the selector; a fix links to the DNS page with all of them).
 * `undefined` before any check. Entries come from `history.state`: each field is read only when
 * it has the expected type.
 */
export function walkInput(walk: readonly WalkEntry[]): DnsStepInput | undefined {
	const checked = walk.filter(
		(entry) => typeof entry.domain === 'string' && entry.domain.trim() !== ''
	);
	const last = checked.at(-1);
	if (!last) return undefined;
	const domain = last.domain!.trim();
	const same = checked.filter((entry) => entry.domain!.trim() === domain);
	const latest = <K extends 'offer' | 'setup' | 'server' | 'dkim'>(key: K) =>
		same.findLast((entry) => entry[key] !== undefined)?.[key];
	const read = readDnsStepInput({
		domain,
		offer: latest('offer'),
		setup: latest('setup'),
		server: typeof latest('server') === 'string' ? latest('server') : undefined,
		dkim: typeof latest('dkim') === 'string' ? latest('dkim') : undefined,
	});
	return read.ok ? read.input : undefined;
}

/**
 * A step's input completed with what earlier steps gave for the same domain: the DKIM step asks
 * no offer, yet its fix links to the DNS page with the offer typed at the SPF step. `asked` are
 * the fields the step's form has; those stay as the person left them.
 */
export function completeInput(
	input: DnsStepInput,
	asked: readonly ('offer' | 'setup' | 'server' | 'dkim')[],
	walk: readonly WalkEntry[]
): DnsStepInput {
	const earlier = walkInput(walk);
	if (!earlier || earlier.domain !== input.domain) return input;
	const completed: DnsStepInput = { ...input };
	if (!asked.includes('offer')) completed.offer = earlier.offer;
	for (const key of ['setup', 'server', 'dkim'] as const)
		if (!asked.includes(key) && earlier[key] !== undefined) completed[key] = earlier[key] as never;
	return completed;
}
