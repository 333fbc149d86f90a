/**
 * Files for the static host, written after the build from the same data as the pages:
 * - `_redirects`: old addresses as 301s and each language's "page not found" for misses under
 *   its prefix (src/lib/links/movedPages.ts, `redirectsFile`);
 * - `/{lang}/404.html`, a copy of `/{lang}/404/index.html`, for hosts that serve the nearest
 *   `404.html` up the path (Cloudflare Pages does).
 */
import type { AstroIntegration } from 'astro';
import { copyFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { movedPages, redirectsFile } from '../lib/links/movedPages';

export function hostFiles(locales: readonly string[]): AstroIntegration {
	return {
		name: 'exchange-help:host-files',
		hooks: {
			'astro:build:done': async ({ dir, pages, logger }) => {
				const paths = pages.map(({ pathname }) =>
					`/${pathname}`.replace(/\/?$/, '/').replace(/^\/\/$/, '/')
				);
				await writeFile(new URL('_redirects', dir), redirectsFile(movedPages(paths)));
				for (const locale of locales) {
					await copyFile(
						fileURLToPath(new URL(`${locale}/404/index.html`, dir)),
						fileURLToPath(new URL(`${locale}/404.html`, dir))
					);
				}
				logger.info(`wrote _redirects and ${locales.length} per-language 404.html`);
			},
		},
	};
}
