import type { CheckStatus, Message, Verdict } from './types';

/**
 * The report's first line: how many checks pass, need fixing (or checking), could not run, and
 * were not run for want of an input. `warn` counts with `fail`: both ask the reader to act.
 */
export function summaryMessage(verdicts: readonly Verdict[]): Message {
	const count = (...statuses: CheckStatus[]) =>
		verdicts.filter((verdict) => statuses.includes(verdict.status)).length;
	return {
		key: 'dns.report.summary',
		params: {
			total: verdicts.length,
			pass: count('pass'),
			fix: count('fail', 'warn'),
			error: count('error'),
			skip: count('skip'),
		},
	};
}
