/**
 * Property-based tests: whatever is pasted, analyzeHeaders returns a well-formed analysis without
 * throwing, and its time grows about linearly with the input (no regular expression or loop that
 * backtracks on hostile text).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeHeaders } from '../../../src/lib/headers/analyzeHeaders';
import type { HeaderAnalysis } from '../../../src/lib/headers/types';
import { readHeaderFixture } from './helpers';

const FIXTURES = [
	'gmail.txt',
	'exchange-online.txt',
	'ovhcloud.txt',
	'postfix.txt',
	'exim.txt',
	'qmail.txt',
	'yahoo.txt',
].map(readHeaderFixture);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function expectWellFormed(analysis: HeaderAnalysis) {
	expect(['headers', 'no-headers', 'binary']).toContain(analysis.kind);
	for (const [i, hop] of analysis.hops.entries()) {
		if (hop.time !== undefined) expect(hop.time).toMatch(ISO);
		if (hop.delaySeconds !== undefined) {
			expect(Number.isInteger(hop.delaySeconds)).toBe(true);
			expect(hop.time).toBeDefined();
			expect(i).toBeGreaterThan(0);
		}
		expect(typeof hop.raw).toBe('string');
	}
	if (analysis.longestHopIndex !== undefined) {
		expect(analysis.hops[analysis.longestHopIndex]?.delaySeconds).toBeGreaterThan(0);
	}
	for (const result of analysis.auth) {
		expect(result.method).toBe(result.method.toLowerCase());
		expect(typeof result.result).toBe('string');
	}
	for (const verdict of analysis.spam) {
		if (verdict.score !== undefined) expect(Number.isFinite(verdict.score)).toBe(true);
	}
}

/** Characters that matter to the parsers, so random text hits their edge cases often. */
const SPECIAL = fc.constantFrom(
	...'()[]<>";:=,.@/\\?_ \t\r\n\u0000\u0007\ufffd'.split(''),
	'=?',
	'?=',
	'Received: ',
	'\r\n ',
	'from ',
	' by ',
	' with ',
	'Authentication-Results: ',
	'i=1;',
	'X-VR-SPAMCAUSE: ',
	'Date: ',
	' Dec ',
	'2026',
	'10:00:00',
	'+0100',
	'GMT',
	'spf=pass',
	'reason="'
);
const hostileText = fc
	.array(
		fc.oneof(SPECIAL, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
		{
			maxLength: 200,
		}
	)
	.map((parts) => parts.join(''));

// Generous time limits: the runs take a second or two alone, more on a machine shared with other work.
describe('analyzeHeaders on any input', () => {
	it('never throws on random text built from the parsers’ special characters', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				expectWellFormed(analyzeHeaders(text));
			}),
			{ numRuns: 2000 }
		);
	}, 60_000);

	it('never throws on real header sets with random insertions and cuts', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...FIXTURES),
				fc.array(fc.tuple(fc.nat(), hostileText), { maxLength: 6 }),
				fc.nat(),
				(fixture, insertions, cut) => {
					let text = fixture;
					for (const [at, piece] of insertions) {
						const i = at % (text.length + 1);
						text = text.slice(0, i) + piece + text.slice(i);
					}
					text = text.slice(0, cut % (text.length + 1));
					expectWellFormed(analyzeHeaders(text));
				}
			),
			{ numRuns: 1000 }
		);
	}, 60_000);

	it('never throws on arbitrary Unicode', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
				expectWellFormed(analyzeHeaders(text));
			}),
			{ numRuns: 500 }
		);
	}, 60_000);
});

/**
 * Least CPU time of three runs, in ms. CPU time (process.cpuUsage), not wall time, so other work on
 * a busy machine does not count; the least of three leaves out a garbage collection.
 */
function fastest(text: string): number {
	let best = Infinity;
	for (let i = 0; i < 3; i++) {
		const start = process.cpuUsage();
		analyzeHeaders(text);
		const used = process.cpuUsage(start);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

describe('analyzeHeaders grows about linearly', () => {
	// Each unit repeated n and 16n times (16n about 1 MB): linear work takes about 16 times longer
	// (up to 18 measured, the garbage collector's share grows with the heap), quadratic work 256
	// times. The bound of 64 leaves room for a busy machine.
	const shapes: [string, (n: number) => string][] = [
		['nested comments in a Received', (n) => 'Received: ' + '('.repeat(n) + '\n'],
		['unclosed comments in a date', (n) => 'Received: x; ' + '1 Dec ('.repeat(n) + '\n'],
		[
			'quotes in Authentication-Results',
			(n) => 'Authentication-Results: x; a="' + '\\"'.repeat(n) + '\n',
		],
		[
			'semicolons in Authentication-Results',
			(n) => 'Authentication-Results: x' + '; a=b'.repeat(n) + '\n',
		],
		['encoded-word starts in a Subject', (n) => 'Subject: ' + '=?u?q?'.repeat(n) + '\n'],
		[
			'clauses in a Received',
			(n) => 'Received: ' + 'from a with b c '.repeat(n) + '; 1 Dec 2026 10:00 +0000\n',
		],
		['fields with no value', (n) => 'X-A:\n'.repeat(n)],
		['continuation lines', (n) => 'Subject: x\n' + ' y\n'.repeat(n)],
		['SpamAssassin tests', (n) => 'X-Spam-Status: Yes, tests=' + 'A,'.repeat(n) + '\n'],
		[
			'Received headers',
			(n) =>
				'Received: from a (b [192.0.2.1]) by c with ESMTP id d; Tue, 1 Dec 2026 10:00:00 +0000\n'.repeat(
					Math.ceil(n / 40)
				),
		],
	];
	it.each(shapes)(
		'on %s',
		(_, make) => {
			const n = (64 * 1024) / 8;
			const small = make(n);
			const large = make(16 * n);
			fastest(small); // warm-up (JIT)
			const ratio = fastest(large) / Math.max(fastest(small), 1);
			expect(ratio).toBeLessThan(64);
		},
		60_000
	);
});
