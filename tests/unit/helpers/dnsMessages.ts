/**
 * Builds DNS response messages with the same library the site uses, so tests go through the real
 * wire format: encode a response, then decode it through src/lib/dns.
 */
import { encode, RECURSION_AVAILABLE, RECURSION_DESIRED } from '@leichtgewicht/dns-packet';
import providerJson from '../../../src/content/provider/provider.json' with { type: 'json' };
import { providerSchema } from '../../../src/schemas/provider';
import { decodeResponse, type DnsResponse, type QueryType } from '../../../src/lib/dns/wire';

export const provider = providerSchema.parse(providerJson.ovhcloud);

const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

type Answer = Parameters<typeof encode>[0]['answers'] extends (infer A)[] | undefined ? A : never;

export function responseBytes(
	name: string,
	type: QueryType,
	answers: Answer[] = [],
	rcode: keyof typeof RCODES = 'NOERROR'
): Uint8Array<ArrayBuffer> {
	// A copy on its own ArrayBuffer: what `new Response(body)` accepts (BodyInit).
	return new Uint8Array(
		encode({
			type: 'response',
			id: 0,
			flags: RECURSION_DESIRED | RECURSION_AVAILABLE | RCODES[rcode],
			questions: [{ type, class: 'IN', name }],
			answers,
		})
	);
}

export const mx = (name: string, exchange: string, preference = 10, ttl = 3600): Answer => ({
	type: 'MX',
	name,
	ttl,
	data: { preference, exchange },
});
export const srv = (
	name: string,
	target: string,
	{ priority = 0, weight = 0, port = 443, ttl = 3600 } = {}
): Answer => ({
	type: 'SRV',
	name,
	ttl,
	data: { priority, weight, port, target },
});
export const cname = (name: string, target: string, ttl = 300): Answer => ({
	type: 'CNAME',
	name,
	ttl,
	data: target,
});
export const a = (name: string, address: string, ttl = 300): Answer => ({
	type: 'A',
	name,
	ttl,
	data: address,
});

/** A TXT record; several strings are published as separate character-strings (RFC 1035 §3.3.14). */
export const txt = (name: string, ...strings: string[]): Answer => ({
	type: 'TXT',
	name,
	ttl: 300,
	data: strings,
});
export const ptr = (name: string, target: string, ttl = 300): Answer => ({
	type: 'PTR',
	name,
	ttl,
	data: target,
});
export const aaaa = (name: string, address: string, ttl = 300): Answer => ({
	type: 'AAAA',
	name,
	ttl,
	data: address,
});

/** A response as src/lib/dns decodes it from the wire. */
export function response(
	name: string,
	type: QueryType,
	answers: Answer[] = [],
	rcode: keyof typeof RCODES = 'NOERROR'
): DnsResponse {
	return decodeResponse(responseBytes(name, type, answers, rcode), name, type);
}

export const mxResponse = (
	domain: string,
	exchanges: string[],
	rcode: keyof typeof RCODES = 'NOERROR'
) =>
	response(
		domain,
		'MX',
		exchanges.map((host, i) => mx(domain, host, 10 * (i + 1))),
		rcode
	);

export const CURRENT = [
	'mx0.mail.ovh.net',
	'mx1.mail.ovh.net',
	'mx2.mail.ovh.net',
	'mx3.mail.ovh.net',
	'mx4.mail.ovh.net',
];
