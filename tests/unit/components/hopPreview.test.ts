/**
 * Which hops of a long route the header report lays out at first (src/components/headers/
 * hopPreview.ts). Expected indexes written out by hand.
 */
import { describe, expect, it } from 'vitest';
import {
	ALL_HOPS_UP_TO,
	FIRST_HOPS,
	hopsShownFirst,
} from '../../../src/components/headers/hopPreview';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('hopsShownFirst', () => {
	it('lays out every hop of a route up to 60 hops long', () => {
		expect(ALL_HOPS_UP_TO).toBe(60);
		expect(hopsShownFirst(0, {})).toEqual([]);
		expect(hopsShownFirst(5, { longestHopIndex: 1, recipientHopIndex: 1 })).toEqual([
			0, 1, 2, 3, 4,
		]);
		expect(hopsShownFirst(60, { longestHopIndex: 59 })).toEqual(range(0, 60));
	});

	it('beyond, the first 50, the longest wait, the recipient and the last, in travel order', () => {
		expect(FIRST_HOPS).toBe(50);
		expect(hopsShownFirst(500, { longestHopIndex: 497, recipientHopIndex: 496 })).toEqual([
			...range(0, 50),
			496,
			497,
			499,
		]);
		expect(hopsShownFirst(61, {})).toEqual([...range(0, 50), 60]);
	});

	it('shows a hop once when it is several of these, or already among the first', () => {
		expect(hopsShownFirst(500, { longestHopIndex: 499, recipientHopIndex: 499 })).toEqual([
			...range(0, 50),
			499,
		]);
		expect(hopsShownFirst(200, { longestHopIndex: 3, recipientHopIndex: 120 })).toEqual([
			...range(0, 50),
			120,
			199,
		]);
	});

	it('ignores a mark that is no hop of the route', () => {
		expect(hopsShownFirst(100, { longestHopIndex: 100, recipientHopIndex: -1 })).toEqual([
			...range(0, 50),
			99,
		]);
	});
});
