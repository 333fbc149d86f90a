import type { CheckAnchor } from '../../schemas/common';

/** The page address of a check's explanation: `dns:spf` on the DNS page, others on the diagnostic page. */
export function checkAnchorHref(anchor: CheckAnchor, lang: string): string {
	return anchor.startsWith('dns:')
		? `/${lang}/dns/#${anchor.slice('dns:'.length)}`
		: `/${lang}/diagnostic/#${anchor}`;
}
