/**
 * Finds delivery status codes in free text (a bounce's human-readable part, a Diagnostic-Code,
 * a pasted SMTP reply). Pure and linear: one pass of non-backtracking regular expressions.
 *
 * Every code returned is a substring of the input, never normalised or guessed, so the page
 * never shows a code the bounce does not contain.
 */

export interface EnhancedHit {
	kind: 'enhanced';
	/** The enhanced status code exactly as written, e.g. `5.1.1`. */
	code: string;
	/** The SMTP reply code written just before it (`550 5.1.1`), when there is one. */
	reply?: string;
	/** Offset of the code in the text. */
	index: number;
}

export interface ReplyHit {
	kind: 'reply';
	/** A three-digit SMTP reply code (RFC 5321 §4.2) with no enhanced code after it. */
	reply: string;
	index: number;
}

export type StatusHit = EnhancedHit | ReplyHit;

/*
 * An enhanced code in running text. Subjects are limited to 0-7, the ones RFC 3463 defines and
 * the only ones in use, so that version numbers such as "Exim 4.94.2" are not taken for codes.
 * Not preceded by a word character or a dot, not followed by a word character or ".digit":
 * this rejects IP addresses (192.5.1.1), dates (5.7.2024) and longer dotted numbers.
 * An optional reply code before it ("550 5.1.1", "550-5.1.1", "550 #5.1.1") is captured.
 */
const ENHANCED =
	/(?<![\w.])(?:([245][0-5]\d)[ -]#?)?([245])\.([0-7])\.(0|[1-9]\d{0,2})(?![\w]|\.\d)/g;

/*
 * A bare SMTP reply with text and no enhanced code ("550 Requested action not taken"): only at
 * the start of a line (after optional spaces or quoting) or after "smtp;", "said:", "returned '"
 * and the like, so that ordinary numbers in prose are not taken for replies.
 */
const REPLY = /(?:^[ \t>]*|[;:'"(#][ \t]?)([245][0-5]\d)(?=[ -][A-Za-z<([])/gm;

/** Finds enhanced codes and bare SMTP reply codes, in order of appearance. */
export function findStatusCodes(text: string): StatusHit[] {
	const hits: StatusHit[] = [];
	const enhancedReplyAt = new Set<number>();
	for (const match of text.matchAll(ENHANCED)) {
		const code = `${match[2]}.${match[3]}.${match[4]}`;
		const index = match.index + match[0].length - code.length;
		const hit: EnhancedHit = { kind: 'enhanced', code, index };
		if (match[1]) {
			hit.reply = match[1];
			enhancedReplyAt.add(match.index);
		}
		hits.push(hit);
	}
	for (const match of text.matchAll(REPLY)) {
		const index = match.index + match[0].length - 3;
		if (enhancedReplyAt.has(index)) continue;
		hits.push({ kind: 'reply', reply: match[1], index });
	}
	return hits.sort((a, b) => a.index - b.index);
}
