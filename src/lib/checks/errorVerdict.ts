import { DOH_FAILURES, type DohFailure } from '../dns/queryDoh';
import type { Provider } from '../../schemas/provider';
import type { CheckId, Verdict } from './types';

/**
 * What to do for each resolver failure. None of them says "try again" alone: a SERVFAIL is the
 * domain's DNS servers failing, a refused or blocked request needs another (built-in) resolver.
 */
const FIX_FOR_FAILURE: Record<DohFailure, string> = {
	timeout: 'dns.fix.timeout',
	network: 'dns.fix.network',
	cors: 'dns.fix.otherResolver',
	csp: 'dns.fix.otherResolver',
	http: 'dns.fix.otherResolver',
	garbage: 'dns.fix.otherResolver',
	servfail: 'dns.fix.servfail',
	refused: 'dns.fix.otherResolver',
	aborted: 'dns.fix.otherResolver',
};

/** Every key an `error` verdict can carry, for the modules' `messageKeys`. */
export const ERROR_VERDICT_KEYS: readonly string[] = [
	...DOH_FAILURES.map((failure) => `dns.error.${failure}`),
	...new Set(Object.values(FIX_FOR_FAILURE)),
];

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
		fix: { key: FIX_FOR_FAILURE[failure] },
		expected: [],
		found: [],
		notes: [],
		anchor: provider.checkAnchors[check],
	};
}
