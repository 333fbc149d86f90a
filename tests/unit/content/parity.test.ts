/**
 * The same facts in every language (issue 18, points 11 to 13). English is the reference: a
 * French or Italian text must state the same links, literal values, host names, codes, control-
 * panel labels and number of steps as the English one, so a fact added or dropped in one
 * language fails here. The wording is each language's own and is not compared.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_ANCHORS } from '../../../src/schemas/common';
import type { Locale } from '../../../src/lib/i18n/locales';
import { errorFacts, loadProvider, LOCALE_CODES } from '../helpers';
import {
	boldTerms,
	bulletCount,
	errorText,
	factsOf,
	factsOfAll,
	jsonStrings,
	readJson,
	stepCount,
} from './contentFacts';

const OTHERS = LOCALE_CODES.filter((l) => l !== 'en');

describe('every diagnostic error states the same facts in every language', () => {
	const provider = loadProvider();
	const facts = errorFacts() as Record<string, { panelPath?: string }>;
	/**
	 * `email-accounts#4` for a bold term that is a control-panel label of this language. A label
	 * that several paths share (French `Informations générales`) counts once, for the error's own
	 * path where it is one of its steps.
	 */
	const panelLabels = (locale: Locale, anchor: string, body: string) =>
		boldTerms(body)
			.flatMap((term) => {
				const matches = Object.entries(provider.panelPaths).flatMap(([id, path]) =>
					path.steps[locale]
						.map((step, i) => (step === term ? { id, key: `${id}#${i}` } : undefined))
						.filter((v): v is { id: string; key: string } => v !== undefined)
				);
				const own = matches.filter((m) => m.id === facts[anchor]?.panelPath);
				return (own.length > 0 ? own : matches).map((m) => m.key);
			})
			.sort();

	for (const anchor of DIAGNOSTIC_ANCHORS) {
		const en = errorText('en', anchor);
		const reference = {
			facts: factsOfAll([en.meaning, en.body], 'en'),
			steps: stepCount(en.body),
			bullets: bulletCount(en.body),
			panel: panelLabels('en', anchor, en.body),
			messages: en.messages.length,
		};
		for (const locale of OTHERS) {
			it(`${anchor}: the ${locale} entry has the English entry’s links, values, hosts, codes, labels and steps`, () => {
				const entry = errorText(locale, anchor);
				expect(factsOfAll([entry.meaning, entry.body], locale)).toEqual(reference.facts);
				expect(stepCount(entry.body), 'numbered steps').toBe(reference.steps);
				expect(bulletCount(entry.body), 'bulleted items').toBe(reference.bullets);
				expect(panelLabels(locale, anchor, entry.body), 'control-panel labels').toEqual(
					reference.panel
				);
				expect(entry.messages.length, 'exact messages').toBe(reference.messages);
			});
		}
	}

	it('names every control-panel tab it shows in bold with the label of that language', () => {
		// A bold tab name that is no label of the provider data is a label the data lacks, or a
		// translation of one; the English `Email accounts` of the French page would be caught here.
		for (const locale of LOCALE_CODES) {
			const labels = new Set(
				Object.values(provider.panelPaths).flatMap((path) => path.steps[locale])
			);
			for (const anchor of DIAGNOSTIC_ANCHORS) {
				const body = errorText(locale, anchor).body;
				for (const [, tab] of body.matchAll(/\*\*([^*]+)\*\* (?:tab|onglet|scheda)\b/g))
					expect(labels, `${locale}/${anchor}: ${tab}`).toContain(tab);
				for (const [, tab] of body.matchAll(/(?:onglet|scheda) \*\*([^*]+)\*\*/g))
					expect(labels, `${locale}/${anchor}: ${tab}`).toContain(tab);
			}
		}
	});
});

