import { describe, expect, it } from 'vitest';
import { explainCode, explainReply, type ReferenceText } from '../../../src/lib/ndr/explainCode';
import type { CodeIndex } from '../../../src/lib/ndr/lookupCode';

/** A tiny reference written for the test: three entries, one vendor range, two classes. */
const index: CodeIndex = {
	'5.1.1': { registry: true },
	'5.4.6': { registry: true },
	'5.7.606': { registry: false, rangeEnd: '5.7.649' },
};
const text: ReferenceText = {
	codes: {
		'5.1.1': ['Bad destination mailbox address', 'The mailbox does not exist.', 0],
		'5.4.6': ['Routing loop detected', 'The message went round in circles.', 0],
		'5.7.606': ['Sending IP banned', 'Microsoft blocks the sending address.', 1],
	},
	classes: {
		'4': ['Temporary failure', 'The server will try again.'],
		'5': ['Permanent failure', 'The server gave up.'],
	},
	subjects: { '1': ['Addressing', 'About the address.'] },
};

describe('explainCode', () => {
	it('gives the code’s own entry with a link to its anchor', () => {
		expect(explainCode('5.1.1', index, text, 'en')).toEqual({
			code: '5.1.1',
			kind: 'exact',
			title: 'Bad destination mailbox address',
			meaning: 'The mailbox does not exist.',
			vendor: false,
			anchor: '5.1.1',
		});
	});

	it('gives a vendor range’s entry, flagged as the vendor’s, at the code’s own anchor', () => {
		expect(explainCode('5.7.620', index, text, 'en')).toMatchObject({
			kind: 'exact',
			title: 'Sending IP banned',
			vendor: true,
			anchor: '5.7.620',
		});
	});

	it('gives the same subject and detail of another class, and says so in the class’s words', () => {
		expect(explainCode('4.4.6', index, text, 'en')).toEqual({
			code: '4.4.6',
			kind: 'sibling',
			title: 'Routing loop detected',
			meaning: 'The message went round in circles.',
			vendor: false,
			anchor: '5.4.6',
			note: { key: 'ndr.result.sibling', params: { entry: '5.4.6', class: 'temporary failure' } },
		});
	});

	it('composes a generic answer from the class and the subject of an unknown code', () => {
		expect(explainCode('5.1.42', index, text, 'en')).toEqual({
			code: '5.1.42',
			kind: 'generic',
			title: 'Permanent failure · Addressing',
			meaning: 'The server gave up. About the address.',
			vendor: false,
			note: { key: 'ndr.result.generic' },
			anchor: '5.1.x',
		});
		// A subject the reference has no words for (and no section): the class alone.
		expect(explainCode('5.9.42', index, text, 'en')).toMatchObject({
			title: 'Permanent failure',
			meaning: 'The server gave up.',
			anchor: '5.x.x',
		});
	});

	it('gives nothing for a malformed code', () => {
		expect(explainCode('5.01.1', index, text, 'en')).toEqual({
			code: '5.01.1',
			kind: 'invalid',
			title: '',
			meaning: '',
			vendor: false,
		});
	});
});

describe('explainCode for a registry code Microsoft gives another meaning', () => {
	const withMicrosoft: ReferenceText = {
		...text,
		codes: {
			...text.codes,
			'5.1.10': [
				'Recipient domain has a null MX',
				'The domain takes no mail.',
				0,
				'Recipient not found',
				'Exchange Online found no such address.',
			],
		},
	};
	const withIndex: CodeIndex = { ...index, '5.1.10': { registry: true } };

	it('gives the registry’s meaning when another server wrote the code, and Microsoft’s apart', () => {
		expect(explainCode('5.1.10', withIndex, withMicrosoft, 'en')).toMatchObject({
			title: 'Recipient domain has a null MX',
			meaning: 'The domain takes no mail.',
			applies: 'registry',
			other: {
				source: 'microsoft',
				title: 'Recipient not found',
				meaning: 'Exchange Online found no such address.',
			},
		});
	});

	it('gives Microsoft’s meaning when a Microsoft server wrote it, and the registry’s apart', () => {
		expect(explainCode('5.1.10', withIndex, withMicrosoft, 'en', true)).toMatchObject({
			title: 'Recipient not found',
			meaning: 'Exchange Online found no such address.',
			applies: 'microsoft',
			other: { source: 'registry', title: 'Recipient domain has a null MX' },
		});
	});

	it('reads a code of another class with the registry’s meaning only', () => {
		const explanation = explainCode('4.1.10', withIndex, withMicrosoft, 'en', true);
		expect(explanation).toMatchObject({ kind: 'sibling', title: 'Recipient domain has a null MX' });
		expect(explanation.other).toBeUndefined();
	});
});

describe('explainReply', () => {
	it('explains a bare reply by its class, linked to the class section', () => {
		expect(explainReply('550', text)).toEqual({
			className: 'Permanent failure',
			meaning: 'The server gave up.',
			anchor: '5.x.x',
		});
	});
});
