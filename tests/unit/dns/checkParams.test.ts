import { describe, expect, it } from 'vitest';
import {
	formFromParams,
	permalinkParams,
	validateForm,
	type CheckForm,
} from '../../../src/lib/dns/checkParams';
import { provider } from '../helpers/dnsMessages';

const form = (fields: Partial<CheckForm>): CheckForm => ({
	domain: '',
	offer: '',
	setup: '',
	server: '',
	resolver: '',
	dkim: '',
	...fields,
});

describe('formFromParams', () => {
	it('reads the contract parameters and leaves absent ones empty', () => {
		const params = new URLSearchParams(
			'domain=Example.com&offer=private&server=ex5.mail.ovh.net&resolver=google&other=x'
		);
		expect(formFromParams(params)).toEqual({
			domain: 'Example.com',
			offer: 'private',
			setup: '',
			server: 'ex5.mail.ovh.net',
			resolver: 'google',
			dkim: '',
			rdap: '',
		});
	});
});

describe('validateForm', () => {
	it('returns a check with defaults: Hosted, setup inferred, Cloudflare', () => {
		const result = validateForm(form({ domain: 'example.com' }), provider);
		expect(result).toEqual({
			ok: true,
			warnings: [],
			check: {
				domain: { ascii: 'example.com', unicode: 'example.com', isIdn: false },
				offer: 'hosted',
				resolver: { id: 'cloudflare', url: 'https://cloudflare-dns.com/dns-query' },
			},
		});
	});

	it('names the field of the first problem', () => {
		expect(validateForm(form({}), provider)).toEqual({
			ok: false,
			error: 'empty',
			field: 'domain',
		});
		expect(validateForm(form({ domain: 'example.com', server: 'not a host' }), provider)).toEqual({
			ok: false,
			error: 'serverMalformed',
			field: 'server',
		});
		expect(
			validateForm(form({ domain: 'example.com', resolver: 'http://doh.example/' }), provider)
		).toEqual({ ok: false, error: 'resolverInsecure', field: 'resolver' });
	});

	it('keeps going with a warning on an unknown offer or setup from a hand-edited link', () => {
		const result = validateForm(
			form({ domain: 'example.com', offer: 'gold', setup: 'weird' }),
			provider
		);
		expect(result.ok && result.check.offer).toBe('hosted');
		expect(result.ok && result.check.setup).toBeUndefined();
		expect(result.ok && result.warnings.map((w) => w.key)).toEqual([
			'dns.input.offerUnknown',
			'dns.input.setupUnknown',
		]);
	});

	it('normalises the server name', () => {
		const result = validateForm(
			form({ domain: 'example.com', server: 'EX5.Mail.OVH.net.' }),
			provider
		);
		expect(result.ok && result.check.server).toBe('ex5.mail.ovh.net');
	});
});

describe('permalinkParams', () => {
	it('writes back what re-runs the same check, defaults left out', () => {
		const result = validateForm(
			form({
				domain: 'Bücher.example',
				offer: 'private',
				setup: 'ovh-popimap',
				server: 'mail.corp.example',
				resolver: 'http://127.0.0.1:8053/dns-query',
			}),
			provider
		);
		if (!result.ok) throw new Error(result.error);
		const params = permalinkParams(result.check);
		expect(Object.fromEntries(params)).toEqual({
			domain: 'bücher.example',
			offer: 'private',
			setup: 'ovh-popimap',
			server: 'mail.corp.example',
			resolver: 'http://127.0.0.1:8053/dns-query',
		});
		const again = validateForm(formFromParams(params), provider);
		expect(again.ok && again.check).toEqual(result.check);
	});
});

describe('the dkim parameter', () => {
	it('names one selector, or both of a prefix', () => {
		const one = validateForm(
			form({ domain: 'example.com', dkim: 'OVHEX123456-selector2' }),
			provider
		);
		expect(one.ok && one.check.dkim).toEqual(['ovhex123456-selector2']);
		const both = validateForm(form({ domain: 'example.com', dkim: 'ovhex123456' }), provider);
		expect(both.ok && both.check.dkim).toEqual(['ovhex123456-selector1', 'ovhex123456-selector2']);
		expect(both.ok && permalinkParams(both.check).get('dkim')).toBe('ovhex123456');
		expect(one.ok && permalinkParams(one.check).get('dkim')).toBe('ovhex123456-selector2');
	});

	it('refuses a malformed selector before any query, as text', () => {
		for (const dkim of ['<b>x</b>', 'a b', 'x._domainkey.example.com', '-x', 'a'.repeat(64)])
			expect(validateForm(form({ domain: 'example.com', dkim }), provider), dkim).toEqual({
				ok: false,
				error: 'dkimMalformed',
				field: 'dkim',
			});
	});
});
