/**
 * The runner with a fake answer source: answers held until the test releases them, so the tests
 * see what is asked at once, what is asked once only, and in which order verdicts come.
 */
import { describe, expect, it } from 'vitest';
import {
	CHECKS,
	dnsQuestion,
	questionKey,
	type Answer,
	type CheckContext,
	type CheckModule,
	type Question,
} from '../../../src/lib/checks/registry';
import { MAX_ROUNDS, runChecks } from '../../../src/lib/checks/runChecks';
import type { Verdict } from '../../../src/lib/checks/types';
import { normalizeDomain } from '../../../src/lib/dns/normalizeDomain';
import { decodeResponse } from '../../../src/lib/dns/wire';
import { CURRENT, mx, provider, responseBytes, srv } from '../helpers/dnsMessages';

const domain = (() => {
	const result = normalizeDomain('example.com');
	if (!result.ok) throw new Error(result.error);
	return result.domain;
})();
const ctx: CheckContext = { provider, domain, offer: 'hosted', server: 'ex5.mail.ovh.net' };
const resolver = { id: 'custom' as const, url: 'http://127.0.0.1:1/dns-query' };

/** A source whose answers wait until `release(key)`; every question asked is logged. */
function heldSource(answerFor: (q: Question) => Answer) {
	const asked: string[] = [];
	const waiting = new Map<string, () => void>();
	const ask = (q: Question) =>
		new Promise<Answer>((resolve) => {
			const key = questionKey(q);
			asked.push(key);
			waiting.set(key, () => resolve(answerFor(q)));
		});
	const release = async (key: string) => {
		const go = waiting.get(key);
		if (!go) throw new Error(`${key} was not asked (asked: ${asked.join(', ')})`);
		waiting.delete(key);
		go();
		// Let the runner's continuations run.
		for (let i = 0; i < 10; i++) await Promise.resolve();
	};
	return { ask, asked, release, waiting };
}

const dnsOk = (
	name: string,
	type: 'MX' | 'SRV' | 'A',
	answers: Parameters<typeof responseBytes>[2]
): Answer => ({
	kind: 'dns',
	ok: true,
	response: decodeResponse(responseBytes(name, type, answers), name, type),
	resolver,
	fetchedAt: new Date(0),
	attempts: [],
});

/** A module that needs `first`, then each of `followUps` one round after the other. */
function chainModule(id: 'spf' | 'dkim', first: string, followUps: string[]): CheckModule {
	return {
		id,
		messageKeys: [],
		questions: () => [dnsQuestion(first, 'A')],
		evaluate: (_ctx, answers) => {
			const next = followUps.find((name) => !answers.has(questionKey(dnsQuestion(name, 'A'))));
			if (next) return { kind: 'need', questions: [dnsQuestion(next, 'A')] };
			return {
				kind: 'done',
				verdict: {
					check: id,
					status: 'pass',
					message: { key: `dns.${id}.pass` },
					expected: [],
					found: [],
					notes: [],
					anchor: 'send-failed',
				},
			};
		},
	};
}

const emptyA = (q: Question): Answer =>
	q.kind === 'dns'
		? dnsOk(q.name, 'A', [])
		: {
				kind: 'rdap',
				ok: false,
				failure: 'noService',
				domain: q.domain,
				tld: 'example',
				override: false,
				elapsedMs: 0,
			};

