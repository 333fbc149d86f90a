import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, queryFromPath } from '../../../../src/lib/search/queryFromPath';

describe('queryFromPath', () => {
	it('turns a mistyped page path into search words, without the language', () => {
		expect(queryFromPath('/fr/erreurs-diagnostic/')).toBe('erreurs diagnostic');
	});

	it('keeps status codes and host names whole', () => {
		expect(queryFromPath('/en/ndr/5.7.1')).toBe('ndr 5.7.1');
		expect(queryFromPath('/it/mx1.mail.ovh.net/')).toBe('mx1.mail.ovh.net');
	});

	it('decodes escaped letters and drops the query and anchor', () => {
		expect(queryFromPath('/fr/compte-bloqu%C3%A9/?x=1#mx')).toBe('compte bloqué');
	});

	it('drops the 404 page’s own name and file extensions', () => {
		expect(queryFromPath('/en/404/')).toBe('');
		expect(queryFromPath('/en/old/diagnostic.html')).toBe('old diagnostic');
	});

	it('survives a malformed escape and markup', () => {
		expect(queryFromPath('/en/%E0%A4%A/<script>alert(1)</script>')).not.toMatch(/[<>()]/);
	});

	it('caps the length of what it returns', () => {
		expect(queryFromPath('/en/' + 'word-'.repeat(100)).length).toBeLessThanOrEqual(
			MAX_QUERY_LENGTH
		);
	});
});
