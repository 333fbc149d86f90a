import { describe, expect, it } from 'vitest';
import { linkUrl } from '../../../../src/lib/records/linkUrl';

describe('linkUrl', () => {
	const webmail = {
		url: 'https://www.example.test/en-gb/mail/',
		byLocale: { fr: 'https://www.example.test/fr/mail/' },
		source: '003_178ee77a2a361ea2.txt' as const,
	};

	it('gives the page of the reader’s country site where the data has one', () => {
		expect(linkUrl(webmail, 'fr')).toBe('https://www.example.test/fr/mail/');
	});

	it('falls back to the common address for a language without its own page', () => {
		expect(linkUrl(webmail, 'it')).toBe('https://www.example.test/en-gb/mail/');
		expect(linkUrl({ url: 'https://status.example.test/', source: webmail.source }, 'fr')).toBe(
			'https://status.example.test/'
		);
	});
});
