/**
 * Decides one recipient's reason from the reason table (reasons.ts): the code's reason, the reply
 * text's reason, and how the two settle when they differ, as sisimai does (`reason/find.go`,
 * `why-userunknown.go`, `why-filtered.go`): the text names the reason, except where the table says
 * it yields to the code; then the code; then what the reply code, the code's subject, the command
 * or the action still tell.
 */
import { normalizeText } from './normalizeText';
import { parseStatusCode } from './parseStatusCode';
import { PATTERN_LANGUAGES, REASONS, type ReasonId, type ReasonRule } from './reasons';
import type { SmtpCommand } from './readRecipientBlocks';

export interface ReasonInput {
	/** The decisive enhanced status code. */
	code?: string;
	/** The SMTP reply code, when there is one. */
	reply?: string;
	/** What the server replied and what the report says about this recipient. */
	text: string;
	/** The SMTP command the reply answered, when the report says. */
	command?: SmtpCommand;
	/** RFC 3464 action. */
	action?: string;
	/** A Microsoft server wrote the code: its own meanings of registry numbers apply. */
	microsoft: boolean;
	/** The Diagnostic-Code type (`smtp`, `x-unix`, ...). */
	diagnosticType?: string;
}

const RULES: readonly ReasonRule[] = REASONS;
const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** Expands `5.7.606-649` to every code of the range; a plain code to itself. */
export function expandCodes(entry: string): string[] {
	const range = /^([245])\.(\d{1,3})\.(\d{1,3})-(\d{1,3})$/.exec(entry);
	if (!range) return [entry];
	const out: string[] = [];
	for (let d = Number(range[3]); d <= Number(range[4]); d++)
		out.push(`${range[1]}.${range[2]}.${d}`);
	return out;
}

function indexCodes(key: 'codes' | 'microsoftCodes' | 'replies'): Map<string, ReasonId> {
	const index = new Map<string, ReasonId>();
	for (const rule of RULES) {
		for (const entry of rule[key] ?? [])
			for (const code of key === 'replies' ? [entry] : expandCodes(entry))
				index.set(code, rule.id as ReasonId);
	}
	return index;
}

/** code -> reason in the registry's meaning, in Microsoft's, and bare reply -> reason. */
export const CODE_REASONS = indexCodes('codes');
export const MICROSOFT_CODE_REASONS = indexCodes('microsoftCodes');
export const REPLY_REASONS = indexCodes('replies');

/** The reason a code names: Microsoft's meaning first when a Microsoft server wrote it. */
export function reasonOfCode(code: string | undefined, microsoft: boolean): ReasonId | undefined {
	if (!code) return undefined;
	return (microsoft ? MICROSOFT_CODE_REASONS.get(code) : undefined) ?? CODE_REASONS.get(code);
}

/** Each reason's patterns of every language as one expression: one test per reason. */
const TEXT_RULES = RULES.flatMap((rule) => {
	const sources = PATTERN_LANGUAGES.flatMap((language) =>
		rule.patterns[language].map((p) => p.source)
	);
	return sources.length
		? [{ id: rule.id as ReasonId, pattern: new RegExp(sources.join('|')) }]
		: [];
});

/** How much of a recipient's text is read for its reason: the reply and the report's words on it. */
const MAX_REASON_TEXT = 3000;

/** The first reason of the table whose words (in any language) the text uses. */
export function reasonOfText(text: string): ReasonId | undefined {
	if (!text) return undefined;
	const normal = normalizeText(text.slice(0, MAX_REASON_TEXT));
	return TEXT_RULES.find((rule) => rule.pattern.test(normal))?.id;
}

export function decideReason(input: ReasonInput): ReasonId {
	const { code, action, command } = input;
	if (action === 'delivered' || action === 'relayed' || action === 'expanded') return 'delivered';
	if (code?.startsWith('2.')) return 'delivered';
	const byCode = reasonOfCode(code, input.microsoft);
	const byText = reasonOfText(input.text);
	if (byText) {
		const rule = BY_ID.get(byText)!;
		const afterData = command === 'DATA' && rule.afterData;
		if (!byCode || byCode === byText) {
			// The code does not say otherwise; a "no such user" after DATA is a filter.
			return (byCode !== byText && afterData ? rule.afterData : byText) as ReasonId;
		}
		if (rule.yieldsTo?.includes(byCode)) return byCode;
		if (rule.textYieldsToCode === 'unless-rcpt' && command !== 'RCPT') return byCode;
		return byText;
	}
	if (byCode) return byCode;
	const byReply = input.reply ? REPLY_REASONS.get(input.reply) : undefined;
	if (byReply) return byReply;
	const parts = code ? parseStatusCode(code) : null;
	// sisimai `anotherone()`: a content or security subject says that much.
	if (parts?.subject === 6) return 'contenterror';
	if (parts?.subject === 7) return 'securityerror';
	if (input.diagnosticType?.startsWith('x-unix')) return 'mailererror';
	// Refused at the greeting or EHLO: the sending server itself was refused.
	if (command === 'CONN' || command === 'EHLO' || command === 'HELO') return 'blocked';
	if (action === 'delayed') return 'expired';
	return input.text.trim() ? 'onhold' : 'undefined';
}
