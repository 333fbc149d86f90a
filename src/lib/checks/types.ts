/**
 * What a DNS check says, independent of language and of the DOM: the DNS checker, the decision
 * tree and the tests all read these. Texts are UI string keys (`dns.*` in src/content/i18n) with
 * parameters; the component resolves them in the page's language.
 */
import type { DiagnosticAnchor } from '../../schemas/common';
import type { Setup } from '../../schemas/provider';

/** `error` means "could not check" (timeout, SERVFAIL, blocked): never a misconfiguration. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error';

export type CheckId = 'mx' | 'srv';

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
	/** The diagnostic page anchor that explains this check. */
	anchor: DiagnosticAnchor;
}

export interface MxVerdict extends Verdict {
	check: 'mx';
	/** The setup the MX were judged against. */
	setup: Setup;
	/** True when the person did not give the setup and it was inferred from the MX. */
	setupInferred: boolean;
}

/** Shown in expected values when the person did not give their server's host name. */
export { SERVER_PLACEHOLDER } from '../records/expectedRecords';
