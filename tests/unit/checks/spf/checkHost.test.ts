/**
 * RFC 7208 Appendix A's examples, against the zone the appendix gives, evaluated by
 * check_host(). Expected results are the appendix's own words.
 */
import { describe, expect, it } from 'vitest';
import {
	checkHost,
	PendingAnswer,
	type SpfResult,
} from '../../../../src/lib/checks/spf/evaluateSpf';
import { a, cname, mx, ptr, txt } from '../../helpers/dnsMessages';
import { fakeZone } from '../../helpers/fakeZone';

/** The DNS setup at the start of Appendix A. */
const APPENDIX_A = [
	mx('example.com', 'mail-a.example.com', 10),
	mx('example.com', 'mail-b.example.com', 20),
	a('example.com', '192.0.2.10'),
	a('example.com', '192.0.2.11'),
	a('amy.example.com', '192.0.2.65'),
	a('bob.example.com', '192.0.2.66'),
	a('mail-a.example.com', '192.0.2.129'),
	a('mail-b.example.com', '192.0.2.130'),
	cname('www.example.com', 'example.com'),
	mx('example.org', 'mail-c.example.org', 10),
	a('mail-c.example.org', '192.0.2.140'),
	ptr('10.2.0.192.in-addr.arpa', 'example.com'),
	ptr('11.2.0.192.in-addr.arpa', 'example.com'),
	ptr('65.2.0.192.in-addr.arpa', 'amy.example.com'),
	ptr('66.2.0.192.in-addr.arpa', 'bob.example.com'),
	ptr('129.2.0.192.in-addr.arpa', 'mail-a.example.com'),
	ptr('130.2.0.192.in-addr.arpa', 'mail-b.example.com'),
	ptr('140.2.0.192.in-addr.arpa', 'mail-c.example.org'),
	ptr('4.3.2.10.in-addr.arpa', 'bob.example.com'),
];

function evaluate(record: string, ip: string, extra: Parameters<typeof fakeZone>[0] = []) {
	const zone = fakeZone([txt('example.com', record), ...APPENDIX_A, ...extra]);
	return checkHost({ ip, domain: 'example.com' }, zone.lookup);
}

const cases: Array<[string, Array<[string, SpfResult]>]> = [
	[
		'v=spf1 +all',
		[
			['192.0.2.10', 'pass'],
			['203.0.113.7', 'pass'],
		],
	],
	[
		'v=spf1 a -all',
		[
			['192.0.2.10', 'pass'],
			['192.0.2.11', 'pass'],
			['192.0.2.65', 'fail'],
		],
	],
	// "no sending hosts pass since example.org has no A records"
	[
		'v=spf1 a:example.org -all',
		[
			['192.0.2.140', 'fail'],
			['192.0.2.10', 'fail'],
		],
	],
	[
		'v=spf1 mx -all',
		[
			['192.0.2.129', 'pass'],
			['192.0.2.130', 'pass'],
			['192.0.2.10', 'fail'],
		],
	],
	[
		'v=spf1 mx:example.org -all',
		[
			['192.0.2.140', 'pass'],
			['192.0.2.129', 'fail'],
		],
	],
	[
		'v=spf1 mx mx:example.org -all',
		[
			['192.0.2.129', 'pass'],
			['192.0.2.130', 'pass'],
			['192.0.2.140', 'pass'],
			['192.0.2.65', 'fail'],
		],
	],
	[
		'v=spf1 mx/30 mx:example.org/30 -all',
		[
			['192.0.2.131', 'pass'],
			['192.0.2.128', 'pass'],
			['192.0.2.143', 'pass'],
			['192.0.2.132', 'fail'],
		],
	],
	// 65 has valid reverse DNS in example.com; 140's is valid but elsewhere; 10.2.3.4's name
	// does not resolve back to it.
	[
		'v=spf1 ptr -all',
		[
			['192.0.2.65', 'pass'],
			['192.0.2.140', 'fail'],
			['10.2.3.4', 'fail'],
		],
	],
	[
		'v=spf1 ip4:192.0.2.128/28 -all',
		[
			['192.0.2.65', 'fail'],
			['192.0.2.129', 'pass'],
		],
	],
];

