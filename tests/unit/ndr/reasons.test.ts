import { describe, expect, it } from 'vitest';
import {
	CODE_REASONS,
	MICROSOFT_CODE_REASONS,
	decideReason,
	expandCodes,
	reasonOfText,
} from '../../../src/lib/ndr/decideReason';
import { deriveStatusCode } from '../../../src/lib/ndr/deriveStatusCode';
import {
	PATTERN_LANGUAGES,
	REASONS,
	REASON_IDS,
	type ReasonRule,
} from '../../../src/lib/ndr/reasons';

const RULES: readonly ReasonRule[] = REASONS;

const input = (over: Partial<Parameters<typeof decideReason>[0]>) => ({
	text: '',
	microsoft: false,
	...over,
});

describe('the reason table', () => {
	it('names every reason once, each with an actor, and only known reasons in its rules', () => {
		expect(new Set(REASON_IDS).size).toBe(REASON_IDS.length);
		for (const rule of REASONS) {
			expect(['you', 'recipient', 'provider', 'nobody'], rule.id).toContain(rule.actor);
			const refs: string[] = [
				...('yieldsTo' in rule ? rule.yieldsTo : []),
				...('afterData' in rule ? [rule.afterData] : []),
			];
			for (const ref of refs) expect(REASON_IDS, `${rule.id} -> ${ref}`).toContain(ref);
		}
	});

	it('gives each code to one reason only, in each meaning', () => {
		for (const key of ['codes', 'microsoftCodes'] as const) {
			const seen = new Map<string, string>();
			for (const rule of RULES) {
				for (const entry of rule[key] ?? [])
					for (const code of expandCodes(entry)) {
						expect(
							seen.get(code),
							`${key} ${code} in ${rule.id} and ${seen.get(code)}`
						).toBeUndefined();
						seen.set(code, rule.id);
					}
			}
		}
	});

	it('has words in English, French and Italian for every reason a text can name', () => {
		for (const rule of REASONS) {
			if (['delivered', 'onhold', 'undefined'].includes(rule.id)) continue;
			for (const language of PATTERN_LANGUAGES)
				expect(rule.patterns[language].length, `${rule.id} ${language}`).toBeGreaterThan(0);
		}
	});

	it('writes its patterns for normalized text: lower case, no accents', () => {
		for (const rule of REASONS)
			for (const language of PATTERN_LANGUAGES)
				for (const pattern of rule.patterns[language]) {
					// \B, \W... are escapes, not capitals: drop escapes before looking for capitals.
					const literal = pattern.source.replace(/\\./g, '');
					expect(literal, `${rule.id}: ${pattern}`).not.toMatch(/[A-Z\u00c0-\u017f]/);
				}
	});

	it('reads ranges of codes and Microsoft’s own meanings', () => {
		expect(expandCodes('5.7.606-649')).toHaveLength(44);
		expect(MICROSOFT_CODE_REASONS.get('5.7.620')).toBe('blocked');
		expect(CODE_REASONS.get('5.1.10')).toBe('notaccept');
		expect(MICROSOFT_CODE_REASONS.get('5.1.10')).toBe('userunknown');
	});
});

describe('reasonOfText', () => {
	it('reads a reason in each language', () => {
		expect(reasonOfText('550 5.2.2 Boîte aux lettres pleine')).toBe('mailboxfull');
		expect(reasonOfText('552 La casella di posta del destinatario è piena')).toBe('mailboxfull');
		expect(reasonOfText('550 5.1.1 Utilisateur inconnu')).toBe('userunknown');
		expect(reasonOfText('550 Utente sconosciuto')).toBe('userunknown');
		expect(
			reasonOfText(
				'554 5.7.1 Service unavailable; Client host [192.0.2.49] blocked using zen.spamhaus.org'
			)
		).toBe('blocked');
		expect(reasonOfText('553 Relaying denied')).toBe('norelaying');
		expect(reasonOfText('nothing useful here')).toBeUndefined();
	});

	it('puts the first reason of the table first when the text names two', () => {
		// qmail-06: a full mailbox, and a message too long in the queue.
		expect(
			reasonOfText(
				"450 4.2.2 Mailbox Full. I'm not going to try again; this message has been in the queue too long."
			)
		).toBe('mailboxfull');
	});

	it('does not read a sender refusal as a missing recipient', () => {
		expect(reasonOfText('501 5.1.8 Sender address rejected [MAIL_FROM]')).toBe('rejected');
	});
});

