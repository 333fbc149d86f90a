import { describe, expect, it } from 'vitest';
import { judgeRegistration } from '../../../src/lib/checks/checkDomain';
import type { RdapAnswer } from '../../../src/lib/rdap/lookupRdap';

const fetchedAt = new Date('2026-12-01T12:00:00Z');

const found = (domain: string): RdapAnswer => ({
	kind: 'rdap',
	ok: true,
	domain,
	tld: 'com',
	override: false,
	record: {
		statuses: ['active'],
		expiration: { raw: '2027-12-01T12:00:00Z', date: new Date('2027-12-01T12:00:00Z') },
	},
	fetchedAt,
	elapsedMs: 1,
});
const missing = (domain: string): RdapAnswer => ({
	kind: 'rdap',
	ok: false,
	domain,
	tld: 'com',
	override: false,
	failure: 'notFound',
	detail: '404',
	elapsedMs: 1,
});

describe('judgeRegistration', () => {
	it('asks the domain first, then judges its answer with the answer’s own time', () => {
		const domain = { ascii: 'example.com', unicode: 'example.com' };
		expect(judgeRegistration(domain, () => undefined)).toEqual({
			kind: 'need',
			domain: 'example.com',
		});
		const step = judgeRegistration(domain, (name) =>
			name === 'example.com' ? found(name) : undefined
		);
		// 2026-12-01T12:00Z to 2027-12-01T12:00Z: 365 days.
		expect(step.kind === 'done' && step.judgement.message).toEqual({
			key: 'dns.domain.pass',
			params: { date: '2027-12-01', days: 365 },
		});
	});

	it('after a 404 for a name below the registered domain, asks its parent and says so', () => {
		const domain = { ascii: 'mail.xn--bcher-kva.com', unicode: 'mail.bücher.com' };
		const answers = new Map<string, RdapAnswer>([
			['mail.xn--bcher-kva.com', missing('mail.xn--bcher-kva.com')],
		]);
		expect(judgeRegistration(domain, (n) => answers.get(n))).toEqual({
			kind: 'need',
			domain: 'xn--bcher-kva.com',
		});
		answers.set('xn--bcher-kva.com', found('xn--bcher-kva.com'));
		const step = judgeRegistration(domain, (n) => answers.get(n));
		expect(step.kind === 'done' && step.judgement.status).toBe('pass');
		expect(step.kind === 'done' && step.judgement.notes[0]).toEqual({
			key: 'dns.domain.parent',
			params: { name: 'mail.bücher.com', domain: 'bücher.com' },
		});
	});

	it('stops at two labels: a registered-looking name the registry does not know stays a 404', () => {
		const domain = { ascii: 'a.example.com', unicode: 'a.example.com' };
		const asked: string[] = [];
		const step = judgeRegistration(domain, (n) => {
			asked.push(n);
			return missing(n);
		});
		expect(asked).toEqual(['a.example.com', 'example.com']);
		expect(step.kind === 'done' && step.judgement.status).toBe('error');
		expect(step.kind === 'done' && step.judgement.message.key).toBe('dns.domain.error.notFound');
		expect(step.kind === 'done' && step.judgement.notes).toEqual([]);
	});

	it('asks at most four parents of a very deep name', () => {
		const domain = { ascii: 'a.b.c.d.e.f.example.com', unicode: 'a.b.c.d.e.f.example.com' };
		const asked: string[] = [];
		judgeRegistration(domain, (n) => {
			asked.push(n);
			return missing(n);
		});
		expect(asked).toEqual([
			'a.b.c.d.e.f.example.com',
			'b.c.d.e.f.example.com',
			'c.d.e.f.example.com',
			'd.e.f.example.com',
			'e.f.example.com',
		]);
	});

	it('does not try the parent after another failure', () => {
		const domain = { ascii: 'mail.example.com', unicode: 'mail.example.com' };
		const step = judgeRegistration(domain, (n) => ({ ...missing(n), failure: 'timeout' }));
		expect(step.kind === 'done' && step.judgement.message.key).toBe('dns.domain.error.timeout');
	});
});
