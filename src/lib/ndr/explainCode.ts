/**
 * What the bounce analyzer says about one code: the reference's own entry, the entry of the same
 * subject and detail in another class, or a generic answer from the code's class and subject
 * (RFC 3463 §3: a client that does not know a detail still knows what the class and subject
 * mean). Texts come from the page's reference data; this only chooses and composes them.
 */
import { classAnchor } from './parseStatusCode';
import { lookupCode, type CodeIndex, type Lookup } from './lookupCode';
import type { Message } from '../checks/types';

/** The reference's words in one language, compact as the page ships them. */
export interface ReferenceText {
	/** code -> [title, meaning, 1 when only a vendor (Microsoft) gives this meaning] */
	codes: Record<string, [string, string, 0 | 1]>;
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
	locale: string
): CodeExplanation {
	const lookup = lookupCode(code, index);
	if (lookup.kind === 'invalid')
		return { code, kind: 'invalid', title: '', meaning: '', vendor: false };
	if (lookup.kind === 'exact' || lookup.kind === 'sibling') {
		const [title, meaning, vendor] = text.codes[lookup.entry] ?? [lookup.entry, '', 0];
		const explanation: CodeExplanation = {
			code,
			kind: lookup.kind,
			title,
			meaning,
			vendor: vendor === 1,
			anchor: lookup.anchor,
		};
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
