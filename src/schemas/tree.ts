import { z } from 'astro/zod';
import { diagnosticAnchorSchema } from './common';
import { statusCodeSchema } from './ndr';
import { CHECK_IDS } from '../lib/checks/types';

/**
 * The verification decision tree (issue #6), in two parts:
 *
 * - `src/content/tree/steps.json`: the language-neutral graph. One entry per step: its kind, its
 *   answers and where each leads, the DNS check it runs, and what it links to. Nothing a reader
 *   sees is written there.
 * - `src/content/tree/text/{lang}.json`: every word of the tree in one language, keyed by step id
 *   (title, paragraphs, question, answer labels, link labels, checklist).
 *
 * The schemas check each file's shape; the graph checks that span files (every step reachable
 * from `start`, no cycle, every path ending in an outcome, every step, answer and link labelled in
 * every language) are `validateTree` in `src/lib/tree/validateTree.ts`, run by the page at build
 * and by `tests/unit/tree/`.
 *
 * The order of checks follows the newest French guides (003, 004): webmail, infrastructure,
 * domain and service validity, account state, domain pointing (reception only); the error list
 * and the SRV record come from 000.
 */

/** Step ids are part of the URL contract (`?step=id`, `#id`): lower-case kebab-case, never renamed. */
export const stepIdSchema = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
	error: 'Step ids are lower-case kebab-case: "domain-validity"',
});

/** Answer ids, unique within a step; they name the answer in the summary and in tests. */
export const answerIdSchema = stepIdSchema;

/**
 * The two problems a walk starts from. The `start` step's answers carry these ids (and may add
 * problems that are neither, such as mail arriving late or in junk, each leading to one step), and a
 * `next` that differs between them is written `{ "send": …, "receive": … }`: the guides check
 * the domain's MX only for a reception problem (003, "Le pointage du domaine (réception
 * uniquement)").
 */
export const SYMPTOMS = ['send', 'receive'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

/** Where an answer leads: one step, or one step per symptom chosen at `start`. */
export const nextSchema = z.union([
	stepIdSchema,
	z.object({ send: stepIdSchema, receive: stepIdSchema }).strict(),
]);
export type Next = z.infer<typeof nextSchema>;

export const answerSchema = z
	.object({
		/** Unique within the step; its label is `text/{lang}.json` → `steps[step].answers[id]`. */
		id: answerIdSchema,
		/** The step this answer leads to. */
		next: nextSchema,
	})
	.strict();

/**
 * What a step links to. Each link has a `key`, unique in the step, whose label is in every
 * language's text file (`steps[step].links[key]`).
 */
export const treeLinkSchema = z.discriminatedUnion('kind', [
	/** A section of `/{lang}/diagnostic/`. */
	z
		.object({
			kind: z.literal('diagnostic'),
			key: z.string().min(1),
			anchor: diagnosticAnchorSchema,
		})
		.strict(),
	/** A URL of the provider data (`links` of provider.json): webmail, status page, … */
	z.object({ kind: z.literal('provider'), key: z.string().min(1), id: z.string().min(1) }).strict(),
	/**
	 * The DNS page: its record tables (`#mx-records`, `#srv-record`) and its sections on the
	 * sending records (`#spf`, `#dkim`, `#dmarc`). After a check in the walk, the link carries
	 * that check's domain, offer and selector, so the page opens on the full report too.
	 */
	z
		.object({
			kind: z.literal('dns'),
			key: z.string().min(1),
			anchor: z.enum(['mx-records', 'srv-record', 'spf', 'dkim', 'dmarc']),
		})
		.strict(),
	/** One of the site's tools: the header analyzer (`/{lang}/headers/`), the bounce analyzer. */
	z
		.object({ kind: z.literal('page'), key: z.string().min(1), page: z.enum(['headers', 'ndr']) })
		.strict(),
]);
export type TreeLink = z.infer<typeof treeLinkSchema>;

const stepBase = {
	/** The step id: section id, `?step=` value, key of the text files. */
	id: stepIdSchema,
	/** Pages and sections the step links to (diagnostic anchors, provider pages, DNS tables). */
	links: z.array(treeLinkSchema).default([]),
	/** A control-panel path of provider.json shown in the step. */
	panelPath: z.string().optional(),
	/** Delivery status codes the step mentions; rendered as links to `/{lang}/ndr/#{code}`. */
	ndr: z.array(statusCodeSchema).default([]),
};

/** A question: the person picks one answer. */
const questionStepSchema = z
	.object({
		...stepBase,
		kind: z.literal('question'),
		answers: z.array(answerSchema).min(2, { error: 'A question needs at least two answers' }),
	})
	.strict();

/**
 * A DNS step: with a domain, the check of `src/lib/checks` runs in place and its verdict picks
 * the next step; without one (no JavaScript, or the check could not run), the person compares
 * the records with the tables and answers by hand.
 */
const dnsStepSchema = z
	.object({
		...stepBase,
		kind: z.literal('dns'),
		/** Which check of the registry runs in place (src/lib/checks/registry.ts). */
		check: z.enum(CHECK_IDS),
		/** The step each verdict leads to. */
		verdicts: z.object({ pass: nextSchema, warn: nextSchema, fail: nextSchema }).strict(),
		/** The answers by hand, for a reader without JavaScript or when the check cannot run. */
		answers: z
			.array(answerSchema)
			.min(2, { error: 'A DNS step needs answers by hand for readers without JavaScript' }),
	})
	.strict();

/** An end of the walk: what to do now. */
const outcomeStepSchema = z
	.object({
		...stepBase,
		kind: z.literal('outcome'),
		/** `fix`: the person can fix it; `wait`: nothing to do but wait; `support`: contact support. */
		resolution: z.enum(['fix', 'wait', 'support']),
		/** Show the support hours of provider.json. */
		supportHours: z.boolean().default(false),
	})
	.strict();

export const treeStepSchema = z.discriminatedUnion('kind', [
	questionStepSchema,
	dnsStepSchema,
	outcomeStepSchema,
]);
export type TreeStep = z.infer<typeof treeStepSchema>;

/** The words of one step in one language. */
export const stepTextSchema = z
	.object({
		/** Heading of the step's section: short, says what is checked or what happened. */
		title: z.string().min(3),
		/** Paragraphs, plain text (no markup): what to do in this step. */
		body: z.array(z.string().min(3)).min(1),
		/** The question the answers reply to; required for questions and DNS steps. */
		question: z.string().min(3).optional(),
		/** Label of each answer, keyed by answer id. */
		answers: z.record(answerIdSchema, z.string().min(2)).default({}),
		/** Label of each link, keyed by link key. */
		links: z.record(z.string(), z.string().min(2)).default({}),
		/** A checklist (what to prepare for support, what to do after a fix). */
		list: z.array(z.string().min(3)).optional(),
		/** The one-line answer of this step in the copied summary, when it is an outcome. */
		summary: z.string().min(3).optional(),
	})
	.strict();
export type StepText = z.infer<typeof stepTextSchema>;

/** One language's text file: `src/content/tree/text/{lang}.json`. */
export const treeTextSchema = z
	.object({
		/** Step id → its words. Must list every step of steps.json and no other (validateTree). */
		steps: z.record(stepIdSchema, stepTextSchema),
	})
	.strict();
export type TreeText = z.infer<typeof treeTextSchema>;
