/**
 * The spf verdict for every rule of DESIGN.md, from DNS messages built with the library.
 * Expected statuses and keys are worked out by hand from the rules.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSpf } from '../../../../src/lib/checks/spf/evaluateSpf';
import { checkSpf, mergeSpfRecord } from '../../../../src/lib/checks/spf/checkSpf';
import { a, aaaa, mx, provider, txt } from '../../helpers/dnsMessages';
import { fakeZone } from '../../helpers/fakeZone';

const D = 'example.com';
const OVH = txt('mx.ovh.com', 'v=spf1 ip4:198.51.100.0/24 ip4:203.0.113.0/24 ~all');

function run(
	records: Parameters<typeof fakeZone>[0],
	{ offer = 'hosted' as 'hosted' | 'private', server = undefined as string | undefined } = {}
) {
	const zone = fakeZone([OVH, ...records]);
	const result = checkSpf({ provider, offer, domain: D, server, lookup: zone.lookup });
	if (result.state !== 'done') throw new Error('still pending with every answer available');
	return { verdict: result.verdict, asked: zone.asked };
}

describe('checkSpf', () => {
	it('passes the provider record', () => {
		const { verdict } = run([txt(D, 'v=spf1 include:mx.ovh.com ~all')]);
		expect(verdict).toMatchObject({ status: 'pass', message: { key: 'dns.spf.pass' } });
		expect(verdict.expected).toEqual(['v=spf1 include:mx.ovh.com ~all']);
		expect(verdict.notes[0]).toEqual({
			key: 'dns.note.spfLookups',
			params: { count: 1, limit: 10 },
		});
	});

	it('passes the include reached through a nested include and a redirect', () => {
		const { verdict } = run([
			txt(D, 'v=spf1 redirect=_spf.example.com'),
			txt('_spf.example.com', 'v=spf1 ip4:192.0.2.1 include:_mail.example.com -all'),
			txt('_mail.example.com', 'v=spf1 include:mx.ovh.com ~all'),
		]);
		expect(verdict.status).toBe('pass');
		expect(verdict.message.params).toMatchObject({ all: '-all', lookups: 3 });
	});

	it('fails without a record, saying what to publish', () => {
		const { verdict } = run([txt(D, 'google-site-verification=abc')]);
		expect(verdict).toMatchObject({ status: 'fail', message: { key: 'dns.spf.none' } });
		expect(verdict.fix).toMatchObject({
			key: 'dns.fix.spfCreate',
			params: { record: 'v=spf1 include:mx.ovh.com ~all' },
		});
	});

	it('fails for a domain that does not exist', () => {
		expect(run([]).verdict.message.key).toBe('dns.spf.none');
	});

	it('fails two records (permerror, RFC 7208 §4.5)', () => {
		const { verdict } = run([txt(D, 'v=spf1 include:mx.ovh.com ~all'), txt(D, 'v=spf1 a -all')]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.spf.multiple', params: { count: 2 } },
		});
	});

	it('fails a syntax error and names the term, with the reason as a note', () => {
		const { verdict } = run([txt(D, 'v=spf1 include:mx.ovh.com ip4:192.0.2.256 ~all')]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.spf.syntax', params: { term: 'ip4:192.0.2.256' } },
		});
		expect(verdict.notes.map((n) => n.key)).toContain('dns.note.spfSyntax.network');
	});

	it('fails an include whose target has no SPF record', () => {
		const { verdict } = run([txt(D, 'v=spf1 include:mx.ovh.com include:gone.example.net ~all')]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.spf.includeTargetMissing', params: { target: 'gone.example.net' } },
		});
	});

	it('fails an include loop without walking it forever', () => {
		const { verdict, asked } = run([
			txt(D, 'v=spf1 include:mx.ovh.com include:a.example.net ~all'),
			txt('a.example.net', 'v=spf1 include:b.example.net -all'),
			txt('b.example.net', 'v=spf1 include:a.example.net -all'),
		]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.spf.loop', params: { target: 'a.example.net' } },
		});
		expect(asked.length).toBeLessThan(10);
	});

	it('fails more than ten lookups over nested includes (RFC 7208 §4.6.4)', () => {
		// 1 (include:mx.ovh.com) + 1 (include:big) + 4 in big + 1 (include:bigger) + 4 in bigger = 11
		const four = 'a:h1.example.net a:h2.example.net mx:h1.example.net mx:h2.example.net';
		const hosts = ['h1.example.net', 'h2.example.net'].flatMap((h) => [
			a(h, '192.0.2.9'),
			mx(h, 'mail.example.net'),
		]);
		const { verdict } = run([
			txt(D, 'v=spf1 include:mx.ovh.com include:big.example.net ~all'),
			txt('big.example.net', `v=spf1 ${four} include:bigger.example.net -all`),
			txt('bigger.example.net', `v=spf1 ${four} -all`),
			...hosts,
		]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.spf.tooManyLookups', params: { count: 11, limit: 10 } },
		});
	});

	it('fails more than two void lookups', () => {
		const { verdict } = run([
			txt(D, 'v=spf1 include:mx.ovh.com a:v1.example.net a:v2.example.net mx:v3.example.net ~all'),
		]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.spf.voidLookups', params: { count: 3 } },
		});
	});

	it('fails +all', () => {
		const { verdict } = run([txt(D, 'v=spf1 include:mx.ovh.com +all')]);
		expect(verdict).toMatchObject({ status: 'fail', message: { key: 'dns.spf.passAll' } });
		expect(verdict.fix?.params?.record).toBe('v=spf1 include:mx.ovh.com ~all');
	});

	it('fails a Hosted record that does not authorise OVHcloud, and keeps the other senders in the fix', () => {
		const { verdict } = run([
			txt(D, 'v=spf1 include:_spf.google.com -all'),
			txt('_spf.google.com', 'v=spf1 ip4:192.0.2.0/24 ~all'),
		]);
		expect(verdict).toMatchObject({ status: 'fail', message: { key: 'dns.spf.includeMissing' } });
		expect(verdict.fix?.params?.record).toBe(
			'v=spf1 include:_spf.google.com include:mx.ovh.com -all'
		);
	});

	it('warns ?all and a record with neither all nor redirect', () => {
		expect(run([txt(D, 'v=spf1 include:mx.ovh.com ?all')]).verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.spf.neutralAll' },
			fix: { params: { record: 'v=spf1 include:mx.ovh.com ~all' } },
		});
		expect(run([txt(D, 'v=spf1 include:mx.ovh.com')]).verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.spf.noAll' },
		});
	});

	it("takes the redirect target's all (§6.1)", () => {
		const { verdict } = run([
			txt(D, 'v=spf1 include:mx.ovh.com redirect=_spf.example.com'),
			txt('_spf.example.com', 'v=spf1 ?all'),
		]);
		expect(verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.spf.neutralAll', params: { qualifierDomain: '_spf.example.com' } },
		});
	});

	it('warns a record over the size guidance of §3.4, and reads a 4 KB record without trouble', () => {
		const ranges = Array.from({ length: 260 }, (_, i) => `ip4:10.${i >> 8}.${i & 255}.0/24`).join(
			' '
		);
		const record = `v=spf1 ${ranges} include:mx.ovh.com ~all`;
		expect(record.length).toBeGreaterThan(4000);
		const strings = record.match(/.{1,255}/g)!;
		const { verdict } = run([txt(D, ...strings)]);
		expect(verdict).toMatchObject({ status: 'warn', message: { key: 'dns.spf.large' } });
		// Shown cut, with the full length said.
		expect(verdict.found[0]!.text.length).toBeLessThan(600);
		expect(verdict.found[0]!.text).toContain(`(${record.length})`);
	});

	it('reads HTML and control characters as text and shows them escaped', () => {
		const { verdict } = run([txt(D, 'v=spf1 include:mx.ovh.com <b>x</b>\u0007 ~all')]);
		expect(verdict).toMatchObject({
			status: 'fail',
			message: { key: 'dns.spf.syntax', params: { term: '<b>x</b>\\x07' } },
		});
		expect(verdict.found[0]!.text).toBe('v=spf1 include:mx.ovh.com <b>x</b>\\x07 ~all');
	});

	it('gives error, not fail, when the resolver fails', () => {
		const zone = fakeZone([OVH, txt(D, 'v=spf1 include:mx.ovh.com ~all')], {
			failing: ['TXT mx.ovh.com'],
		});
		const result = checkSpf({ provider, offer: 'hosted', domain: D, lookup: zone.lookup });
		expect(result).toMatchObject({
			state: 'done',
			verdict: { status: 'error', message: { key: 'dns.error.servfail' } },
		});
	});

	describe('Private Exchange', () => {
		const server = 'mail.private.example.net';
		const serverRecords = [a(server, '192.0.2.50'), aaaa(server, '2001:db8::50')];

		it('passes when the server addresses are authorised by ip4/ip6', () => {
			const { verdict } = run(
				[txt(D, 'v=spf1 ip4:192.0.2.50 ip6:2001:db8::50 ~all'), ...serverRecords],
				{ offer: 'private', server }
			);
			expect(verdict.status).toBe('pass');
			expect(verdict.expected).toEqual(['v=spf1 ip4:192.0.2.50 ip6:2001:db8::50 ~all']);
		});

		it('passes when they are authorised through a and mx', () => {
			const { verdict } = run(
				[txt(D, 'v=spf1 mx a:mail.private.example.net ~all'), mx(D, server), ...serverRecords],
				{ offer: 'private', server }
			);
			expect(verdict.status).toBe('pass');
		});

		it('fails when one address is not authorised, naming it', () => {
			const { verdict } = run(
				[txt(D, 'v=spf1 ip4:192.0.2.50 include:mx.ovh.com ~all'), ...serverRecords],
				{ offer: 'private', server }
			);
			expect(verdict).toMatchObject({
				status: 'fail',
				message: {
					key: 'dns.spf.serverNotAuthorised',
					params: { address: '2001:db8::50', result: 'softfail' },
				},
			});
			expect(verdict.fix?.params?.record).toBe(
				'v=spf1 ip4:192.0.2.50 include:mx.ovh.com ip6:2001:db8::50 ~all'
			);
		});

		it('warns that it cannot confirm without the server name', () => {
			const { verdict } = run([txt(D, 'v=spf1 ip4:192.0.2.50 ~all')], { offer: 'private' });
			expect(verdict).toMatchObject({
				status: 'warn',
				message: { key: 'dns.spf.serverUnverified' },
				fix: { key: 'dns.fix.giveServer' },
			});
		});
	});
});

describe('analyzeSpf', () => {
	it('asks every include of one level at once, then the next level', () => {
		const records = [
			txt(D, 'v=spf1 include:one.example.net include:two.example.net -all'),
			txt('one.example.net', 'v=spf1 include:three.example.net -all'),
			txt('two.example.net', 'v=spf1 -all'),
			txt('three.example.net', 'v=spf1 -all'),
		];
		const answered = new Set<string>();
		const rounds: string[][] = [];
		for (let i = 0; i < 10; i++) {
			const zone = fakeZone(records);
			const result = analyzeSpf(D, (name, type) =>
				answered.has(`${type} ${name}`) ? zone.lookup(name, type) : { state: 'pending' }
			);
			if (result.state === 'done') break;
			rounds.push(result.questions.map((q) => `${q.type} ${q.name}`));
			result.questions.forEach((q) => answered.add(`${q.type} ${q.name}`));
		}
		expect(rounds).toEqual([
			['TXT example.com'],
			['TXT one.example.net', 'TXT two.example.net'],
			['TXT three.example.net'],
		]);
	});

	it('counts terms that depend on the message without following them', () => {
		const zone = fakeZone([
			txt(D, 'v=spf1 exists:%{i}._spf.example.com include:mx.ovh.com -all'),
			OVH,
		]);
		const result = analyzeSpf(D, zone.lookup);
		expect(result.state === 'done' && result.analysis).toMatchObject({
			lookups: 2,
			messageDependent: ['exists:%{i}._spf.example.com'],
		});
	});
});

describe('mergeSpfRecord', () => {
	it('adds terms before all or redirect and appends an all when there is none', () => {
		expect(
			mergeSpfRecord('v=spf1 a redirect=x.example.com', ['include:mx.ovh.com'], provider)
		).toBe('v=spf1 a include:mx.ovh.com redirect=x.example.com');
		expect(mergeSpfRecord('v=spf1 a', ['include:mx.ovh.com'], provider)).toBe(
			'v=spf1 a include:mx.ovh.com ~all'
		);
		expect(mergeSpfRecord('v=spf1 include:MX.OVH.COM -all', ['include:mx.ovh.com'], provider)).toBe(
			'v=spf1 include:MX.OVH.COM -all'
		);
	});
});
