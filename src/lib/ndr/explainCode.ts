/**
 * What the bounce analyzer says about one code: the reference's own entry, the entry of the same
 * subject and detail in another class, or a generic answer from the code's class and subject
 * (RFC 3463 §3: a client that does not know a detail still knows what the class and subject
 * mean). Texts come from the page's reference data; this only chooses and composes them.
 */
import { classAnchor } from './parseStatusCode';
import { lookupCode, type CodeIndex, type Lookup } from './lookupCode';
import type { Message } from '../checks/types';

/**
 * One code's words: title, meaning, 1 when only a vendor (Microsoft) gives it; then, for a
 * registry code Microsoft gives another meaning, Microsoft's title and meaning (the first two are
 * then the registry's).
 */
export type CodeWords = [string, string, 0 | 1] | [string, string, 0 | 1, string, string];

/** The reference's words in one language, compact as the page ships them. */
export interface ReferenceText {
	/** code -> its words */
	codes: Record<string, CodeWords>;
	/** class -> [name, meaning] */
	classes: Record<string, [string, string]>;
	/** subject -> [name, meaning] */
	subjects: Record<string, [string, string]>;
}

export interface CodeExplanation {
	code: string;
	kind: Lookup['kind'];
	/** The heading: the entry's title, or "class · subject" for a generic answer. */
	title: string;
	meaning: string;
	/** The code's meaning comes from a vendor, not the registry. */
	vendor: boolean;
	/**
	 * For a registry code Microsoft gives another meaning: which of the two the title and meaning
	 * are (Microsoft's when a Microsoft server wrote the code), and the other one, shown apart.
	 */
	applies?: 'registry' | 'microsoft';
	other?: { source: 'registry' | 'microsoft'; title: string; meaning: string };
	/** How the answer was found, when it is not the code's own entry. */
	note?: Message;
	/** The reference anchor to open; absent for a malformed code. */
	anchor?: string;
}

/** Lower-cases the first letter the language's way ("Erreur permanente" -> "erreur permanente"). */
function lowerFirst(text: string, locale: string): string {
	return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1);
}

export function explainCode(
	code: string,
	index: CodeIndex,
	text: ReferenceText,
	locale: string,
	/** A Microsoft server wrote the code (isMicrosoftServer.ts). */
	microsoft = false
): CodeExplanation {
	const lookup = lookupCode(code, index);
	if (lookup.kind === 'invalid')
		return { code, kind: 'invalid', title: '', meaning: '', vendor: false };
	if (lookup.kind === 'exact' || lookup.kind === 'sibling') {
		const words: CodeWords = text.codes[lookup.entry] ?? [lookup.entry, '', 0];
		const [title, meaning, vendor] = words;
		const explanation: CodeExplanation = {
			code,
			kind: lookup.kind,
			title,
			meaning,
			vendor: vendor === 1,
			anchor: lookup.anchor,
		};
		// Microsoft's meaning of a registry number applies only where a Microsoft server wrote it
		// (a sibling in another class is read with the registry's meaning: Microsoft's is its own).
		if (words.length === 5 && lookup.kind === 'exact') {
			const [, , , msTitle, msMeaning] = words;
			const registry = { title, meaning };
			const ms = { title: msTitle, meaning: msMeaning };
			const [shown, other] = microsoft ? [ms, registry] : [registry, ms];
			explanation.title = shown.title;
			explanation.meaning = shown.meaning;
			explanation.applies = microsoft ? 'microsoft' : 'registry';
			explanation.other = { source: microsoft ? 'registry' : 'microsoft', ...other };
		}
		if (lookup.kind === 'sibling') {
			const className = text.classes[String(lookup.class)]?.[0] ?? String(lookup.class);
			explanation.note = {
				key: 'ndr.result.sibling',
				params: { entry: lookup.entry, class: lowerFirst(className, locale) },
			};
		}
		return explanation;
	}
	const [className, classMeaning] = text.classes[String(lookup.class)] ?? [
		String(lookup.class),
		'',
	];
	const subject = text.subjects[String(lookup.subject)];
	return {
		code,
		kind: 'generic',
		title: subject ? `${className} · ${subject[0]}` : className,
		meaning: [classMeaning, subject?.[1]].filter(Boolean).join(' '),
		vendor: false,
		note: { key: 'ndr.result.generic' },
		anchor: lookup.anchor,
	};
}

/** A bare SMTP reply (`550`): only its class says anything (RFC 5321 §4.2.1). */
export function explainReply(
	reply: string,
	text: ReferenceText
): { className: string; meaning: string; anchor: string } {
	const cls = reply.charAt(0);
	const [className, meaning] = text.classes[cls] ?? ['', ''];
	return { className, meaning, anchor: classAnchor(Number(cls)) };
}