describe('RFC 7208 Appendix A.1, simple examples', () => {
	for (const [record, expectations] of cases) {
		for (const [ip, expected] of expectations) {
			it(`"${record}" gives ${expected} for ${ip}`, () => {
				expect(evaluate(record, ip)).toBe(expected);
			});
		}
	}
});

describe('RFC 7208 Appendix A.2, multiple domains', () => {
	// example.net's own record is not in the appendix: this one is assumed, for the include.
	const zone = fakeZone([
		txt('example.org', 'v=spf1 include:example.com include:example.net -all'),
		txt('la.example.org', 'v=spf1 redirect=example.org'),
		txt('example.com', 'v=spf1 mx -all'),
		txt('example.net', 'v=spf1 ip4:198.51.100.0/24 -all'),
		...APPENDIX_A,
	]);
	it("authorises example.com's and example.net's servers for example.org", () => {
		expect(checkHost({ ip: '192.0.2.129', domain: 'example.org' }, zone.lookup)).toBe('pass');
		expect(checkHost({ ip: '198.51.100.20', domain: 'example.org' }, zone.lookup)).toBe('pass');
		expect(checkHost({ ip: '203.0.113.5', domain: 'example.org' }, zone.lookup)).toBe('fail');
	});
	it('gives la.example.org the policy of example.org through redirect', () => {
		expect(checkHost({ ip: '192.0.2.130', domain: 'la.example.org' }, zone.lookup)).toBe('pass');
		expect(checkHost({ ip: '203.0.113.5', domain: 'la.example.org' }, zone.lookup)).toBe('fail');
	});
});

describe('RFC 7208 Appendix A.3, DNSBL style with macros', () => {
	const zone = fakeZone([
		txt(
			'example.com',
			'v=spf1 mx include:mobile-users._spf.%{d} include:remote-users._spf.%{d} -all'
		),
		txt('mobile-users._spf.example.com', 'v=spf1 exists:%{l1r+}.%{d}'),
		txt('remote-users._spf.example.com', 'v=spf1 exists:%{ir}.%{l1r+}.%{d}'),
		a('mary.mobile-users._spf.example.com', '127.0.0.2'),
		a('fred.mobile-users._spf.example.com', '127.0.0.2'),
		a('15.15.168.192.joel.remote-users._spf.example.com', '127.0.0.2'),
		a('16.15.168.192.joel.remote-users._spf.example.com', '127.0.0.2'),
		...APPENDIX_A,
	]);
	const run = (ip: string, sender: string) =>
		checkHost({ ip, domain: 'example.com', sender }, zone.lookup);
	it('lets mary and fred send from anywhere, fred+tag too', () => {
		expect(run('203.0.113.9', 'mary@example.com')).toBe('pass');
		expect(run('203.0.113.9', 'fred@example.com')).toBe('pass');
		expect(run('203.0.113.9', 'fred+wildcard@example.com')).toBe('pass');
	});
	it('lets joel send only from his own servers', () => {
		expect(run('192.168.15.15', 'joel@example.com')).toBe('pass');
		expect(run('192.168.15.16', 'joel@example.com')).toBe('pass');
		expect(run('192.168.15.17', 'joel@example.com')).toBe('fail');
		expect(run('203.0.113.9', 'joel@example.com')).toBe('fail');
	});
	it('still passes the mail exchangers for anyone', () => {
		expect(run('192.0.2.129', 'other@example.com')).toBe('pass');
	});
});

