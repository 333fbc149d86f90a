/**
 * Reads a bounce (non-delivery report): the status codes it gives, the recipients that failed,
 * the server that wrote the report and the servers that refused the message.
 *
 * Takes either postal-mime's parsed message or plain pasted text. Pure: no DOM, no network,
 * no MIME decoding of its own (postal-mime does that, see analyzeBounce.ts).
 */
import type { Email } from 'postal-mime';
import { findStatusCodes } from './findStatusCodes';
import { htmlToText } from './htmlToText';
import { parseDeliveryStatus, stripType, type DeliveryStatus } from './parseDeliveryStatus';

/** Where in the bounce a code was found. */
export type CodeOrigin = 'status' | 'diagnostic' | 'text';

export interface CodeFinding {
	/** The enhanced status code, exactly as written in the bounce. */
	code: string;
	/** SMTP reply codes written next to it (`550`). */
	replies: string[];
	/** Where it was found; `status` is the RFC 3464 Status field. */
	origins: CodeOrigin[];
	/** Failed recipients it applies to, when the bounce says so. */
	recipients: string[];
}

export interface RecipientFinding {
	address: string;
	action?: string;
	status?: string;
	remoteMta?: string;
	diagnostic?: string;
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
}

/** MIME types of the machine-readable part of a DSN (RFC 3464, RFC 6533). */
const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);

/*
 * Where the returned copy of the original message starts inside a text part (qmail, Exim,
 * Exchange, and the French and Italian wording of common MTAs). Codes below the line belong to
 * the original message, not to the report.
 */
