/**
 * The DNS checker's early start in the page's `<head>` (src/routeData.ts adds it to pages that
 * render `<DnsChecker>`): its plan as JSON, then the inline script (src/lib/dns/earlyStart.ts,
 * allowed by its hash in public/_headers). In the head it runs as soon as the HTML arrives,
 * before the stylesheets: an inline script further down waits for every stylesheet above it, and
 * the questions left 150 ms or more after the page's first byte (bench/README.md).
 */
import { getEntry } from 'astro:content';
import { earlyPlan } from '../../lib/checks/earlyPlan';
import { EARLY_STORE, earlyStart } from '../../lib/dns/earlyStart';
import type { HeadEntry } from '../../lib/seo/socialMeta';

/** The plan's element id; src/integrations/checkerScripts.mjs writes the RDAP scripts into it. */
export const EARLY_PLAN_ID = 'dns-early-plan';

// The preload callback adds a <link rel="modulepreload"> (script-src 'self' allows it), at low
// priority: the stylesheets and the checker's own scripts are needed first.
const earlyScript = `(${earlyStart.toString()})(JSON.parse(document.getElementById('${EARLY_PLAN_ID}').textContent),location.search,window.${EARLY_STORE}={},fetch.bind(window),function(h){var l=document.createElement('link');l.rel='modulepreload';l.fetchPriority='low';l.href=h;document.head.appendChild(l)})`;

export async function dnsCheckerHead(): Promise<HeadEntry[]> {
	const provider = (await getEntry('provider', 'ovhcloud'))!.data;
	return [
		{
			tag: 'script',
			attrs: { type: 'application/json', id: EARLY_PLAN_ID },
			content: JSON.stringify(earlyPlan(provider)),
		},
		{ tag: 'script', content: earlyScript },
	];
}
