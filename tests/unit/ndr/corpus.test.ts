/**
 * The analyzer against 42 real bounces of sisimai's set-of-emails (../shared/bounces, outside the
 * repository: its README gives the source, the licence and how index.json was built). For each
 * file, the decisive codes and the reasons of its recipients are compared, as multisets, with
 * what sisimai's own tests expect. Thresholds: every one of the 40 files whose codes are written in
 * them gets its codes exactly; at least 90 % of all recipients get sisimai's reason.
 * A fresh clone has no ../shared: the suite is then skipped, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBounce } from '../../../src/lib/ndr/analyzeBounce';
import { parse } from './helpers';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'bounces');
const present = existsSync(join(CORPUS, 'index.json'));

interface Expected {
	file: string;
	codes: string[];
	reasons: string[];
	inferred?: boolean;
}

const sorted = (xs: string[]) => [...xs].sort();

/** How many of `expected` are matched by `found`, counted as multisets. */
function matched(expected: string[], found: string[]): number {
	const left = [...found];
	let n = 0;
	for (const x of expected) {
		const i = left.indexOf(x);
		if (i >= 0) {
			left.splice(i, 1);
			n++;
		}
	}
	return n;
}

describe.skipIf(!present)('the analyzer on ../shared/bounces (sisimai set-of-emails)', () => {
	it('gives every non-inferred bounce its codes exactly and at least 90 % of the reasons', async () => {
		const index = JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as Expected[];
		let exactCodes = 0;
		let scoredFiles = 0;
		let reasonsRight = 0;
		let reasonsTotal = 0;
		const misses: string[] = [];
		for (const entry of index) {
			const result = await analyzeBounce(
				new Uint8Array(readFileSync(join(CORPUS, entry.file))),
				parse
			);
			if (!result.ok) throw new Error(`${entry.file}: ${result.error}`);
			const recipients = result.verdict.recipients;
			const codes = recipients.map((r) => r.code ?? '');
			const reasons = recipients.map((r) => r.reason);
			if (!entry.inferred) {
				scoredFiles++;
				if (JSON.stringify(sorted(codes)) === JSON.stringify(sorted(entry.codes))) exactCodes++;
				else
					misses.push(
						`${entry.file}: codes ${codes.join(' ')} (expected ${entry.codes.join(' ')})`
					);
			}
			const right = matched(entry.reasons, reasons);
			reasonsRight += right;
			reasonsTotal += entry.reasons.length;
			if (right < entry.reasons.length || reasons.length !== entry.reasons.length)
				misses.push(
					`${entry.file}: reasons ${reasons.join(' ')} (expected ${entry.reasons.join(' ')})`
				);
		}
		const share = reasonsRight / reasonsTotal;
		console.log(
			`../shared/bounces: codes exact ${exactCodes}/${scoredFiles} files; reasons ${reasonsRight}/${reasonsTotal} recipients (${(share * 100).toFixed(1)} %)${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`
		);
		expect(scoredFiles).toBe(40);
		expect(exactCodes).toBe(40);
		expect(share).toBeGreaterThanOrEqual(0.9);
	});
});

describe.skipIf(present)('the analyzer on ../shared/bounces', () => {
	it.skip(`is skipped: ${CORPUS} is not there (a fresh clone has no ../shared/bounces)`, () => {});
});
