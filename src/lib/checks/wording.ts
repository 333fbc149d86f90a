/**
 * The DNS checks' results in words, shared by the DNS checker's report and the decision tree's
 * DNS steps, so both say the same thing the same way. Strings arrive from the page (UI keys in
 * the page's language); nothing here touches the DOM.
 */
import { BUILTIN_RESOLVER_NAMES, isBuiltinResolverId, type Resolver } from '../dns/resolvers';
import type { LookupLog } from '../dns/runDnsCheck';
import { format, formatDateTime, formatDay } from '../i18n/format';
import { fillPlaceholders } from '../records/expectedRecords';
import type { Message } from './types';

export interface CheckWording {
	/** UI strings by key, in the page's language. */
	strings: Readonly<Record<string, string>>;
	/** Each offer's setup names in the page's language: `{ hosted: { 'exchange-only': '…' } }`. */
	setupLabels: Readonly<Record<string, Readonly<Record<string, string>>>>;
	/** The page's language. */
	locale: string;
}

/**
 * A message in words. A `setup` parameter is a setup id and reads as that setup's name for the
 * offer checked (the same id has a different name for Hosted and Private); a `date` parameter
 * is a day in ISO form.
 */
export function say(wording: CheckWording, message: Message | string, offer = 'hosted'): string {
	const { key, params = {} } = typeof message === 'string' ? { key: message } : message;
	const values = { ...params };
	if (typeof values.setup === 'string') values.setup = setupName(wording, offer, values.setup);
	// A `date` parameter is a calendar day (ISO `YYYY-MM-DD`, as verdicts carry it): written the
	// page's way, `14 August 2027`.
	if (typeof values.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(values.date))
		values.date = formatDay(values.date, wording.locale);
	// A Private server's placeholder reads in the page's words, wherever it lands in a message.
	return fillPlaceholders(
		format(wording.strings[key] ?? key, values, wording.locale),
		wording.strings['records.privateServerPlaceholder']
	);
}

export function setupName(wording: CheckWording, offer: string, setup: string): string {
	return wording.setupLabels[offer]?.[setup] ?? setup;
}

/** A resolver as a reader knows it: `Cloudflare`, or the host of a resolver they gave. */
export function resolverName(resolver: Resolver): string {
	if (isBuiltinResolverId(resolver.id)) return BUILTIN_RESOLVER_NAMES[resolver.id];
	try {
		return new URL(resolver.url).host;
	} catch {
		return resolver.url;
	}
}

/**
 * Who answered a question and when, and why another resolver was asked: "The check asked Google
 * because Cloudflare failed. … Answered by Google at 1 Dec 2026, 18:26:03 CET." Without an
 * answer, which resolvers were asked.
 */
export function resolverLine(wording: CheckWording, log: LookupLog | undefined): string {
	if (!log) return '';
	const parts: string[] = [];
	const failed = log.attempts.filter((attempt) => !attempt.ok);
	if (log.answeredBy && failed.length) {
		const first = failed[0]!;
		parts.push(
			say(wording, {
				key: 'dns.report.retried',
				params: {
					resolver: resolverName(first.resolver),
					reason: say(wording, {
						key: `dns.error.${first.failure}`,
						params: { detail: first.detail ?? '' },
					}),
					fallback: resolverName(log.answeredBy),
				},
			})
		);
	}
	if (log.answeredBy && log.fetchedAt) {
		parts.push(
			say(wording, {
				key: 'dns.report.answeredBy',
				params: {
					resolver: resolverName(log.answeredBy),
					time: formatDateTime(log.fetchedAt, wording.locale),
				},
			})
		);
	} else {
		const asked = [...new Set(log.attempts.map((attempt) => resolverName(attempt.resolver)))];
		parts.push(
			say(wording, { key: 'dns.report.noAnswer', params: { resolver: asked.join(', ') } })
		);
	}
	return parts.join(' ');
}
