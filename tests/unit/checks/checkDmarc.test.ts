import { describe, expect, it } from 'vitest';
import { checkDmarc, parseDmarcRecord } from '../../../src/lib/checks/checkDmarc';
import { provider, txt } from '../helpers/dnsMessages';
import { fakeZone } from '../helpers/fakeZone';

const D = 'example.com';
const O = '_dmarc.example.com';

function run(records: Parameters<typeof fakeZone>[0], options?: Parameters<typeof fakeZone>[1]) {
	const result = checkDmarc({ provider, domain: D, lookup: fakeZone(records, options).lookup });
	if (result.state !== 'done') throw new Error('pending with every answer available');
	return result.verdict;
}

describe('checkDmarc', () => {
	it('warns without a record and gives a starting line with p=none and reports', () => {
		const verdict = run([txt(D, 'v=spf1 -all')]);
		expect(verdict).toMatchObject({ status: 'warn', message: { key: 'dns.dmarc.none' } });
		expect(verdict.fix).toMatchObject({
			key: 'dns.fix.dmarcCreate',
			params: { record: 'v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com' },
		});
	});

	it('ignores TXT records that do not start with v=DMARC1 (RFC 7489 §6.6.3)', () => {
		expect(run([txt(O, 'v=dmarc1; p=reject'), txt(O, 'p=reject; v=DMARC1')]).message.key).toBe(
			'dns.dmarc.none'
		);
	});

	it('fails two DMARC records', () => {
		expect(run([txt(O, 'v=DMARC1; p=reject'), txt(O, 'v=DMARC1; p=none')])).toMatchObject({
			status: 'fail',
			message: { key: 'dns.dmarc.multiple', params: { count: 2 } },
		});
	});

	it('fails a record without a valid p and no rua to fall back on', () => {
		expect(run([txt(O, 'v=DMARC1; p=block')])).toMatchObject({
			status: 'fail',
			message: { key: 'dns.dmarc.invalid' },
		});
		expect(run([txt(O, 'v=DMARC1')])).toMatchObject({
			status: 'fail',
			message: { key: 'dns.dmarc.invalid' },
		});
	});

	it('warns a record without a valid p but with rua (receivers act as p=none)', () => {
		expect(run([txt(O, 'v=DMARC1; rua=mailto:r@example.com')])).toMatchObject({
			status: 'warn',
			message: { key: 'dns.dmarc.invalidPolicyReports' },
		});
	});

	it('warns p=none and suggests quarantine keeping the rest of the record', () => {
		const verdict = run([txt(O, 'v=DMARC1; p=none; rua=mailto:r@example.com')]);
		expect(verdict).toMatchObject({
			status: 'warn',
			message: { key: 'dns.dmarc.reportOnly', params: { reports: 'r@example.com' } },
		});
		expect(verdict.fix?.params?.record).toBe('v=DMARC1; p=quarantine; rua=mailto:r@example.com');
	});

	it('passes quarantine and reject, with notes for pct, sp and missing reports', () => {
		expect(run([txt(O, 'v=DMARC1; p=reject; rua=mailto:r@example.com')])).toMatchObject({
			status: 'pass',
			message: { key: 'dns.dmarc.pass', params: { policy: 'reject', pct: 100 } },
			notes: [],
		});
		const verdict = run([txt(O, 'v=DMARC1;p=quarantine;pct=25;sp=none')]);
		expect(verdict.status).toBe('pass');
		expect(verdict.notes).toEqual([
			{ key: 'dns.note.dmarcPct', params: { pct: 25 } },
			{ key: 'dns.note.dmarcSubdomain', params: { sp: 'none' } },
			{ key: 'dns.note.dmarcNoRua' },
		]);
	});

	it('joins a record split in several strings', () => {
		expect(run([txt(O, 'v=DMARC1; p=rej', 'ect')]).status).toBe('pass');
	});

	it('asks for the authorisation of reports sent to another domain (§7.1) and warns without it', () => {
		const records = [txt(O, 'v=DMARC1; p=reject; rua=mailto:dmarc@reports.example.net')];
		const authorisation = 'example.com._report._dmarc.reports.example.net';
		const pending = checkDmarc({
			provider,
			domain: D,
			lookup: fakeZone(records, { pending: [`TXT ${authorisation}`] }).lookup,
		});
		expect(pending).toMatchObject({
			state: 'pending',
			questions: [{ name: authorisation, type: 'TXT' }],
		});
	});

	it('warns when the report domain does not authorise, passes when it does', () => {
		const rua = txt(O, 'v=DMARC1; p=reject; rua=mailto:dmarc@reports.example.net');
		const lookup = (records: Parameters<typeof fakeZone>[0]) => {
			const zone = fakeZone(records);
			return checkDmarc({ provider, domain: D, lookup: zone.lookup });
		};
		// The zone answers every question, so the follow-up is answered in the same call.
		expect(lookup([rua, txt('reports.example.net', 'v=spf1 -all')])).toMatchObject({
			state: 'done',
			verdict: {
				status: 'warn',
				message: {
					key: 'dns.dmarc.reportsUnauthorised',
					params: { domains: 'reports.example.net' },
				},
			},
		});
		expect(
			lookup([rua, txt('example.com._report._dmarc.reports.example.net', 'v=DMARC1')])
		).toMatchObject({
			state: 'done',
			verdict: { status: 'pass' },
		});
	});

	it('shows a hostile record as escaped text and notes invalid tags', () => {
		const verdict = run([txt(O, 'v=DMARC1; p=reject; pct=150; rua=<script>\u0000')]);
		expect(verdict.found[0]!.text).toBe('v=DMARC1; p=reject; pct=150; rua=<script>\\x00');
		expect(verdict.notes.map((n) => [n.key, n.params?.tag])).toEqual([
			['dns.note.dmarcInvalidTag', 'pct'],
			['dns.note.dmarcInvalidTag', 'rua'],
			['dns.note.dmarcNoRua', undefined],
		]);
	});

	it('gives error when the resolver fails', () => {
		expect(run([], { failing: [`TXT ${O}`] }).status).toBe('error');
	});
});

describe('parseDmarcRecord', () => {
	it('reads tags case-insensitively with spaces around them', () => {
		const r = parseDmarcRecord(
			'v=DMARC1 ; P = Reject ; rua = mailto:a@example.com, mailto:b@example.org!10m'
		);
		expect(r).toMatchObject({
			policy: 'reject',
			rua: ['a@example.com', 'b@example.org'],
			pct: 100,
			invalid: [],
		});
	});
});
