/**
 * Splits the human-readable part of a bounce into one block of text per recipient, and reads,
 * next to a server's reply, which SMTP command it answered and the reply itself.
 *
 * Every mail system starts a recipient's part of its report with a line that leads with the
 * address: Postfix `<a@b>: host ... said:`, qmail and Yahoo `<a@b>:`, Exim `  a@b`, Sendmail
 * `<a@b>` then `(reason: ...)`, GMX `"a@b":`, Exchange `Name<mailto:a@b>` and, in its part for
 * administrators, `a@b`, Exchange 2003 `a@b on <date>`, transcripts `>>> RCPT TO:<a@b>`. A line
 * that only mentions an address ("For assistance, contact <support@...>") does not start a block.
 * Pure and linear: one pass over the lines.
 */

/** The SMTP commands a reply can answer (RFC 5321 §4.1.1); `CONN` is the greeting. */
export type SmtpCommand = 'CONN' | 'HELO' | 'EHLO' | 'MAIL' | 'RCPT' | 'DATA';

export interface RecipientBlock {
	/** The address as written. */
	address: string;
	/** Offsets of the block in the text: from its leading line to the next block (or the end). */
	start: number;
	end: number;
	/** Where the address line ends: the block's own text starts there. */
	bodyStart: number;
	/** The block starts with a transcript line `>>> RCPT TO:<a@b>`. */
	rcptLine: boolean;
}

const ADDRESS_SOURCE = "[A-Za-z0-9._%+'=-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+";

/** A line leading with an address (see the module comment for the shapes). */
const LEADING_ADDRESS = new RegExp(
	`^[ \\t]*(?:>>>[ \\t]*RCPT[ \\t]+TO:[ \\t]*)?["<(]?(${ADDRESS_SOURCE})[">)]?[ \\t]*(?::|<mailto:[^>]{1,200}>|[ \\t]on[ \\t]|\\(|$)`,
	'i'
);
/** Exchange's "Display Name<mailto:a@b>" line. */
const NAMED_MAILTO = new RegExp(
	`^[ \\t]*[^<>@\\s][^<>@]{0,80}<mailto:(${ADDRESS_SOURCE})>[ \\t]*$`,
	'i'
);
const TRANSCRIPT_RCPT = /^[ \t]*>>>[ \t]*RCPT/i;
/**
 * Lines that end a block without starting another: the machine-readable fields of a DSN pasted
 * as text (RFC 3464 §2), and MIME boundaries and part headers. They belong to no one's reply.
 */
const BLOCK_END =
	/^(?:(?:Reporting-MTA|Final-Recipient|Original-Recipient|Received-From-MTA|Arrival-Date|X-Postfix-[A-Za-z-]+|Content-Type|Content-Description)[ \t]*:|--[!-~]{6,}[ \t]*$)/i;

const BLOCK_END_FIRST = 'rfoaxc';

/** Addresses that are never the failing recipient. */
export const NOT_RECIPIENT = /^(?:mailer-daemon|postmaster|no-?reply)@/i;

export const ADDRESS = new RegExp(`<?(${ADDRESS_SOURCE})>?`, 'g');

/** Longest line tested for a leading address: report lines are short, base64 lines have no "@". */
const MAX_LINE = 400;

/**
 * The blocks of `text`, in order. `excluded` holds the bounce's own sender and recipient
 * (lower case), which are never failing recipients.
 */
export function readRecipientBlocks(text: string, excluded: Set<string>): RecipientBlock[] {
	const blocks: RecipientBlock[] = [];
	let start = 0;
	while (start < text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		if (end - start <= MAX_LINE) {
			const line = text.slice(start, end);
			const previous = blocks.at(-1);
			// BLOCK_END lines start with "-" or a letter of its field names: test only those.
			const first = line.charCodeAt(0) | 0x20;
			const mayEnd =
				first === 0x2d ||
				(first >= 0x61 && first <= 0x7a && BLOCK_END_FIRST.includes(line[0].toLowerCase()));
			if (mayEnd && previous && previous.end === text.length && BLOCK_END.test(line))
				previous.end = start;
			if (line.includes('@')) {
				const match = LEADING_ADDRESS.exec(line) ?? NAMED_MAILTO.exec(line);
				const address = match?.[1];
				// The same address again goes on with its block: Postfix folds a reply onto lines that
				// start with the address ("    <a@b>: Recipient address rejected: ..."), Exchange names
				// it again in its part for administrators.
				const again =
					previous?.end === text.length &&
					previous.address.toLowerCase() === address?.toLowerCase();
				if (
					address &&
					!again &&
					!excluded.has(address.toLowerCase()) &&
					!NOT_RECIPIENT.test(address)
				) {
					if (previous && previous.end === text.length) previous.end = start;
					blocks.push({
						address,
						start,
						end: text.length,
						bodyStart: Math.min(end + 1, text.length),
						rcptLine: TRANSCRIPT_RCPT.test(line),
					});
				}
			}
		}
		start = end + 1;
	}
	return blocks;
}

