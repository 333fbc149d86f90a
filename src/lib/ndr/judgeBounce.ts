/**
 * One answer per recipient of a bounce: did delivery fail or is it still being tried, the one
 * status code that decides, the server's reply as it wrote it, why (a reason of reasons.ts) and
 * whether a Microsoft server wrote the code. And first, whether the message is a bounce at all:
 * a message that is not gets no verdict.
 */
import type { BounceReport, RecipientFinding, RecipientHit } from './parseBounce';
import { decideReason } from './decideReason';
import { deriveStatusCode } from './deriveStatusCode';
import { isMicrosoftServer } from './isMicrosoftServer';
import { parseStatusCode } from './parseStatusCode';
import type { ReasonId } from './reasons';
import type { SmtpCommand } from './readRecipientBlocks';

/** RFC 3464 §2.3.3. */
export const ACTIONS = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'] as const;
export type Action = (typeof ACTIONS)[number];

/** Where the decisive code comes from. */
export type CodeSource = 'status' | 'diagnostic' | 'text' | 'reply';

export interface RecipientVerdict {
	/** Lower case; empty when the report names no recipient. */
	address: string;
	action: Action;
	/** The decisive enhanced status code; absent when the report gives neither a code nor a reply. */
	code?: string;
	codeSource?: CodeSource;
	/** The DSN Status field when the decisive code is another (`Status: 5.0.0`, reply 5.7.606). */
	statusField?: string;
	/** The three-digit SMTP reply (RFC 5321 §4.2), when the report gives one. */
	reply?: string;
	/** What the server replied (or, for `reporting`, what the reporting server wrote), one line. */
	replyText?: string;
	/** `remote`: the receiving server's own reply; `reporting`: the report's server's words. */
	replyFrom?: 'remote' | 'reporting';
	remoteMta?: string;
	command?: SmtpCommand;
	reason: ReasonId;
	/** A Microsoft server wrote the code, so Microsoft's meaning of it applies. */
	microsoft: boolean;
}

export interface BounceVerdict {
	/** The message is a bounce (a delivery report or a server's reply). */
	bounce: boolean;
	/** Failed recipients first, then delayed ones, then the rest, each in the report's order. */
	recipients: RecipientVerdict[];
	reportingMta?: string;
}

const isAction = (value: string | undefined): value is Action =>
	(ACTIONS as readonly (string | undefined)[]).includes(value);

/** A code that says more than its class: a detail, or a subject other than "other". */
const isUndetailed = (code: string) => /^\d\.0\.0$/.test(code);

/**
 * The decisive code: the DSN Status field; else the first code in the diagnostic, then in the
 * recipient's text; else one derived from the reply. sisimai's `status.Prefer()` rule is kept for
 * an undetailed Status: "Status: 5.0.0" beside a diagnostic "550 5.7.606" is the 5.7.606.
 */
function decisiveCode(r: RecipientFinding): {
	code?: string;
	source?: CodeSource;
	hit?: RecipientHit;
} {
	const failures = r.hits.filter((h) => !h.code || h.code[0] !== '2');
	const coded = failures.filter((h) => h.code);
	const inDiagnostic = coded.find((h) => h.origin === 'diagnostic');
	// In free text, a code written after a reply code is the server's reply; one after a label or
	// `#` comes next; one that only starts a line, last.
	const text = coded.filter((h) => h.origin === 'text');
	const inText = text.find((h) => h.reply) ?? text.find((h) => !h.weak) ?? text[0];
	if (r.status) {
		const specific = inDiagnostic ?? inText;
		if (
			isUndetailed(r.status) &&
			specific?.code &&
			specific.code[0] === r.status[0] &&
			!isUndetailed(specific.code)
		)
			return { code: specific.code, source: specific.origin, hit: specific };
		const same = coded.find((h) => h.code === r.status) ?? failures[0];
		return { code: r.status, source: 'status', hit: same };
	}
	if (inDiagnostic) return { code: inDiagnostic.code, source: 'diagnostic', hit: inDiagnostic };
	if (inText) return { code: inText.code, source: 'text', hit: inText };
	const replied = failures.find((h) => h.reply && !h.code);
	if (replied?.reply) {
		const code = deriveStatusCode(replied.reply);
		if (code) return { code, source: 'reply', hit: replied };
	}
	return {};
}

function judgeRecipient(r: RecipientFinding, report: BounceReport): RecipientVerdict {
	const { code, source, hit } = decisiveCode(r);
	const remote = r.diagnosticType === undefined || r.diagnosticType === 'smtp';
	// The server's reply: the Diagnostic-Code, else the reply read in the text; else, for a report
	// with no reply at all (Exchange 2003: "The recipient name is not recognized"), its own words.
	const ownWords = r.text.replace(/\s+/g, ' ').trim().slice(0, 400);
	const replyText =
		r.diagnostic?.replace(/\s+/g, ' ').trim() || hit?.quote || ownWords || undefined;
	const microsoft = isMicrosoftServer(
		r.remoteMta,
		report.reportingMta,
		`${replyText ?? ''}\n${r.text}`
	);
	const command = hit?.command ?? r.hits.find((h) => h.command)?.command;
	const parts = code ? parseStatusCode(code) : null;
	// Without a DSN Action, the report's words say whether it is a delay notice (Postfix's
	// "Delayed Mail (still being retried)", Exchange's "Delivery Status Notification (Delay)").
	const action: Action = isAction(r.action)
		? r.action
		: report.signals.delayed
			? 'delayed'
			: parts?.class === 2
				? 'delivered'
				: 'failed';
	const verdict: RecipientVerdict = {
		address: r.address.toLowerCase(),
		action,
		reason: decideReason({
			code,
			reply: hit?.reply,
			text: [replyText, r.text].filter(Boolean).join('\n'),
			command,
			action,
			microsoft,
			diagnosticType: r.diagnosticType,
		}),
		microsoft,
	};
	if (code) verdict.code = code;
	if (source) verdict.codeSource = source;
	if (r.status && r.status !== code) verdict.statusField = r.status;
	const reply = hit?.reply ?? r.hits.find((h) => h.reply)?.reply;
	if (reply) verdict.reply = reply;
	if (replyText) {
		verdict.replyText = replyText;
		verdict.replyFrom =
			(r.diagnostic && !remote) || (!r.diagnostic && !hit?.quote) ? 'reporting' : 'remote';
	}
	if (r.remoteMta) verdict.remoteMta = r.remoteMta;
	if (command) verdict.command = command;
	return verdict;
}

const ORDER: Record<Action, number> = {
	failed: 0,
	delayed: 1,
	delivered: 2,
	relayed: 2,
	expanded: 2,
};

/** A message is a bounce when its fields, headers or a server's reply say so (BounceSignals). */
export function isBounce(report: BounceReport): boolean {
	const s = report.signals;
	return s.dsn || s.evidence || s.header || (s.phrase && report.recipients.some((r) => r.address));
}

export function judgeBounce(report: BounceReport): BounceVerdict {
	if (!isBounce(report)) return { bounce: false, recipients: [] };
	const recipients = report.recipients
		// An unnamed recipient is kept only for a reply pasted alone, with a code or reply to tell.
		.filter((r) => r.address || r.hits.length > 0)
		.map((r) => judgeRecipient(r, report))
		.map((v, i) => ({ v, i }))
		.sort((a, b) => ORDER[a.v.action] - ORDER[b.v.action] || a.i - b.i)
		.map(({ v }) => v);
	return { bounce: true, recipients, reportingMta: report.reportingMta };
}