describe('decideReason', () => {
	it('lets the words of a refusal at RCPT overrule the code (5.2.1 "User Unknown")', () => {
		expect(
			decideReason(
				input({ code: '5.2.1', text: '550 5.2.1 <a@b.example>... User Unknown', command: 'RCPT' })
			)
		).toBe('userunknown');
	});

	it('keeps the code’s reason when the command is not known', () => {
		expect(
			decideReason(input({ code: '5.2.1', text: '550 5.2.1 <a@b.example>... User Unknown' }))
		).toBe('filtered');
	});

	it('reads "unknown user" after DATA, with no code naming a reason, as a filter', () => {
		expect(
			decideReason(input({ code: '5.0.0', text: '550 Unknown user a@b.example', command: 'DATA' }))
		).toBe('filtered');
		// ... but not when the code itself names a missing address (m-FILTER: 5.1.1 after DATA).
		expect(
			decideReason(input({ code: '5.1.1', text: '550 5.1.1 User unknown', command: 'DATA' }))
		).toBe('userunknown');
	});

	it('keeps a size text under 5.2.3 as the recipient’s limit', () => {
		expect(
			decideReason(
				input({ code: '5.2.3', text: '552 5.2.3 Message size exceeds fixed maximum message size' })
			)
		).toBe('exceedlimit');
		expect(decideReason(input({ code: '5.3.4', text: '552 5.3.4 Message too large' }))).toBe(
			'mesgtoobig'
		);
	});

	it('gives 5.1.10 Microsoft’s meaning only for a Microsoft server', () => {
		expect(decideReason(input({ code: '5.1.10', microsoft: true }))).toBe('userunknown');
		expect(decideReason(input({ code: '5.1.10' }))).toBe('notaccept');
	});

	it('falls back on the reply, the subject, the command and the action, in that order', () => {
		expect(decideReason(input({ reply: '535', code: '5.0.0' }))).toBe('securityerror');
		expect(decideReason(input({ code: '5.6.42' }))).toBe('contenterror');
		expect(decideReason(input({ code: '5.0.0', command: 'EHLO' }))).toBe('blocked');
		expect(decideReason(input({ code: '4.0.0', action: 'delayed' }))).toBe('expired');
		expect(decideReason(input({ code: '5.0.0', text: 'Something went wrong' }))).toBe('onhold');
		expect(decideReason(input({}))).toBe('undefined');
		expect(decideReason(input({ code: '2.0.0', action: 'delivered' }))).toBe('delivered');
	});
});

describe('deriveStatusCode', () => {
	it('gives a bare reply its class, X.0.0 (RFC 3463 §3.1)', () => {
		expect(deriveStatusCode('550')).toBe('5.0.0');
		expect(deriveStatusCode('552')).toBe('5.0.0');
		expect(deriveStatusCode('451')).toBe('4.0.0');
	});

	it('says more only for replies the registry ties to one enhanced code', () => {
		expect(deriveStatusCode('556')).toBe('5.1.10');
		expect(deriveStatusCode('521')).toBe('5.3.2');
		expect(deriveStatusCode('534')).toBe('5.7.9');
		expect(deriveStatusCode('432')).toBe('4.7.12');
	});

	it('derives nothing from a success or something that is not a reply', () => {
		expect(deriveStatusCode('250')).toBeUndefined();
		expect(deriveStatusCode('599')).toBeUndefined();
		expect(deriveStatusCode('55')).toBeUndefined();
	});
});
