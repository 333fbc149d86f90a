/**
 * Reads a bounce (non-delivery report): the recipients it is about and, for each, what the report
 * says of them (DSN fields, the server's reply, the SMTP command it answered, the report's words
 * about them), the status codes it gives, the server that wrote the report and the servers that
 * refused the message, and what says that the message is a bounce at all.
 *
 * Codes come only from the report's own fields and each recipient's diagnostic and text: never
 * from the returned original (cut at its marker), from replies to commands that succeeded or from
 * follow-up replies (findStatusCodes.ts). Takes postal-mime's parsed message or plain pasted
 * text. Pure: no DOM, no network, no MIME decoding of its own (postal-mime does that, see
 * analyzeBounce.ts).
 */
import type { Email } from 'postal-mime';
import { findStatusCodes, type StatusHit } from './findStatusCodes';
import { htmlToText } from './htmlToText';
import { parseDeliveryStatus, stripType, type DeliveryStatus } from './parseDeliveryStatus';
import {
	ADDRESS,
	NOT_RECIPIENT,
	findCommand,
	quoteReply,
	readRecipientBlocks,
	type SmtpCommand,
} from './readRecipientBlocks';
import { hasBouncePhrase, hasBounceSubject, hasDelayPhrase } from './bounceSignals';

/** Where in the bounce a code was found. */
export type CodeOrigin = 'status' | 'diagnostic' | 'text';

export interface CodeFinding {
	/** The enhanced status code, exactly as written in the bounce. */
	code: string;
	/** SMTP reply codes written next to it (`550`). */
	replies: string[];
	/** Where it was found; `status` is the RFC 3464 Status field. */
	origins: CodeOrigin[];
	/** Recipients it applies to, when the bounce says so. */
	recipients: string[];
}

/** One code or bare reply read for a recipient, with the reply it belongs to. */
export interface RecipientHit {
	code?: string;
	reply?: string;
	origin: 'diagnostic' | 'text';
	/** Only a line start says it is a code (findStatusCodes `weak`). */
	weak?: true;
	/** The command it answered, when the report says. */
	command?: SmtpCommand;
	/** The reply as one line of text. */
	quote: string;
}

export interface RecipientFinding {
	/** As written; empty when the report names no recipient (a pasted fragment of a reply). */
	address: string;
	/** failed | delayed | delivered | relayed | expanded (RFC 3464 §2.3.3), from the DSN. */
	action?: string;
	/** The DSN Status field's code. */
	status?: string;
	remoteMta?: string;
	/** The DSN Diagnostic-Code, without its type, unfolded. */
	diagnostic?: string;
	/** The Diagnostic-Code's type, lower case: `smtp` (the remote server's reply), `x-postfix`, ... */
	diagnosticType?: string;
	/** The codes and bare replies read for this recipient, the DSN diagnostic's first. */
	hits: RecipientHit[];
	/** What the report's text says about this recipient (its blocks, joined; at most 4,000 characters). */
	text: string;
}

/** What says that a message is a bounce. */
export interface BounceSignals {
	/** It has DSN fields (RFC 3464) naming a recipient. */
	dsn: boolean;
	/** Its headers say so: a report content type, a mailer-daemon sender, a bounce subject, X-Failed-Recipients. */
	header: boolean;
	/** Its text uses a bounce's words ("could not be delivered", "non remis", "non recapitabile"). */
	phrase: boolean;
	/** Its text or subject says delivery is delayed and still being tried. */
	delayed: boolean;
	/** A failure code or reply written as a server writes one (after a reply code, `#` or a label). */
	evidence: boolean;
}

export interface BounceReport {
	codes: CodeFinding[];
	/** SMTP reply codes found with no enhanced code next to them. */
	replies: string[];
	recipients: RecipientFinding[];
	/** The server that wrote the report (Reporting-MTA, Exchange's "Generating server", ...). */
	reportingMta?: string;
	/** Servers that refused or could not take the message. */
	remoteMtas: string[];
	/** Subject of the bounce, if it had headers. */
	subject?: string;
	signals: BounceSignals;
}

