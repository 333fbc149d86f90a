/**
 * What the page's own Content-Security-Policy lets it fetch, read from its `<meta>` (the build
 * writes there the same policy as the header: src/integrations/securityHeaders.mjs).
 */
import { connectAllowed } from '../../lib/dns/connectPolicy';

export function pageConnectAllows(): (url: string) => boolean {
	const policy = document.querySelector<HTMLMetaElement>(
		'meta[http-equiv="content-security-policy" i]'
	)?.content;
	return (url) => connectAllowed(policy, url, location.origin);
}
