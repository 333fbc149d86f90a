import { describe, expect, it } from 'vitest';
import { indexSteps, nextStep, readStepParam, symptomOf } from '../../../src/lib/tree/nextStep';
import { loadSteps } from './loadTree';

const steps = indexSteps(loadSteps());

describe('nextStep', () => {
	it('follows an answer to its step', () => {
		expect(nextStep(steps, 'status', { answer: 'incident' })).toEqual({
			ok: true,
			next: 'incident',
		});
	});

	it('takes the symptom from the answer at start', () => {
		expect(nextStep(steps, 'start', { answer: 'receive' })).toEqual({ ok: true, next: 'webmail' });
	});

	it('sends mail that arrives late or in junk to the header analyzer, with no symptom', () => {
		expect(nextStep(steps, 'start', { answer: 'late-or-junk' })).toEqual({
			ok: true,
			next: 'read-headers',
		});
		expect(symptomOf([{ step: 'start', answer: 'late-or-junk' }, { step: 'read-headers' }])).toBe(
			undefined
		);
		const outcome = steps.get('read-headers')!;
		expect(outcome.kind).toBe('outcome');
		expect(outcome.links).toContainEqual({ kind: 'page', key: 'headers', page: 'headers' });
	});

	it('sends refused or junked mail through SPF, DKIM and DMARC, each failure to its fix', () => {
		expect(nextStep(steps, 'start', { answer: 'refused-or-junk' })).toEqual({
			ok: true,
			next: 'spf',
		});
		const path = [
			['spf', 'dkim', 'spf-fix'],
			['dkim', 'dmarc', 'dkim-fix'],
			['dmarc', 'sending-records-ok', 'dmarc-fix'],
		] as const;
		for (const [step, next, fix] of path) {
			expect(steps.get(step)).toMatchObject({ kind: 'dns', check: step });
			expect(nextStep(steps, step, { verdict: 'pass' })).toEqual({ ok: true, next });
			expect(nextStep(steps, step, { verdict: 'warn' })).toEqual({ ok: true, next: fix });
			expect(nextStep(steps, step, { verdict: 'fail' })).toEqual({ ok: true, next: fix });
			expect(nextStep(steps, step, { verdict: 'error' })).toEqual({
				ok: false,
				reason: 'undecided',
			});
			expect(nextStep(steps, step, { answer: 'match' })).toEqual({ ok: true, next });
			expect(nextStep(steps, step, { answer: 'differ' })).toEqual({ ok: true, next: fix });
			expect(steps.get(fix)).toMatchObject({
				kind: 'outcome',
				links: [{ kind: 'dns', anchor: step }],
			});
		}
	});

	it('sends a receiving problem to the MX check and a sending problem to the SRV check', () => {
		expect(nextStep(steps, 'account', { answer: 'active' }, 'receive')).toEqual({
			ok: true,
			next: 'mx',
		});
		expect(nextStep(steps, 'account', { answer: 'active' }, 'send')).toEqual({
			ok: true,
			next: 'srv',
		});
	});

	it('says when a per-symptom answer is taken without a known symptom', () => {
		expect(nextStep(steps, 'account', { answer: 'active' })).toEqual({
			ok: false,
			reason: 'no-symptom',
		});
	});

	it('chooses the next step from the verdict of a DNS check', () => {
		expect(nextStep(steps, 'mx', { verdict: 'pass' })).toEqual({ ok: true, next: 'srv' });
		expect(nextStep(steps, 'mx', { verdict: 'fail' })).toEqual({ ok: true, next: 'mx-fix' });
		expect(nextStep(steps, 'srv', { verdict: 'fail' })).toEqual({ ok: true, next: 'srv-fix' });
	});

	it('stays on the step when the check could not run (error is never a misconfiguration)', () => {
		expect(nextStep(steps, 'mx', { verdict: 'error' })).toEqual({ ok: false, reason: 'undecided' });
	});

	it('accepts answers by hand on a DNS step', () => {
		expect(nextStep(steps, 'mx', { answer: 'differ' })).toEqual({ ok: true, next: 'mx-fix' });
	});

	it('refuses unknown steps and answers, and anything after an outcome', () => {
		expect(nextStep(steps, 'nope', { answer: 'x' })).toEqual({ ok: false, reason: 'unknown-step' });
		expect(nextStep(steps, 'status', { answer: 'maybe' })).toEqual({
			ok: false,
			reason: 'unknown-answer',
		});
		expect(nextStep(steps, 'status', { verdict: 'pass' })).toEqual({
			ok: false,
			reason: 'unknown-answer',
		});
		expect(nextStep(steps, 'support', { answer: 'x' })).toEqual({ ok: false, reason: 'outcome' });
	});
});

describe('symptomOf', () => {
	it('reads the answer given at start', () => {
		expect(symptomOf([{ step: 'start', answer: 'send' }, { step: 'webmail' }])).toBe('send');
	});

	it('is undefined for a walk opened at a later step', () => {
		expect(symptomOf([{ step: 'account' }])).toBeUndefined();
	});
});

describe('readStepParam', () => {
	it('opens the step named in ?step=', () => {
		expect(readStepParam('?step=domain-validity', steps)).toEqual({ step: 'domain-validity' });
	});

	it('opens start without ?step=', () => {
		expect(readStepParam('', steps)).toEqual({ step: 'start' });
		expect(readStepParam('?step=', steps)).toEqual({ step: 'start' });
	});

	it('opens start and reports the value of an unknown ?step=', () => {
		expect(readStepParam('?step=%3Cimg%20src%3Dx%3E', steps)).toEqual({
			step: 'start',
			unknown: '<img src=x>',
		});
	});

	it('does not treat inherited object keys as steps', () => {
		expect(readStepParam('?step=constructor', steps)).toEqual({
			step: 'start',
			unknown: 'constructor',
		});
	});
});
