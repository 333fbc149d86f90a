/**
 * Reads pasted message headers (or a whole message) into what the headers page shows: hops with
 * their delays, authentication results, spam verdicts, the message's identity. Pure: no DOM, no
 * network; one pass over the header block, so 1 MB of headers takes milliseconds.
 */
import {
	parseArcAuthenticationResults,
	parseAuthenticationResults,
	parseReceivedSpf,
	readDkimSignature,
} from './authResults';
import { decodeEncodedWords } from './decodeEncodedWords';
import { parseMailDate, toIsoSeconds } from './parseDate';
import { parseReceived } from './received';
import { readSpamVerdicts } from './spam';
import type { AuthResult, HeaderAnalysis, HeaderWarning, Hop } from './types';
import { MAX_FIELD_CHARS, MAX_HEADER_CHARS, readHeaderBlock, type HeaderField } from './unfold';

export type * from './types';

/** More hops than any real path (loops stop at 100, RFC 5321 §6.3); the newest are kept. */
export const MAX_HOPS = 500;

function emptyAnalysis(kind: HeaderAnalysis['kind']): HeaderAnalysis {
	return { kind, identity: {}, hops: [], auth: [], dkimSelectors: [], spam: [], warnings: [] };
}

/**
 * Domains one mail provider runs its servers under, so its hops count as one side
 * (Exchange Online stamps *.protection.outlook.com, *.prod.outlook.com, *.outlook.office365.com).
 */
const PROVIDER_FAMILIES: Record<string, string> = {
	'outlook.com': 'microsoft',
	'office365.com': 'microsoft',
	'microsoft.com': 'microsoft',
	'hotmail.com': 'microsoft',
	'google.com': 'google',
	'gmail.com': 'google',
	'googlemail.com': 'google',
	'yahoo.com': 'yahoo',
	'yahoo.net': 'yahoo',
	'yahoodns.net': 'yahoo',
	'aol.com': 'yahoo',
	'ovh.net': 'ovh',
	'ovh.com': 'ovh',
	'ovhcloud.com': 'ovh',
};

/**
 * The organisation a host name belongs to, roughly: the last two labels (three under `co.uk`-like
 * suffixes), or the provider family for the big providers' several domains.
 */
export function organisationDomain(host: string | undefined): string | undefined {
	if (!host) return undefined;
	const name = host.toLowerCase().replace(/\.$/, '');
	if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(name) || /^[\d.]+$/.test(name)) return undefined;
	const labels = name.split('.');
	const tld = labels[labels.length - 1]!;
	const second = labels[labels.length - 2]!;
	const take = tld.length === 2 && second.length <= 3 && labels.length > 2 ? 3 : 2;
	const domain = labels.slice(-take).join('.');
	return PROVIDER_FAMILIES[domain] ?? domain;
}

/** RFC 1918 and RFC 4193 addresses: a server inside an organisation. */
function isPrivateAddress(host: string | undefined): boolean {
	if (!host) return false;
	const name = host.replace(/^\[|\]$/g, '').toLowerCase();
	return (
		/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)\d{1,3}\.\d{1,3}(\.\d{1,3})?$/.test(name) ||
		/^f[cd][0-9a-f]{2}:/.test(name)
	);
}

/**
 * The hop where the recipient's side took the message. Heuristic (documented for the page):
 * 1. the first hop (in travel order) whose `by` is the authserv-id of the topmost
 *    Authentication-Results (else of the newest ARC-Authentication-Results), or in its
 *    organisation domain: that server judged the message on
 *    arrival, so it is the recipient's border (Gmail's mx.google.com, a Postfix MX); hops just
 *    before it stamped by a private address (RFC 1918) count as the recipient's too;
 * 2. otherwise the start of the last run of hops whose `by` shares the organisation domain of the
 *    last named `by` (Exchange Online's *.outlook.com hops; a hop without a named `by`, such as
 *    Gmail's internal IPv6 stamps, does not break the run).
 * Undefined when no hop names its server.
 */
