import { describe, expect, it } from 'vitest';
import {
	resolverLine,
	resolverName,
	say,
	type CheckWording,
} from '../../../src/lib/checks/wording';
import { BUILTIN_RESOLVERS } from '../../../src/lib/dns/resolvers';
import type { LookupLog } from '../../../src/lib/dns/runDnsCheck';

const cloudflare = { id: 'cloudflare', url: BUILTIN_RESOLVERS.cloudflare } as const;
const google = { id: 'google', url: BUILTIN_RESOLVERS.google } as const;
const custom = { id: 'custom', url: 'https://doh.example.net/dns-query' } as const;

/** Strings written for the test, so the expected sentences do not depend on the site's texts. */
const wording: CheckWording = {
	locale: 'en',
	strings: {
		'dns.setup': 'Checked for {setup}.',
		'dns.count': '{n, plural, one {# record} other {# records}}',
		'dns.report.retried': 'Asked {fallback} because {resolver} failed. {reason}',
		'dns.report.answeredBy': 'Answered by {resolver} at {time}.',
		'dns.report.noAnswer': 'No answer from {resolver}.',
		'dns.error.timeout': 'No answer in time.',
		'dns.error.http': 'HTTP error {detail}.',
	},
	setupLabels: {
		hosted: { 'exchange-only': 'all mailboxes on Exchange' },
		private: { 'exchange-only': 'Private with antispam' },
	},
};

describe('say', () => {
	it('reads a setup id as the setup name of the offer checked', () => {
		const message = { key: 'dns.setup', params: { setup: 'exchange-only' } };
		expect(say(wording, message, 'hosted')).toBe('Checked for all mailboxes on Exchange.');
		expect(say(wording, message, 'private')).toBe('Checked for Private with antispam.');
	});

	it('keeps an unknown setup id and an unknown key visible', () => {
		expect(say(wording, { key: 'dns.setup', params: { setup: 'other' } })).toBe(
			'Checked for other.'
		);
		expect(say(wording, 'dns.missing')).toBe('dns.missing');
	});

	it('writes plurals and numbers the page language’s way', () => {
		expect(say(wording, { key: 'dns.count', params: { n: 1 } })).toBe('1 record');
		expect(say(wording, { key: 'dns.count', params: { n: 1500 } })).toBe('1,500 records');
	});
});

describe('resolverName', () => {
	it('names the built-in resolvers and gives the host of another one', () => {
		expect(resolverName(cloudflare)).toBe('Cloudflare');
		expect(resolverName(google)).toBe('Google');
		expect(resolverName(custom)).toBe('doh.example.net');
		expect(resolverName({ id: 'custom', url: 'http://127.0.0.1:8053/dns-query' })).toBe(
			'127.0.0.1:8053'
		);
	});
});

describe('resolverLine', () => {
	const fetchedAt = new Date('2026-12-01T17:26:03Z');
	const base = { key: 'dns:MX:example.com', name: 'example.com', type: 'MX' as const };

	it('says who answered and when', () => {
		const log: LookupLog = {
			...base,
			answeredBy: cloudflare,
			fetchedAt,
			attempts: [{ resolver: cloudflare, ok: true, elapsedMs: 20 }],
		};
		expect(resolverLine({ ...wording, locale: 'en' }, log)).toMatch(
			/^Answered by Cloudflare at 1 Dec 2026, \d\d:26:03 .+\.$/
		);
	});

	it('says which resolver failed, why, and who answered instead', () => {
		const log: LookupLog = {
			...base,
			answeredBy: google,
			fetchedAt,
			attempts: [
				{ resolver: cloudflare, ok: false, failure: 'timeout', elapsedMs: 4000 },
				{ resolver: google, ok: true, elapsedMs: 30 },
			],
		};
		expect(resolverLine(wording, log)).toMatch(
			/^Asked Google because Cloudflare failed\. No answer in time\. Answered by Google at /
		);
	});

	it('names every resolver asked once when none answered', () => {
		const log: LookupLog = {
			...base,
			attempts: [
				{ resolver: custom, ok: false, failure: 'http', detail: '500', elapsedMs: 10 },
				{ resolver: custom, ok: false, failure: 'timeout', elapsedMs: 4000 },
			],
		};
		expect(resolverLine(wording, log)).toBe('No answer from doh.example.net.');
	});

	it('says nothing without a lookup', () => {
		expect(resolverLine(wording, undefined)).toBe('');
	});
});
