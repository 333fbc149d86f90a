/**
 * The decision tree in a real browser (issue #6): every outcome reached in every language,
 * deep links, back and forward, keyboard only, the summary, and the page without JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { allPaths } from '../../src/lib/tree/validateTree';
import type { TreeStep } from '../../src/schemas/tree';
import { LOCALES } from './support/site';

const ROOT = join(import.meta.dirname, '..', '..');
const steps: TreeStep[] = JSON.parse(
	readFileSync(join(ROOT, 'src/content/tree/steps.json'), 'utf8')
);
const texts = Object.fromEntries(
	LOCALES.map((lang) => [
		lang,
		JSON.parse(readFileSync(join(ROOT, `src/content/tree/text/${lang}.json`), 'utf8')),
	])
);
const outcomes = steps.filter((s) => s.kind === 'outcome').map((s) => s.id);

/** One path per outcome, answered by hand (no DNS verdicts), the shortest found. */
const pathTo = (outcome: string) =>
	allPaths(steps)
		.filter((p) => p.at(-1)!.to === outcome && p.every((hop) => !hop.via.startsWith('verdict:')))
		.sort((a, b) => a.length - b.length)[0];

const current = (page: Page) => page.locator('decision-tree section[data-step]:visible');

async function answer(page: Page, step: string, via: string) {
	const section = page.locator(`section[data-step="${step}"]`);
	await expect(section).toBeVisible();
	await section.locator(`a[data-answer="${via}"]:visible`).click();
}

test.describe('every outcome can be reached', () => {
	// One page per language: each outcome is walked to from the start, then "start over" (the
	// toolbar button, a real use of it) brings the walk back to the first step for the next one.
	for (const lang of LOCALES) {
		test(`reaches every outcome in ${lang}`, async ({ page }) => {
			// One walk per outcome, each a few clicks: the time grows with the tree.
			test.setTimeout(10_000 + outcomes.length * 10_000);
			await page.goto(`/${lang}/troubleshooting/`);
			for (const outcome of outcomes) {
				const path = pathTo(outcome);
				expect(path, `no hand-answered path to ${outcome}`).toBeDefined();
				await expect(current(page)).toHaveAttribute('data-step', 'start');
				for (const hop of path) {
					await answer(page, hop.step, hop.via);
					await expect(page).toHaveURL(new RegExp(`\\?step=${hop.to}$`));
				}
				await expect(current(page)).toHaveCount(1);
				await expect(current(page)).toHaveAttribute('data-step', outcome);
				const heading = page.locator(`section[data-step="${outcome}"] h2`);
				await expect(heading).toHaveText(texts[lang].steps[outcome].title);
				await expect(heading).toBeFocused();
				await expect(page.getByTestId('tree-live')).toContainText(texts[lang].steps[outcome].title);
				await page.getByTestId('tree-restart').click();
				await expect(page).toHaveURL(/\?step=start$/);
			}
		});
	}
});

