/**
 * The header block of the original message a bounce carries, so the header analyzer can read
 * it (where was it held up, did it authenticate): a `message/rfc822` part (RFC 3462 §1, the whole
 * original), a `text/rfc822-headers` part (its headers only), their RFC 6532 `message/global`
 * forms, or, in a bounce read as text, the copy quoted after the report's marker line ("This is
 * a copy of the message", "Original message headers:"...). Pure: no DOM, no network, no MIME
 * decoding of its own (postal-mime's result is handed in).
 */
import type { Email } from 'postal-mime';
import { afterOriginalMarker } from './parseBounce';

/** More than any real header block; a larger one is cut (the analyzer says so). */
export const MAX_RETURNED_HEADERS = 1024 * 1024;

const WHOLE_MESSAGE = new Set(['message/rfc822', 'message/global']);
const HEADERS_ONLY = new Set(['text/rfc822-headers', 'message/global-headers']);

/** A header line (`Name: value`, RFC 5322 §2.2) or the continuation of one (§2.2.3). */
const HEADER_LINE = /^(?:[!-9;-~]{1,76}:|[ \t]+\S)/;
/** Fields every sent message has: a block without one is a part's own headers, not the original's. */
const MESSAGE_FIELD = /^(?:received|from|message-id|date|subject|return-path|dkim-signature):/im;

function textOf(content: ArrayBuffer | Uint8Array | string): string {
	return typeof content === 'string'
		? content
		: new TextDecoder('utf-8', { fatal: false }).decode(content);
}

/** The header block at the start of `text`: up to the first empty line. */
function leadingHeaders(text: string): string {
	const end = /\r?\n[ \t]*\r?\n/.exec(text);
	return end ? text.slice(0, end.index) : text;
}

/** True when every line of the block is a header line and it names a field of a sent message. */
function isMessageHeaderBlock(block: string): boolean {
	const lines = block.split(/\r?\n/);
	return (
		/^[!-9;-~]{1,76}:/.test(lines[0] ?? '') &&
		lines.every((line) => HEADER_LINE.test(line)) &&
		MESSAGE_FIELD.test(block)
	);
}

/**
 * The first block of header lines after the marker, skipping the returned part's own MIME
 * headers, blank lines and what quoting added (`> ` prefixes are not headers: such a copy is not read).
 */
function quotedHeaders(text: string): string | undefined {
	const after = afterOriginalMarker(text);
	if (after === undefined) return undefined;
	const blocks = after
		.slice(0, MAX_RETURNED_HEADERS * 2)
		.split(/\r?\n[ \t]*(?:\r?\n|$)/)
		.map((block) => block.replace(/^(?:[ \t]*\r?\n)+/, ''))
		.filter((block) => block.trim() !== '');
	// The returned part's own headers come first (Content-Description...), then the original's.
	return blocks.slice(0, 4).find(isMessageHeaderBlock);
}

function capped(block: string | undefined): string | undefined {
	const trimmed = block?.trim();
	if (!trimmed) return undefined;
	return trimmed.length > MAX_RETURNED_HEADERS ? trimmed.slice(0, MAX_RETURNED_HEADERS) : trimmed;
}

/**
 * The returned original's headers, or undefined when the bounce carries none. `bounce` is
 * postal-mime's result (parsed with `rfc822Attachments: true`) or the text of a pasted bounce.
 */
export function returnedHeaders(
	bounce: Pick<Email, 'attachments' | 'text'> | string
): string | undefined {
	if (typeof bounce === 'string') return capped(quotedHeaders(bounce));
	for (const part of bounce.attachments) {
		const type = part.mimeType.toLowerCase();
		if (WHOLE_MESSAGE.has(type)) {
			const block = leadingHeaders(textOf(part.content).replace(/^\uFEFF/, ''));
			if (isMessageHeaderBlock(block)) return capped(block);
		} else if (HEADERS_ONLY.has(type)) {
			const block = textOf(part.content)
				.replace(/^\uFEFF/, '')
				.trim();
			if (isMessageHeaderBlock(leadingHeaders(block))) return capped(leadingHeaders(block));
		}
	}
	return capped(bounce.text ? quotedHeaders(bounce.text) : undefined);
}
