import { describe, expect, it } from 'vitest';
import codes from '../../../src/content/ndr/codes.json';
import { buildCodeIndex, codesInRange, lookupCode } from '../../../src/lib/ndr/lookupCode';
import { compareStatusCodes, parseStatusCode } from '../../../src/lib/ndr/parseStatusCode';

const index = buildCodeIndex(codes);

describe('lookupCode', () => {
	it('finds a code that has its own entry', () => {
		expect(lookupCode('5.1.1', index)).toEqual({
			kind: 'exact',
			code: '5.1.1',
			entry: '5.1.1',
			anchor: '5.1.1',
		});
	});

	it('maps a code inside a vendor range to the range entry, keeping its own anchor', () => {
		expect(lookupCode('5.7.620', index)).toEqual({
			kind: 'exact',
			code: '5.7.620',
			entry: '5.7.606',
			anchor: '5.7.620',
		});
		expect(lookupCode('5.7.650', index).kind).not.toBe('exact');
	});

	it('uses the registry entry of another class for the same subject and detail', () => {
		expect(lookupCode('4.4.6', index)).toMatchObject({
			kind: 'sibling',
			entry: '5.4.6',
			anchor: '5.4.6',
			class: 4,
		});
	});

	it('composes a generic answer from class and subject for an unlisted code', () => {
		expect(lookupCode('5.3.9', index)).toEqual({
			kind: 'generic',
			code: '5.3.9',
			class: 5,
			subject: 3,
			knownSubject: true,
			anchor: '5.3.x',
		});
		expect(lookupCode('2.2.9', index)).toMatchObject({ kind: 'generic', anchor: '2.x.x' });
		expect(lookupCode('5.9.1', index)).toMatchObject({
			kind: 'generic',
			knownSubject: false,
			anchor: '5.x.x',
		});
	});

	it('rejects what is not a status code', () => {
		expect(lookupCode('3.1.1', index).kind).toBe('invalid');
		expect(lookupCode('5.1', index).kind).toBe('invalid');
		expect(lookupCode('5.01.1', index).kind).toBe('invalid');
	});
});

describe('status code helpers', () => {
	it('orders codes part by part', () => {
		expect(['5.1.10', '5.1.2', '4.4.7', '5.1.1'].sort(compareStatusCodes)).toEqual([
			'4.4.7',
			'5.1.1',
			'5.1.2',
			'5.1.10',
		]);
	});
	it('lists every code of a range', () => {
		const range = codesInRange('5.7.606', '5.7.649');
		expect(range).toHaveLength(44);
		expect(range.at(-1)).toBe('5.7.649');
		expect(parseStatusCode('5.7.649')).toEqual({ class: 5, subject: 7, detail: 649 });
	});
});
