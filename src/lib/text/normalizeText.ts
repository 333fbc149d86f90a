/**
 * Folds text for forgiving comparison: letter case, accents, typographic apostrophes and
 * quotes, punctuation and runs of white space do not count. Used to match what a person pastes
 * against the exact messages the guides give.
 */
export function normalizeText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '') // combining accents left by NFKD: "é" -> "e"
		.toLowerCase()
		.replace(/[’‘`´ʼ]/g, "'")
		.replace(/[^\p{L}\p{N}']+/gu, ' ')
		.replace(/'+/g, '') // "l'account" and "l account" and "laccount" compare equal
		.replace(/\s+/g, ' ')
		.trim();
}

/** Character bigrams of a normalized string, with counts (Sørensen–Dice needs multiplicity). */
function bigrams(text: string): Map<string, number> {
	const grams = new Map<string, number>();
	const compact = text.replace(/ /g, '');
	for (let i = 0; i < compact.length - 1; i++) {
		const gram = compact.slice(i, i + 2);
		grams.set(gram, (grams.get(gram) ?? 0) + 1);
	}
	return grams;
}

/**
 * Sørensen–Dice similarity of two normalized strings over character bigrams, from 0 to 1.
 * Tolerates a typo or a missing word while staying linear in the strings' length.
 */
export function diceSimilarity(a: string, b: string): number {
	if (a === b) return 1;
	const ga = bigrams(a);
	const gb = bigrams(b);
	let total = 0;
	for (const n of ga.values()) total += n;
	for (const n of gb.values()) total += n;
	if (total === 0) return 0;
	let shared = 0;
	for (const [gram, n] of ga) shared += Math.min(n, gb.get(gram) ?? 0);
	return (2 * shared) / total;
}
