/** Reads the content collections' files directly, so tests need no Astro runtime. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { LOCALE_CODES, type Locale } from '../../src/lib/i18n/locales';
import { providerSchema, type Provider } from '../../src/schemas/provider';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CONTENT = join(ROOT, 'src', 'content');

export interface MdxFile {
	file: string;
	data: Record<string, unknown>;
	body: string;
}

export function readMdx(path: string): MdxFile {
	const text = readFileSync(path, 'utf8');
	const match = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
	if (!match) throw new Error(`${path}: no frontmatter`);
	return {
		file: path,
		data: yaml.load(match[1]) as Record<string, unknown>,
		body: text.slice(match[0].length),
	};
}

export function errorFiles(locale: Locale): MdxFile[] {
	const dir = join(CONTENT, 'errors', locale);
	return readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => readMdx(join(dir, f)));
}

export function errorFacts(): Record<string, unknown> {
	return JSON.parse(readFileSync(join(CONTENT, 'errors', 'errors.json'), 'utf8'));
}

export function uiStrings(locale: Locale): Record<string, string> {
	return JSON.parse(readFileSync(join(CONTENT, 'i18n', `${locale}.json`), 'utf8'));
}

export function loadProvider(): Provider {
	const raw = JSON.parse(readFileSync(join(CONTENT, 'provider', 'provider.json'), 'utf8'));
	return providerSchema.parse(raw.ovhcloud);
}

export { LOCALE_CODES };
