import { z } from 'astro/zod';
import { diagnosticAnchorSchema } from './common';

/** Places an error's fix can send the reader to, besides other diagnostic anchors. */
export const ERROR_CHECKS = ['dns-mx', 'dns-srv', 'webmail', 'status', 'domain-validity'] as const;

/**
 * The language-neutral facts of one diagnostic error: `src/content/errors/errors.json`, keyed by
 * anchor. Kept once so the three languages cannot disagree on them.
 */
export const errorFactsSchema = z
	.object({
		/** Position on the page. */
		order: z.number().int().min(0),
		/**
		 * What the error stops: sending, receiving (mail no longer reaches the mailbox), reading
		 * (nobody can sign in to read the mail that keeps arriving); none for a reference section
		 * or an error that says nothing about the account (a failed diagnostic sign-in).
		 */
		affects: z.array(z.enum(['send', 'receive', 'read'])).default([]),
		/** Other anchors of the diagnostic page the fix refers to. */
		related: z.array(diagnosticAnchorSchema).default([]),
		/** Checks and provider pages the fix links to. */
		checks: z.array(z.enum(ERROR_CHECKS)).default([]),
		/** Id of the control-panel path (provider data, `panelPaths`) where the fix is done. */
		panelPath: z.string().optional(),
	})
	.strict();

/**
 * One diagnostic error (or reference section) in one language:
 * `src/content/errors/{lang}/{anchor}.mdx`. The MDX body is the fix: what to do, in order,
 * without headings (the page supplies them).
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
	})
	.strict();

export type ErrorEntry = z.infer<typeof errorEntrySchema>;
export type ErrorFacts = z.infer<typeof errorFactsSchema>;
