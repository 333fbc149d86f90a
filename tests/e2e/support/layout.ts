/** Layout facts the phone, widget and print tests measure in the page. */
import type { Page } from '@playwright/test';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** The narrowest phones in use (320 px: iPhone SE 1st gen., small Androids) and a common one. */
export const PHONE_WIDTHS = [320, 390] as const;

/** Starlight's theme, set before the page's scripts run (as tests/e2e/a11y.spec.ts does). */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
	await page.emulateMedia({ colorScheme: theme });
	await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
}

/** Changes the theme of the page shown, as Starlight's theme picker does: no reload. */
export async function switchTheme(page: Page, theme: Theme): Promise<void> {
	await page.emulateMedia({ colorScheme: theme });
	await page.evaluate((t) => {
		localStorage.setItem('starlight-theme', t);
		document.documentElement.dataset.theme = t;
	}, theme);
}

/**
 * How far the page scrolls sideways (0 = not at all), with the elements that stick out of the
 * viewport, to say what to fix when it does.
 */
export function sidewaysScroll(page: Page): Promise<{ overflow: number; culprits: string[] }> {
	return page.evaluate(() => {
		const root = document.scrollingElement!;
		const width = root.clientWidth;
		const culprits: string[] = [];
		if (root.scrollWidth > width) {
			for (const element of document.body.querySelectorAll('*')) {
				const box = element.getBoundingClientRect();
				if (box.width > 0 && box.right > width + 0.5 && culprits.length < 5)
					culprits.push(
						`${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}.${String(element.className).trim().replace(/\s+/g, '.')} (right edge ${Math.round(box.right)} px)`
					);
			}
		}
		return { overflow: root.scrollWidth - width, culprits };
	});
}
