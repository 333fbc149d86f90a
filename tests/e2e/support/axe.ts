/**
 * axe-core run straight in the page. @axe-core/playwright's AxeBuilder runs each frame's part,
 * then opens a second page to finish the run and passes every passing node across: on the status
 * code reference (3,000 elements) that took 19.5 s against 5.9 s for the same rules run here
 * (measured on this machine); the verdict is the same, the browser suite is what pays.
 * Only violations come back (`resultTypes`), the rest is not serialised.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** The rules of Starlight's docs/__a11y__ suite: WCAG 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeScope {
	/** CSS selectors of what to audit (a widget); the whole document when absent. */
	include?: string[];
	tags?: string[];
	/** Only these rules (by id), instead of every rule of the tags. */
	rules?: string[];
}

/**
 * The rules whose verdict depends on the colours, so on the theme: the rest reads the document's
 * structure, names and roles, which a theme does not change.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export async function runAxe(page: Page, scope: AxeScope = {}): Promise<AxeResults['violations']> {
	// Evaluated through the DevTools protocol, so the page's CSP does not apply to it.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
	const options: RunOptions = {
		runOnly: scope.rules
			? { type: 'rule', values: scope.rules }
			: { type: 'tag', values: scope.tags ?? AXE_TAGS },
		resultTypes: ['violations'],
	};
	return page.evaluate(
		async ({ include, options }) => {
			const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
			const context = include?.length
				? { include: include.map((selector) => [selector]) }
				: document;
			return (await axe.run(context as never, options)).violations;
		},
		{ include: scope.include, options }
	);
}
