import { describe, expect, it } from 'vitest';
import { summarize, type SummaryStrings } from '../../../src/lib/tree/summarize';

const strings: SummaryStrings = {
	heading: 'Mail troubleshooting: my answers',
	titles: {
		start: 'What is going wrong?',
		mx: 'Check MX',
		'mx-fix': 'Correct the MX records',
		status: 'Status',
	},
	answers: {
		start: { receive: 'I don’t receive mail' },
		status: { nothing: 'No incident' },
		mx: { differ: 'They differ' },
	},
	outcomes: { 'mx-fix': 'The MX records must be corrected.' },
	checkLine: 'Check of {domain}: {verdict}',
	verdicts: {
		pass: 'correct',
		warn: 'works, to update',
		fail: 'wrong',
		error: 'could not check',
		skip: 'not run',
	},
	result: 'Result: ',
	unfinished: 'Not finished: now at “{step}”',
	link: 'Link: ',
};

describe('summarize', () => {
	it('lists each step with its answer, then the outcome and the link', () => {
		const text = summarize(
			[
				{ step: 'start', answer: 'receive' },
				{ step: 'status', answer: 'nothing' },
				{ step: 'mx', verdict: 'fail', domain: 'example.com' },
				{ step: 'mx-fix' },
			],
			strings,
			'https://x.example/en/troubleshooting/?step=mx-fix'
		);
		expect(text).toBe(
			[
				'Mail troubleshooting: my answers',
				'',
				'1. What is going wrong?',
				'   → I don’t receive mail',
				'2. Status',
				'   → No incident',
				'3. Check MX',
				'   Check of example.com: wrong',
				'',
				'Result: Correct the MX records',
				'The MX records must be corrected.',
				'',
				'Link: https://x.example/en/troubleshooting/?step=mx-fix',
			].join('\n')
		);
	});

	it('says where the walk stopped when it has not reached an outcome', () => {
		expect(
			summarize([{ step: 'start', answer: 'receive' }, { step: 'status' }], strings)
		).toContain('Not finished: now at “Status”');
	});

	it('keeps a typed domain on one line and short', () => {
		const text = summarize(
			[
				{ step: 'mx', verdict: 'error', domain: 'a.example\n5. Forged line' + 'x'.repeat(400) },
				{ step: 'mx-fix' },
			],
			strings
		);
		const line = text.split('\n').find((l) => l.includes('Check of'))!;
		expect(line).toContain('a.example 5. Forged line');
		expect(line.length).toBeLessThan(300);
		expect(text.split('\n').filter((l) => l.startsWith('5.'))).toEqual([]);
	});

	it('falls back to ids for anything without a label', () => {
		expect(summarize([{ step: 'other', answer: 'yes' }, { step: 'end' }], strings)).toContain(
			'1. other\n   → yes'
		);
	});
});
