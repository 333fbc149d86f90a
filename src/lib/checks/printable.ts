/**
 * DNS text made safe to read: control characters (C0, DEL, C1) and invisible format
 * characters shown as `\xNN`/`\u{…}` escapes instead of acting on the page, and long values cut
 * with their length said. The report inserts the result with textContent, never as HTML; this
 * only keeps a hostile TXT record from garbling what a person reads or copies.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

export function printable(text: string, maxLength = 512): string {
	const escaped = text.replace(INVISIBLE, (c) => {
		const code = c.charCodeAt(0);
		return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
	});
	return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}… (${text.length})` : escaped;
}

/** Byte length as sent on the wire (UTF-8), for the record-size guidance of RFC 7208 §3.4. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;
