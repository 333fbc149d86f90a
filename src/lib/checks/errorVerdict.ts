import type { DohFailure } from '../dns/queryDoh';
import type { Provider } from '../../schemas/provider';
import type { CheckId, Verdict } from './types';

/**
 * The verdict when the resolver could not answer. Status `error` ("could not check"), never a
 * misconfiguration (DESIGN.md); one message per failure, as internet.nl words resolver failures.
 */
export function errorVerdict(
	provider: Provider,
	check: CheckId,
	failure: DohFailure,
	detail?: string
): Verdict {
	return {
		check,
		status: 'error',
		message: { key: `dns.error.${failure}`, params: { detail: detail ?? '' } },
		fix: { key: failure === 'servfail' ? 'dns.fix.servfail' : 'dns.fix.retry' },
		expected: [],
		found: [],
		notes: [],
		anchor: provider.checkAnchors[check],
	};
}