describe('RFC 7208 Appendix A.4, multiple requirements', () => {
	const base = [
		txt('example.com', 'v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all'),
		txt('ip4._spf.example.com', 'v=spf1 -ip4:192.0.2.0/24 +all'),
		...APPENDIX_A,
	];
	it('as printed, fails every host: the bare ptr in ptr._spf.example.com names that domain', () => {
		const zone = fakeZone([...base, txt('ptr._spf.example.com', 'v=spf1 -ptr +all')]);
		expect(checkHost({ ip: '192.0.2.65', domain: 'example.com' }, zone.lookup)).toBe('fail');
		expect(checkHost({ ip: '203.0.113.1', domain: 'example.com' }, zone.lookup)).toBe('fail');
	});
	it('with ptr naming example.com, passes only hosts in range whose reverse DNS matches', () => {
		const zone = fakeZone([...base, txt('ptr._spf.example.com', 'v=spf1 -ptr:example.com +all')]);
		expect(checkHost({ ip: '192.0.2.65', domain: 'example.com' }, zone.lookup)).toBe('pass');
		// In range, reverse DNS in example.org.
		expect(checkHost({ ip: '192.0.2.140', domain: 'example.com' }, zone.lookup)).toBe('fail');
		// Out of range.
		expect(checkHost({ ip: '10.2.3.4', domain: 'example.com' }, zone.lookup)).toBe('fail');
	});
});

describe('check_host errors and limits', () => {
	it('gives none without a record and permerror with two (§4.5)', () => {
		expect(checkHost({ ip: '192.0.2.1', domain: 'example.com' }, fakeZone(APPENDIX_A).lookup)).toBe(
			'none'
		);
		const two = fakeZone([txt('example.com', 'v=spf1 -all'), txt('example.com', 'v=spf1 +all')]);
		expect(checkHost({ ip: '192.0.2.1', domain: 'example.com' }, two.lookup)).toBe('permerror');
	});

	it('gives permerror for an include whose target has no record, and for a loop', () => {
		expect(evaluate('v=spf1 include:nothing.example.org -all', '192.0.2.1')).toBe('permerror');
		const loop = fakeZone([
			txt('example.com', 'v=spf1 include:loop.example.org -all'),
			txt('loop.example.org', 'v=spf1 include:example.com -all'),
		]);
		expect(checkHost({ ip: '192.0.2.1', domain: 'example.com' }, loop.lookup)).toBe('permerror');
		expect(loop.asked.length).toBeLessThan(15);
	});

	it('gives permerror past ten DNS-querying terms (§4.6.4)', () => {
		const eleven =
			'v=spf1 ' + Array.from({ length: 11 }, () => 'a:example.com').join(' ') + ' -all';
		const ten = 'v=spf1 ' + Array.from({ length: 10 }, () => 'a:example.com').join(' ') + ' -all';
		expect(evaluate(eleven, '192.0.2.200')).toBe('permerror');
		expect(evaluate(ten, '192.0.2.200')).toBe('fail');
	});

	it('gives permerror past two void lookups (§4.6.4)', () => {
		expect(evaluate('v=spf1 a:n1.example.org a:n2.example.org -all', '192.0.2.200')).toBe('fail');
		expect(
			evaluate('v=spf1 a:n1.example.org a:n2.example.org a:n3.example.org -all', '192.0.2.200')
		).toBe('permerror');
	});

	it('gives temperror when a DNS question fails', () => {
		const zone = fakeZone([txt('example.com', 'v=spf1 mx -all'), ...APPENDIX_A], {
			failing: ['MX example.com'],
		});
		expect(checkHost({ ip: '192.0.2.129', domain: 'example.com' }, zone.lookup)).toBe('temperror');
	});

	it('asks for a missing answer instead of guessing', () => {
		const zone = fakeZone([txt('example.com', 'v=spf1 mx -all'), ...APPENDIX_A], {
			pending: ['MX example.com'],
		});
		expect(() => checkHost({ ip: '192.0.2.129', domain: 'example.com' }, zone.lookup)).toThrow(
			PendingAnswer
		);
	});

	it('matches IPv6 networks', () => {
		expect(evaluate('v=spf1 ip6:2001:db8::/32 -all', '2001:db8:1::25')).toBe('pass');
		expect(evaluate('v=spf1 ip6:2001:db8::/32 -all', '2001:db9::25')).toBe('fail');
		expect(evaluate('v=spf1 ip4:192.0.2.0/24 -all', '2001:db8::1')).toBe('fail');
	});

	it('ignores redirect when the record has all (§6.1) and gives neutral with neither', () => {
		expect(evaluate('v=spf1 -all redirect=example.org', '192.0.2.140')).toBe('fail');
		expect(evaluate('v=spf1 ip4:198.51.100.1', '192.0.2.140')).toBe('neutral');
	});
});
