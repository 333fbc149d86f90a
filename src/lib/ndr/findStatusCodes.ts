/**
 * Finds delivery status codes in free text (a bounce's human-readable part, a Diagnostic-Code,
 * a pasted SMTP reply). Pure and linear: one pass of non-backtracking regular expressions.
 *
 * Every code returned is a substring of the input, never normalised or guessed, so the page
 * never shows a code the bounce does not contain. Only codes written where a server writes one
 * count: after an SMTP reply code (`550 5.1.1`), after `#` (`(#5.1.2)`), at the start of a line,
 * or after a label (`said:`, `Status:`, `code`); "PHPMailer 5.2.7" and "Version 5.1.1 of the app"
 * are prose, not codes.
 */

export interface EnhancedHit {
	kind: 'enhanced';
	/** The enhanced status code exactly as written, e.g. `5.1.1`. */
	code: string;
	/** The SMTP reply code written just before it (`550 5.1.1`), when there is one. */
	reply?: string;
	/** Offset of the code in the text. */
	index: number;
	/**
	 * A reply to a command sent after the one that failed: `503 5.5.1 Need RCPT` answers the DATA
	 * a client sends once every RCPT TO was refused (RFC 5321 §3.3, §4.2.1 "Bad sequence of
	 * commands"). It is a consequence, never the reason.
	 */
	followUp?: true;
	/**
	 * Written at the start of a line with nothing to say it is a code (no reply code, `#` or
	 * label): a code when the message is a bounce ("5.2.1 <a@b>... User Unknown", GMX), but not
	 * enough on its own to say that the message is one.
	 */
	weak?: true;
}

export interface ReplyHit {
	kind: 'reply';
	/** A three-digit SMTP reply code (RFC 5321 §4.2) with no enhanced code after it. */
	reply: string;
	index: number;
	followUp?: true;
	/** At a line start with no transcript mark (`<<<`): "550 people came" could be prose. */
	weak?: true;
}

export type StatusHit = EnhancedHit | ReplyHit;

/*
 * An enhanced code in running text. Without a reply code before it, subjects are limited to 0-7,
 * the ones RFC 3463 defines, so that version numbers such as "(Exim 4.94.2)" are not taken for
 * codes; after a reply code ("554 5.9.42") any subject is a code, one the registry does not list.
 * Not preceded by a word character, a dot, "@" or "-"; not followed by a word character, "@",
 * ".digit" or "-digit": this rejects IP addresses (192.5.1.1), dates (5.7.2024), message IDs and
 * longer dotted numbers. An optional reply code before it ("550 5.1.1", "550-5.1.1", "550 #5.1.1",
 * Gmail's doubled "554 554 5.7.1", Postfix's "said: 550" folded before "5.1.1" on the next line)
 * is captured; replies of class 2 and 3 are captured to be
 * dropped: "250 2.1.5 Ok" is a command that succeeded.
 */
const ENHANCED =
	/(?<![\w.@-])(?:([2-5][0-5]\d)(?:[ -]|\r?\n[ \t]+)(?:\1[ -])?#?)?([245])\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})(?![\w@]|[.-]\d)/g;

/*
 * What may stand before an enhanced code written without a reply code, on the same line: an
 * opening bracket, `#`, a colon or semicolon, a quote, or a label a report puts before a code
 * (MARK_LEAD); or only the line start, after spaces, quoting or `>>>`/`<<<` transcript marks
 * (LINE_LEAD, a weak hit).
 */
const MARK_LEAD =
	/(?:[#([:;'"=]|\b(?:said|returned|status|statut|stato|code|codice|error|erreur|errore|reason|raison|motivo)[ \t]*:?)[ \t]*$/i;
const LINE_LEAD = /^[ \t<>]*$/;

/*
 * A bare SMTP reply with text and no enhanced code ("550 Requested action not taken"): only at
 * the start of a line (after optional spaces, quoting or transcript marks) or after "smtp;",
 * "said:", "returned '" and the like, so that ordinary numbers in prose are not taken for replies.
 */
const REPLY = /(?:^([ \t<>]*)|[;:'"(#][ \t]?)([245][0-5]\d)(?=[ -][A-Za-z<([])/gm;

/** Words of a follow-up reply (see EnhancedHit.followUp). */
const FOLLOW_UP =
	/^[^\n]{0,40}?\b(?:need (?:a )?rcpt|no (?:valid )?recipients|rcpt first|need mail|bad sequence|valid rcpt|no valid rcpt)/i;

/**
 * The text before `index` on its line, up to 60 characters; marked with a leading `x` when the
 * line goes on further back, so that it cannot pass for a line start. Bounded, so that a long
 * text without line ends stays linear.
 */
function lineLead(text: string, index: number): string {
	const from = Math.max(0, index - 61);
	const chunk = text.slice(from, index);
	const lineEnd = chunk.lastIndexOf('\n');
	if (lineEnd >= 0) return chunk.slice(lineEnd + 1);
	return from === 0 ? chunk : `x${chunk}`;
}

/**
 * The line before the one at `index` ends with a colon ("Remote host said:", "The error that the
 * other server returned was:"): what starts the next line is what the server said.
 */
function afterColonLine(text: string, index: number): boolean {
	const before = text.slice(Math.max(0, index - 300), index);
	return /:[ \t]*\r?\n[ \t<>]*$/.test(before);
}

/** Finds enhanced codes and bare SMTP reply codes, in order of appearance. */
export function findStatusCodes(text: string): StatusHit[] {
	const hits: StatusHit[] = [];
	const enhancedReplyAt = new Set<number>();
	for (const match of text.matchAll(ENHANCED)) {
		const code = `${match[2]}.${match[3]}.${match[4]}`;
		const index = match.index + match[0].length - code.length;
		const reply = match[1];
		if (reply) enhancedReplyAt.add(match.index);
		// A success (2xx, 2.x.x) or an intermediate reply (3xx) is not a failure to explain.
		if (match[2] === '2' || (reply && reply[0] !== '4' && reply[0] !== '5')) continue;
		let weak = false;
		if (!reply) {
			if (Number(match[3]) > 7) continue;
			const lead = lineLead(text, index);
			if (!MARK_LEAD.test(lead)) {
				if (!LINE_LEAD.test(lead)) continue;
				weak = !afterColonLine(text, index);
			}
		}
		const hit: EnhancedHit = { kind: 'enhanced', code, index };
		if (reply) hit.reply = reply;
		if (weak) hit.weak = true;
		if (reply === '503' || FOLLOW_UP.test(text.slice(index + code.length, index + 120)))
			hit.followUp = true;
		hits.push(hit);
	}
	for (const match of text.matchAll(REPLY)) {
		const index = match.index + match[0].length - 3;
		if (enhancedReplyAt.has(index)) continue;
		const reply = match[2];
		if (reply[0] === '2') continue;
		const hit: ReplyHit = { kind: 'reply', reply, index };
		if (match[1] !== undefined && !/[<>]/.test(match[1]) && !afterColonLine(text, index))
			hit.weak = true;
		if (reply === '503' || FOLLOW_UP.test(text.slice(index + 3, index + 100))) hit.followUp = true;
		hits.push(hit);
	}
	return hits.sort((a, b) => a.index - b.index);
}
