/**
 * DNS text made safe to read: control characters (C0, DEL, C1) and invisible format
 * characters shown as `\xNN`/`\u{…}` escapes instead of acting on the page, and long values cut
 * with their length said. The report inserts the result with textContent, never as HTML; this
 * only keeps a hostile TXT record from garbling what a person reads or copies.
 */
/** C0 and C1 controls, DEL, and the zero-width and direction marks that hide or reorder text. */
function isInvisible(code: number): boolean {
	return (
		code <= 0x1f ||
		(code >= 0x7f && code <= 0x9f) ||
		(code >= 0x200b && code <= 0x200f) ||
		(code >= 0x2028 && code <= 0x202e) ||
		(code >= 0x2060 && code <= 0x2064) ||
		code === 0xfeff
	);
}

export function printable(text: string, maxLength = 512): string {
	let escaped = '';
	for (const c of text) {
		const code = c.codePointAt(0)!;
		escaped += !isInvisible(code)
			? c
			: code <= 0xff
				? `\\x${code.toString(16).padStart(2, '0')}`
				: `\\u{${code.toString(16)}}`;
	}
	return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}… (${text.length})` : escaped;
}

/** Byte length as sent on the wire (UTF-8), for the record-size guidance of RFC 7208 §3.4. */
export const byteLength = (text: string) => new TextEncoder().encode(text).length;
