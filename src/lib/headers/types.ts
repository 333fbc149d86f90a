/**
 * What the message-headers analyzer returns (issue 16; contract in notes/headers-contract.md).
 * Values only: ids, results and text as the headers state them, never sentences; the page turns
 * them into words in the reader's language.
 */

/** `no-headers`: text without a header block (a message body); `binary`: not text at all. */
export type HeaderInputKind = 'headers' | 'no-headers' | 'binary';

/**
 * Warnings the page explains in words:
 * - `receivedWithoutDate`: a `Received` has no `;` date (params `hop`: its 1-based place in travel order);
 * - `receivedBadDate`: its date could not be read (params `hop`, `date`: the text after `;`);
 * - `receivedZoneMissing`: its date has no time zone, read as UTC (params `hop`);
 * - `truncated`: the header block was longer than `MAX_HEADER_CHARS` (4 MB) or held more than
 *   `MAX_FIELDS` fields; the rest was not read (params `limit`: the character limit);
 * - `fieldTooLong`: a field's value was longer than `MAX_FIELD_CHARS` and was cut (params `field`: its name, `limit`);
 * - `controlCharacters`: the headers hold control characters, kept as data (params `count`);
 * - `tooManyReceived`: more `Received` than `MAX_HOPS`; only the newest were read (params `limit`, `count`).
 */
export type HeaderWarningKey =
	| 'receivedWithoutDate'
	| 'receivedBadDate'
	| 'receivedZoneMissing'
	| 'truncated'
	| 'fieldTooLong'
	| 'controlCharacters'
	| 'tooManyReceived';

export interface HeaderWarning {
	key: HeaderWarningKey;
	params?: Record<string, string | number>;
}

export interface HeaderAnalysis {
	kind: HeaderInputKind;
	/** The message's identity for a support ticket, RFC 2047 encoded-words decoded to plain text. */
	identity: {
		messageId?: string;
		/** The `Date` field as written. */
		date?: string;
		/** The `Date` field in ISO 8601 UTC, when it could be read. */
		dateIso?: string;
		from?: string;
		to?: string;
		subject?: string;
	};
	/** OVHcloud's `X-Ovh-Tracer-Id` (what their support asks for). */
	tracerId?: string;
	/** One per `Received`, in travel order: the sender's side first. */
	hops: Hop[];
	/** Last timed hop's time minus the first timed hop's time, whole seconds; needs two timed hops. */
	totalDelaySeconds?: number;
	/** Index in `hops` of the largest positive delay. */
	longestHopIndex?: number;
	/** Index in `hops` of the hop where the recipient's side took the message (see `findRecipientHop`). */
	recipientHopIndex?: number;
	/** Whether the longest delay happened before the recipient's server took the message or after, inside the recipient's side. */
	delayBeforeRecipient?: 'before' | 'after';
	/**
	 * True when the topmost Authentication-Results was written before the message reached the
	 * recipient's side (it stands below the recipient's border hop's Received and names no server
	 * of the path): the sender's own server's check, such as OVHcloud's submission
	 * `garm.ovh; auth=pass`, not the recipient's judgement.
	 */
	authBeforeRecipient?: boolean;
	/** The topmost Authentication-Results, then the highest-instance ARC-Authentication-Results, then the topmost Received-SPF. */
	auth: AuthResult[];
	/** From each DKIM-Signature's `d=` and `s=`, in header order, without repeats. */
	dkimSelectors: { domain: string; selector: string }[];
	spam: SpamVerdict[];
	warnings: HeaderWarning[];
}

export interface Hop {
	/** The `from` clause's name (the HELO/EHLO the sender gave, or what the receiver looked up). */
	from?: string;
	/** The sending side's IP address when the `from` clause's comment states one. */
	fromIp?: string;
	/** The server that wrote this `Received`. */
	by?: string;
	/** The protocol as stated (`ESMTPS`, `ESMTPSA`, `SMTP`, `HTTP`, `Microsoft SMTP Server`, ...). */
	with?: string;
	/** The TLS version as stated (`TLS1_3`, `TLSv1.3`, `TLS1.2`, ...). */
	tls?: string;
	/** The TLS cipher as stated. */
	tlsCipher?: string;
	/** The `id` clause. */
	id?: string;
	/** The `for` clause (a recipient address). */
	for?: string;
	/** ISO 8601 UTC, undefined when the date is missing or unreadable. */
	time?: string;
	/** Whole seconds since the previous hop with a time; negative = the two servers' clocks disagree. */
	delaySeconds?: number;
	/** The unfolded `Received` value, to show as text. */
	raw: string;
}

export interface AuthResult {
	source: 'authentication-results' | 'arc' | 'received-spf';
	authservId?: string;
	/** ARC instance (`i=`), for `arc` results. */
	instance?: number;
	/** `spf`, `dkim`, `dmarc`, `arc`, `compauth`, `bimi`, ... (lower case). */
	method: string;
	/** `pass`, `fail`, `softfail`, `neutral`, `none`, `temperror`, `permerror`, ... (lower case). */
	result: string;
	/** `smtp.mailfrom`, `header.d`, `header.s`, `header.from`, `reason`, `action`, `client-ip`, ... */
	properties: Record<string, string>;
	/** The comment after the result, as written (`sender IP is 1.2.3.4`). */
	comment?: string;
}

export interface SpamVerdict {
	source: 'ovh' | 'microsoft' | 'spamassassin';
	/** The header it came from (its usual spelling). */
	header: string;
	/** X-VR-SPAMSCORE, SCL, X-Spam-Score / X-Spam-Status score. */
	score?: number;
	/** X-VR-SPAMSTATE (`OK`, `SPAM`...), Forefront's SFV, X-Spam-Status / X-Spam-Flag `yes` / `no`. */
	verdict?: string;
	/**
	 * Name/value pairs: Forefront's `SCL`, `SFV`, `CAT`, `IPV`, `CIP`...; SpamAssassin's `required`,
	 * `tests`...; OVHcloud's `X-VR-SPAMSCORE`, `cause` (X-VR-SPAMCAUSE decoded) or `causeRaw` (kept
	 * as written when it is not in the known encoding) and the decoded cause's parts.
	 */
	fields: { name: string; value: string }[];
}
