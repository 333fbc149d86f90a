/**
 * The header analysis of one input, where it runs (the worker, or the page when no worker can
 * start): text from a paste or a file's bytes, analysed by src/lib/headers, and the identity's
 * encoded words (`=?utf-8?q?…?=`, RFC 2047) decoded by postal-mime, the MIME parser the bounce
 * analyzer loads too (../ndr/loadMimeParser.ts). No DOM, no network.
 */
import { analyzeHeaders } from '../../lib/headers/analyzeHeaders';
import type { HeaderAnalysis } from '../../lib/headers/types';
import type { MimeParse } from '../../lib/ndr/analyzeBounce';
import type { DecodedIdentity, HeadersResult } from './headersWorkerProtocol';

/** Mail is text; bytes that are not UTF-8 (Latin-1 headers) are kept as replacement characters. */
function decodeText(input: string | Uint8Array): string {
	return typeof input === 'string'
		? input
		: new TextDecoder('utf-8', { fatal: false }).decode(input);
}

/**
 * From, To and Subject as a person reads them. Only these three lines go through the parser (a
 * tiny message of its own), so 1 MB of Received lines costs it nothing.
 */
async function decodeIdentity(
	identity: HeaderAnalysis['identity'],
	parse: MimeParse
): Promise<DecodedIdentity> {
	const fields = (['from', 'to', 'subject'] as const).filter((name) => identity[name]);
	// Nothing encoded: the values are shown as the lib read them.
	if (!fields.some((name) => identity[name]!.includes('=?'))) return {};
	const lines = fields.map((name) => `${name}: ${identity[name]!.replace(/[\r\n]+/g, ' ')}`);
	try {
		const email = await parse(`${lines.join('\r\n')}\r\n\r\n`, {});
		const mailbox = (a?: { name?: string; address?: string }) =>
			a ? (a.name && a.address ? `${a.name} <${a.address}>` : (a.address ?? a.name)) : undefined;
		return {
			from: email.from ? mailbox(email.from) : undefined,
			to: email.to?.map(mailbox).filter(Boolean).join(', ') || undefined,
			subject: email.subject,
		};
	} catch {
		return {};
	}
}

export async function readHeaders(
	input: string | Uint8Array,
	parse: MimeParse
): Promise<HeadersResult> {
	const text = decodeText(input);
	const analysis = analyzeHeaders(text);
	const decoded = analysis.kind === 'headers' ? await decodeIdentity(analysis.identity, parse) : {};
	return { analysis, decoded, size: text.length };
}
