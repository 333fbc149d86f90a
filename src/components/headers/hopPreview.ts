/**
 * Which hops the report lays out at first. A route of hundreds of hops (a mail loop, a long
 * mailing-list path) costs the page about a millisecond of layout per hop; the person first needs
 * the start of the route and the hops the analysis points out. The rest is laid out on request
 * ("Show all"), and the plain-text copy always lists every hop. Pure.
 */

/** The hops laid out first: the sender's side of the route. */
export const FIRST_HOPS = 50;
/** Up to this many hops, all are laid out at once: holding back a handful would save nothing. */
export const ALL_HOPS_UP_TO = 60;

export interface HopMarks {
	longestHopIndex?: number;
	recipientHopIndex?: number;
}

/**
 * The 0-based indexes of the hops shown at first, in travel order: all of them up to
 * `ALL_HOPS_UP_TO`; beyond, the first `FIRST_HOPS`, then the longest wait, the recipient's server
 * and the last hop (where the message was delivered), wherever they are.
 */
export function hopsShownFirst(count: number, marks: HopMarks): number[] {
	if (count <= ALL_HOPS_UP_TO) return Array.from({ length: count }, (_, i) => i);
	const shown = new Set(Array.from({ length: FIRST_HOPS }, (_, i) => i));
	for (const index of [marks.longestHopIndex, marks.recipientHopIndex, count - 1])
		if (index !== undefined && Number.isInteger(index) && index >= 0 && index < count)
			shown.add(index);
	return [...shown].sort((a, b) => a - b);
}
