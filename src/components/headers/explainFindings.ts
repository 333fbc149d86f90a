/**
 * The words beside what src/lib/headers found: what an authentication method checks and what
 * its result means, what a spam filter's field is and what its value means, from the page
 * language's `src/content/headers/{lang}.json`. Pure lookups; an unknown id gets no words (the
 * value is still shown as written).
 */
import type { AuthResult, SpamVerdict } from '../../lib/headers/types';
import type { HeadersText } from '../../schemas/headers';

export function explainAuth(
	auth: Pick<AuthResult, 'method' | 'result'>,
	words: HeadersText
): { method: string; meaning: string } {
	const method = auth.method.toLowerCase();
	const result = auth.result.toLowerCase();
	const { methods, results } = words.auth;
	return {
		method: methods[method] ?? methods.other ?? '',
		meaning: results[method]?.[result] ?? results['*']?.[result] ?? '',
	};
}

/**
 * A spam field's words: `field`, what it is; `value`, what this value means. Field names are
 * matched in any case, values as the filters write them (upper case codes, numbers).
 */
export function explainSpamField(
	_source: SpamVerdict['source'],
	name: string,
	value: string,
	words: HeadersText
): { field?: string; value?: string } {
	const key = name.toLowerCase();
	const values = words.spam.values[key];
	const trimmed = value.trim();
	return {
		field: words.spam.fields[key],
		value: values?.[trimmed] ?? values?.[trimmed.toUpperCase()],
	};
}

/** What a verdict's score means: Microsoft's SCL by its value, the others by what the score is. */
export function explainSpamScore(verdict: SpamVerdict, words: HeadersText): string | undefined {
	if (verdict.score === undefined) return undefined;
	if (verdict.source === 'microsoft') {
		const field = /organization-scl/i.test(verdict.header)
			? 'x-ms-exchange-organization-scl'
			: 'scl';
		return words.spam.values[field]?.[String(verdict.score)] ?? words.spam.fields[field];
	}
	if (verdict.source === 'ovh') return words.spam.fields['x-vr-spamscore'];
	return words.spam.fields['x-spam-score'];
}
