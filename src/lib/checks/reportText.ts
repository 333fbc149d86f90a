/**
 * The "copy report" text: the same facts as the page, as plain text in the page's language.
 * Strings are looked up through `t`, so this stays pure and testable.
 */
import type { Message, Verdict } from './types';

export type Translate = (message: Message) => string;

export interface ReportTextInput {
	/** "Label: " in the page's language (French puts a space before the colon). */
	label?: (text: string) => string;
	title: string;
	lines: string[];
	checks: Array<{ heading: string; verdict: Verdict; resolverLine: string }>;
	zoneTitle: string;
	zone: string[];
	permalink: string;
}

/**
 * `fill` puts placeholders (a Private server's name) in the page's words; messages come through
 * `t` already filled.
 */
export function reportText(
	input: ReportTextInput,
	t: Translate,
	fill: (text: string) => string = (text) => text
): string {
	const label = input.label ?? ((text: string) => `${text}: `);
	const out: string[] = [
		input.title,
		'='.repeat(Math.min(input.title.length, 72)),
		...input.lines,
		'',
	];
	for (const { heading, verdict, resolverLine } of input.checks) {
		out.push(`[${t({ key: `dns.status.${verdict.status}` })}] ${heading}`);
		out.push(`  ${t(verdict.message)}`);
		if (verdict.expected.length)
			out.push(
				`  ${label(t({ key: 'dns.report.expected' }))}${verdict.expected.map(fill).join(', ')}`
			);
		if (verdict.status !== 'error' && verdict.status !== 'skip' && verdict.records !== false) {
			// A TTL as zone files and DNS tools write it (3600), not as a grouped number (3,600).
			const found = verdict.found.map(
				(f) => `${f.text} (${t({ key: 'dns.report.ttl', params: { ttl: String(f.ttl) } })})`
			);
			out.push(
				`  ${label(t({ key: 'dns.report.found' }))}${found.length ? found.join(', ') : t({ key: 'dns.report.nothingFound' })}`
			);
		}
		if (verdict.fix) out.push(`  ${label(t({ key: 'dns.report.fix' }))}${t(verdict.fix)}`);
		for (const note of verdict.notes) out.push(`  ${t(note)}`);
		for (const link of verdict.links ?? []) out.push(`  ${label(t(link.message))}${link.href}`);
		out.push(`  ${resolverLine}`, '');
	}
	out.push(input.zoneTitle, ...input.zone.map((line) => `  ${line}`), '', input.permalink);
	return out.join('\n');
}
