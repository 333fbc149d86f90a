/**
 * Every widget can be used with the keyboard alone: Tab reaches each control with a visible focus
 * ring, and each widget's task (diagnostic reader, search, DNS checker, bounce analyzer, decision
 * tree) can be done without a pointer.
 */
import { expect, test, type Page } from '@playwright/test';
import { pageType, sitePages } from './support/dist';

/** Tab presses sent to the browser at once, before waiting for them (see tabPresser). */
const TAB_BATCH = 25;

/**
 * Presses Tab `n` times through the DevTools protocol, the same key events Playwright sends, but
 * sent `n` at a time instead of one round trip each: the browser handles them in order, so the
 * focus walks exactly as with one press after another. The status code page has hundreds of
 * controls; one round trip per press made its test take most of a minute on a busy machine.
 */
async function tabPresser(page: Page): Promise<(n: number) => Promise<void>> {
	const session = await page.context().newCDPSession(page);
	const key = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };
	return async (n) => {
		const sent: Promise<unknown>[] = [];
		for (let i = 0; i < n; i++) {
			sent.push(session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key }));
			sent.push(session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
		}
		await Promise.all(sent);
	};
}

/** Presses Tab until the focused element matches `selector`; returns the presses it took. */
async function tabUntil(page: Page, selector: string, max = 300): Promise<number> {
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
			return i;
	}
	throw new Error(`Tab never reached ${selector} after ${max} presses`);
}

// One page per type (in English): the controls are the same in every language.
const oneOfEachType = [
	...new Map(
		sitePages()
			.filter((p) => p !== '/' && !p.startsWith('/fr/') && !p.startsWith('/it/'))
			.map((p) => [pageType(p), p])
	).values(),
];

for (const path of oneOfEachType) {
	test(`on ${path} Tab reaches every control of the content, each with a visible focus ring`, async ({
		page,
	}) => {
		await page.goto(path);
		const count = await page.evaluate(() => {
			const selector =
				'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
			const visible = [
				...document.querySelectorAll(`main ${selector.split(', ').join(', main ')}`),
			].filter((el) => {
				const box = el.getBoundingClientRect();
				// checkVisibility: controls inside a closed <details> keep a box but cannot take focus.
				return (
					box.width > 0 &&
					box.height > 0 &&
					el.checkVisibility({ visibilityProperty: true }) &&
					!(el as HTMLButtonElement).disabled &&
					!el.closest('[inert]')
				);
			});
			visible.forEach((el, i) => el.setAttribute('data-kb', String(i)));
			return visible.length;
		});
		// Focus is recorded in the page as it moves, so the loop only presses Tab (the reference
		// page has hundreds of controls), in batches.
		await page.evaluate(() => {
			const seen: { id: string; ring: boolean; name: string }[] = [];
			(window as unknown as { __focusSeen: typeof seen }).__focusSeen = seen;
			document.addEventListener('focusin', (event) => {
				const el = event.target as HTMLElement;
				if (!el.dataset?.kb) return;
				const style = getComputedStyle(el);
				const ring =
					(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
					style.boxShadow !== 'none';
				seen.push({
					id: el.dataset.kb,
					ring,
					name: `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`,
				});
			});
		});
		const seenSoFar = () =>
			page.evaluate(
				() =>
					(window as unknown as { __focusSeen: { id: string; ring: boolean; name: string }[] })
						.__focusSeen
			);
		const reachedIds = async () => new Set((await seenSoFar()).map((s) => s.id));
		const tab = await tabPresser(page);
		for (let pressed = 0; pressed < count + 150; pressed += TAB_BATCH) {
			await tab(TAB_BATCH);
			if (pressed + TAB_BATCH >= count && (await reachedIds()).size >= count) break;
		}
		const seen = await seenSoFar();
		const reached = new Set(seen.map((s) => s.id));
		const noRing = [...new Set(seen.filter((s) => !s.ring).map((s) => s.name))];
		const missed = await page.evaluate(
			(ids) =>
				[...document.querySelectorAll('[data-kb]')]
					.filter((el) => !ids.includes((el as HTMLElement).dataset.kb!))
					.map((el) => el.outerHTML.slice(0, 120)),
			[...reached]
		);
		expect(missed, 'controls Tab never reached').toEqual([]);
		expect(noRing, 'controls focused without a visible ring').toEqual([]);
	});
}

test('the first Tab offers the skip link, and it moves past the navigation', async ({ page }) => {
	await page.goto('/fr/diagnostic/');
	await page.keyboard.press('Tab');
	await expect(page.locator('a.sl-skip-link')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#_top$/);
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
});

test('the diagnostic reader is used from start to finish with the keyboard', async ({ page }) => {
	await page.goto('/it/diagnostic/');
	await tabUntil(page, '[data-testid="diag-input"]');
	await page.keyboard.type("ATTENZIONE: l'account è scaduto");
	await page.keyboard.press('Tab');
	await expect(page.locator('diagnostic-reader button[type="submit"]')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('diag-result')).toHaveCount(1);
	const anchor = await page.getByTestId('diag-result').getAttribute('data-error');
	await tabUntil(page, '[data-testid="diag-result"] a');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
	await expect(page.locator(`h2[id="${anchor}"]`)).toBeInViewport();
});

test('the reader is cleared with the keyboard and focus goes back to the box', async ({ page }) => {
	await page.goto('/en/diagnostic/');
	await tabUntil(page, '[data-testid="diag-input"]');
	await page.keyboard.type('Webmail authentication has failed');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('diag-result')).toHaveCount(1);
	await tabUntil(page, 'diagnostic-reader button[type="reset"]', 5);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('diag-result')).toHaveCount(0);
	await expect(page.getByTestId('diag-input')).toBeFocused();
});

