/**
 * The header analyzer page's pure helpers (src/components/headers): durations, the DNS checker
 * link of each authentication result, the words beside the findings, the plain-text copy. Each
 * expected value written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthResult, HeaderAnalysis } from '../../../src/lib/headers/types';
import { headersTextSchema, type HeadersText } from '../../../src/schemas/headers';
import { checkerHref, checkerTarget, domainOf } from '../../../src/components/headers/checkerLink';
import { formatDuration } from '../../../src/components/headers/formatDuration';
import { explainAuth, explainSpamField } from '../../../src/components/headers/explainFindings';
import { reportText } from '../../../src/components/headers/reportText';
import { LOCALE_CODES } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const words = (lang: string): HeadersText =>
	headersTextSchema.parse(
		JSON.parse(readFileSync(join(ROOT, 'src', 'content', 'headers', `${lang}.json`), 'utf8'))
	);
const strings = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(join(ROOT, 'src', 'content', 'i18n', `${lang}.json`), 'utf8'));

const auth = (
	method: string,
	result: string,
	properties: Record<string, string>,
	source: AuthResult['source'] = 'authentication-results'
): AuthResult => ({
	source,
	method,
	result,
	properties,
});

describe('formatDuration', () => {
	it('writes the largest unit and the next one when it is not zero', () => {
		expect(formatDuration(0, 'en')).toBe('0 secs');
		expect(formatDuration(1, 'en')).toBe('1 sec');
		expect(formatDuration(1110, 'en')).toBe('18 mins 30 secs');
		expect(formatDuration(3600, 'en')).toBe('1 hr');
		expect(formatDuration(90_061, 'en')).toBe('1 day 1 hr');
		// The sign is the sentence's business.
		expect(formatDuration(-45, 'en')).toBe('45 secs');
	});

	it('writes units the way each language does', () => {
		expect(formatDuration(1110, 'fr').replace(/\s/g, ' ')).toBe('18 min 30 s');
		expect(formatDuration(1110, 'it').replace(/\s/g, ' ')).toBe('18 min 30 s');
	});
});

describe('checkerTarget and checkerHref', () => {
	const selectors = [{ domain: 'example.net', selector: 'ovhex4471-selector1' }];

	it('reads a domain from an address, a bracketed address or a name with a final dot', () => {
		expect(domainOf('bounce+42@News.Example.org')).toBe('news.example.org');
		expect(domainOf('<paul@example.org>')).toBe('example.org');
		expect(domainOf('example.org.')).toBe('example.org');
		expect(domainOf('none')).toBeUndefined();
		expect(domainOf('"><img src=x>')).toBeUndefined();
		expect(domainOf('exa mple.org')).toBeUndefined();
	});

	it('checks SPF for the envelope sender, DMARC for the From domain', () => {
		expect(
			checkerTarget(auth('spf', 'softfail', { 'smtp.mailfrom': 'a@news.example.org' }), [])
		).toEqual({
			record: 'spf',
			domain: 'news.example.org',
		});
		expect(checkerTarget(auth('dmarc', 'fail', { 'header.from': 'example.org' }), [])).toEqual({
			record: 'dmarc',
			domain: 'example.org',
		});
	});

	it('takes Received-SPF’s envelope-from, and its helo only when it is the identity checked', () => {
		const spf = (p: Record<string, string>) =>
			checkerTarget(auth('spf', 'pass', p, 'received-spf'), []);
		expect(spf({ 'envelope-from': 'x@example.net', helo: 'mail.example.net' })?.domain).toBe(
			'example.net'
		);
		expect(spf({ helo: 'mail.example.net' })).toBeUndefined();
		expect(spf({ helo: 'mail.example.net', identity: 'helo' })?.domain).toBe('mail.example.net');
	});

	it('gives DKIM the result’s selector, else the DKIM-Signature’s for the same domain', () => {
		expect(
			checkerTarget(
				auth('dkim', 'fail', { 'header.d': 'example.org', 'header.s': 'mail2026' }),
				selectors
			)
		).toEqual({
			record: 'dkim',
			domain: 'example.org',
			selector: 'mail2026',
		});
		expect(checkerTarget(auth('dkim', 'fail', { 'header.d': 'example.net' }), selectors)).toEqual({
			record: 'dkim',
			domain: 'example.net',
			selector: 'ovhex4471-selector1',
		});
		expect(checkerTarget(auth('dkim', 'pass', { 'header.i': '@Example.com' }), selectors)).toEqual({
			record: 'dkim',
			domain: 'example.com',
		});
		// A selector that is no DNS label is left out, the domain is still checked.
		expect(
			checkerTarget(auth('dkim', 'fail', { 'header.d': 'example.org', 'header.s': '<b>' }), [])
		).toEqual({
			record: 'dkim',
			domain: 'example.org',
		});
	});

	it('links nothing for ARC, compauth or a result without a domain', () => {
		expect(checkerTarget(auth('arc', 'pass', {}), [])).toBeUndefined();
		expect(checkerTarget(auth('compauth', 'fail', { reason: '000' }), [])).toBeUndefined();
		expect(checkerTarget(auth('dkim', 'none', { 'header.d': 'none' }), [])).toBeUndefined();
	});

	it('writes the DNS page’s contract: domain, dkim, #check', () => {
		expect(checkerHref('fr', { record: 'dkim', domain: 'example.org', selector: 'mail2026' })).toBe(
			'/fr/dns/?domain=example.org&dkim=mail2026#check'
		);
		expect(checkerHref('it', { record: 'spf', domain: 'example.org' })).toBe(
			'/it/dns/?domain=example.org#check'
		);
	});
});

describe('the words beside the findings', () => {
	it('has the same explanations in every language', () => {
		const keys = (o: object, at = ''): string[] =>
			Object.entries(o).flatMap(([k, v]) =>
				typeof v === 'object' ? keys(v as object, `${at}${k}.`) : [`${at}${k}`]
			);
		const english = keys(words('en')).sort();
		for (const lang of LOCALE_CODES) expect(keys(words(lang)).sort(), lang).toEqual(english);
	});

	it('explains a result for its method, else for any method, else not at all', () => {
		const en = words('en');
		expect(explainAuth({ method: 'SPF', result: 'SoftFail' }, en).meaning).toContain('(~all)');
		expect(explainAuth({ method: 'bimi', result: 'pass' }, en)).toEqual({
			method: en.auth.methods.other,
			meaning: 'Passed.',
		});
		expect(explainAuth({ method: 'spf', result: 'x-odd' }, en).meaning).toBe('');
	});

	it('explains spam fields by name in any case and values as written', () => {
		const en = words('en');
		expect(explainSpamField('microsoft', 'SFV', 'SPM', en).value).toBe(
			'Spam: the filter marked the message as spam.'
		);
		expect(explainSpamField('microsoft', 'SCL', '-1', en).value).toMatch(/^Filtering was skipped/);
		expect(explainSpamField('microsoft', 'cat', 'spoof', en).value).toMatch(/^Spoofing/);
		expect(explainSpamField('microsoft', 'CIP', '198.51.100.7', en)).toEqual({
			field: en.spam.fields.cip,
			value: undefined,
		});
	});
});

describe('reportText', () => {
	const analysis: HeaderAnalysis = {
		kind: 'headers',
		identity: {
			messageId: '<m1@example.org>',
			subject: 'Invoice',
			from: 'Paul <paul@example.org>',
		},
		tracerId: '42',
		hops: [
			{
				from: 'pc',
				by: 'relay.example.org',
				with: 'ESMTPSA',
				time: '2026-12-01T09:00:00Z',
				raw: '',
			},
			{
				from: 'relay.example.org',
				by: 'mx.example.fr',
				time: '2026-12-01T08:59:30Z',
				delaySeconds: -30,
				raw: '',
			},
			{ by: 'store.example.fr', raw: '' },
		],
		totalDelaySeconds: -30,
		auth: [auth('dkim', 'pass', { 'header.d': 'example.org' })],
		dkimSelectors: [],
		spam: [
			{
				source: 'spamassassin',
				header: 'X-Spam-Status',
				verdict: 'No',
				score: 1.2,
				fields: [{ name: 'required', value: '5.0' }],
			},
		],
		warnings: [{ key: 'receivedWithoutDate', params: { hop: 3 } }],
	};

	it('lists everything the report shows, times in UTC, in the page’s language', () => {
		const text = reportText(analysis, { strings: strings('en'), words: words('en'), locale: 'en' });
		expect(text.split('\n')).toEqual([
			'Message header analysis',
			'',
			'OVHcloud tracer ID: 42',
			'Give this number to OVHcloud support when you ask about this message: it lets them find it in their logs.',
			'',
			'! Received line 3 carries no date: its delay cannot be measured.',
			'',
			'Route: 3 hops',
			'The first and last servers’ clocks disagree: the last one stamped the message 30 secs earlier than the first. The total time cannot be measured.',
			'1. relay.example.org · From: pc · Protocol: ESMTPSA · Time (UTC): 1 Dec 2026, 09:00:00 UTC',
			'2. mx.example.fr · From: relay.example.org · Time (UTC): 1 Dec 2026, 08:59:30 UTC · 30 secs earlier than the previous hop (clocks disagree)',
			'3. store.example.fr · no date in this Received line',
			'',
			'Authentication, as the receiving server judged it',
			'- DKIM pass: The signature is valid: the domain signed the message and nothing signed was changed since. (header.d=example.org)',
			'',
			'Spam filtering',
			'- SpamAssassin (X-Spam-Status) · Verdict: No. · Score: 1.2.',
			'  required=5.0',
			'',
			'The message, for a support request',
			'Message-ID: <m1@example.org>',
			'Date: not in the headers',
			'From: Paul <paul@example.org>',
			'To: not in the headers',
			'Subject: Invoice',
		]);
	});

	it('writes French labels with the no-break space before the colon', () => {
		const text = reportText(analysis, { strings: strings('fr'), words: words('fr'), locale: 'fr' });
		expect(text).toContain('Message-ID\u00a0: <m1@example.org>');
		expect(text).toContain('Identifiant de suivi OVHcloud (tracer ID)\u00a0: 42');
	});
});
