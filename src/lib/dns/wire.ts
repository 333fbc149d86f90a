/**
 * DNS messages in RFC 1035 wire format, through @leichtgewicht/dns-packet (a browser-ready fork
 * of dns-packet on Uint8Array), and the small typed view of a response the checks read.
 */
import { decode, encode, RECURSION_DESIRED } from '@leichtgewicht/dns-packet';

export type QueryType = 'MX' | 'SRV' | 'A' | 'AAAA' | 'CNAME' | 'TXT' | 'PTR';

export type DnsRecord =
	| { type: 'MX'; name: string; ttl: number; preference: number; exchange: string }
	| {
			type: 'SRV';
			name: string;
			ttl: number;
			priority: number;
			weight: number;
			port: number;
			target: string;
	  }
	| { type: 'CNAME'; name: string; ttl: number; target: string }
	| { type: 'PTR'; name: string; ttl: number; target: string }
	| {
			type: 'TXT';
			name: string;
			ttl: number;
			/**
			 * The record's character-strings joined with nothing between them (RFC 7208 §3.3,
			 * RFC 7489 §6.6.3). Bytes are read as UTF-8; control characters stay as data: this is
			 * untrusted text, to be shown only through textContent.
			 */
			text: string;
			/** The character-strings as published (RFC 1035 §3.3.14). */
			strings: string[];
	  }
	| { type: 'A' | 'AAAA'; name: string; ttl: number; address: string }
	| { type: 'OTHER'; rrtype: string; name: string; ttl: number };

export interface DnsResponse {
	/** RFC 1035 §4.1.1 / RFC 6895 response code name: `NOERROR`, `NXDOMAIN`, `SERVFAIL`, ... */
	rcode: string;
	/** Every answer record, aliases included, names in lower case without the trailing dot. */
	answers: DnsRecord[];
	/** The CNAME chain the resolver followed from the name asked (RFC 1034 §3.6.2). */
	cnames: Array<Extract<DnsRecord, { type: 'CNAME' }>>;
	/** True when the chain comes back to a name already in it (a CNAME loop, RFC 1034 §3.6.2). */
	cnameLoop?: boolean;
}

/** Raised when bytes are not the DNS response to the question asked. */
export class MalformedResponseError extends Error {
	override name = 'MalformedResponseError';
}

/**
 * The query for one name and type. ID 0 because DoH GET responses are cached by URL (RFC 8484
 * §4.1); recursion desired because the resolver must walk the tree for us.
 */
export function encodeQuery(name: string, type: QueryType): Uint8Array {
	return encode({
		type: 'query',
		id: 0,
		flags: RECURSION_DESIRED,
		questions: [{ type, class: 'IN', name }],
	});
}

/** base64url without padding, the `dns` parameter of RFC 8484 §4.1 (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const lowerName = (name: string) =>
	String(name ?? '')
		.replace(/\.$/, '')
		.toLowerCase();
const utf8 = new TextDecoder('utf-8', { fatal: false });
/** One character-string as text; dns-packet gives bytes (Uint8Array), older callers strings. */
const characterString = (value: unknown): string =>
	value instanceof Uint8Array ? utf8.decode(value) : String(value ?? '');

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function toRecord(raw: { type: string; name: string; ttl?: number; data?: unknown }): DnsRecord {
	const name = lowerName(raw.name);
	const ttl = count(raw.ttl);
	const data = raw.data as Record<string, unknown> | string | undefined;
	switch (raw.type) {
		case 'MX': {
			const mx = data as { preference?: number; exchange: string };
			return {
				type: 'MX',
				name,
				ttl,
				preference: count(mx.preference),
				exchange: lowerName(mx.exchange),
			};
		}
		case 'SRV': {
			const srv = data as { priority?: number; weight?: number; port?: number; target: string };
			return {
				type: 'SRV',
				name,
				ttl,
				priority: count(srv.priority),
				weight: count(srv.weight),
				port: count(srv.port),
				target: lowerName(srv.target),
			};
		}
		case 'CNAME':
			return { type: 'CNAME', name, ttl, target: lowerName(data as string) };
		case 'PTR':
			return { type: 'PTR', name, ttl, target: lowerName(data as string) };
		case 'TXT': {
			const strings = (Array.isArray(data) ? data : [data]).map(characterString);
			return { type: 'TXT', name, ttl, text: strings.join(''), strings };
		}
		case 'A':
		case 'AAAA':
			return { type: raw.type, name, ttl, address: String(data) };
		default:
			return { type: 'OTHER', rrtype: String(raw.type), name, ttl };
	}
}

/** Longest alias chain read from one answer (resolvers themselves stop at 8 to 16). */
const MAX_CHAIN = 16;

/** The answer's records of one type (aliases are in `cnames`). */
export function recordsOf<T extends DnsRecord['type']>(
	response: DnsResponse,
	type: T
): Array<Extract<DnsRecord, { type: T }>> {
	return response.answers.filter((r): r is Extract<DnsRecord, { type: T }> => r.type === type);
}

/**
 * Decodes a response and checks it answers the question asked (same name and type, QR set),
 * so bytes from a broken or hostile resolver are refused instead of misread.
 */
export function decodeResponse(bytes: Uint8Array, name: string, type: QueryType): DnsResponse {
	let packet: ReturnType<typeof decode>;
	try {
		packet = decode(bytes);
	} catch (error) {
		throw new MalformedResponseError(`Undecodable DNS message: ${(error as Error).message}`);
	}
	if (packet.type !== 'response')
		throw new MalformedResponseError('Not a DNS response (QR bit clear)');
	const question = packet.questions?.[0];
	if (!question || lowerName(question.name) !== lowerName(name) || question.type !== type) {
		throw new MalformedResponseError('The response answers another question');
	}
	const answers = (packet.answers ?? []).map((answer) => toRecord(answer as never));
	// Follow the chain from the name asked, in order, whatever order the records came in.
	// A name seen twice is a loop: stop there instead of walking it (the answer is finite, but
	// a hostile resolver could send thousands of aliases).
	const cnames: DnsResponse['cnames'] = [];
	const seen = new Set<string>();
	let current = lowerName(name);
	let cnameLoop = false;
	while (cnames.length < MAX_CHAIN) {
		seen.add(current);
		const alias = answers.find(
			(r): r is Extract<DnsRecord, { type: 'CNAME' }> => r.type === 'CNAME' && r.name === current
		);
		if (!alias) break;
		cnames.push(alias);
		current = alias.target;
		if (seen.has(current)) {
			cnameLoop = true;
			break;
		}
	}
	return {
		rcode: String(packet.rcode ?? 'NOERROR'),
		answers,
		cnames,
		...(cnameLoop ? { cnameLoop } : {}),
	};
}
