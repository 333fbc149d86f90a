/**
 * Page weight over dist/ (no browser): the JavaScript each page loads at start stays within its
 * page type's budget (tests/e2e/support/jsBudgets.ts), and no page loads a script it has no use for.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'ultrahtml';
import { querySelector } from 'ultrahtml/selector';
import { definedElements, measurePage } from '../../scripts/lib/pageScripts.mjs';
import { JS_BUDGETS, SCRIPT_NEEDS } from './support/jsBudgets';
import { DIST, allHtmlPaths, distFile, pageType } from './support/dist';

const pages = allHtmlPaths();

for (const path of pages) {
	const type = pageType(path);
	test(`${path} loads no more JavaScript than the ${type} budget`, () => {
		const budget = JS_BUDGETS[type];
		const { gzip, files } = measurePage(DIST, readFileSync(distFile(path), 'utf8'));
		test
			.info()
			.annotations.push({ type: 'js-gzip-bytes', description: `${gzip} (${files.length} files)` });
		expect(
			budget,
			`no JS budget for page type "${type}" (measured ${gzip} B gzip): add a row to tests/e2e/support/jsBudgets.ts`
		).toBeDefined();
		expect(gzip, `${path}: ${files.join(', ')}`).toBeLessThanOrEqual(budget!.budget);
	});
}

test('every page loads only scripts it has a use for', () => {
	const problems: string[] = [];
	for (const path of pages) {
		const html = readFileSync(distFile(path), 'utf8');
		const doc = parse(html);
		for (const entry of measurePage(DIST, html).entries) {
			const elements = definedElements(DIST, entry);
			if (elements.length > 0) {
				if (!elements.some((name) => querySelector(doc, name)))
					problems.push(
						`${path} loads ${entry}, which defines <${elements.join('>, <')}>, and has none`
					);
				continue;
			}
			const rule = SCRIPT_NEEDS.find((r) => r.script.test(entry));
			if (!rule)
				problems.push(
					`${path} loads ${entry}, which defines no element and is not in SCRIPT_NEEDS (tests/e2e/support/jsBudgets.ts): say what it needs on a page`
				);
			else {
				const used = Boolean(querySelector(doc, rule.needs));
				const excused = rule.knownUnusedOn?.pages.test(path) ?? false;
				if (!used && !excused)
					problems.push(`${path} loads ${entry} (${rule.why}) but has no ${rule.needs}`);
				if (used && excused)
					problems.push(`${path} now uses ${entry}: drop its knownUnusedOn exception`);
			}
		}
	}
	expect(problems).toEqual([]);
});
