/**
 * The answer source of the runner's RDAP questions (`{ kind: 'rdap', domain }`): the browser's
 * fetch, the `rdap` parameter when given, else the bundled bootstrap registry. The lookup code
 * (fetch, parsing) is a chunk of its own, loaded with the first question and fetched in parallel
 * with the DNS questions, so the DNS page's start-up script does not carry it (its JS budget).
 */
import type { RdapAnswer, RdapLookupOptions } from './lookupRdap';

export function rdapAnswerSource(
	options: Omit<RdapLookupOptions, 'signal'>
): (question: { domain: string }, signal?: AbortSignal) => Promise<RdapAnswer> {
	return async (question, signal) => {
		let lookupRdap: typeof import('./lookupRdap').lookupRdap;
		try {
			({ lookupRdap } = await import('./lookupRdap'));
		} catch {
			// The chunk could not be loaded (offline since the page loaded, a blocked script).
			return {
				kind: 'rdap',
				ok: false,
				failure: 'network',
				domain: question.domain,
				tld: question.domain.split('.').pop() ?? '',
				override: options.base !== undefined,
				elapsedMs: 0,
			};
		}
		return lookupRdap(question.domain, { ...options, ...(signal ? { signal } : {}) });
	};
}
