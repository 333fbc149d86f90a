/**
 * The adapter between the tree's DNS steps and the DNS checker: input read by
 * `src/lib/dns/checkParams`, records fetched by `src/lib/dns/runDnsCheck` (DoH from the browser),
 * verdicts from `src/lib/checks` — the same code as the DNS page, not a copy. The DoH client
 * and wire format load on the first check only, so the tree's own script stays small.
 */
import { INPUT_ERROR_KEYS, validateForm } from '../../lib/dns/checkParams';
import type { Message } from '../../lib/checks/types';
import { say as sayIn } from '../../lib/checks/wording';
import type { RunDnsCheck } from '../../lib/tree/dnsStep';
import type { Provider } from '../../schemas/provider';
import { pageConnectAllows } from '../dns/pagePolicy';

/** What the page gives the adapter (JSON in the element's `data-checker`). */
export interface CheckerConfig {
	/** `cloudflare`, `google` or a DoH URL: the page's `?resolver=`, as on the DNS page. */
	resolver: string;
	/** An RDAP base URL replacing IANA's bootstrap registry: the page's `?rdap=`, as on the DNS page. */
	rdap?: string;
	/** The provider facts the checks read. */
	provider: Provider;
	/** The checker's `dns.*` strings in the page's language. */
	strings: Record<string, string>;
	/** Setup names by offer, in the page's language. */
	setupLabels: Record<string, Record<string, string>>;
	/** The page's language. */
	locale: string;
}

export function createRunDnsCheck(config: CheckerConfig): RunDnsCheck | undefined {
	if (!config.provider || !config.strings) return undefined;
	const say = (message: Message | undefined, offer: string): string =>
		message ? sayIn(config, message, offer) : '';
	return async (check, input, signal) => {
		const form = {
			domain: input.domain,
			offer: input.offer,
			setup: input.setup ?? '',
			server: input.server ?? '',
			dkim: input.dkim ?? '',
			resolver: config.resolver,
			rdap: config.rdap ?? '',
		};
		const valid = validateForm(form, config.provider);
		if (!valid.ok) {
			// The value refused is quoted back (as text): the selector for a bad selector.
			const refused = valid.field === 'dkim' ? form.dkim : input.domain;
			return {
				status: 'invalid',
				field: valid.field,
				detail: say(
					{
						key: INPUT_ERROR_KEYS[valid.error] ?? 'dns.input.malformed',
						params: { input: refused.slice(0, 80), example: config.provider.dkim.example },
					},
					input.offer
				),
			};
		}
		try {
			const [{ runDnsCheck }, { checkModule }] = await Promise.all([
				import('../../lib/dns/runDnsCheck'),
				import('../../lib/checks/registry'),
			]);
			const module = checkModule(check);
			if (!module) return { status: 'error' };
			// The step's own check only: its questions, not the whole report's.
			const report = await runDnsCheck(
				{ provider: config.provider, ...valid.check },
				{
					fetch: (url, init) => fetch(url, init),
					signal,
					modules: [module],
					allows: pageConnectAllows(),
				}
			);
			const verdict = report.verdicts.get(check);
			if (!verdict) return { status: 'error' };
			return {
				status: verdict.status,
				detail: [say(verdict.message, input.offer), say(verdict.fix, input.offer)]
					.filter(Boolean)
					.join(' '),
			};
		} catch {
			return { status: 'error' };
		}
	};
}
