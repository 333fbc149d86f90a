import { diceSimilarity, normalizeText } from '../text/normalizeText';

/** One known diagnostic error and the messages it prints, in any language. */
export interface DiagnosticMessageCatalogEntry {
	anchor: string;
	messages: readonly string[];
}

export interface MatchedLine {
	/** 1-based line number in the pasted text. */
	line: number;
	/** The line as pasted (untrusted: render as text only). */
	text: string;
	/** Whether the line held the message exactly (after folding) or only closely (typo, extra words). */
	exact: boolean;
}

export interface DiagnosticMatch {
	anchor: string;
	lines: MatchedLine[];
}

/** A line of the diagnostic's own frame around its messages: its title with the account, its date. */
export interface FrameLine {
	line: number;
	/** The line as pasted (untrusted: render as text only). */
	text: string;
	kind: 'title' | 'date';
}

export type DiagnosticReadResult =
	| {
			ok: true;
			matches: DiagnosticMatch[];
			/** The diagnostic's heading lines, read as such rather than left unrecognised. */
			frame: FrameLine[];
			unrecognised: { line: number; text: string }[];
	  }
	| { ok: false; reason: 'empty' | 'too-long' | 'not-text'; size: number; max: number };

/** A diagnostic result is a few kilobytes; anything far larger was pasted by mistake. */
export const MAX_DIAGNOSTIC_INPUT = 50_000;

/** Prefixes the diagnostic puts before a message, in the site's languages. */
const PREFIX = /^(warning|attention|attenzione|avertissement|avviso|error|erreur|errore)\b\s*/;

/**
 * The diagnostic's frame, on folded text (normalizeText: no case, accents or punctuation), in
 * the site's languages: "Diagnostic result for contact@example.com", "Résultat du diagnostic
 * pour …", "Risultato della diagnostica per …", and its date line "Date: 2026-11-20 14:02",
 * "Date : 20/11/2026", "Data: 20/11/2026 14:02". Matched whole, so a line that only starts like
 * one is still reported.
 */
const FRAME_LINES: readonly { kind: FrameLine['kind']; pattern: RegExp }[] = [
	{
		kind: 'title',
		pattern:
			/^(?:diagnostic results?|results? of the diagnostic|resultats? du diagnostic|risultat[oi] della diagnostica)(?: (?:for|pour|per|de|di|del|dell) \S+(?: \S+){0,8})?$/,
	},
	{ kind: 'date', pattern: /^(?:date|data)(?: \d{1,4}){2,6}$/ },
];

function frameKind(folded: string): FrameLine['kind'] | undefined {
	return FRAME_LINES.find(({ pattern }) => pattern.test(folded))?.kind;
}

/** Below this similarity a line is not taken for a message (measured on the fixtures: typos score 0.85+). */
const FUZZY_THRESHOLD = 0.82;

// Control characters other than tab, CR and LF mean binary or corrupted input.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// A close match must not flip the meaning: "has been received" is not "has not been received".
const NEGATIONS = new Set([
	'not',
	'no',
	'cannot',
	'pas',
	'non',
	'impossible',
	'impossibile',
	'nest',
	'na',
]);

function negationCount(folded: string): number {
	return folded.split(' ').filter((word) => NEGATIONS.has(word)).length;
}

function stripPrefix(normalized: string): string {
	return normalized.replace(PREFIX, '');
}

interface PreparedMessage {
	anchor: string;
	folded: string;
	negations: number;
}

function prepareCatalog(catalog: readonly DiagnosticMessageCatalogEntry[]): PreparedMessage[] {
	return catalog.flatMap((entry) =>
		entry.messages.map((message) => {
			const folded = stripPrefix(normalizeText(message));
			return { anchor: entry.anchor, folded, negations: negationCount(folded) };
		})
	);
}

/** The anchors a single line names, exactly or closely. */
function matchLine(
	line: string,
	messages: PreparedMessage[]
): { anchor: string; exact: boolean }[] {
	const folded = stripPrefix(normalizeText(line));
	if (!folded) return [];
	const exact = new Set<string>();
	for (const message of messages) {
		if (` ${folded} `.includes(` ${message.folded} `)) exact.add(message.anchor);
	}
	if (exact.size > 0) return [...exact].map((anchor) => ({ anchor, exact: true }));

	let best: { anchor: string; score: number } | undefined;
	const negations = negationCount(folded);
	for (const message of messages) {
		if (message.negations !== negations) continue;
		// Only lines of about the message's length can be the message with a typo.
		const ratio = folded.length / message.folded.length;
		if (ratio < 0.7 || ratio > 1.5) continue;
		const score = diceSimilarity(folded, message.folded);
		if (score >= FUZZY_THRESHOLD && (!best || score > best.score))
			best = { anchor: message.anchor, score };
	}
	return best ? [{ anchor: best.anchor, exact: false }] : [];
}

/**
 * Reads what a person pasted from the diagnostic (any of the site's languages, any mix, extra
 * lines, odd case or spacing) and returns the errors it names, in catalog order, plus every
 * non-blank line it could not place, so nothing is silently dropped.
 */
export function matchDiagnosticOutput(
	text: string,
	catalog: readonly DiagnosticMessageCatalogEntry[]
): DiagnosticReadResult {
	const size = text.length;
	if (size > MAX_DIAGNOSTIC_INPUT)
		return { ok: false, reason: 'too-long', size, max: MAX_DIAGNOSTIC_INPUT };
	if (!text.trim()) return { ok: false, reason: 'empty', size, max: MAX_DIAGNOSTIC_INPUT };
	const controls = text.match(CONTROL_CHARACTERS)?.length ?? 0;
	if (text.includes('\u0000') || controls > size / 20) {
		return { ok: false, reason: 'not-text', size, max: MAX_DIAGNOSTIC_INPUT };
	}

	const messages = prepareCatalog(catalog);
	const byAnchor = new Map<string, MatchedLine[]>();
	const unrecognised: { line: number; text: string }[] = [];
	const frame: FrameLine[] = [];

	text.split(/\r\n|\r|\n/).forEach((raw, index) => {
		const line = raw.replace(CONTROL_CHARACTERS, '').trim();
		if (!line) return;
		const found = matchLine(line, messages);
		const kind = found.length === 0 ? frameKind(normalizeText(line)) : undefined;
		if (kind) {
			frame.push({ line: index + 1, text: line, kind });
			return;
		}
		if (found.length === 0) {
			unrecognised.push({ line: index + 1, text: line });
			return;
		}
		for (const { anchor, exact } of found) {
			const lines = byAnchor.get(anchor) ?? [];
			lines.push({ line: index + 1, text: line, exact });
			byAnchor.set(anchor, lines);
		}
	});

	const order = catalog.map((entry) => entry.anchor);
	const matches = [...byAnchor.entries()]
		.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
		.map(([anchor, lines]) => ({ anchor, lines }));
	return { ok: true, matches, frame, unrecognised };
}