export function findRecipientHop(hops: Hop[], authservId: string | undefined): number | undefined {
	const authDomain = organisationDomain(authservId);
	if (authservId) {
		let found = hops.findIndex((h) => h.by?.toLowerCase() === authservId.toLowerCase());
		if (found === -1 && authDomain) {
			found = hops.findIndex((h) => organisationDomain(h.by) === authDomain);
		}
		// A hop just before, stamped by a private address (Yahoo's MX: "by 10.217.151.75"), is
		// already inside the recipient's side.
		while (found > 0 && isPrivateAddress(hops[found - 1]!.by)) found--;
		if (found !== -1) return found;
	}
	let last = hops.length - 1;
	while (last >= 0 && !organisationDomain(hops[last]!.by)) last--;
	if (last < 0) return undefined;
	const domain = organisationDomain(hops[last]!.by);
	let start = last;
	for (let i = last - 1; i >= 0; i--) {
		const d = organisationDomain(hops[i]!.by);
		if (d === undefined) continue;
		if (d !== domain) break;
		start = i;
	}
	return start;
}

function readHops(
	received: string[],
	warnings: HeaderWarning[]
): { hops: Hop[]; times: (number | undefined)[] } {
	// Received fields are prepended by each server (RFC 5321 §4.4): the bottom one is the first hop.
	// X-Received (Gmail's internal stamps, without from) is not a hop of the path and is left out.
	const inTravelOrder = received.slice(0, MAX_HOPS).reverse();
	const hops: Hop[] = [];
	const times: (number | undefined)[] = [];
	inTravelOrder.forEach((raw, index) => {
		const stamp = parseReceived(raw);
		const hop: Hop = { raw };
		for (const key of ['from', 'fromIp', 'by', 'with', 'tls', 'tlsCipher', 'id', 'for'] as const) {
			const value = stamp[key];
			if (value !== undefined) hop[key] = value;
		}
		const place = index + 1;
		if (stamp.dateText === undefined || stamp.dateText === '') {
			warnings.push({ key: 'receivedWithoutDate', params: { hop: place } });
		} else if (!stamp.date) {
			warnings.push({
				key: 'receivedBadDate',
				params: { hop: place, date: stamp.dateText.slice(0, 100) },
			});
		} else if (stamp.date.zone === 'missing') {
			warnings.push({ key: 'receivedZoneMissing', params: { hop: place } });
		}
		times.push(stamp.date?.epochMs);
		if (stamp.date) hop.time = toIsoSeconds(stamp.date.epochMs);
		hops.push(hop);
	});
	return { hops, times };
}