test.describe('links into the tree', () => {
	test('opens the step named in ?step=', async ({ page }) => {
		await page.goto('/en/troubleshooting/?step=domain-validity');
		await expect(current(page)).toHaveCount(1);
		await expect(current(page)).toHaveAttribute('data-step', 'domain-validity');
		await expect(page.getByTestId('tree-notice')).toBeHidden();
	});

	test('opens the step of a #fragment, as the diagnostic page links to #webmail', async ({
		page,
	}) => {
		await page.goto('/fr/troubleshooting/#webmail');
		await expect(current(page)).toHaveAttribute('data-step', 'webmail');
		await expect(page).toHaveURL(/\?step=webmail$/);
	});

	test('the diagnostic page links lead to existing steps', async ({ page }) => {
		await page.goto('/en/diagnostic/');
		for (const id of ['webmail', 'domain-validity']) {
			await expect(page.locator(`a[href="/en/troubleshooting/#${id}"]`).first()).toBeAttached();
		}
	});

	test('an unknown ?step= opens the start with a notice that shows the value as text', async ({
		page,
	}) => {
		await page.goto('/it/troubleshooting/?step=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
		await expect(current(page)).toHaveAttribute('data-step', 'start');
		const notice = page.getByTestId('tree-notice');
		await expect(notice).toBeVisible();
		await expect(notice).toContainText('<img src=x onerror=alert(1)>');
		await expect(page.locator('decision-tree img')).toHaveCount(0);
		await expect(page).toHaveURL(/\?step=start$/);
	});

	test('a step opened directly offers both branches of an answer that depends on the problem', async ({
		page,
	}) => {
		await page.goto('/en/troubleshooting/?step=account');
		await expect(current(page).locator('a[data-answer="active"]:visible')).toHaveCount(2);
		await current(page).locator('a[data-answer="active"][data-symptom="receive"]').click();
		await expect(current(page)).toHaveAttribute('data-step', 'mx');
	});

	test('a walk that started with "I can’t send" skips the MX check', async ({ page }) => {
		await page.goto('/en/troubleshooting/');
		for (const [step, via] of [
			['start', 'send'],
			['webmail', 'test-fails'],
			['status', 'nothing'],
			['domain-validity', 'valid'],
		]) {
			await answer(page, step, via);
		}
		await expect(current(page).locator('a[data-answer="active"]:visible')).toHaveCount(1);
		await answer(page, 'account', 'active');
		await expect(current(page)).toHaveAttribute('data-step', 'srv');
	});
});

test.describe('history', () => {
	test('back and forward move between the steps taken', async ({ page }) => {
		await page.goto('/en/troubleshooting/');
		await answer(page, 'start', 'receive');
		await answer(page, 'webmail', 'no-page');
		await expect(current(page)).toHaveAttribute('data-step', 'status');
		await page.goBack();
		await expect(current(page)).toHaveAttribute('data-step', 'webmail');
		await expect(page).toHaveURL(/\?step=webmail$/);
		await page.goBack();
		await expect(current(page)).toHaveAttribute('data-step', 'start');
		await page.goForward();
		await expect(current(page)).toHaveAttribute('data-step', 'webmail');
		await expect(page.locator('section[data-step="webmail"] h2')).toBeFocused();
	});

	test('"Previous step" goes back, and "Start over" returns to the first question', async ({
		page,
	}) => {
		await page.goto('/fr/troubleshooting/');
		await answer(page, 'start', 'send');
		await answer(page, 'webmail', 'password-refused');
		await page.getByRole('button', { name: 'Étape précédente' }).click();
		await expect(current(page)).toHaveAttribute('data-step', 'webmail');
		await answer(page, 'webmail', 'no-page');
		await page.getByTestId('tree-restart').click();
		await expect(current(page)).toHaveAttribute('data-step', 'start');
		await expect(page).toHaveURL(/\?step=start$/);
	});

	test('a reload keeps the answers given so far in the summary', async ({ page }) => {
		await page.goto('/en/troubleshooting/');
		await answer(page, 'start', 'receive');
		await answer(page, 'webmail', 'no-page');
		await page.reload();
		await expect(current(page)).toHaveAttribute('data-step', 'status');
		await page.getByTestId('tree-copy').click();
		await expect(page.getByTestId('tree-summary')).toHaveValue(/I don’t receive mail/);
	});
});

test.describe('keyboard and screen reader', () => {
	test('completes a walk with the keyboard alone, focus following each new step', async ({
		page,
	}) => {
		await page.goto('/en/troubleshooting/');
		// Tab from the top of the page to the first answer.
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			if (
				await page.evaluate(() => document.activeElement?.getAttribute('data-answer') === 'receive')
			)
				break;
		}
		await expect(page.locator('a[data-answer="receive"]')).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('section[data-step="webmail"] h2')).toBeFocused();
		// From the focused heading, Tab reaches the step's links, then its answers.
		const pick = async (answerId: string) => {
			for (let i = 0; i < 20; i++) {
				await page.keyboard.press('Tab');
				if (
					await page.evaluate(
						(id) => document.activeElement?.getAttribute('data-answer') === id,
						answerId
					)
				)
					break;
			}
			await page.keyboard.press('Enter');
		};
		await pick('no-page');
		await expect(page.locator('section[data-step="status"] h2')).toBeFocused();
		await pick('incident');
		await expect(page.locator('section[data-step="incident"] h2')).toBeFocused();
		await expect(page.getByTestId('tree-live')).toHaveText(
			'Step 4: Wait for the incident to be resolved'
		);
	});

	test('each step is a labelled region and the live region is polite', async ({ page }) => {
		await page.goto('/it/troubleshooting/?step=status');
		await expect(page.getByRole('region', { name: texts.it.steps.status.title })).toBeVisible();
		await expect(page.getByTestId('tree-live')).toHaveAttribute('aria-live', 'polite');
	});
});

