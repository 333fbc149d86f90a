import { z } from 'astro/zod';
import { diagnosticAnchorSchema } from './common';

/** Places an error's fix can send the reader to, besides other diagnostic anchors. */
export const ERROR_CHECKS = ['dns-mx', 'dns-srv', 'webmail', 'status', 'domain-validity'] as const;

/**
 * One diagnostic error (or reference section) in one language:
 * `src/content/errors/{lang}/{anchor}.mdx`. The MDX body is the fix: what to do, in order.
 */
export const errorEntrySchema = z
	.object({
		/** The stable anchor on `/{lang}/diagnostic/`; must equal the file name. */
		anchor: diagnosticAnchorSchema,
		/** Heading shown on the page, in the entry's language. */
		title: z.string().min(3),
		/**
		 * The message(s) the diagnostic prints, exactly as the guides give them in this language.
		 * Empty only for reference sections (`hostname`), which the diagnostic never prints.
		 */
		messages: z.array(z.string().min(3)).default([]),
		/** What the error means, in one or two plain sentences. */
		meaning: z.string().min(10),
		/** Whether the error stops sending, receiving, both, or neither (reference section). */
		affects: z.array(z.enum(['send', 'receive'])).default([]),
		/** Other anchors of the diagnostic page the fix refers to. */
		related: z.array(diagnosticAnchorSchema).default([]),
		/** Checks and provider pages the fix links to. */
		checks: z.array(z.enum(ERROR_CHECKS)).default([]),
		/** Id of the control-panel path (provider data) where the fix is done. */
		panelPath: z.string().optional(),
		/** Position on the page. */
		order: z.number().int().min(0),
	})
	.strict();

export type ErrorEntry = z.infer<typeof errorEntrySchema>;