/*
 * Where a report says which command a reply answered. After the reply: Postfix "(in reply to
 * RCPT TO command)", Yahoo "[RCPT_TO]", m-FILTER "-------SMTP command / DATA". Before it: Exim
 * and GMX "SMTP error from remote mail server after RCPT TO:<a@b>:", transcripts ">>> DATA".
 */
const AFTER_REPLY =
	/\(in\s+reply\s+to\s+(RCPT\s+TO|MAIL\s+FROM|end\s+of\s+DATA|DATA|EHLO|HELO)\s+command\)|\[(RCPT_TO|MAIL_FROM|DATA)\]|-+\s*SMTP command\s*\r?\n\s*(RCPT|MAIL|DATA|EHLO|HELO)\b/i;
const BEFORE_REPLY =
	/\bafter\s+(RCPT TO|MAIL FROM|RCPT|MAIL|end of data|DATA|initial connection|EHLO|HELO)\b|^[ \t]*>>>[ \t]*(RCPT|MAIL|DATA|EHLO|HELO)\b/gim;

function commandOf(word: string): SmtpCommand {
	const w = word.toUpperCase().replace(/\s+/g, ' ');
	if (w.startsWith('RCPT')) return 'RCPT';
	if (w.startsWith('MAIL')) return 'MAIL';
	if (w.startsWith('EHLO')) return 'EHLO';
	if (w.startsWith('HELO')) return 'HELO';
	if (w.startsWith('INITIAL')) return 'CONN';
	return 'DATA';
}

/**
 * The command a reply at `at` answered, read in `text` between `from` (the block's start) and
 * `to` (the next reply, or the block's end).
 */
export function findCommand(
	text: string,
	from: number,
	at: number,
	to: number
): SmtpCommand | undefined {
	const after = AFTER_REPLY.exec(text.slice(at, Math.min(to, at + 600)));
	if (after) return commandOf(after[1] ?? after[2] ?? after[3]);
	let last: string | undefined;
	for (const match of text.slice(Math.max(from, at - 2000), at).matchAll(BEFORE_REPLY))
		last = match[1] ?? match[2];
	return last ? commandOf(last) : undefined;
}

/** Postfix's own note after a reply, not part of what the server said. */
const REPLY_NOTE = /\s*\(in\s+reply\s+to\s+[A-Za-z\s]{2,24}?\s+command\)/gi;

/**
 * The server's reply that starts at `at`, as one line of text: the rest of its line and the
 * lines that continue it (folded lines start with spaces; multi-line replies repeat the code,
 * `550-5.7.26 ...`), up to a blank line, a transcript command or `to`. At most 1,200 characters.
 */
export function quoteReply(text: string, at: number, to: number): string {
	let end = at;
	let first = true;
	while (end < to) {
		let lineEnd = text.indexOf('\n', end);
		if (lineEnd < 0 || lineEnd > to) lineEnd = to;
		const line = text.slice(end, lineEnd);
		if (!first && (line.trim() === '' || !/^(?:[ \t]|<<<|[245]\d\d[ -])/.test(line))) break;
		if (!first && /^[ \t]*>>>/.test(line)) break;
		first = false;
		end = lineEnd + 1;
		if (end - at > 1200) break;
	}
	return text
		.slice(at, Math.min(end, to, at + 1200))
		.replace(REPLY_NOTE, '')
		.replace(/\s*<<<\s*/g, ' ')
		.replace(/\s+/g, ' ')
		.replace(/\s*(?:##|'|")\s*$/, '')
		.trim();
}
