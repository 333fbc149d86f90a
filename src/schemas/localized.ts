import { z } from 'astro/zod';
import { LOCALE_CODES } from '../lib/i18n/locales';

/** A text in every language of the site; a missing language fails the build. */
export const localizedSchema = z.object(
	Object.fromEntries(LOCALE_CODES.map((code) => [code, z.string().min(1)])) as Record<
		(typeof LOCALE_CODES)[number],
		z.ZodString
	>
);
