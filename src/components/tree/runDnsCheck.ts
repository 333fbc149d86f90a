/**
 * The adapter between the tree's DNS steps and the DNS checker (`src/lib/checks` over
 * `src/lib/dns`). Until those modules land on main it is undefined, and a DNS step's form opens
 * the DNS checker page with the same parameters instead of checking in place.
 */
import type { RunDnsCheck } from '../../lib/tree/dnsStep';

export const runDnsCheck: RunDnsCheck | undefined = undefined;
