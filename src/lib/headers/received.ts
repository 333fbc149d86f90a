/**
 * Reads one `Received` value (RFC 5321 §4.4 Time-stamp-line: from, by, via, with, id, for clauses,
 * then `;` and the date) the way servers really write it: Postfix, Exim, qmail, Sendmail, Gmail,
 * Exchange / Exchange Online ("with Microsoft SMTP Server (version=TLS1_2, cipher=...)"),
 * OVHcloud, Yahoo. Clauses may be missing or repeated; comments carry the IP and TLS details.
 */
import { parseMailDate, type MailDate } from './parseDate';

export interface ReceivedStamp {
	from?: string;
	fromIp?: string;
	by?: string;
	with?: string;
	tls?: string;
	tlsCipher?: string;
	id?: string;
	for?: string;
	/** The text after the last `;`, undefined when there is none. */
	dateText?: string;
	/** The date read from dateText. */
	date?: MailDate;
}

type Token = { comment: boolean; text: string };

/** Words and comments, one pass; comments nest (RFC 5322 §3.2.2). */
function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
			i++;
		} else if (c === '(') {
			let depth = 1;
			let j = i + 1;
			for (; j < text.length && depth > 0; j++) {
				if (text[j] === '\\') j++;
				else if (text[j] === '(') depth++;
				else if (text[j] === ')') depth--;
			}
			tokens.push({ comment: true, text: text.slice(i + 1, depth === 0 ? j - 1 : j).trim() });
			i = j;
		} else {
			let j = i;
			while (j < text.length && !' \t\r\n('.includes(text[j]!)) j++;
			tokens.push({ comment: false, text: text.slice(i, j) });
			i = j;
		}
	}
	return tokens;
}

const CLAUSES = new Set(['from', 'by', 'via', 'with', 'id', 'for']);

const BRACKETED_IP = /\[(?:ipv6:)?([0-9a-f.:]{3,45})\]/i;
const BARE_IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})$/i;

/**
 * The IP in a `from` clause's comment: Postfix's `host [192.0.2.1]`, `[IPv6:2001:db8::1]`,
 * Microsoft's and qmail's bare `(2603:10a6::19)`. Exim's `(helo=[192.168.0.12])` is what the
 * client announced, not its address: skipped.
 */
function ipIn(comment: string): string | undefined {
	const text = comment.replace(/helo=\S*/gi, '');
	const bracketed = BRACKETED_IP.exec(text);
	if (bracketed) return bracketed[1];
	const bare = text.trim();
	return BARE_IP.test(bare) ? bare : undefined;
}

/** TLS version and cipher from the ways servers state them. */
function readTls(comment: string): { tls?: string; tlsCipher?: string } {
	// Gmail, Sendmail, Exchange: "version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256", "version=TLS1_2, cipher=..."
	const version = /\bversion=((?:TLS|SSL)[\w.]{0,10})/i.exec(comment);
	if (version) {
		const cipher = /\bcipher=([\w-]{1,100})/i.exec(comment);
		return { tls: version[1], tlsCipher: cipher?.[1] };
	}
	// Postfix: "using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)"
	const using = /\busing ((?:TLS|SSL)v?[\d.]{0,6})(?: with cipher ([\w-]{1,100}))?/i.exec(comment);
	if (using) return { tls: using[1], tlsCipher: using[2] };
	// Exim: "(TLS1.3)" then "tls CIPHER", or "(TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256)"
	// Exchange on premises: "(TLS)".
	const exim = /^(TLSv?1(?:[._]\d)?|SSLv3|TLS)(?=$|:)(?::([\w-]{1,100}))?/i.exec(comment);
	if (exim) return { tls: exim[1], tlsCipher: exim[2] };
	return {};
}

/** Far longer than a real Received's clauses (a few hundred characters); the rest is not read. */
const MAX_CLAUSE_CHARS = 8 * 1024;

export function parseReceived(value: string): ReceivedStamp {
	const stamp: ReceivedStamp = {};
	const semicolon = value.lastIndexOf(';');
	const clauses = (semicolon === -1 ? value : value.slice(0, semicolon)).slice(0, MAX_CLAUSE_CHARS);
	if (semicolon !== -1) {
		stamp.dateText = value.slice(semicolon + 1).trim();
		stamp.date = parseMailDate(stamp.dateText);
	}

	const tokens = tokenize(clauses);
	let clause = '';
	// The address the receiver saw (in the comment) wins over the literal the sender announced.
	let literalIp: string | undefined;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (token.comment) {
			if (clause === 'from' && stamp.fromIp === undefined) stamp.fromIp = ipIn(token.text);
			if (stamp.tls === undefined) Object.assign(stamp, definedOnly(readTls(token.text)));
			continue;
		}
		const word = token.text.toLowerCase();
		const next = tokens[i + 1];
		if (CLAUSES.has(word) && next && !next.comment) {
			clause = word;
			i++;
			const text = next.text;
			if (word === 'from' && stamp.from === undefined) {
				stamp.from = text;
				// Exim writes the address itself (`from [192.0.2.1]`), Yahoo a bare one.
				literalIp = BRACKETED_IP.exec(text)?.[1] ?? (BARE_IP.test(text) ? text : undefined);
			} else if (word === 'by' && stamp.by === undefined) stamp.by = text;
			else if (word === 'id' && stamp.id === undefined) stamp.id = text;
			else if (word === 'for' && stamp.for === undefined) stamp.for = text.replace(/^<|>$/g, '');
			else if (word === 'with' && stamp.with === undefined) {
				// "with Microsoft SMTP Server": words up to the next clause or comment.
				const words = [text];
				while (i + 1 < tokens.length) {
					const after = tokens[i + 1]!;
					if (after.comment || CLAUSES.has(after.text.toLowerCase())) break;
					words.push(after.text);
					i++;
				}
				stamp.with = words.join(' ');
				// qmail with a TLS patch: "with AES256-GCM-SHA384 encrypted SMTP"
				if (words[1]?.toLowerCase() === 'encrypted' && stamp.tlsCipher === undefined) {
					stamp.tlsCipher = words[0];
				}
			}
			continue;
		}
		// Exim 4.9x: "with esmtps (TLS1.3) tls TLS_AES_256_GCM_SHA384"
		if (word === 'tls' && next && !next.comment && stamp.tlsCipher === undefined) {
			stamp.tlsCipher = next.text;
			i++;
		}
	}
	if (stamp.fromIp === undefined && literalIp !== undefined) stamp.fromIp = literalIp;
	return stamp;
}

function definedOnly<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