describe('runChecks', () => {
	it('asks every first question at once, one request per distinct question', async () => {
		const source = heldSource((q) =>
			q.kind === 'rdap'
				? emptyA(q)
				: q.type === 'MX'
					? dnsOk(
							q.name,
							'MX',
							CURRENT.map((h) => mx(q.name, h))
						)
					: dnsOk(q.name, 'SRV', [srv('_autodiscover._tcp.example.com', 'ex5.mail.ovh.net')])
		);
		const run = runChecks(ctx, { modules: CHECKS, ask: source.ask });
		// Before any answer: MX (asked by both mx and srv) once, SRV, and the domain's RDAP
		// question, all in flight.
		expect(source.asked.sort()).toEqual(
			['dns:MX:example.com', 'dns:SRV:_autodiscover._tcp.example.com', 'rdap:example.com'].sort()
		);
		await source.release('dns:MX:example.com');
		await source.release('dns:SRV:_autodiscover._tcp.example.com');
		await source.release('rdap:example.com');
		const { verdicts } = await run;
		expect(verdicts.get('mx')?.status).toBe('pass');
		expect(verdicts.get('srv')?.status).toBe('pass');
		// No RDAP service: could not check, never a failure.
		expect(verdicts.get('domain')?.status).toBe('error');
		expect(source.asked).toHaveLength(3);
	});

	it('hands each verdict on as soon as its own answers are in', async () => {
		const source = heldSource(emptyA);
		const seen: string[] = [];
		const run = runChecks(ctx, {
			modules: [
				chainModule('spf', 'a.test', ['b.test', 'c.test']),
				chainModule('dkim', 'd.test', []),
			],
			ask: source.ask,
			onVerdict: (verdict) => seen.push(verdict.check),
		});
		expect(source.asked.sort()).toEqual(['dns:A:a.test', 'dns:A:d.test']);
		await source.release('dns:A:d.test');
		// dkim needed nothing more: its verdict is out while spf still waits.
		expect(seen).toEqual(['dkim']);
		await source.release('dns:A:a.test');
		expect(source.asked).toContain('dns:A:b.test');
		expect(source.asked).not.toContain('dns:A:c.test');
		await source.release('dns:A:b.test');
		await source.release('dns:A:c.test');
		await run;
		expect(seen).toEqual(['dkim', 'spf']);
	});

	it('shares a follow-up one check asks with another that asks it later', async () => {
		const source = heldSource(emptyA);
		const run = runChecks(ctx, {
			modules: [
				chainModule('spf', 'a.test', ['shared.test']),
				chainModule('dkim', 'shared.test', []),
			],
			ask: source.ask,
		});
		await source.release('dns:A:a.test');
		await source.release('dns:A:shared.test');
		const { verdicts } = await run;
		expect(source.asked.filter((k) => k === 'dns:A:shared.test')).toHaveLength(1);
		expect([...verdicts.keys()].sort()).toEqual(['dkim', 'spf']);
	});

	it('stops a check that never ends after MAX_ROUNDS rounds, as "could not check"', async () => {
		let n = 0;
		const endless: CheckModule = {
			id: 'spf',
			messageKeys: [],
			questions: () => [dnsQuestion('n0.test', 'A')],
			evaluate: () => ({ kind: 'need', questions: [dnsQuestion(`n${++n}.test`, 'A')] }),
		};
		const asked: string[] = [];
		const { verdicts } = await runChecks(ctx, {
			modules: [endless],
			ask: async (q) => (asked.push(questionKey(q)), emptyA(q)),
		});
		expect(verdicts.get('spf')).toMatchObject({
			status: 'error',
			message: { key: 'dns.error.tooManyRounds' },
		});
		expect(asked).toHaveLength(MAX_ROUNDS);
	});

	it('stops a check that asks again only what it already has', async () => {
		const again: CheckModule = {
			id: 'dkim',
			messageKeys: [],
			questions: () => [dnsQuestion('x.test', 'A')],
			evaluate: () => ({ kind: 'need', questions: [dnsQuestion('X.test.', 'A')] }),
		};
		const { verdicts } = await runChecks(ctx, { modules: [again], ask: async (q) => emptyA(q) });
		expect(verdicts.get('dkim')?.message.key).toBe('dns.error.noProgress');
	});

	it('bounds the questions of a whole run', async () => {
		const wide: CheckModule = {
			id: 'spf',
			messageKeys: [],
			questions: () => [dnsQuestion('w.test', 'A')],
			evaluate: () => ({
				kind: 'need',
				questions: Array.from({ length: 50 }, (_, i) => dnsQuestion(`w${i}.test`, 'A')),
			}),
		};
		const asked: string[] = [];
		const { verdicts } = await runChecks(ctx, {
			modules: [wide],
			ask: async (q) => (asked.push(questionKey(q)), emptyA(q)),
			maxQuestions: 20,
		});
		expect(verdicts.get('spf')?.message.key).toBe('dns.error.tooManyQuestions');
		expect(asked).toEqual(['dns:A:w.test']);
	});

	it('turns a module that throws, or a source that rejects, into "could not check"', async () => {
		const broken: CheckModule = {
			id: 'dmarc',
			messageKeys: [],
			questions: () => [dnsQuestion('b.test', 'A')],
			evaluate: () => {
				throw new Error('bug');
			},
		};
		const seen: Verdict[] = [];
		const { verdicts } = await runChecks(ctx, {
			modules: [broken, chainModule('spf', 'r.test', [])],
			ask: async (q) => {
				if (questionKey(q) === 'dns:A:r.test') throw new Error('network');
				return emptyA(q);
			},
			onVerdict: (v) => seen.push(v),
		});
		expect(verdicts.get('dmarc')?.message.key).toBe('dns.error.internal');
		expect(verdicts.get('spf')?.message.key).toBe('dns.error.internal');
		expect(seen.map((v) => v.check).sort()).toEqual(['dmarc', 'spf']);
	});

	it('emits nothing once aborted', async () => {
		const controller = new AbortController();
		const source = heldSource(emptyA);
		const seen: string[] = [];
		const run = runChecks(ctx, {
			modules: [chainModule('spf', 'a.test', [])],
			ask: source.ask,
			signal: controller.signal,
			onVerdict: (v) => seen.push(v.check),
		});
		controller.abort();
		await source.release('dns:A:a.test');
		await expect(run).rejects.toThrow(/Abort/);
		expect(seen).toEqual([]);
	});
});
