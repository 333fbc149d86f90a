/**
 * Property-based tests: whatever is pasted or dropped, the analyzer never throws, and every code
 * it reports is written in the input (raw, or once MIME-decoded).
 */
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { analyzeBounce } from '../../../src/lib/ndr/analyzeBounce';
import { findStatusCodes } from '../../../src/lib/ndr/findStatusCodes';
import { parse as parseHtml, TEXT_NODE, walkSync } from 'ultrahtml';
import { parse, readFixtureText } from './helpers';

const FIXTURES = [
	'exchange-online.eml',
	'exchange-online-html-only.eml',
	'postfix.eml',
	'exim.eml',
	'gmail.eml',
	'ovh-fr.eml',
	'italian-forwarded.eml',
	'multi-recipient.eml',
	'pasted-exchange.txt',
].map(readFixtureText);

/**
 * The text of an HTML part for the oracle, by another parser than the analyzer's htmlToText
 * (ultrahtml's tree, its text nodes, the few entities mail uses decoded), so a bug in htmlToText
 * cannot hide behind itself.
 */
function textOfHtml(html: string): string {
	const parts: string[] = [];
	walkSync(parseHtml(html), (node) => {
		if (node.type === TEXT_NODE) parts.push(node.value);
	});
	return parts
		.join(' ')
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Everything the analyzer may legitimately read: the raw text and every decoded text it contains. */
async function decodedTexts(raw: string): Promise<string> {
	const out = [raw];
	const walk = async (input: string | ArrayBuffer, depth: number) => {
		try {
			const email = await PostalMime.parse(input, {
				rfc822Attachments: true,
				attachmentEncoding: 'arraybuffer',
			});
			out.push(email.text ?? '', email.html ? textOfHtml(email.html) : '');
			for (const a of email.attachments) {
				out.push(new TextDecoder().decode(a.content as ArrayBuffer));
				if (a.mimeType === 'message/rfc822' && depth < 3)
					await walk(a.content as ArrayBuffer, depth + 1);
			}
		} catch {
			// the analyzer falls back to the raw text then
		}
	};
	await walk(raw, 0);
	return out.join('\n');
}

/** A DSN field value unfolded: "550\n    5.1.1" is read as "550 5.1.1". */
const unfold = (text: string) => text.replace(/\r?\n[ \t]+/g, ' ');

const statusish = fc.oneof(
	fc.constantFrom(
		'5.1.1',
		'4.4.7',
		'550 5.7.606',
		'Status: 5.0.0',
		'2.0.0',
		'5.1.10',
		'999.9.9',
		'5.7.'
	),
	fc
		.tuple(
			fc.integer({ min: 0, max: 9 }),
			fc.integer({ min: 0, max: 1200 }),
			fc.integer({ min: 0, max: 1200 })
		)
		.map((p) => p.join('.'))
);
const noisyText = fc
	.array(
		fc.oneof(
			fc.string(),
			statusish,
			fc.constantFrom('\n', ' ', '.', '\r\n', 'Final-Recipient: rfc822; a@b.example\n')
		),
		{
			maxLength: 40,
		}
	)
	.map((parts) => parts.join(''));

describe('properties', () => {
	it('findStatusCodes only returns substrings of its input, at the right offset', () => {
		fc.assert(
			fc.property(noisyText, (text) => {
				for (const hit of findStatusCodes(text)) {
					const written = hit.kind === 'enhanced' ? hit.code : hit.reply;
					expect(text.slice(hit.index, hit.index + written.length)).toBe(written);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('analyzeBounce never throws on random text and every code it reports is in the text', async () => {
		await fc.assert(
			fc.asyncProperty(noisyText, async (text) => {
				const result = await analyzeBounce(text, parse);
				if (!result.ok) return;
				const seen = unfold(await decodedTexts(text));
				for (const c of result.report.codes) expect(seen).toContain(c.code);
				for (const r of result.report.replies) expect(seen).toContain(r);
			}),
			{ numRuns: 300 }
		);
		// Hundreds of MIME parses: seconds on a machine other builds share (vitest's default is 5 s).
	}, 60_000);

	it('analyzeBounce never throws on random bytes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
				const result = await analyzeBounce(bytes, parse);
				expect(typeof result.ok).toBe('boolean');
			}),
			{ numRuns: 300 }
		);
		// Hundreds of MIME parses: seconds on a machine other builds share (vitest's default is 5 s).
	}, 60_000);

	it('mutated bounces never make the analyzer throw or report a code that is not in them', async () => {
		const mutation = fc.record({
			fixture: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
			edits: fc.array(
				fc.record({
					at: fc.nat(),
					remove: fc.integer({ min: 0, max: 40 }),
					insert: fc.oneof(
						fc.string({ maxLength: 20 }),
						statusish,
						fc.constantFrom(
							'--',
							'\n\n',
							'=\n',
							'Content-Type: multipart/mixed; boundary=x\n',
							'=E9',
							'<script>'
						)
					),
				}),
				{ maxLength: 6 }
			),
		});
		await fc.assert(
			fc.asyncProperty(mutation, async ({ fixture, edits }) => {
				let text = FIXTURES[fixture];
				for (const e of edits) {
					const at = e.at % (text.length + 1);
					text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
				}
				const result = await analyzeBounce(text, parse);
				if (!result.ok) return;
				const seen = unfold(await decodedTexts(text));
				for (const c of result.report.codes) expect(seen).toContain(c.code);
			}),
			{ numRuns: 300 }
		);
		// Hundreds of MIME parses: seconds on a machine other builds share (vitest's default is 5 s).
	}, 60_000);
});
