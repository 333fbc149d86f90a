import { describe, expect, it } from 'vitest';
import { formFromParams, permalinkParams, validateForm } from '../../../src/lib/dns/checkParams';
import { provider } from '../helpers/dnsMessages';

const fromQuery = (query: string) =>
	validateForm(formFromParams(new URLSearchParams(query)), provider);

describe('the rdap parameter (DESIGN.md contract additions)', () => {
	it('is absent by default: the bootstrap registry decides', () => {
		const result = fromQuery('domain=example.com');
		expect(result.ok && result.check.rdap).toBeUndefined();
		expect(result.ok && permalinkParams(result.check).has('rdap')).toBe(false);
	});

	it('replaces the bootstrap lookup with the base URL given, kept in the permalink', () => {
		const result = fromQuery('domain=example.com&rdap=https://rdap.nic.fr');
		expect(result.ok && result.check.rdap).toBe('https://rdap.nic.fr/');
		expect(result.ok && permalinkParams(result.check).toString()).toBe(
			'domain=example.com&offer=hosted&rdap=https%3A%2F%2Frdap.nic.fr%2F'
		);
		const local = fromQuery('domain=example.com&rdap=http://127.0.0.1:22000/');
		expect(local.ok && local.check.rdap).toBe('http://127.0.0.1:22000/');
	});

	it('stops the check with its own message when it is not https, or no URL', () => {
		expect(fromQuery('domain=example.com&rdap=http://rdap.nic.fr/')).toEqual({
			ok: false,
			error: 'rdapInsecure',
			field: 'rdap',
		});
		expect(fromQuery('domain=example.com&rdap=rdap.nic.fr')).toEqual({
			ok: false,
			error: 'rdapMalformed',
			field: 'rdap',
		});
	});
});
