/**
 * Finds the header block in pasted text or a whole message and unfolds its fields.
 * RFC 5322 §2.2: a header block ends at the first empty line; §2.2.3: a line starting with
 * white space continues the field above (unfolding removes the line break only). One pass over the
 * lines with indexOf, no regular expression over the whole text, so 1 MB stays linear.
 */

/** Longer header blocks are cut here (a real one is a few kB; a message with 10 000 hops is 4 MB). */
export const MAX_HEADER_CHARS = 4 * 1024 * 1024;
/** More fields than any real message (one with 500 hops has about 600); the rest is not read. */
export const MAX_FIELDS = 10_000;
/** Longer than any real field (a long References is a few kB); a longer value is cut here. */
export const MAX_FIELD_CHARS = 64 * 1024;
/** Enough text to tell a binary file from pasted text. */
const BINARY_SAMPLE_CHARS = 64 * 1024;
/** Share of control characters above which the input is taken for binary. */
const BINARY_CONTROL_RATIO = 0.1;

export interface HeaderField {
	/** The name as written. */
	name: string;
	/** The name in lower case, for look-ups (field names are case-insensitive, RFC 5322 §1.2.2). */
	key: string;
	/** The unfolded value, trimmed. */
	value: string;
}

export interface HeaderBlock {
	kind: 'headers' | 'no-headers' | 'binary';
	fields: HeaderField[];
	/** True when the block was longer than MAX_HEADER_CHARS or MAX_FIELDS and the rest was not read. */
	truncated: boolean;
	/** Names of fields whose value was cut at MAX_FIELD_CHARS, in order, each once. */
	cutFields: string[];
	/** Control characters (other than tab) inside the block, kept as data. */
	controlCharacters: number;
}

/** A control character that pasted text does not carry: C0 except tab, LF, CR, FF; DEL; U+FFFD from a bad decode. */
function isStrayControl(code: number): boolean {
	return (
		(code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
		code === 0x7f ||
		code === 0xfffd
	);
}

/** NUL bytes or many control characters in the first 64 kB: a file that is not text (image, archive, UTF-16). */
export function isBinaryText(text: string): boolean {
	const end = Math.min(text.length, BINARY_SAMPLE_CHARS);
	let controls = 0;
	for (let i = 0; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code === 0) return true;
		if (isStrayControl(code)) controls++;
	}
	return end > 0 && controls / end > BINARY_CONTROL_RATIO;
}

/**
 * A field line: a name of printable ASCII without ':' (RFC 5322 §3.6.8 ftext), then ':'; obsolete
 * syntax allows white space before the colon (§4.5). Names are short; 100 is far above any real one.
 */
const FIELD_LINE = /^([!-9;-~]{1,100})[ \t]*:/;

/**
 * Field names that mark a header block, so a body line such as `Note: call me` alone is not read
 * as headers.
 */
const KNOWN_FIELDS = new Set([
	'received',
	'return-path',
	'delivered-to',
	'from',
	'to',
	'cc',
	'bcc',
	'reply-to',
	'sender',
	'subject',
	'date',
	'message-id',
	'in-reply-to',
	'references',
	'mime-version',
	'content-type',
	'content-transfer-encoding',
	'authentication-results',
	'received-spf',
	'dkim-signature',
	'thread-topic',
	'thread-index',
	'user-agent',
	'importance',
	'list-id',
	'list-unsubscribe',
	'precedence',
]);

function isHeaderName(key: string): boolean {
	return KNOWN_FIELDS.has(key) || key.startsWith('x-') || key.startsWith('arc-');
}

function isBlank(line: string): boolean {
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c !== 0x20 && c !== 0x09) return false;
	}
	return true;
}

function leadingWhitespace(line: string): string {
	let i = 0;
	while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
	return line.slice(0, i);
}

/**
 * Reads the header block at the start of `text`:
 * - line breaks CRLF, LF or CR alone;
 * - leading empty lines, a byte-order mark and an mbox `From ` separator line are skipped;
 * - a block pasted with every line indented (copied from a dialog or a quoted reply) loses the
 *   first line's indent on every line that has it, so deeper lines stay continuations;
 * - a line that is neither a field nor indented (folding lost in a copy) is joined to the field
 *   above with a space, rather than ending the block;
 * - the block ends at the first empty (or blank) line.
 */
export function readHeaderBlock(input: string): HeaderBlock {
	if (isBinaryText(input)) {
		return { kind: 'binary', fields: [], truncated: false, cutFields: [], controlCharacters: 0 };
	}
	let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	// Old Mac line ends: CR alone. Only when there is no LF at all, so CRLF text is not scanned twice.
	if (text.indexOf('\n') === -1 && text.indexOf('\r') !== -1) text = text.replace(/\r/g, '\n');

	const fields: HeaderField[] = [];
	const cutFields: string[] = [];
	let current: { name: string; parts: string[]; length: number } | undefined;
	const flush = () => {
		if (!current) return;
		let value = current.parts.join('');
		if (value.length > MAX_FIELD_CHARS) {
			value = value.slice(0, MAX_FIELD_CHARS);
			if (!cutFields.includes(current.name)) cutFields.push(current.name);
		}
		fields.push({ name: current.name, key: current.name.toLowerCase(), value: value.trim() });
		current = undefined;
	};
	const append = (part: string) => {
		// Past the limit, parts are no longer kept: the value is cut anyway.
		if (!current || current.length > MAX_FIELD_CHARS) return;
		current.parts.push(part);
		current.length += part.length;
	};

	let pos = 0;
	let started = false;
	let indent = '';
	let truncated = false;
	let controlCharacters = 0;
	while (pos <= text.length) {
		if (pos > MAX_HEADER_CHARS || fields.length >= MAX_FIELDS) {
			truncated = true;
			break;
		}
		let end = text.indexOf('\n', pos);
		if (end === -1) end = text.length;
		let line = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
		const next = end + 1;

		if (!started) {
			if (isBlank(line)) {
				if (end === text.length) break;
				pos = next;
				continue;
			}
			started = true;
			indent = leadingWhitespace(line);
			line = line.slice(indent.length);
			// mbox separator (RFC 4155): "From sender date", no colon after the name.
			if (line.startsWith('From ') && !FIELD_LINE.test(line)) {
				pos = next;
				continue;
			}
			const match = FIELD_LINE.exec(line);
			if (!match) break; // the text starts with something other than a field: no header block
		} else {
			if (isBlank(line)) break;
			if (indent && line.startsWith(indent)) line = line.slice(indent.length);
		}

		for (let i = 0; i < line.length; i++) {
			const c = line.charCodeAt(i);
			if (c !== 0x09 && isStrayControl(c)) controlCharacters++;
		}
		const first = line.charCodeAt(0);
		if (first === 0x20 || first === 0x09) {
			// RFC 5322 §2.2.3: unfolding removes the CRLF only; the white space stays.
			append(line);
		} else {
			const match = FIELD_LINE.exec(line);
			if (match) {
				flush();
				current = { name: match[1]!, parts: [], length: 0 };
				append(line.slice(match[0].length));
			} else {
				append(' ');
				append(line);
			}
		}
		if (end === text.length) break;
		pos = next;
	}
	flush();

	const kind = fields.some((f) => isHeaderName(f.key)) ? 'headers' : 'no-headers';
	return {
		kind,
		fields: kind === 'headers' ? fields : [],
		truncated,
		cutFields,
		controlCharacters,
	};
}
