import { describe, expect, it } from 'vitest';
import { dnsCheckerUrl, readDnsStepInput } from '../../../src/lib/tree/dnsStep';

describe('readDnsStepInput', () => {
	it('reads the fields of a DNS step into checker input', () => {
		expect(
			readDnsStepInput({
				domain: ' example.com ',
				offer: 'private',
				setup: 'external-popimap',
				server: 'mail.example.com',
			})
		).toEqual({
			ok: true,
			input: {
				domain: 'example.com',
				offer: 'private',
				setup: 'external-popimap',
				server: 'mail.example.com',
			},
		});
	});

	it('leaves the setup out when the person does not know it, so the checker infers it', () => {
		expect(readDnsStepInput({ domain: 'example.com', offer: 'hosted', setup: '' })).toEqual({
			ok: true,
			input: { domain: 'example.com', offer: 'hosted' },
		});
	});

	it('falls back to Hosted and drops a setup it does not know', () => {
		expect(readDnsStepInput({ domain: 'example.com', offer: 'x', setup: 'y' })).toEqual({
			ok: true,
			input: { domain: 'example.com', offer: 'hosted' },
		});
	});

	it('says when no domain was typed', () => {
		expect(readDnsStepInput({ domain: '   ' })).toEqual({ ok: false, error: 'empty' });
		expect(readDnsStepInput({})).toEqual({ ok: false, error: 'empty' });
	});
});

describe('dnsCheckerUrl', () => {
	it('builds the DNS checker link with the same parameters, encoded', () => {
		expect(
			dnsCheckerUrl('fr', { domain: 'exämple.com&x=1', offer: 'hosted', setup: 'ovh-popimap' })
		).toBe('/fr/dns/?domain=ex%C3%A4mple.com%26x%3D1&offer=hosted&setup=ovh-popimap');
	});
});
