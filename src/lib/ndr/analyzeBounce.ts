/**
 * Checks what a person pasted or dropped, decodes it with the MIME parser it is given
 * (postal-mime, loaded by the page on first use) and reads the bounce, including bounces
 * forwarded inside another message. Pure apart from the injected parser: no DOM, no network.
 */
import type { Email, PostalMimeOptions, RawEmail } from 'postal-mime';
import { isReport, mergeReports, parseBounce, type BounceReport } from './parseBounce';
import { judgeBounce, type BounceVerdict } from './judgeBounce';
import { returnedHeaders } from './returnedHeaders';

/** Larger than any real bounce (they carry at most the original message), small enough to stay fast. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** Forwarded bounces inside forwarded messages: a real one is 1 or 2 deep. */
const MAX_NESTED = 3;

export type MimeParse = (raw: RawEmail, options: PostalMimeOptions) => Promise<Email>;

export type AnalyzeError = 'empty' | 'tooLarge' | 'binary';

export type AnalyzeResult =
	| { ok: false; error: AnalyzeError; size: number }
	| {
			ok: true;
			report: BounceReport;
			/** One answer per recipient, or `bounce: false` for a message that is not a bounce. */
			verdict: BounceVerdict;
			/** `plain`: read as text; `mime`: decoded as a message; `malformed`: MIME decoding failed, read as text. */
			mode: 'plain' | 'mime' | 'malformed';
			/** How many forwarded messages were opened to reach the bounce. */
			nested: number;
			size: number;
			/** The returned original's headers, for the header analyzer (returnedHeaders.ts). */
			returnedHeaders?: string;
	  };

const PARSE_OPTIONS: PostalMimeOptions = {
	// Keep message/rfc822 parts apart so the returned original is not read as part of the report.
	rfc822Attachments: true,
	attachmentEncoding: 'arraybuffer',
	maxNestingDepth: 50,
};

function byteLength(input: string | Uint8Array): number {
	if (typeof input !== 'string') return input.byteLength;
	// UTF-8 length without encoding a copy of a large string.
	let bytes = 0;
	for (let i = 0; i < input.length; i++) {
		const c = input.charCodeAt(i);
		bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
	}
	return bytes;
}

/**
 * True when the start of the input is not text: NUL bytes, or many other control characters.
 * Mail is text even when its parts are base64; a ZIP, an image or a .msg file is not.
 */
export function looksBinary(input: string | Uint8Array): boolean {
	const n = Math.min(input.length, 65536);
	let controls = 0;
	for (let i = 0; i < n; i++) {
		const c = typeof input === 'string' ? input.charCodeAt(i) : input[i];
		if (c === 0) return true;
		if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
	}
	return controls > n / 20;
}

/**
 * An mbox separator line ("From MAILER-DAEMON  Fri Feb 13 02:47:49 2015", RFC 4155): a message
 * saved from a mailbox file starts with one; it is not a header and the MIME parser must not see it.
 */
const MBOX_FROM = /^From [^\s:]+[ \t][^\r\n]*\r?\n/;

/** True when the text starts with a header block (`Name: value` lines), i.e. it is a whole message. */
export function looksLikeMessage(text: string): boolean {
	const start = text
		.replace(/^\uFEFF/, '')
		.trimStart()
		.slice(0, 4096)
		.replace(MBOX_FROM, '');
	const lines = start.split(/\r?\n/, 8);
	// A field name as mail systems write them (RFC 5322 §3.6.8 allows more, nobody uses it): not
	// "<a@b.example>: host ... said:", the line a pasted Postfix report starts with.
	return (
		/^[A-Za-z0-9][A-Za-z0-9_-]{0,75}:/.test(lines[0] ?? '') &&
		!/^(?:https?|mailto):/i.test(lines[0])
	);
}

/** The message without its mbox separator line, if it has one. */
function withoutMboxLine(input: string | Uint8Array, text: string): string | Uint8Array {
	const match = MBOX_FROM.exec(text.slice(0, 1024));
	if (!match) return input;
	if (typeof input === 'string') return input.slice(match[0].length);
	// The line is ASCII: as many bytes as characters.
	return input.subarray(match[0].length);
}

function decodeUtf8Lenient(bytes: Uint8Array): string {
	return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

async function readMessage(
	raw: RawEmail,
	parse: MimeParse,
	depth: number
): Promise<{ reports: BounceReport[]; nested: number; returned?: string }> {
	const email = await parse(raw, PARSE_OPTIONS);
	const own = parseBounce(email);
	const reports = [own];
	let nested = 0;
	let returned: string | undefined;
	// A report's own message/rfc822 part is the returned original: skip it. Anything else may be
	// a bounce the person forwarded; open it.
	if (depth < MAX_NESTED && !isReport(email)) {
		for (const part of email.attachments) {
			if (part.mimeType.toLowerCase() !== 'message/rfc822' || typeof part.content === 'string')
				continue;
			const inner = await readMessage(part.content, parse, depth + 1);
			reports.push(...inner.reports);
			nested = Math.max(nested, inner.nested + 1);
			// A forwarded bounce's returned original is inside it, not the forwarded bounce itself.
			returned ??= inner.returned;
		}
	}
	// Once a forwarded message was opened, the top one's attachment is that message, not an original.
	return {
		reports,
		nested,
		returned: returned ?? (nested === 0 ? returnedHeaders(email) : undefined),
	};
}

/** Reads pasted text or a dropped file. Never throws on bad input; every failure is a result. */
export async function analyzeBounce(
	input: string | Uint8Array,
	parse: MimeParse
): Promise<AnalyzeResult> {
	const size = byteLength(input);
	if (size > MAX_INPUT_BYTES) return { ok: false, error: 'tooLarge', size };
	if (looksBinary(input)) return { ok: false, error: 'binary', size };
	const text = typeof input === 'string' ? input : decodeUtf8Lenient(input);
	if (text.trim() === '') return { ok: false, error: 'empty', size };
	const done = (
		report: BounceReport,
		mode: 'plain' | 'mime' | 'malformed',
		nested: number,
		returned = returnedHeaders(text)
	) => {
		const verdict = judgeBounce(report);
		// Only a bounce's returned original is offered: another message's headers are its own.
		const offered = verdict.bounce && returned ? { returnedHeaders: returned } : {};
		return { ok: true, report, verdict, mode, nested, size, ...offered } as const;
	};
	if (!looksLikeMessage(text)) return done(parseBounce(text), 'plain', 0);
	let read: { reports: BounceReport[]; nested: number; returned?: string };
	try {
		read = await readMessage(withoutMboxLine(input, text), parse, 0);
	} catch {
		return done(parseBounce(text), 'malformed', 0);
	}
	const report = mergeReports(read.reports);
	// A bounce whose MIME parts gave nothing (a report in an odd part): read the raw text instead,
	// so nothing is missed. Only for a bounce: another message's raw headers are not a report.
	const bounceLike = report.signals.header || report.signals.phrase;
	if (bounceLike && !report.codes.length && !report.replies.length && !report.signals.dsn) {
		const plain = parseBounce(text);
		if (plain.codes.length || plain.replies.length)
			return done(plain, 'plain', read.nested, read.returned);
	}
	return done(report, 'mime', read.nested, read.returned);
}
