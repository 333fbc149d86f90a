import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAIN_MESSAGE_KEYS } from '../../../src/lib/checks/checkDomain';
import { say, type CheckWording } from '../../../src/lib/checks/wording';
import { UI_KEYS } from '../../../src/schemas/ui';
import { ROOT } from '../helpers';

const wording = (locale: string): CheckWording => ({
	strings: JSON.parse(readFileSync(join(ROOT, 'src', 'content', 'i18n', `${locale}.json`), 'utf8')),
	setupLabels: {},
	locale,
});

describe('the domain check in words', () => {
	it('declares every key the verdict can produce', () => {
		for (const key of DOMAIN_MESSAGE_KEYS) expect(UI_KEYS).toContain(key);
	});

	it('writes the day and the days left the page’s way', () => {
		const message = { key: 'dns.domain.pass', params: { date: '2027-08-14', days: 256 } };
		expect(say(wording('en'), message)).toBe(
			'The domain is registered until 14 August 2027: 256 days left.'
		);
		expect(say(wording('fr'), message)).toBe(
			'Le domaine est enregistré jusqu’au 14 août 2027\u00a0: il reste 256 jours.'
		);
		expect(say(wording('it'), message)).toBe(
			'Il dominio è registrato fino al 14 agosto 2027: mancano 256 giorni.'
		);
	});

	it('says one day, and less than a day, in words', () => {
		const one = { key: 'dns.domain.expiring', params: { date: '2026-12-02', days: 1 } };
		expect(say(wording('en'), one)).toMatch(/^The domain expires on 2 December 2026, in 1 day\./);
		expect(say(wording('fr'), one)).toMatch(/^Le domaine expire le 2 décembre 2026, dans 1 jour\./);
		expect(say(wording('it'), one)).toMatch(/^Il dominio scade il 2 dicembre 2026, tra 1 giorno\./);
		const today = { key: 'dns.domain.expiring', params: { date: '2026-12-01', days: 0 } };
		expect(say(wording('en'), today)).toMatch(/, later today\./);
	});
});