test.describe('summary for support', () => {
	test('copies the path and the answers as plain text in the page’s language', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/fr/troubleshooting/');
		await answer(page, 'start', 'receive');
		await answer(page, 'webmail', 'test-fails');
		await answer(page, 'status', 'nothing');
		await answer(page, 'domain-validity', 'expired');
		await page.getByTestId('tree-copy').click();
		await expect(page.getByTestId('tree-live')).toHaveText(/Résumé copié/);
		const text = await page.evaluate(() => navigator.clipboard.readText());
		expect(text).toContain('Dépannage de la messagerie');
		expect(text).toContain('1. Quel est le problème\u00a0?\n   → Je ne reçois pas d’e-mails');
		expect(text).toContain('Résultat\u00a0: Renouveler le nom de domaine');
		expect(text).toMatch(/\/fr\/troubleshooting\/\?step=domain-renew$/);
		expect(text).not.toMatch(/<[a-z]/i);
	});

	test('shows the summary to copy by hand when the clipboard is refused', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(navigator, 'clipboard', {
				value: { writeText: () => Promise.reject(new Error('denied')) },
			});
		});
		await page.goto('/it/troubleshooting/');
		await answer(page, 'start', 'send');
		await page.getByTestId('tree-copy').click();
		const box = page.getByTestId('tree-summary');
		await expect(box).toBeVisible();
		await expect(box).toBeFocused();
		await expect(box).toHaveValue(/Non riesco a inviare email/);
	});
});

test('nothing moves when the tree’s script takes over the page', async ({ page }) => {
	await page.setViewportSize({ width: 412, height: 823 });
	await page.addInitScript(() => {
		const shifts: number[] = [];
		(window as unknown as { __shifts: number[] }).__shifts = shifts;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
			})[])
				if (!entry.hadRecentInput) shifts.push(entry.value);
		}).observe({ type: 'layout-shift', buffered: true });
	});
	// A slow phone: the page is painted well before the tree's script arrives.
	await page.route(/\/_astro\/DecisionTree[^/]*\.js$/, async (route) => {
		await new Promise((wait) => setTimeout(wait, 700));
		await route.continue();
	});
	await page.goto('/en/troubleshooting/');
	await expect(page.locator('decision-tree[data-enhanced]')).toHaveCount(1);
	await expect(page.locator('section[data-step="start"]')).toBeVisible();
	// Two frames, so shifts caused by the script's first render are reported.
	await page.evaluate(
		() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
	);
	const total = await page.evaluate(() =>
		(window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0)
	);
	// Without the :not(:defined) styles the footer alone moved by 0.025 here (0.45 in Lighthouse's
	// throttled mobile run); with them nothing moves.
	expect(total).toBeLessThan(0.005);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('shows every step as a section and answers as links to the next one', async ({ page }) => {
		await page.goto('/en/troubleshooting/');
		await expect(page.locator('section[data-step]')).toHaveCount(steps.length);
		for (const step of steps)
			await expect(page.locator(`section#${step.id}[data-step="${step.id}"]`)).toBeVisible();
		await page.locator('section[data-step="start"] a[data-answer="receive"]').click();
		await expect(page).toHaveURL(/#webmail$/);
		await expect(page.locator('[data-testid="tree-copy"]')).toBeHidden();
	});

	test('a DNS step’s form opens the DNS checker with the domain', async ({ page }) => {
		await page.goto('/fr/troubleshooting/#mx');
		const form = page.locator('section[data-step="mx"] form');
		await form.getByTestId('tree-domain').fill('example.com');
		await form.getByTestId('tree-offer').selectOption('private');
		await form.getByTestId('tree-run').click();
		await expect(page).toHaveURL(/\/fr\/dns\/\?domain=example\.com&offer=private&setup=&server=$/);
	});
});