test('search opens with Ctrl+K or its button, Escape closes it, and a result is chosen with the keyboard', async ({
	page,
}) => {
	// Three openings, two walks with Tab and a search: 10 s quiet, 39 s seen under the full suite.
	test.setTimeout(90_000);
	await page.goto('/en/');
	// Starlight builds Pagefind's UI when the browser is idle; the shortcut focuses its box once built.
	await expect(page.locator('#starlight__search input')).toBeAttached();
	await page.keyboard.press('Control+k');
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('textbox')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	// The search button is also reached with Tab, and Escape hands focus back to it.
	await tabUntil(page, 'button[data-open-modal]', 40);
	await page.keyboard.press('Enter');
	await expect(dialog.getByRole('textbox')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(page.locator('button[data-open-modal]').first()).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog.getByRole('textbox')).toBeFocused();
	await page.keyboard.type('password');
	await expect(dialog.locator('a[href^="/en/"]').first()).toBeVisible();
	await tabUntil(page, 'dialog a', 20);
	const href = await page.evaluate(() =>
		(document.activeElement as HTMLAnchorElement).getAttribute('href')!
	);
	await page.keyboard.press('Enter');
	// The page and section chosen open; a page may add its own state to the query (the decision
	// tree writes ?step=), so the query is not compared.
	const chosen = new URL(href, page.url());
	await expect.poll(() => new URL(page.url()).pathname).toBe(chosen.pathname);
	if (chosen.hash) await expect.poll(() => new URL(page.url()).hash).toBe(chosen.hash);
});

test('the theme and the language are changed with the keyboard', async ({ page }) => {
	await page.goto('/en/diagnostic/#mx');
	await tabUntil(page, 'starlight-theme-select select');
	// The options are Dark, Light, Auto, and Auto starts selected: Up, Up is Dark whatever the system.
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	expect(await page.evaluate(() => localStorage.getItem('starlight-theme'))).toBe('dark');
	await tabUntil(page, 'starlight-lang-select select', 5);
	await page.keyboard.press('ArrowDown');
	await expect(page).toHaveURL(/\/fr\/diagnostic\/#mx$/);
});

test('the DNS checker runs and shows its report with the keyboard alone', async ({ page }) => {
	await page.goto('/en/dns/');
	await page.route(/^https:\/\//, (route) => route.abort('internetdisconnected'));
	await tabUntil(page, 'dns-checker input');
	await page.keyboard.type('example.test');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('dns-report')).toHaveAttribute('data-state', 'done', {
		timeout: 20_000,
	});
	await expect(page.locator('[data-testid="dns-report"] [data-check]').first()).toBeVisible();
});

test('the bounce analyzer reads a pasted bounce with the keyboard alone', async ({ page }) => {
	// Tab key by key through the page's controls, then the analysis in its worker: 37 s seen at
	// a load of 30 on 2 cores.
	test.setTimeout(90_000);
	await page.goto('/en/ndr/');
	await tabUntil(page, '[data-testid="ndr-input"]');
	// The text arrives as typed text in one go (what the keyboard's paste does); the rest is Tab
	// and Enter, one key at a time.
	await page.keyboard.insertText(
		'Remote Server returned 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
	);
	if ((await page.getByTestId('ndr-result').count()) === 0) {
		await tabUntil(page, 'button[type="submit"], button:not([type])', 5);
		await page.keyboard.press('Enter');
	}
	await expect(page.getByTestId('ndr-result').first()).toBeVisible();
	await tabUntil(page, '[data-testid="ndr-result"] a');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#\d\.\d{1,3}\.\d{1,3}$/);
});

test('the decision tree is walked with the keyboard alone', async ({ page }) => {
	await page.goto('/en/troubleshooting/');
	const visibleStep = () =>
		page.evaluate(
			() =>
				[...document.querySelectorAll<HTMLElement>('decision-tree [data-step]')].find(
					(s) => s.offsetParent !== null
				)?.dataset.step
		);
	const first = await visibleStep();
	// An answer of the current step (the step's copy link comes first and only copies).
	await tabUntil(page, 'decision-tree .tree-answers a');
	await page.keyboard.press('Enter');
	await expect.poll(visibleStep).not.toBe(first);
});