/** MIME types of the machine-readable part of a DSN (RFC 3464, RFC 6533). */
const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

/*
 * Where the returned copy of the original message starts inside a text part (qmail, Exim,
 * Exchange, Gmail, GMX, m-FILTER, and the French and Italian wording of Exchange), or where a
 * pasted multipart report reaches its returned part. Codes below the line belong to the original
 * message, not to the report.
 */
const ORIGINAL_MARKERS =
	/^[ \t]*(?:-{2,} ?This is a copy of (?:the|your) message|-{2,} ?Below this line is a copy of the message|Original message headers:|-{2,} ?Original message -{2,}|-{2,} ?The header of the original message is following|-{3,}original message|-{2,} ?Ceci est une copie du message|En-têtes (?:du|de) message d['’]origine ?:|-{2,} ?Di seguito una copia del messaggio|Intestazioni (?:del messaggio originale|originali del messaggio):|Content-Type:[ \t]*(?:message\/rfc822|text\/rfc822-headers|message\/global\b))/im;

const REPORTING_PATTERNS = [
	/^[ \t]*(?:Reporting-MTA)[ \t]*:[ \t]*(?:dns;[ \t]*)?([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})/im,
	/^[ \t]*(?:Generating server|Serveur de génération|Server di generazione)[ \t]*:[ \t]*\n?[ \t]*([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})/im,
	/(?:mail system at host|système de messagerie de l['’]hôte|sistema di posta dell['’]host)[ \t]+([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})/i,
];

/*
 * "host mx.example.org[192.0.2.1] said:" (Postfix), "host mx.example.org [192.0.2.1]" (Exim),
 * "connect to mx.example.org[192.0.2.1]:25" (Postfix delays).
 */
const REMOTE_HOST =
	/\b(?:host|connect to)[ \t]+([A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,})[ \t]*\[/gi;

/** A report keeps at most this many recipients (a real one lists a few; a mailing list, hundreds). */
const MAX_RECIPIENTS = 500;
/** Hits and text kept per recipient: a repeated report must not grow them without end. */
const MAX_HITS = 12;
const MAX_TEXT = 4000;
const MAX_LOOSE_HITS = 200;

export function cutOriginal(text: string): string {
	const match = ORIGINAL_MARKERS.exec(text);
	return match ? text.slice(0, match.index) : text;
}

/** The text after the returned original's marker line, or undefined when the text has none. */
export function afterOriginalMarker(text: string): string | undefined {
	const match = ORIGINAL_MARKERS.exec(text);
	if (!match) return undefined;
	const lineEnd = text.indexOf('\n', match.index + match[0].length);
	return lineEnd < 0 ? '' : text.slice(lineEnd + 1);
}

function header(email: Pick<Email, 'headers'> | undefined, key: string): string | undefined {
	return email?.headers?.find((h) => h.key === key)?.value;
}

const isAddress = (key: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(key);

class Collector {
	codes = new Map<string, CodeFinding>();
	replies = new Set<string>();
	recipients = new Map<string, RecipientFinding>();
	remoteMtas = new Set<string>();
	reportingMta?: string;
	fromDsn = false;
	evidence = false;

	/** Addresses of the bounce's own sender and recipient, which are never failing recipients. */
	constructor(readonly excluded: Set<string>) {}

	addCode(code: string, origin: CodeOrigin, reply?: string, recipient?: string) {
		let finding = this.codes.get(code);
		if (!finding) {
			finding = { code, replies: [], origins: [], recipients: [] };
			this.codes.set(code, finding);
		}
		if (!finding.origins.includes(origin)) finding.origins.push(origin);
		if (reply && !finding.replies.includes(reply)) finding.replies.push(reply);
		if (recipient && !finding.recipients.includes(recipient)) finding.recipients.push(recipient);
	}

	recipient(address: string): RecipientFinding | undefined {
		const key = address.toLowerCase();
		const existing = this.recipients.get(key);
		if (existing) return existing;
		if (key && (this.excluded.has(key) || NOT_RECIPIENT.test(key) || !isAddress(key)))
			return undefined;
		if (this.recipients.size >= MAX_RECIPIENTS) return undefined;
		const finding: RecipientFinding = { address, hits: [], text: '' };
		this.recipients.set(key, finding);
		return finding;
	}

	/** Hits of free text, kept for `who`; the report's codes and replies list them too. */
	addHits(
		who: RecipientFinding,
		text: string,
		hits: StatusHit[],
		origin: 'diagnostic' | 'text',
		from = 0,
		to = text.length
	) {
		for (let i = 0; i < hits.length; i++) {
			const hit = hits[i];
			if (hit.followUp) continue;
			if (!hit.weak) this.evidence = true;
			if (who.hits.length >= MAX_HITS) break;
			const next = hits[i + 1]?.index ?? to;
			const replyAt =
				hit.kind === 'enhanced' && hit.reply ? text.lastIndexOf(hit.reply, hit.index) : hit.index;
			const lead = text.slice(Math.max(0, hit.index - 400), hit.index);
			const lineStart = hit.index - lead.length + lead.lastIndexOf('\n') + 1;
			const quoteFrom = hit.kind === 'enhanced' && !hit.reply ? Math.max(lineStart, from) : replyAt;
			// A Diagnostic-Code is one reply: quote all of it. In free text, the reply runs from its
			// reply code (or its line) to the next hit.
			const quote =
				origin === 'diagnostic'
					? text.replace(/\s+/g, ' ').trim().slice(0, 1200)
					: quoteReply(text, quoteFrom, Math.max(Math.min(next, to), hit.index + 1));
			const recorded: RecipientHit = { origin, quote };
			if (hit.kind === 'enhanced') {
				recorded.code = hit.code;
				if (hit.reply) recorded.reply = hit.reply;
				if (hit.weak) recorded.weak = true;
				this.addCode(hit.code, origin, hit.reply, who.address || undefined);
			} else {
				recorded.reply = hit.reply;
				this.replies.add(hit.reply);
			}
			const command = findCommand(text, from, hit.index, Math.min(next, to));
			if (command) recorded.command = command;
			who.hits.push(recorded);
		}
	}

	addText(who: RecipientFinding, text: string) {
		if (who.text.length >= MAX_TEXT) return;
		who.text = `${who.text}${who.text ? '\n' : ''}${text}`.slice(0, MAX_TEXT);
	}

	addDeliveryStatus(dsn: DeliveryStatus) {
		if (dsn.reportingMta && !this.reportingMta) this.reportingMta = dsn.reportingMta;
		for (const r of dsn.recipients) {
			const who = this.recipient(r.address);
			if (!who) continue;
			this.fromDsn = true;
			const fresh = who.action === undefined && who.status === undefined;
			// The first group for an address wins; a repeated one only fills what is missing.
			who.action ??= r.action;
			who.status ??= r.status;
			who.remoteMta ??= r.remoteMta;
			if (r.remoteMta) this.remoteMtas.add(r.remoteMta);
			if (r.diagnostic && who.diagnostic === undefined) {
				who.diagnostic = r.diagnostic;
				who.diagnosticType = r.diagnosticType;
				this.addHits(who, r.diagnostic, findStatusCodes(r.diagnostic), 'diagnostic');
				for (const match of r.diagnostic.matchAll(REMOTE_HOST)) this.remoteMtas.add(match[1]);
			}
			if (r.status && fresh) {
				this.addCode(r.status, 'status', undefined, who.address);
				if (r.status[0] !== '2') this.evidence = true;
			}
		}
	}

	/**
	 * The report's text: split into recipients' blocks; each block's hits and words go to its
	 * recipient. With a DSN, only its recipients are kept (the text may name an address the DSN
	 * rewrote); without, each block's address is a recipient.
	 */
	addReportText(raw: string, failedHeader: string[], cut = cutOriginal(raw)) {
		const text = cut;
		const hits = findStatusCodes(text);
		const blocks = readRecipientBlocks(text, this.excluded);
		let h = 0;
		for (const block of blocks) {
			// Blocks and hits are both in text order: one pointer walks the hits once.
			while (h < hits.length && hits[h].index < block.start) h++;
			const own: StatusHit[] = [];
			for (let i = h; i < hits.length && hits[i].index < block.end; i++) own.push(hits[i]);
			const key = block.address.toLowerCase();
			const who = this.fromDsn ? this.recipients.get(key) : this.recipient(block.address);
			if (!who) continue;
			this.addHits(who, text, own, 'text', block.start, block.end);
			this.addText(
				who,
				text.slice(block.bodyStart, Math.min(block.end, block.bodyStart + MAX_TEXT))
			);
		}
		if (!this.fromDsn) for (const address of failedHeader) this.recipient(address);
		if (blocks.length === 0) this.addLooseHits(text, hits);
		this.scanServers(raw, text);
	}

	/**
	 * No block: the hits go to an address on their line or the three before it ("... recapitato a
	 * mario@esempio.it / Il server ha risposto: 550 5.1.1"), or to the report's only recipient,
	 * or to an unnamed recipient (a reply pasted alone).
	 */
	addLooseHits(text: string, hits: StatusHit[]) {
		// Enough to find whom a report is about; a huge paste of repeated lines adds nothing more.
		let seen = 0;
		for (let index = 0; index < hits.length && seen < MAX_LOOSE_HITS; index++) {
			const hit = hits[index];
			if (hit.followUp) continue;
			seen++;
			let who: RecipientFinding | undefined;
			if (!this.fromDsn) {
				const before = text.slice(Math.max(0, hit.index - 600), hit.index).split('\n');
				const near = [...before.slice(-4).join('\n').matchAll(ADDRESS)].map((m) => m[1]);
				for (let i = near.length - 1; i >= 0 && !who; i--) who = this.recipient(near[i]);
			}
			if (!who) {
				const all = [...this.recipients.values()];
				who = all.length === 1 ? all[0] : this.fromDsn ? undefined : this.recipient('');
			}
			if (!who) continue;
			this.addHits(who, text, [hit], 'text', 0, hits[index + 1]?.index ?? text.length);
			if (!who.text) this.addText(who, text.slice(0, MAX_TEXT));
		}
	}

	scanServers(raw: string, report: string) {
		if (!this.reportingMta) {
			for (const pattern of REPORTING_PATTERNS) {
				const match = pattern.exec(raw);
				if (match) {
					this.reportingMta = match[1];
					break;
				}
			}
		}
		for (const match of report.matchAll(REMOTE_HOST)) this.remoteMtas.add(match[1]);
	}

	report(subject: string | undefined, text: string, headerSignal: boolean): BounceReport {
		// Specific codes first: a DSN often says "Status: 5.0.0" while its Diagnostic-Code says 5.7.606.
		const codes = [...this.codes.values()];
		const isUndetailed = (c: CodeFinding) => /\.0\.0$/.test(c.code);
		codes.sort((a, b) => Number(isUndetailed(a)) - Number(isUndetailed(b)));
		const replied = new Set(codes.flatMap((c) => c.replies));
		const head = text.slice(0, 20_000);
		return {
			codes,
			replies: [...this.replies].filter((r) => !replied.has(r)),
			recipients: [...this.recipients.values()],
			reportingMta: this.reportingMta,
			remoteMtas: [...this.remoteMtas],
			subject,
			signals: {
				dsn: this.fromDsn,
				header: headerSignal,
				phrase: hasBouncePhrase(head),
				delayed: hasDelayPhrase(head) || (subject ? hasDelayPhrase(subject) : false),
				evidence: this.evidence,
			},
		};
	}
}

/** The parts of a postal-mime result this module reads. */
export type ParsedBounce = Pick<
	Email,
	'headers' | 'text' | 'html' | 'attachments' | 'subject' | 'from' | 'to'
>;

/** ISO-2022-JP's escape to JIS X 0208 (RFC 1468): Japanese servers write DSN text in it. */
const JIS_ESCAPE = new RegExp(`${String.fromCharCode(0x1b)}\\$[@B]`);

function textOf(content: ArrayBuffer | Uint8Array | string): string {
	if (typeof content === 'string') return content;
	// DSN fields are ASCII (RFC 3464) or UTF-8 (RFC 6533 global DSN); a 7-bit ISO-2022-JP
	// Diagnostic-Code (Lotus Domino) is read as such rather than shown as escape sequences.
	const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
	return JIS_ESCAPE.test(text) ? new TextDecoder('iso-2022-jp').decode(content) : text;
}

/** True when a parsed message is itself a report (so its message/rfc822 part is the returned original). */
export function isReport(email: ParsedBounce): boolean {
	const type = header(email, 'content-type') ?? '';
	return (
		/multipart\/report/i.test(type) ||
		email.attachments.some((a) => DSN_TYPES.has(a.mimeType.toLowerCase()))
	);
}

const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

/**
 * Reads one bounce. `input` is postal-mime's result for the message, or plain text that was
 * pasted without MIME structure.
 */
export function parseBounce(input: ParsedBounce | string): BounceReport {
	if (typeof input === 'string') {
		const collector = new Collector(new Set());
		const report = cutOriginal(input);
		collector.addDeliveryStatus(parseDeliveryStatus(report));
		collector.addReportText(input, [], report);
		return collector.report(undefined, input, false);
	}
	const email = input;
	const excluded = new Set<string>();
	for (const list of [email.to ?? [], email.from ? [email.from] : []]) {
		for (const a of list) if ('address' in a && a.address) excluded.add(a.address.toLowerCase());
	}
	const collector = new Collector(excluded);
	for (const attachment of email.attachments) {
		if (DSN_TYPES.has(attachment.mimeType.toLowerCase())) {
			collector.addDeliveryStatus(parseDeliveryStatus(textOf(attachment.content)));
		}
	}
	const body = email.text ?? (email.html ? htmlToText(email.html) : '');
	// Exim and Gmail name the failed addresses in a header too.
	const failed = (header(email, 'x-failed-recipients') ?? '')
		.split(',')
		.map((a) => stripType(a.trim()))
		.filter(Boolean);
	collector.addReportText(body, failed);
	const from = email.from && 'address' in email.from ? email.from.address : undefined;
	if (!collector.reportingMta) {
		const host =
			from && /^(?:mailer-daemon|postmaster)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$/i.exec(from)?.[1];
		if (host) collector.reportingMta = host;
	}
	const headerSignal =
		isReport(email) ||
		failed.length > 0 ||
		(from ? BOUNCE_SENDER.test(from) : false) ||
		(email.subject ? hasBounceSubject(email.subject) : false);
	return collector.report(email.subject, body, headerSignal);
}

/** Merges the reports of a message and the bounces nested in it. */
export function mergeReports(reports: BounceReport[]): BounceReport {
	const [first, ...rest] = reports;
	const merged: BounceReport = structuredClone(first);
	for (const r of rest) {
		for (const c of r.codes) {
			const existing = merged.codes.find((m) => m.code === c.code);
			if (!existing) merged.codes.push(structuredClone(c));
			else {
				for (const key of ['replies', 'origins', 'recipients'] as const) {
					for (const v of c[key])
						if (!(existing[key] as string[]).includes(v)) (existing[key] as string[]).push(v);
				}
			}
		}
		for (const reply of r.replies) if (!merged.replies.includes(reply)) merged.replies.push(reply);
		for (const rec of r.recipients) {
			if (!merged.recipients.some((m) => m.address.toLowerCase() === rec.address.toLowerCase()))
				merged.recipients.push(structuredClone(rec));
		}
		for (const mta of r.remoteMtas)
			if (!merged.remoteMtas.includes(mta)) merged.remoteMtas.push(mta);
		merged.reportingMta ??= r.reportingMta;
		for (const key of Object.keys(merged.signals) as (keyof BounceSignals)[])
			merged.signals[key] ||= r.signals[key];
	}
	return merged;
}
