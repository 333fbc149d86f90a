/**
 * The whole analysis as plain text, for the "copy" button: what a person pastes into a support
 * ticket or a message to the sender's administrator. Same facts and words as the report on
 * screen, times in UTC (the reader of the ticket may be elsewhere). Pure.
 */
import type { HeaderAnalysis } from '../../lib/headers/types';
import type { HeadersText } from '../../schemas/headers';
import { format, formatDateTime, labelPrefix } from '../../lib/i18n/format';
import { explainAuth, explainSpamField } from './explainFindings';
import { formatDuration } from './formatDuration';

export interface ReportWords {
	/** The `headers.*` UI strings of the page's language. */
	strings: Record<string, string>;
	words: HeadersText;
	locale: string;
}

export function reportText(
	result: HeaderAnalysis,
	{ strings, words, locale }: ReportWords
): string {
	const s = (key: string, values: Record<string, string | number> = {}) =>
		format(strings[key] ?? key, values, locale);
	const label = (key: string, value: string) => `${labelPrefix(s(key), locale)}${value}`;
	const lines: string[] = [s('headers.text.title'), ''];

	if (result.tracerId) {
		lines.push(label('headers.tracer.heading', result.tracerId), s('headers.tracer.support'), '');
	}
	for (const warning of result.warnings)
		lines.push(`! ${s(`headers.warning.${warning.key}`, warning.params ?? {})}`);
	if (result.warnings.length) lines.push('');

	lines.push(s('headers.route.heading', { count: result.hops.length }));
	lines.push(
		result.totalDelaySeconds !== undefined
			? s(result.totalDelaySeconds < 0 ? 'headers.route.totalClock' : 'headers.route.total', {
					duration: formatDuration(result.totalDelaySeconds, locale),
				})
			: s(result.hops.length ? 'headers.route.totalUnknown' : 'headers.route.none')
	);
	const longest =
		result.longestHopIndex !== undefined ? result.hops[result.longestHopIndex] : undefined;
	if (longest)
		lines.push(
			s('headers.route.longest', {
				n: result.longestHopIndex! + 1,
				duration: formatDuration(longest.delaySeconds ?? 0, locale),
				by: longest.by ?? '?',
			})
		);
	if (result.delayBeforeRecipient)
		lines.push(s(`headers.route.${result.delayBeforeRecipient}Recipient`));
	result.hops.forEach((hop, index) => {
		const parts = [`${index + 1}. ${hop.by ?? s('headers.hop.unnamed')}`];
		if (hop.from)
			parts.push(label('headers.hop.from', hop.fromIp ? `${hop.from} [${hop.fromIp}]` : hop.from));
		const protocol = [hop.with, hop.tls].filter(Boolean).join(' ');
		if (protocol) parts.push(label('headers.hop.with', protocol));
		parts.push(
			hop.time
				? label('headers.hop.timeUtc', formatDateTime(new Date(hop.time), locale, 'UTC'))
				: s('headers.hop.noTime')
		);
		if (hop.delaySeconds !== undefined) {
			const duration = formatDuration(hop.delaySeconds, locale);
			parts.push(
				hop.delaySeconds < 0
					? s('headers.text.clock', { duration })
					: s('headers.hop.after', { duration })
			);
		}
		lines.push(parts.join(' · '));
	});
	lines.push('');

	lines.push(s('headers.auth.heading'));
	if (!result.auth.length) lines.push(s('headers.auth.none'));
	for (const auth of result.auth) {
		const { meaning } = explainAuth(auth, words);
		const props = Object.entries(auth.properties)
			.map(([name, value]) => `${name}=${value}`)
			.join(' ');
		lines.push(
			`- ${auth.method.toUpperCase()} ${auth.result}${meaning ? `: ${meaning}` : ''}${props ? ` (${props})` : ''}`
		);
	}
	lines.push('');

	lines.push(s('headers.spam.heading'));
	if (!result.spam.length) lines.push(s('headers.spam.none'));
	for (const verdict of result.spam) {
		const head = [`- ${words.spam.sources[verdict.source] ?? verdict.source} (${verdict.header})`];
		if (verdict.verdict !== undefined)
			head.push(s('headers.spam.verdict', { verdict: verdict.verdict }));
		if (verdict.score !== undefined)
			head.push(s('headers.spam.score', { score: String(verdict.score) }));
		lines.push(head.join(' · '));
		for (const field of verdict.fields) {
			const { value } = explainSpamField(verdict.source, field.name, field.value, words);
			lines.push(`  ${field.name}=${field.value}${value ? ` (${value})` : ''}`);
		}
	}
	lines.push('');

	lines.push(s('headers.identity.heading'));
	const { identity } = result;
	for (const [key, value] of [
		['messageId', identity.messageId],
		['date', identity.date],
		['from', identity.from],
		['to', identity.to],
		['subject', identity.subject],
	] as const)
		lines.push(label(`headers.identity.${key}`, value ?? s('headers.identity.missing')));
	return lines.join('\n');
}
