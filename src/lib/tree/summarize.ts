/**
 * The plain-text summary of a walk, for a support ticket: the path taken, each answer, the DNS
 * verdicts and the outcome, in the page's language. Plain text on purpose: it is pasted into
 * a ticket form or an e-mail, where markup would show as noise.
 */
import type { CheckStatus } from '../checks/types';
import { format } from '../i18n/format';
import type { WalkEntry } from './nextStep';

/** The words a summary needs, in one language. */
export interface SummaryStrings {
	/** First line, e.g. "Mail troubleshooting: my answers". */
	heading: string;
	/** Label of each step's title, by step id. */
	titles: Readonly<Record<string, string>>;
	/** Answer labels, by step id then answer id. */
	answers: Readonly<Record<string, Readonly<Record<string, string>>>>;
	/** One-line result of each outcome, by step id. */
	outcomes: Readonly<Record<string, string>>;
	/** "Check of {domain}: {verdict}" with placeholders `{domain}` and `{verdict}`. */
	checkLine: string;
	/** Verdict names. */
	verdicts: Readonly<Record<CheckStatus, string>>;
	/** "Result: " prefix of the outcome line. */
	result: string;
	/** Shown when the walk has not reached an outcome yet, e.g. "Not finished: now at {step}". */
	unfinished: string;
	/** "Link to this step: " prefix of the URL line. */
	link: string;
}

/** Keeps typed text on one line and short: a summary line cannot be broken by what a person typed. */
function oneLine(text: string, max = 253): string {
	// eslint-disable-next-line no-control-regex -- control characters are what is removed
	const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Summarizes a walk. `walk` lists the steps in order; the last one is the step on screen.
 * `url`, when given, is the link to that step (`?step=`), so support can open it.
 */
export function summarize(
	walk: readonly WalkEntry[],
	strings: SummaryStrings,
	url?: string
): string {
	const lines = [strings.heading, ''];
	let n = 0;
	for (const entry of walk) {
		const title = strings.titles[entry.step] ?? entry.step;
		if (entry.answer === undefined && entry.verdict === undefined) continue;
		n += 1;
		lines.push(`${n}. ${title}`);
		if (entry.verdict !== undefined) {
			lines.push(
				`   ${format(strings.checkLine, {
					domain: oneLine(entry.domain ?? '?'),
					verdict: strings.verdicts[entry.verdict] ?? entry.verdict,
				})}`
			);
		}
		if (entry.answer !== undefined) {
			lines.push(`   → ${strings.answers[entry.step]?.[entry.answer] ?? entry.answer}`);
		}
	}
	const last = walk.at(-1);
	if (last && Object.hasOwn(strings.outcomes, last.step)) {
		lines.push(
			'',
			`${strings.result}${strings.titles[last.step] ?? last.step}`,
			strings.outcomes[last.step]
		);
	} else if (last) {
		lines.push('', format(strings.unfinished, { step: strings.titles[last.step] ?? last.step }));
	}
	if (url) lines.push('', `${strings.link}${url}`);
	return lines.join('\n');
}
