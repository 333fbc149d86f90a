/**
 * The adapter between the tree's DNS steps and the DNS checker (`src/lib/checks` over
 * `src/lib/dns`). Until those modules land on main it returns undefined, and a DNS step's form
 * opens the DNS checker page with the same parameters instead of checking in place.
 */
import type { RunDnsCheck } from '../../lib/tree/dnsStep';

/** What the page gives the adapter (JSON in the element's `data-checker`). */
export interface CheckerConfig {
	/** `cloudflare`, `google` or a DoH URL: the page's `?resolver=`, as on the DNS page. */
	resolver: string;
}

export function createRunDnsCheck(_config: CheckerConfig): RunDnsCheck | undefined {
	return undefined;
}
