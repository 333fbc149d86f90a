/**
 * RFC 2047 encoded-words (`=?UTF-8?B?w4lsb2RpZQ==?=`, `=?iso-8859-1?Q?Caf=E9?=`) to plain text.
 * §6.2: white space between two adjacent encoded-words is dropped. RFC 2231 §5 language suffix
 * (`=?utf-8*fr?Q?...?=`) ignored. An unknown charset or bad encoding leaves the word as written.
 */

const ENCODED_WORD = /=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]*)\?=/g;

function bytesOfBase64(text: string): Uint8Array | undefined {
	try {
		const binary = atob(text.replace(/=+$/, '').padEnd(Math.ceil(text.length / 4) * 4, '='));
		return Uint8Array.from(binary, (c) => c.charCodeAt(0));
	} catch {
		return undefined;
	}
}

function bytesOfQ(text: string): Uint8Array {
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		const hex = c === '=' ? text.slice(i + 1, i + 3) : '';
		if (c === '_') bytes.push(0x20);
		else if (/^[0-9a-f]{2}$/i.test(hex)) {
			bytes.push(parseInt(hex, 16));
			i += 2;
		} else bytes.push(c.charCodeAt(0) & 0xff);
	}
	return Uint8Array.from(bytes);
}

function decodeWord(charset: string, encoding: string, text: string): string | undefined {
	const bytes = encoding.toLowerCase() === 'b' ? bytesOfBase64(text) : bytesOfQ(text);
	if (!bytes) return undefined;
	const label = charset.split('*')[0]!;
	try {
		return new TextDecoder(label).decode(bytes);
	} catch {
		return undefined; // a charset the browser does not know
	}
}

export function decodeEncodedWords(value: string): string {
	if (!value.includes('=?')) return value;
	let out = '';
	let last = 0;
	let previousWasWord = false;
	for (const match of value.matchAll(ENCODED_WORD)) {
		const index = match.index;
		const between = value.slice(last, index);
		const decoded = decodeWord(match[1]!, match[2]!, match[3]!);
		if (!(previousWasWord && decoded !== undefined && /^[ \t\r\n]*$/.test(between))) out += between;
		out += decoded ?? match[0];
		previousWasWord = decoded !== undefined;
		last = index + match[0].length;
	}
	return out + value.slice(last);
}
