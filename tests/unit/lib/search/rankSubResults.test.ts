import { describe, expect, it } from 'vitest';
import { rankSubResults, subResultScore } from '../../../../src/lib/search/rankSubResults';

const sub = (url: string, ...scores: number[]) => ({
	url,
	weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
});

describe('rankSubResults', () => {
	it('puts the section with the highest weighted score first, even when another has more matched words', () => {
		const ranked = rankSubResults('/fr/diagnostic/', [
			sub('/fr/diagnostic/#blocked', 9000, 9000),
			sub('/fr/diagnostic/#security-policy', 100, 100, 100),
			sub('/fr/diagnostic/#send-failed', 200, 200, 200, 200, 200),
		]);
		expect(ranked.map((r) => r.url)).toEqual([
			'/fr/diagnostic/#blocked',
			'/fr/diagnostic/#send-failed',
			'/fr/diagnostic/#security-policy',
		]);
	});

	it('keeps the page’s own excerpt first and ranks only the sections after it', () => {
		const ranked = rankSubResults('/en/dns/', [
			sub('/en/dns/', 1),
			sub('/en/dns/#zone-lines', 5),
			sub('/en/dns/#srv-record', 50),
		]);
		expect(ranked.map((r) => r.url)).toEqual([
			'/en/dns/',
			'/en/dns/#srv-record',
			'/en/dns/#zone-lines',
		]);
	});

	it('keeps at most three sections, as the search box shows', () => {
		const subs = [1, 2, 3, 4, 5].map((n) => sub(`/en/ndr/#5.${n}.0`, n));
		expect(rankSubResults('/en/ndr/', subs).map((r) => r.url)).toEqual([
			'/en/ndr/#5.5.0',
			'/en/ndr/#5.4.0',
			'/en/ndr/#5.3.0',
		]);
	});

	it('keeps page order between sections that score the same', () => {
		const ranked = rankSubResults('/it/diagnostic/', [
			sub('/it/diagnostic/#mx', 3),
			sub('/it/diagnostic/#srv', 3),
		]);
		expect(ranked.map((r) => r.url)).toEqual(['/it/diagnostic/#mx', '/it/diagnostic/#srv']);
	});

	it('returns nothing for a result without sections', () => {
		expect(rankSubResults('/en/', [])).toEqual([]);
	});

	it('scores a section as the sum of its matched words’ balanced scores', () => {
		expect(subResultScore(sub('/x/#a', 1.5, 2.5))).toBe(4);
	});

	it('puts the section whose anchor the query names first, before equal or higher scores', () => {
		const subs = [
			sub('/en/ndr/#5.5.0', 8000),
			sub('/en/ndr/#5.7.1', 8000),
			sub('/en/ndr/#5.7.10', 9000),
		];
		expect(rankSubResults('/en/ndr/', subs, 3, '550 5.7.1').map((r) => r.url)).toEqual([
			'/en/ndr/#5.7.1',
			'/en/ndr/#5.7.10',
			'/en/ndr/#5.5.0',
		]);
		expect(rankSubResults('/en/ndr/', subs, 3, 'Remote server returned (550 5.7.1)')[0]!.url).toBe(
			'/en/ndr/#5.7.1'
		);
	});

	it('does not let a query favour a section it does not name', () => {
		const subs = [sub('/en/ndr/#5.5.0', 8000), sub('/en/ndr/#5.7.1', 8000)];
		expect(rankSubResults('/en/ndr/', subs, 3, '550 5.7').map((r) => r.url)).toEqual([
			'/en/ndr/#5.5.0',
			'/en/ndr/#5.7.1',
		]);
		expect(rankSubResults('/en/ndr/', subs).map((r) => r.url)).toEqual([
			'/en/ndr/#5.5.0',
			'/en/ndr/#5.7.1',
		]);
	});
});
