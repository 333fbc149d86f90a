import { describe, expect, it } from 'vitest';
import {
	completeInput,
	dnsCheckerUrl,
	readDnsStepInput,
	walkInput,
} from '../../../src/lib/tree/dnsStep';

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

	it('reads the DKIM selector, trimmed, and leaves an empty one out', () => {
		expect(readDnsStepInput({ domain: 'example.com', dkim: ' ovhex123456 ' })).toEqual({
			ok: true,
			input: { domain: 'example.com', offer: 'hosted', dkim: 'ovhex123456' },
		});
		expect(readDnsStepInput({ domain: 'example.com', dkim: '  ' })).toEqual({
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

describe('dnsCheckerUrl with a section and a selector', () => {
	it('adds the selector and lands on the section', () => {
		expect(
			dnsCheckerUrl(
				'it',
				{ domain: 'example.com', offer: 'private', server: 'mail.example.com', dkim: 'ovhex1' },
				'dkim'
			)
		).toBe('/it/dns/?domain=example.com&offer=private&server=mail.example.com&dkim=ovhex1#dkim');
	});

	it('encodes a hostile selector as data', () => {
		expect(
			dnsCheckerUrl('en', { domain: 'example.com', offer: 'hosted', dkim: '"><b>#x' }, 'spf')
		).toBe('/en/dns/?domain=example.com&offer=hosted&dkim=%22%3E%3Cb%3E%23x#spf');
	});
});

describe('walkInput', () => {
	it('is undefined before any check', () => {
		expect(walkInput([{ step: 'start', answer: 'refused-or-junk' }, { step: 'spf' }])).toBe(
			undefined
		);
	});

	it('gathers what each step asked of the same domain: offer at SPF, selector at DKIM', () => {
		expect(
			walkInput([
				{ step: 'start', answer: 'refused-or-junk' },
				{
					step: 'spf',
					verdict: 'pass',
					domain: 'example.com',
					offer: 'private',
					server: 'mail.example.com',
				},
				{ step: 'dkim', verdict: 'fail', domain: 'example.com', dkim: 'ovhex1' },
				{ step: 'dkim-fix' },
			])
		).toEqual({
			domain: 'example.com',
			offer: 'private',
			server: 'mail.example.com',
			dkim: 'ovhex1',
		});
	});

	it('keeps only the facts given for the last domain checked', () => {
		expect(
			walkInput([
				{ step: 'spf', verdict: 'fail', domain: 'old.example', offer: 'private', dkim: 'ovhex1' },
				{ step: 'dmarc', verdict: 'warn', domain: 'new.example', offer: 'hosted' },
			])
		).toEqual({ domain: 'new.example', offer: 'hosted' });
	});

	it('ignores fields of the wrong type (history.state is read back as given)', () => {
		expect(
			walkInput([
				{
					step: 'spf',
					verdict: 'pass',
					domain: 'example.com',
					offer: 'gold' as never,
					server: 42 as never,
					dkim: {} as never,
				},
			])
		).toEqual({ domain: 'example.com', offer: 'hosted' });
	});
});

describe('completeInput', () => {
	const walk = [
		{ step: 'start', answer: 'refused-or-junk' },
		{
			step: 'spf',
			verdict: 'fail' as const,
			domain: 'example.com',
			offer: 'private' as const,
			server: 'mail.example.com',
		},
		{ step: 'spf-fix' },
	];

	it('takes the fields a step does not ask from the earlier check of the same domain', () => {
		expect(
			completeInput({ domain: 'example.com', offer: 'hosted', dkim: 'ovhex1' }, ['dkim'], walk)
		).toEqual({
			domain: 'example.com',
			offer: 'private',
			server: 'mail.example.com',
			dkim: 'ovhex1',
		});
	});

	it('keeps what the step asked, as the person left it', () => {
		expect(
			completeInput({ domain: 'example.com', offer: 'hosted' }, ['offer', 'server'], walk)
		).toEqual({ domain: 'example.com', offer: 'hosted' });
	});

	it('takes nothing from a check of another domain', () => {
		expect(completeInput({ domain: 'other.example', offer: 'hosted' }, [], walk)).toEqual({
			domain: 'other.example',
			offer: 'hosted',
		});
	});
});
