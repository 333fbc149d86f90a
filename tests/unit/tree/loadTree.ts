/** Reads the tree's files directly and parses them with the collection schemas (no Astro runtime). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALE_CODES } from '../../../src/lib/i18n/locales';
import { providerSchema } from '../../../src/schemas/provider';
import {
	treeStepSchema,
	treeTextSchema,
	type TreeStep,
	type TreeText,
} from '../../../src/schemas/tree';

const CONTENT = join(import.meta.dirname, '..', '..', '..', 'src', 'content');

const readJson = (...parts: string[]) => JSON.parse(readFileSync(join(CONTENT, ...parts), 'utf8'));

export function loadSteps(): TreeStep[] {
	return (readJson('tree', 'steps.json') as unknown[]).map((raw) => treeStepSchema.parse(raw));
}

export function loadTexts(): Record<string, TreeText> {
	return Object.fromEntries(
		LOCALE_CODES.map((lang) => [
			lang,
			treeTextSchema.parse(readJson('tree', 'text', `${lang}.json`)),
		])
	);
}

export function loadContext() {
	const provider = providerSchema.parse(readJson('provider', 'provider.json').ovhcloud);
	return {
		panelPaths: Object.keys(provider.panelPaths),
		providerLinks: Object.keys(provider.links),
	};
}

export { LOCALE_CODES };
