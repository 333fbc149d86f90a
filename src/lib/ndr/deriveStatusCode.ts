/**
 * The enhanced status code a bare SMTP reply stands for, when the report gives no enhanced code.
 *
 * RFC 3463 §3.1: X.0.0 is the code "for all errors for which only the class of the error is
 * known"; the reply's first digit is that class (RFC 5321 §4.2.1: 4yz transient, 5yz permanent).
 * A reply says more only where the IANA registry of enhanced codes (RFC 5248 §2.4) lists it as
 * the "associated basic status code" of exactly one enhanced code: those are the rows below.
 * Every other reply is associated with several (550 with 5.1.1, 5.3.0, 5.4.3, 5.7.1, ...; 552
 * with 5.2.2 mailbox full, 5.2.3 message too long for the mailbox and 5.3.4 message too big for
 * the system), so it stays X.0.0 and the reply's text tells the reason (decideReason.ts).
 * sisimai maps replies to reasons the same cautious way (`smtp/reply/lib.go`, `associated`).
 */
export const REPLY_STATUS: Readonly<Record<string, string>> = {
	/** RFC 4954 §4: "A password transition is needed". */
	'432': '4.7.12',
	/** RFC 5248: 422 was registered with X.7.12 as well. */
	'422': '4.7.12',
	/** RFC 7504 §3: "Host does not accept mail", registered with X.3.2. */
	'521': '5.3.2',
	/** RFC 5248: "Encryption Needed", X.7.10. */
	'523': '5.7.10',
	/** RFC 5248: "User Account Disabled", X.7.13. */
	'525': '5.7.13',
	/** RFC 4954 §6: "Authentication mechanism is too weak", X.7.9. */
	'534': '5.7.9',
	/** RFC 4954 §6: "Encryption required for requested authentication mechanism", X.7.11. */
	'538': '5.7.11',
	/** RFC 7504 §3, RFC 7505 §4.2: "Domain does not accept mail" (null MX), X.1.10. */
	'556': '5.1.10',
};

/** The code a reply stands for: its own row above, or `class.0.0`. */
export function deriveStatusCode(reply: string): string | undefined {
	if (!/^[45][0-5]\d$/.test(reply)) return undefined;
	return REPLY_STATUS[reply] ?? `${reply[0]}.0.0`;
}