const ORIGINAL_MARKERS =
	/^[ \t]*(?:-{2,} ?This is a copy of the message|-{2,} ?Below this line is a copy of the message|Original message headers:|-{2,} ?Ceci est une copie du message|En-têtes du message d’origine :|En-têtes du message d'origine :|-{2,} ?Di seguito una copia del messaggio|Intestazioni del messaggio originale:)/im;

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

const ADDRESS = /<?([A-Za-z0-9._%+'=-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)>?/g;

/** Addresses that are never the failing recipient. */
const NOT_RECIPIENT = /^(?:mailer-daemon|postmaster|no-?reply)@/i;

function cutOriginal(text: string): string {
	const match = ORIGINAL_MARKERS.exec(text);
	return match ? text.slice(0, match.index) : text;
}

function header(email: Pick<Email, 'headers'> | undefined, key: string): string | undefined {
	return email?.headers?.find((h) => h.key === key)?.value;
}

function addressesIn(line: string): string[] {
	return [...line.matchAll(ADDRESS)].map((m) => m[1]);
}

class Collector {
	codes = new Map<string, CodeFinding>();
	replies = new Set<string>();
	recipients = new Map<string, RecipientFinding>();
	remoteMtas = new Set<string>();
	reportingMta?: string;
	/** Addresses of the bounce's own sender and recipient, which are never failing recipients. */
	constructor(private readonly excluded: Set<string>) {}

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

	addRecipient(
		address: string,
		details: Omit<RecipientFinding, 'address'> = {}
	): string | undefined {
		const key = address.toLowerCase();
		if (
			this.excluded.has(key) ||
			NOT_RECIPIENT.test(key) ||
			!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(key)
		)
			return undefined;
		const existing = this.recipients.get(key);
		// The DSN fields win; text found later only fills what is still missing.
		if (existing) {
			for (const field of ['action', 'status', 'remoteMta', 'diagnostic'] as const)
				existing[field] ??= details[field];
		} else this.recipients.set(key, { address, ...details });
		return address;
	}

	/** Codes and replies of free text; a recipient on the same or the previous lines goes with them. */
	scanText(raw: string, origin: CodeOrigin, recipient?: string) {
		const text = cutOriginal(raw);
		const hits = findStatusCodes(text);
		if (!hits.length) return;
		const lineStarts = [0];
		for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
		const lineOf = (index: number) => {
			let lo = 0;
			let hi = lineStarts.length - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >> 1;
				if (lineStarts[mid] <= index) lo = mid;
				else hi = mid - 1;
			}
			return lo;
		};
		const lineText = (n: number) =>
			text.slice(lineStarts[n], n + 1 < lineStarts.length ? lineStarts[n + 1] : undefined);
		for (const hit of hits) {
			if (hit.kind === 'reply') {
				this.replies.add(hit.reply);
				continue;
			}
			let who = recipient;
			if (!who) {
				const line = lineOf(hit.index);
				for (let n = line; n >= Math.max(0, line - 3) && !who; n--) {
					for (const address of addressesIn(lineText(n))) {
						who = this.addRecipient(address, { status: hit.code });
						if (who) break;
					}
				}
			}
			this.addCode(hit.code, origin, hit.reply, who);
		}
	}

	addDeliveryStatus(dsn: DeliveryStatus) {
		if (dsn.reportingMta && !this.reportingMta) this.reportingMta = dsn.reportingMta;
		for (const r of dsn.recipients) {
			const who = this.addRecipient(r.address, {
				action: r.action,
				status: r.status,
				remoteMta: r.remoteMta,
				diagnostic: r.diagnostic,
			});
			if (r.remoteMta) this.remoteMtas.add(r.remoteMta);
			if (r.diagnostic) {
				this.scanText(r.diagnostic, 'diagnostic', who);
				this.scanDiagnosticServers(r.diagnostic);
			}
			if (r.status) this.addCode(r.status, 'status', undefined, who);
		}
	}

	scanServers(text: string) {
		if (!this.reportingMta) {
			for (const pattern of REPORTING_PATTERNS) {
				const match = pattern.exec(text);
				if (match) {
					this.reportingMta = match[1];
					break;
				}
			}
		}
		for (const match of cutOriginal(text).matchAll(REMOTE_HOST)) this.remoteMtas.add(match[1]);
	}

	/** Remote servers named in Diagnostic-Code lines of a DSN. */
	scanDiagnosticServers(diagnostic: string) {
		for (const match of diagnostic.matchAll(REMOTE_HOST)) this.remoteMtas.add(match[1]);
	}

	report(subject?: string): BounceReport {
		// Specific codes first: a DSN often says "Status: 5.0.0" while its Diagnostic-Code says 5.7.606.
		const codes = [...this.codes.values()];
		const isUndetailed = (c: CodeFinding) => /\.0\.0$/.test(c.code);
		codes.sort((a, b) => Number(isUndetailed(a)) - Number(isUndetailed(b)));
		const replied = new Set(codes.flatMap((c) => c.replies));
		return {
			codes,
			replies: [...this.replies].filter((r) => !replied.has(r)),
			recipients: [...this.recipients.values()],
			reportingMta: this.reportingMta,
			remoteMtas: [...this.remoteMtas],
			subject,
		};
	}
}

/** The parts of a postal-mime result this module reads. */
export type ParsedBounce = Pick<
	Email,
	'headers' | 'text' | 'html' | 'attachments' | 'subject' | 'from' | 'to'
>;

function textOf(content: ArrayBuffer | Uint8Array | string): string {
	if (typeof content === 'string') return content;
	// DSN fields are ASCII (RFC 3464) or UTF-8 (RFC 6533 global DSN).
	return new TextDecoder('utf-8', { fatal: false }).decode(content);
}

/** True when a parsed message is itself a report (so its message/rfc822 part is the returned original). */
export function isReport(email: ParsedBounce): boolean {
	const type = header(email, 'content-type') ?? '';
	return (
		/multipart\/report/i.test(type) ||
		email.attachments.some((a) => DSN_TYPES.has(a.mimeType.toLowerCase()))
	);
}

/**
 * Reads one bounce. `input` is postal-mime's result for the message, or plain text that was
 * pasted without MIME structure.
 */
export function parseBounce(input: ParsedBounce | string): BounceReport {
	if (typeof input === 'string') {
		const collector = new Collector(new Set());
		collector.addDeliveryStatus(parseDeliveryStatus(cutOriginal(input)));
		collector.scanText(input, 'text');
		collector.scanServers(input);
		return collector.report();
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
	collector.scanText(body, 'text');
	collector.scanServers(body);
	// Exim and Gmail name the failed addresses in a header too.
	const failed = header(email, 'x-failed-recipients');
	if (failed)
		for (const address of failed.split(',')) collector.addRecipient(stripType(address.trim()));
	if (!collector.reportingMta) {
		const from = email.from && 'address' in email.from ? email.from.address : undefined;
		const host =
			from && /^(?:mailer-daemon|postmaster)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})$/i.exec(from)?.[1];
		if (host) collector.reportingMta = host;
	}
	return collector.report(email.subject);
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
				merged.recipients.push(rec);
		}
		for (const mta of r.remoteMtas)
			if (!merged.remoteMtas.includes(mta)) merged.remoteMtas.push(mta);
		merged.reportingMta ??= r.reportingMta;
	}
	return merged;
}
