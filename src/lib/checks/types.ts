/**
 * What a DNS check says, independent of language and of the DOM: the DNS checker, the decision
 * tree and the tests all read these. Texts are UI string keys (`dns.*` in src/content/i18n) with
 * parameters; the component resolves them in the page's language.
 */
import type { CheckAnchor } from '../../schemas/common';
import type { Setup } from '../../schemas/provider';

/**
 * `error` means "could not check" (timeout, SERVFAIL, blocked): never a misconfiguration.
 * `skip` means "not run": an input the check needs is missing (DKIM without a selector), and the
 * verdict says what to give. Neither counts as a failure.
 */
export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'error', 'skip'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** Every check of the registry (src/lib/checks/registry.ts), in report order. */
export const CHECK_IDS = ['mx', 'srv', 'autodiscover', 'spf', 'dkim', 'dmarc', 'domain'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** A UI string key and the values of its `{placeholders}`. */
export interface Message {
	key: string;
	params?: Record<string, string | number>;
}

/** One record as found in DNS, for the report. */
export interface FoundRecord {
	/** Presentation form: `10 mx1.mail.ovh.net`, `0 0 443 ex5.mail.ovh.net`. */
	text: string;
	ttl: number;
	/** How the check judged this record. */
	judgement: 'ok' | 'legacy' | 'unverified' | 'wrong';
}

export interface Verdict {
	check: CheckId;
	status: CheckStatus;
	/** What was found, said as a verdict. */
	message: Message;
	/** The values expected, in presentation form (host names or SRV data). */
	expected: string[];
	found: FoundRecord[];
	/** How to fix it; absent on `pass`. */
	fix?: Message;
	/** Extra facts: the setup was inferred, the server could not be verified, ... */
	notes: Message[];
	/** Where the check is explained: a diagnostic anchor (`mx`) or a DNS page one (`dns:spf`). */
	anchor: CheckAnchor;
	/** `false` for a check that reads no DNS record (the registration): no expected/found lists. */
	records?: false;
	/** Pages the verdict points to (the registrar's site), `http(s)` only, shown after the notes. */
	links?: VerdictLink[];
}

/** A link in a verdict: its text as a message, and where it goes. */
export interface VerdictLink {
	message: Message;
	href: string;
}

export interface MxVerdict extends Verdict {
	check: 'mx';
	/** The setup the MX were judged against. */
	setup: Setup;
	/** True when the person did not give the setup and it was inferred from the MX. */
	setupInferred: boolean;
}

/** Shown in expected values when the person did not give their server's host name. */
export { SERVER_PLACEHOLDER, serverPlaceholder } from '../records/expectedRecords';
