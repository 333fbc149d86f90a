/**
 * Finds what the reference says about a code: its own entry, the entry of a vendor range it
 * falls in, the registry entry of the same subject and detail in another class, or, failing
 * all, a generic answer composed from its class and subject (RFC 3463 §3).
 */
import { classAnchor, parseStatusCode, subjectAnchor } from './parseStatusCode';

/** The little the lookup needs per code: whether it is a registry code, and its range end. */
export interface CodeIndexEntry {
	registry: boolean;
	rangeEnd?: string;
}
export type CodeIndex = Record<string, CodeIndexEntry>;

export type Lookup =
	| { kind: 'invalid'; code: string }
	/** The code has its own entry (or is inside a vendor range); `entry` is the entry's key. */
	| { kind: 'exact'; code: string; entry: string; anchor: string }
	/** Same subject and detail registered in another class (4.4.6 -> 5.4.6). */
	| { kind: 'sibling'; code: string; entry: string; anchor: string; class: number; subject: number }
	/** Only the class and subject are known. */
	| {
			kind: 'generic';
			code: string;
			anchor: string;
			class: number;
			subject: number;
			knownSubject: boolean;
	  };

type Sources = { kind: string }[];
/** The code is in the IANA registry (RFC 3463 or a later RFC). */
export const isRegistryCode = (sources: Sources) =>
	sources.some((s) => s.kind === 'rfc3463' || s.kind === 'iana');
/** Microsoft uses the code (outside the registry, or with another meaning). */
export const isVendorCode = (sources: Sources) =>
	sources.some((s) => s.kind === 'vendor-microsoft');

/** Builds the index from the codes collection (facts only). */
export function buildCodeIndex(
	codes: Record<string, { sources: Sources; rangeEnd?: string }>
): CodeIndex {
	const index: CodeIndex = {};
	for (const [code, entry] of Object.entries(codes)) {
		index[code] = {
			registry: isRegistryCode(entry.sources),
			...(entry.rangeEnd ? { rangeEnd: entry.rangeEnd } : {}),
		};
	}
	return index;
}

/** Every code of a range entry, first one included: 5.7.606 .. 5.7.649. */
export function codesInRange(start: string, end: string): string[] {
	const a = parseStatusCode(start);
	const b = parseStatusCode(end);
	if (!a || !b) return [start];
	const out: string[] = [];
	for (let d = a.detail; d <= b.detail; d++) out.push(`${a.class}.${a.subject}.${d}`);
	return out;
}

export function lookupCode(code: string, index: CodeIndex): Lookup {
	const parts = parseStatusCode(code);
	if (!parts) return { kind: 'invalid', code };
	if (Object.hasOwn(index, code)) return { kind: 'exact', code, entry: code, anchor: code };
	for (const [start, entry] of Object.entries(index)) {
		if (!entry.rangeEnd) continue;
		const a = parseStatusCode(start)!;
		const b = parseStatusCode(entry.rangeEnd)!;
		if (
			a.class === parts.class &&
			a.subject === parts.subject &&
			parts.detail > a.detail &&
			parts.detail <= b.detail
		) {
			// Every code of a range has its own anchor on the page.
			return { kind: 'exact', code, entry: start, anchor: code };
		}
	}
	for (const cls of [5, 4, 2]) {
		const sibling = `${cls}.${parts.subject}.${parts.detail}`;
		if (cls !== parts.class && index[sibling]?.registry) {
			return {
				kind: 'sibling',
				code,
				entry: sibling,
				anchor: sibling,
				class: parts.class,
				subject: parts.subject,
			};
		}
	}
	const knownSubject = parts.subject <= 7;
	const hasGroup = Object.keys(index).some((c) => c.startsWith(`${parts.class}.${parts.subject}.`));
	return {
		kind: 'generic',
		code,
		class: parts.class,
		subject: parts.subject,
		knownSubject,
		anchor: hasGroup ? subjectAnchor(parts.class, parts.subject) : classAnchor(parts.class),
	};
}
