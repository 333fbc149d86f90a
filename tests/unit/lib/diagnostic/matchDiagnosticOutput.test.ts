import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DIAGNOSTIC_ANCHORS } from '../../../../src/schemas/common';
import { errorEntrySchema } from '../../../../src/schemas/errors';
import {
	matchDiagnosticOutput,
	MAX_DIAGNOSTIC_INPUT,
	type DiagnosticMessageCatalogEntry,
} from '../../../../src/lib/diagnostic/matchDiagnosticOutput';
import { errorFiles, LOCALE_CODES, ROOT } from '../../helpers';

// The catalog the page builds: every language's messages per anchor, in page order.
const catalog: DiagnosticMessageCatalogEntry[] = DIAGNOSTIC_ANCHORS.map((anchor) => ({
	anchor,
	messages: LOCALE_CODES.flatMap((locale) =>
		errorFiles(locale)
			.filter((f) => basename(f.file, '.mdx') === anchor)
			.flatMap((f) => errorEntrySchema.parse(f.data).messages)
	),
}));

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'diagnostic');
const expected: Record<string, { anchors: string[]; frame: number; unrecognised: number }> =
	JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));

function anchorsOf(text: string): string[] {
	const result = matchDiagnosticOutput(text, catalog);
	if (!result.ok) throw new Error(`rejected: ${result.reason}`);
	return result.matches.map((m) => m.anchor);
}

describe('matchDiagnosticOutput', () => {
	for (const [file, want] of Object.entries(expected)) {
		it(`maps the ${file} fixture to ${want.anchors.join(', ')}`, () => {
			const result = matchDiagnosticOutput(readFileSync(join(FIXTURES, file), 'utf8'), catalog);
			if (!result.ok) throw new Error(result.reason);
			expect(result.matches.map((m) => m.anchor).sort()).toEqual([...want.anchors].sort());
			expect(result.frame).toHaveLength(want.frame);
			expect(result.unrecognised).toHaveLength(want.unrecognised);
		});
	}

	for (const locale of LOCALE_CODES) {
		it(`recognises every ${locale} message on its own, exactly`, () => {
			for (const file of errorFiles(locale)) {
				const entry = errorEntrySchema.parse(file.data);
				for (const message of entry.messages) {
					const result = matchDiagnosticOutput(message, catalog);
					if (!result.ok) throw new Error(result.reason);
					expect(
						result.matches.map((m) => m.anchor),
						message
					).toEqual([entry.anchor]);
					expect(result.matches[0].lines[0].exact).toBe(true);
				}
			}
		});
	}

	it('ignores case, accents, curly apostrophes and extra spaces', () => {
		expect(anchorsOf('  attention :  l’ENREGISTREMENT mx du domaine n’est PAS valide ')).toEqual([
			'mx',
		]);
		expect(anchorsOf('ATTENTION : Le compte est bloque par la politique de securite')).toEqual([
			'security-policy',
		]);
	});

	it('accepts a message with a typo, and marks it as a close match', () => {
		const result = matchDiagnosticOutput("WARNING: The domain's SRV record is not vaild", catalog);
		if (!result.ok) throw new Error(result.reason);
		expect(result.matches.map((m) => m.anchor)).toEqual(['srv']);
		expect(result.matches[0].lines[0].exact).toBe(false);
	});

	it('tells the MX error from the SRV error', () => {
		expect(anchorsOf('The domain MX record is not valid')).toEqual(['mx']);
		expect(anchorsOf("The domain's SRV record is not valid")).toEqual(['srv']);
	});

	it('finds a message inside a longer line (timestamps, symbols)', () => {
		expect(anchorsOf('[14:02:11] ✗ WARNING: Webmail authentication has failed (code 3)')).toEqual([
			'password',
		]);
	});

	it('reads the diagnostic’s own title and date lines as its frame, in every language', () => {
		const result = matchDiagnosticOutput(
			[
				'Diagnostic result for contact@example.com',
				'Date: 2026-11-20 14:02',
				'Résultat du diagnostic pour contact@exemple.fr',
				'Date : 20/11/2026 14:02',
				'Risultato della diagnostica per info@esempio.it',
				'Data: 20/11/2026',
				'WARNING: The domain MX record is not valid',
			].join('\n'),
			catalog
		);
		if (!result.ok) throw new Error(result.reason);
		expect(result.frame.map((f) => [f.line, f.kind])).toEqual([
			[1, 'title'],
			[2, 'date'],
			[3, 'title'],
			[4, 'date'],
			[5, 'title'],
			[6, 'date'],
		]);
		expect(result.unrecognised).toEqual([]);
		expect(result.matches.map((m) => m.anchor)).toEqual(['mx']);
	});

	it('keeps a line that only starts like the frame among the lines not recognised', () => {
		const result = matchDiagnosticOutput(
			'Diagnostic result for contact@example.com failed for another reason and a long story of why\nDate: tomorrow',
			catalog
		);
		if (!result.ok) throw new Error(result.reason);
		expect(result.frame).toEqual([]);
		expect(result.unrecognised.map((u) => u.line)).toEqual([1, 2]);
	});

	it('lists every unknown line with its number instead of dropping it', () => {
		const result = matchDiagnosticOutput(
			'hello\n\nWebmail authentication has failed\nbye',
			catalog
		);
		if (!result.ok) throw new Error(result.reason);
		expect(result.unrecognised).toEqual([
			{ line: 1, text: 'hello' },
			{ line: 4, text: 'bye' },
		]);
		expect(result.matches[0].lines[0].line).toBe(3);
	});

	it('returns errors in page order whatever the order pasted', () => {
		expect(
			anchorsOf(
				'WARNING: The test email has not been received.\nThe account has been blocked for sending spam'
			)
		).toEqual(['blocked', 'not-received']);
	});

	it('groups the same error pasted twice, in two languages, under one anchor', () => {
		const result = matchDiagnosticOutput(
			'The domain MX record is not valid\nATTENZIONE: il record MX del dominio non è valido',
			catalog
		);
		if (!result.ok) throw new Error(result.reason);
		expect(result.matches).toHaveLength(1);
		expect(result.matches[0].lines.map((l) => l.line)).toEqual([1, 2]);
	});

	it('does not take a short unrelated line for an error', () => {
		expect(anchorsOf('MX')).toEqual([]);
		expect(anchorsOf('The test email has been received.')).toEqual([]);
	});

	it('rejects empty and blank input', () => {
		expect(matchDiagnosticOutput('', catalog)).toMatchObject({ ok: false, reason: 'empty' });
		expect(matchDiagnosticOutput(' \n\t\n ', catalog)).toMatchObject({
			ok: false,
			reason: 'empty',
		});
	});

	it('rejects input over the size limit with its size, without reading it', () => {
		const text = 'x'.repeat(1_000_000);
		expect(matchDiagnosticOutput(text, catalog)).toEqual({
			ok: false,
			reason: 'too-long',
			size: 1_000_000,
			max: MAX_DIAGNOSTIC_INPUT,
		});
	});

	it('rejects binary input', () => {
		const binary = String.fromCharCode(...Array.from({ length: 200 }, (_, i) => i % 32));
		expect(matchDiagnosticOutput(binary, catalog)).toMatchObject({ ok: false, reason: 'not-text' });
	});

	it('keeps markup as plain text in what it returns', () => {
		const result = matchDiagnosticOutput('<img src=x onerror=alert(1)>', catalog);
		if (!result.ok) throw new Error(result.reason);
		expect(result.unrecognised[0].text).toBe('<img src=x onerror=alert(1)>');
	});
});
