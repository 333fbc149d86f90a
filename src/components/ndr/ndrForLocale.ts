/**
 * Adapter between the `ndrCodes` / `ndrText` / `ndrReasons` collections and the NDR components:
 * the codes in page order, each with its facts and its text in one language, and the words of
 * the bounce reasons in that language.
 */
import { getCollection, getEntry } from 'astro:content';
import type { Locale } from '../../lib/i18n/locales';
import {
	classAnchor,
	compareStatusCodes,
	parseStatusCode,
	subjectAnchor,
} from '../../lib/ndr/parseStatusCode';
import type { TocHeading } from '../../lib/toc/pageToc';
import { STATUS_CLASSES, STATUS_SUBJECTS } from '../../schemas/ndr';
import type { NdrCode, NdrCodeText, NdrReasons, NdrText } from '../../schemas/ndr';

export interface LocalizedCode {
	code: string;
	facts: NdrCode;
	text: NdrCodeText;
}

export async function ndrForLocale(
	locale: Locale
): Promise<{ codes: LocalizedCode[]; text: NdrText; reasons: NdrReasons }> {
	const entry = await getEntry('ndrText', locale);
	if (!entry)
		throw new Error(`No NDR text for "${locale}": add src/content/ndr/text/${locale}.json`);
	const text = entry.data;
	const codes = (await getCollection('ndrCodes'))
		.map((c) => {
			const codeText = text.codes[c.id];
			if (!codeText)
				throw new Error(
					`Code ${c.id} has no ${locale} text in src/content/ndr/text/${locale}.json`
				);
			return { code: c.id, facts: c.data, text: codeText };
		})
		.sort((a, b) => compareStatusCodes(a.code, b.code));
	const reasons = (await getEntry('ndrReasons', locale))?.data;
	if (!reasons)
		throw new Error(
			`No bounce reasons for "${locale}": add src/content/ndr/reasons/${locale}.json`
		);
	return { codes, text, reasons };
}

export interface CodeGroup {
	cls: (typeof STATUS_CLASSES)[number];
	/** `5.x.x` */
	anchor: string;
	subjects: {
		subject: (typeof STATUS_SUBJECTS)[number];
		/** `5.1.x` */
		anchor: string;
		codes: LocalizedCode[];
	}[];
}

/** The codes page's order: each class, then each of its subjects that has codes, then the codes. */
export function codeGroups(codes: readonly LocalizedCode[]): CodeGroup[] {
	return STATUS_CLASSES.map((cls) => ({
		cls,
		anchor: classAnchor(Number(cls)),
		subjects: STATUS_SUBJECTS.map((subject) => ({
			subject,
			anchor: subjectAnchor(Number(cls), Number(subject)),
			codes: codes.filter((c) => {
				const parts = parseStatusCode(c.code)!;
				return String(parts.class) === cls && String(parts.subject) === subject;
			}),
		})).filter((s) => s.codes.length > 0),
	}));
}

/** A class's or a subject's heading text, as NdrReference writes it: `5.7.x Security or policy status`. */
export function groupHeadingText(anchor: string, name: string): string {
	return `${anchor} ${name}`;
}

/**
 * "On this page" of the codes page: classes and their subjects, not every code (over a hundred:
 * the list would no longer help anyone find their way; each code is one search away).
 */
export async function ndrReferenceHeadings(locale: Locale): Promise<TocHeading[]> {
	const { codes, text } = await ndrForLocale(locale);
	return codeGroups(codes).flatMap(({ cls, anchor, subjects }) => [
		{ depth: 2, slug: anchor, text: groupHeadingText(anchor, text.classes[cls].name) },
		...subjects.map((s) => ({
			depth: 3,
			slug: s.anchor,
			text: groupHeadingText(s.anchor, text.subjects[s.subject].name),
		})),
	]);
}
