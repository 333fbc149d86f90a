import { describe, expect, it } from 'vitest';
import { sectionUrl } from '../../../../src/lib/links/sectionUrl';

describe('sectionUrl', () => {
	it('puts the anchor on the page address', () => {
		expect(sectionUrl('https://help.example/en/diagnostic/', 'password')).toBe(
			'https://help.example/en/diagnostic/#password'
		);
	});

	it('replaces the fragment the page was opened with', () => {
		expect(sectionUrl('https://help.example/fr/diagnostic/#blocked', 'mx')).toBe(
			'https://help.example/fr/diagnostic/#mx'
		);
	});

	it('keeps the query, so a DNS check link still names its domain', () => {
		expect(
			sectionUrl('https://help.example/it/dns/?domain=example.it&offer=hosted', 'srv-record')
		).toBe('https://help.example/it/dns/?domain=example.it&offer=hosted#srv-record');
	});

	it('keeps a status code anchor with dots as it is', () => {
		expect(sectionUrl('https://help.example/en/ndr/', '5.7.1')).toBe(
			'https://help.example/en/ndr/#5.7.1'
		);
	});
});