test.describe('DNS steps run the checks in place', () => {
	// The DNS checker's fixture: unbound with tests/fixtures/dns/zone.mjs behind a DoH relay.
	const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;
	const at = (lang: string, step: string, mode = '') =>
		`/${lang}/troubleshooting/?${new URLSearchParams({ step, resolver: `${RELAY}/${mode}dns-query` })}`;

	test.beforeEach(async ({ page }) => {
		page.on('request', (request) => {
			expect(new URL(request.url()).hostname, `request to ${request.url()}`).toBe('127.0.0.1');
		});
	});

	async function runCheck(page: Page, step: string, domain: string, server?: string) {
		const form = page.locator(`section[data-step="${step}"] form`);
		await form.getByTestId('tree-domain').fill(domain);
		if (server) await form.getByTestId('tree-server').fill(server);
		await form.getByTestId('tree-run').click();
		const verdict = form.getByTestId('tree-verdict');
		await expect(verdict).toHaveAttribute('data-state', 'done');
		return verdict;
	}

	test('a correct MX leads to the SRV check, and a correct SRV to support', async ({ page }) => {
		await page.goto(at('en', 'mx'));
		const mx = await runCheck(page, 'mx', 'valid.example.test', 'ex5.mail.ovh.net');
		await expect(mx).toHaveAttribute('data-status', 'pass');
		await mx.getByTestId('tree-continue').click();
		await expect(current(page)).toHaveAttribute('data-step', 'srv');
		await expect(page.locator('section[data-step="srv"] h2')).toBeFocused();
		await expect(page).toHaveURL(/step=srv/);
		await expect(page).toHaveURL(/resolver=/);
		// The domain typed at the MX step is offered again.
		await expect(page.locator('section[data-step="srv"]').getByTestId('tree-domain')).toHaveValue(
			'valid.example.test'
		);
		const srv = await runCheck(page, 'srv', 'valid.example.test', 'ex5.mail.ovh.net');
		await expect(srv).toHaveAttribute('data-status', 'pass');
		await srv.getByTestId('tree-continue').click();
		await expect(current(page)).toHaveAttribute('data-step', 'support');
		await page.getByTestId('tree-copy').click();
		await expect(page.getByTestId('tree-summary')).toHaveValue(
			/Check of valid\.example\.test: correct/
		);
	});

	test('an MX pointing elsewhere leads to the MX fix, with the checker’s explanation (French)', async ({
		page,
	}) => {
		await page.goto(at('fr', 'mx'));
		const mx = await runCheck(page, 'mx', 'foreign.example.test');
		await expect(mx).toHaveAttribute('data-status', 'fail');
		await expect(mx).toContainText('foreign.example.test');
		await mx.getByTestId('tree-continue').click();
		await expect(current(page)).toHaveAttribute('data-step', 'mx-fix');
	});

	test('a wrong SRV record leads to the SRV fix (Italian)', async ({ page }) => {
		await page.goto(at('it', 'srv'));
		const srv = await runCheck(page, 'srv', 'wrongsrv.example.test', 'ex5.mail.ovh.net');
		await expect(srv).toHaveAttribute('data-status', 'fail');
		await srv.getByTestId('tree-continue').click();
		await expect(current(page)).toHaveAttribute('data-step', 'srv-fix');
	});

	test('a check that cannot run stays on the step and offers the answers by hand', async ({
		page,
	}) => {
		await page.goto(at('en', 'mx', 'servfail/'));
		const mx = await runCheck(page, 'mx', 'valid.example.test');
		await expect(mx).toHaveAttribute('data-status', 'error');
		await expect(mx.getByTestId('tree-continue')).toHaveCount(0);
		await expect(mx).toContainText('says nothing about your records');
		await answer(page, 'mx', 'differ');
		await expect(current(page)).toHaveAttribute('data-step', 'mx-fix');
	});

	test('a domain that is not one is refused on the form, as text', async ({ page }) => {
		await page.goto(at('en', 'mx'));
		const mx = await runCheck(page, 'mx', '<b>not a domain</b>');
		await expect(mx).toHaveAttribute('data-status', 'invalid');
		await expect(page.locator('decision-tree b')).toHaveCount(0);
		await expect(current(page)).toHaveAttribute('data-step', 'mx');
	});
});
