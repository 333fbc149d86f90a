/**
 * The home page: a way in for each reason people come, its title said once, and the header's
 * language picker showing whole names.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LOCALES, distFile, pageExists } from './support/dist';

/** The site's name per language, as astro.config.mjs gives it to Starlight. */
const SITE_NAME = {
	en: 'Exchange mail help',
	fr: 'Aide messagerie Exchange',
	it: 'Guida posta Exchange',
} as const;

/** Each reason's card: where it leads (worked out from the pages' anchors, by hand). */
const WAYS_IN = {
	en: [
		['The diagnostic shows an error', '/en/diagnostic/'],
		['Mail stopped arriving', '/en/dns/#check'],
		['A message bounced', '/en/ndr/#analyse-a-bounce'],
		['I cannot send', '/en/diagnostic/#send-failed'],
		['Recipients junk my mail', '/en/dns/#check'],
		['Step-by-step checks', '/en/troubleshooting/'],
	],
	fr: [
		['Le diagnostic affiche une erreur', '/fr/diagnostic/'],
		['Vous ne recevez plus d’e-mails', '/fr/dns/#check'],
		['Un message vous est revenu', '/fr/ndr/#analyser-un-rapport-de-non-remise'],
		['Vous ne pouvez plus envoyer', '/fr/diagnostic/#send-failed'],
		['Vos e-mails arrivent en spam', '/fr/dns/#check'],
		['Vérifications pas à pas', '/fr/troubleshooting/'],
	],
	it: [
		['La diagnostica segnala un errore', '/it/diagnostic/'],
		['Le email non arrivano più', '/it/dns/#check'],
		['Un messaggio è tornato indietro', '/it/ndr/#analizza-un-avviso-di-mancato-recapito'],
		['Non riesco a inviare', '/it/diagnostic/#send-failed'],
		['I destinatari ricevono le mie email nello spam', '/it/dns/#check'],
		['Verifiche passo per passo', '/it/troubleshooting/'],
	],
} as const;

for (const locale of LOCALES) {
	test.describe(`home page (${locale})`, () => {
		test('has a card for each reason people come, each leading to its page', async ({ page }) => {
			await page.goto(`/${locale}/`);
			const cards = page.locator('.sl-link-card');
			const ways: (readonly [string, string])[] = [...WAYS_IN[locale]];
			// The header analyzer's card, once its page is built.
			if (pageExists(`/${locale}/headers/`)) ways.push(['', `/${locale}/headers/`]);
			await expect(cards).toHaveCount(ways.length);
			for (const [title, href] of ways) {
				const card = cards.filter({ has: page.locator(`a[href="${href}"]`) });
				if (title) await expect(card.filter({ hasText: title })).toHaveCount(1);
				else await expect(card).toHaveCount(1);
			}
			// Each destination exists, and its #anchor is in the built page once (read from dist/:
			// every anchor a card names is written at build time, and a page load each was the
			// slowest part of this test on a busy machine).
			for (const [, href] of ways) {
				const [path, anchor] = href.split('#');
				expect(pageExists(path!), href).toBe(true);
				if (anchor) {
					const ids = readFileSync(distFile(path!), 'utf8').split(`id="${anchor}"`).length - 1;
					expect(ids, href).toBe(1);
				}
			}
		});

		test('says the site name once in its title, and other pages say theirs first', async ({
			page,
		}) => {
			await page.goto(`/${locale}/`);
			await expect(page).toHaveTitle(SITE_NAME[locale]);
			await page.goto(`/${locale}/dns/`);
			const heading = (await page.locator('h1').textContent())!.trim();
			await expect(page).toHaveTitle(`${heading} | ${SITE_NAME[locale]}`);
		});

		for (const width of [1280, 390]) {
			test(`the language picker shows whole language names at ${width} px`, async ({ page }) => {
				await page.setViewportSize({ width, height: 800 });
				await page.goto(`/${locale}/`);
				if (width < 800) await page.locator('button[popovertarget="starlight__sidebar"]').click();
				const select = page.locator('starlight-lang-select select').locator('visible=true');
				await expect(select).toHaveCount(1);
				// Every name's text width against the room the select gives it (its content box).
				const cut = await select.evaluate((element) => {
					const s = element as HTMLSelectElement;
					const style = getComputedStyle(s);
					const room =
						s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
					const context = document.createElement('canvas').getContext('2d')!;
					context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
					return [...s.options]
						.filter((o) => context.measureText(o.text).width > room)
						.map((o) => `${o.text} (${Math.round(context.measureText(o.text).width)} > ${room})`);
				});
				expect(cut).toEqual([]);
			});
		}
	});
}
