// @ts-check
/**
 * A Vite plugin: when Starlight's search component imports `@pagefind/default-ui`, it gets
 * src/components/search/rankedPagefindUi.ts instead, which extends Pagefind's UI (best section
 * first, an accessible name for the box). Every other import of the package, ours included, is
 * left alone. This is the seam instead of a copy of Starlight's Search.astro.
 */
import { fileURLToPath } from 'node:url';

const PAGEFIND_UI = '@pagefind/default-ui';
const OURS = fileURLToPath(new URL('../components/search/rankedPagefindUi.ts', import.meta.url));
/** Starlight's own search component, wherever the package manager put it. */
const STARLIGHT_SEARCH = /[\\/]@astrojs[\\/]starlight[\\/].*[\\/]Search\.astro/;

/** @returns {import('vite').Plugin} */
export function rankedPagefindUi() {
	return {
		name: 'exchange-help:ranked-pagefind-ui',
		enforce: 'pre',
		resolveId(source, importer) {
			if (source !== PAGEFIND_UI || !importer || !STARLIGHT_SEARCH.test(importer)) return null;
			return OURS;
		},
	};
}