describe('every decision-tree step says the same thing in every language', () => {
	type StepText = {
		title: string;
		body: string[];
		question?: string;
		answers?: Record<string, string>;
		links?: Record<string, string>;
		list?: string[];
		summary?: string;
	};
	const steps = (locale: Locale) =>
		(readJson('tree', 'text', `${locale}.json`) as { steps: Record<string, StepText> }).steps;
	const en = steps('en');

	for (const locale of OTHERS) {
		const text = steps(locale);
		it(`${locale} has the English steps, each with as many paragraphs, answers, links and list items`, () => {
			expect(Object.keys(text).sort()).toEqual(Object.keys(en).sort());
			for (const [id, step] of Object.entries(en)) {
				const other = text[id]!;
				expect(other.body.length, `${id}: paragraphs`).toBe(step.body.length);
				expect(Object.keys(other.answers ?? {}).sort(), `${id}: answers`).toEqual(
					Object.keys(step.answers ?? {}).sort()
				);
				expect(Object.keys(other.links ?? {}).sort(), `${id}: links`).toEqual(
					Object.keys(step.links ?? {}).sort()
				);
				expect(other.list?.length ?? 0, `${id}: list items`).toBe(step.list?.length ?? 0);
				expect(other.summary === undefined, `${id}: summary`).toBe(step.summary === undefined);
			}
		});

		it(`${locale} names the same hosts, codes and numbers as English in each step`, () => {
			for (const [id, step] of Object.entries(en)) {
				const strings = (s: StepText) => [
					...s.body,
					...(s.list ?? []),
					...Object.values(s.answers ?? {}),
					s.question ?? '',
					s.summary ?? '',
				];
				expect(factsOfAll(strings(text[id]!), locale), id).toEqual(factsOfAll(strings(step), 'en'));
			}
		});
	}
});

describe('every status code is explained with the same facts in every language', () => {
	type NdrText = {
		classes: Record<string, { name: string; meaning: string }>;
		subjects: Record<string, { name: string; meaning: string }>;
		codes: Record<string, { title: string; meaning: string; cause: string; action: string }>;
	};
	const ndr = (locale: Locale) => readJson('ndr', 'text', `${locale}.json`) as NdrText;
	const en = ndr('en');

	for (const locale of OTHERS) {
		const text = ndr(locale);
		it(`${locale} names the codes, RFCs, hosts and numbers the English text names, code by code`, () => {
			for (const [code, entry] of Object.entries(en.codes)) {
				const other = text.codes[code]!;
				const parts = (e: typeof entry) => [e.title, e.meaning, e.cause, e.action];
				expect(factsOfAll(parts(other), locale), code).toEqual(factsOfAll(parts(entry), 'en'));
			}
			for (const group of ['classes', 'subjects'] as const) {
				for (const [key, entry] of Object.entries(en[group])) {
					expect(factsOf(text[group][key]!.meaning, locale), `${group} ${key}`).toEqual(
						factsOf(entry.meaning, 'en')
					);
				}
			}
		});
	}
});

describe('every UI string and provider text says the same in every language', () => {
	const ui = (locale: Locale) => readJson('i18n', `${locale}.json`) as Record<string, string>;
	const en = ui('en');

	for (const locale of OTHERS) {
		it(`${locale} UI strings name the hosts, codes and numbers of the English ones`, () => {
			const strings = ui(locale);
			for (const [key, value] of Object.entries(en)) {
				const { hosts, codes, numbers } = factsOf(strings[key]!, locale);
				const reference = factsOf(value, 'en');
				expect({ hosts, codes, numbers }, key).toEqual({
					hosts: reference.hosts,
					codes: reference.codes,
					numbers: reference.numbers,
				});
			}
		});
	}

	it('gives each localised provider text the same hosts and numbers in every language', () => {
		const provider = readJson('provider', 'provider.json');
		// Localised texts are objects whose keys are exactly the site's languages.
		const localized = jsonStrings(provider)
			.filter(({ path }) => path.endsWith('.en'))
			.map(({ path }) => path.slice(0, -3));
		expect(localized.length).toBeGreaterThan(0);
		const byPath = new Map(jsonStrings(provider).map(({ path, text }) => [path, text]));
		for (const path of localized) {
			const reference = factsOf(byPath.get(`${path}.en`)!, 'en');
			for (const locale of OTHERS) {
				const facts = factsOf(byPath.get(`${path}.${locale}`) ?? '', locale);
				expect({ hosts: facts.hosts, numbers: facts.numbers }, `${path}.${locale}`).toEqual({
					hosts: reference.hosts,
					numbers: reference.numbers,
				});
			}
		}
	});
});