export function analyzeHeaders(text: string): HeaderAnalysis {
	const block = readHeaderBlock(text);
	if (block.kind !== 'headers') return emptyAnalysis(block.kind);
	const analysis = emptyAnalysis('headers');
	const { warnings } = analysis;
	if (block.truncated) warnings.push({ key: 'truncated', params: { limit: MAX_HEADER_CHARS } });
	for (const field of block.cutFields) {
		warnings.push({ key: 'fieldTooLong', params: { field, limit: MAX_FIELD_CHARS } });
	}
	if (block.controlCharacters > 0) {
		warnings.push({ key: 'controlCharacters', params: { count: block.controlCharacters } });
	}

	const byKey = new Map<string, HeaderField[]>();
	for (const field of block.fields) {
		const list = byKey.get(field.key);
		if (list) list.push(field);
		else byKey.set(field.key, [field]);
	}
	const all = (key: string) => (byKey.get(key) ?? []).map((f) => f.value);
	const first = (key: string) => byKey.get(key)?.[0]?.value;

	// Identity, for a support ticket.
	const identity = analysis.identity;
	const messageId = first('message-id');
	if (messageId) identity.messageId = messageId;
	const date = first('date');
	if (date) {
		identity.date = date;
		const parsed = parseMailDate(date);
		if (parsed) identity.dateIso = toIsoSeconds(parsed.epochMs);
	}
	for (const key of ['from', 'to', 'subject'] as const) {
		const value = first(key);
		if (value !== undefined) identity[key] = decodeEncodedWords(value);
	}
	const tracerId = first('x-ovh-tracer-id');
	if (tracerId) analysis.tracerId = tracerId;

	// Hops and delays.
	const received = all('received');
	if (received.length > MAX_HOPS) {
		warnings.push({ key: 'tooManyReceived', params: { limit: MAX_HOPS, count: received.length } });
	}
	const { hops, times } = readHops(received, warnings);
	let previous: number | undefined;
	let firstTime: number | undefined;
	let longest = 0;
	hops.forEach((hop, i) => {
		const time = times[i];
		if (time === undefined) return;
		if (previous !== undefined) {
			hop.delaySeconds = Math.round((time - previous) / 1000);
			if (hop.delaySeconds > longest) {
				longest = hop.delaySeconds;
				analysis.longestHopIndex = i;
			}
		} else firstTime = time;
		previous = time;
	});
	if (firstTime !== undefined && previous !== undefined && hops.filter((h) => h.time).length > 1) {
		analysis.totalDelaySeconds = Math.round((previous - firstTime) / 1000);
	}
	analysis.hops = hops;

	// Authentication: the topmost Authentication-Results is the receiving side's (RFC 8601 §5);
	// others with the same authserv-id come from the same side (a Postfix MX's milters, OpenDKIM
	// and an SPF policy service, each add their own).
	const auth: AuthResult[] = [];
	const [topmost, ...others] = all('authentication-results').map(parseAuthenticationResults);
	if (topmost) {
		for (const r of topmost.results) auth.push(r);
		if (topmost.authservId !== undefined) {
			for (const other of others) {
				if (other.authservId?.toLowerCase() === topmost.authservId.toLowerCase()) {
					for (const r of other.results) auth.push(r);
				}
			}
		}
	}
	let arc: ReturnType<typeof parseArcAuthenticationResults> | undefined;
	for (const value of all('arc-authentication-results')) {
		const parsed = parseArcAuthenticationResults(value);
		if (!arc || (parsed.instance ?? 0) > (arc.instance ?? 0)) arc = parsed;
	}
	// Loops, not push(...list): a hostile header can hold more results than a call takes arguments.
	if (arc) for (const r of arc.results) auth.push(r);
	const receivedSpf = first('received-spf');
	const spf = receivedSpf !== undefined ? parseReceivedSpf(receivedSpf) : undefined;
	if (spf) auth.push(spf);
	analysis.auth = auth;

	// Microsoft's Authentication-Results has no authserv-id; its ARC results name one (mx.microsoft.com).
	const authservId = topmost?.authservId ?? arc?.results[0]?.authservId;
	const recipient = findRecipientHop(hops, authservId);
	if (recipient !== undefined) {
		analysis.recipientHopIndex = recipient;
		if (analysis.longestHopIndex !== undefined) {
			// A hop's delay is the wait before its server took the message: up to and including the
			// recipient's border hop, the message was still on the sender's side or in transit.
			analysis.delayBeforeRecipient = analysis.longestHopIndex <= recipient ? 'before' : 'after';
		}
		// A server writes its Authentication-Results just above its Received (Postfix milters,
		// Exchange Online) or just below it (Gmail): with k hops' Received below it, the writer is hop
		// k - 1 or k. Below the recipient's border (k < border), it was written on the way there.
		if (topmost) {
			const at = block.fields.findIndex((f) => f.key === 'authentication-results');
			const above = block.fields.slice(0, at).filter((f) => f.key === 'received').length;
			if (hops.length - above < recipient) analysis.authBeforeRecipient = true;
		}
	}

	const seen = new Set<string>();
	for (const value of all('dkim-signature')) {
		const signature = readDkimSignature(value);
		if (!signature) continue;
		const id = `${signature.domain} ${signature.selector}`;
		if (seen.has(id)) continue;
		seen.add(id);
		analysis.dkimSelectors.push(signature);
	}

	analysis.spam = readSpamVerdicts({ first });
	return analysis;
}
