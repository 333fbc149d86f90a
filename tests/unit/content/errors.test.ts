import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { DIAGNOSTIC_ANCHORS } from '../../../src/schemas/common';
import { errorEntrySchema, errorFactsSchema } from '../../../src/schemas/errors';
import { errorFacts, errorFiles, loadProvider, LOCALE_CODES } from '../helpers';

describe('diagnostic error entries', () => {
	for (const locale of LOCALE_CODES) {
		describe(locale, () => {
			const files = errorFiles(locale);

			it('has one entry for every anchor of the contract, and no other', () => {
				expect(files.map((f) => basename(f.file, '.mdx')).sort()).toEqual(
					[...DIAGNOSTIC_ANCHORS].sort()
				);
			});

			for (const file of files) {
				const name = basename(file.file, '.mdx');
				it(`${name}: frontmatter passes the schema and its anchor is its file name`, () => {
					const entry = errorEntrySchema.parse(file.data);
					expect(entry.anchor).toBe(name);
				});

				it(`${name}: every error the diagnostic prints has its message`, () => {
					const entry = errorEntrySchema.parse(file.data);
					if (name === 'hostname') expect(entry.messages).toEqual([]);
					else expect(entry.messages.length).toBeGreaterThan(0);
				});

				it(`${name}: body has no headings and links only inside the ${locale} site`, () => {
					expect(file.body).not.toMatch(/^#/m);
					const links = [...file.body.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
					for (const href of links) {
						if (href.startsWith('#')) expect(DIAGNOSTIC_ANCHORS).toContain(href.slice(1));
						else expect(href, `${file.file} links to ${href}`).toMatch(new RegExp(`^/${locale}/`));
					}
				});
			}
		});
	}
});

describe('language-neutral error facts', () => {
	const facts = errorFacts();

	it('has facts for every anchor of the contract, and no other', () => {
		expect(Object.keys(facts).sort()).toEqual([...DIAGNOSTIC_ANCHORS].sort());
	});

	it('gives each anchor a distinct position on the page', () => {
		const orders = Object.values(facts).map((f) => errorFactsSchema.parse(f).order);
		expect(new Set(orders).size).toBe(orders.length);
	});

	for (const [anchor, raw] of Object.entries(facts)) {
		it(`${anchor}: passes the schema, links to other anchors only, and names a known panel path`, () => {
			const parsed = errorFactsSchema.parse(raw);
			expect(parsed.related).not.toContain(anchor);
			if (parsed.panelPath)
				expect(Object.keys(loadProvider().panelPaths)).toContain(parsed.panelPath);
		});
	}
});

describe('the error schema', () => {
	const valid = {
		anchor: 'mx',
		title: 'MX record',
		messages: ['x y z'],
		meaning: 'Mail cannot arrive.',
	};

	it('accepts a valid entry', () => {
		expect(errorEntrySchema.safeParse(valid).success).toBe(true);
	});

	it('rejects an unknown anchor with a message naming the field and the valid anchors', () => {
		const result = errorEntrySchema.safeParse({ ...valid, anchor: 'mx-record' });
		expect(result.success).toBe(false);
		const issue = result.error!.issues[0];
		expect(issue.path).toEqual(['anchor']);
		expect(issue.message).toMatch(/Unknown diagnostic anchor "mx-record".*blocked/);
	});

	it('rejects an unknown related anchor', () => {
		const result = errorFactsSchema.safeParse({ order: 1, related: ['nope'] });
		expect(result.error!.issues[0].path).toEqual(['related', 0]);
	});

	it('rejects an unknown field', () => {
		expect(errorEntrySchema.safeParse({ ...valid, colour: 'red' }).success).toBe(false);
	});
});
