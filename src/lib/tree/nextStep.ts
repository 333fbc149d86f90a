/**
 * Walking the decision tree: pure functions over the graph of `src/content/tree/steps.json`.
 * No DOM, no `astro:content`: the `<decision-tree>` element and the tests both call these.
 */
import type { Next, Symptom, TreeStep } from '../../schemas/tree';

import type { CheckStatus } from '../checks/types';
import type { Offer, Setup } from '../records/offers';

/** What the person did at a step: picked an answer, or ran the step's DNS check. */
export type Choice = { answer: string } | { verdict: CheckStatus };

/** One step of a walk. The last entry is the step on screen, without a choice yet. */
export interface WalkEntry {
	step: string;
	/** The answer picked (question, or DNS step answered by hand). */
	answer?: string;
	/** The verdict of the DNS check run at this step. */
	verdict?: CheckStatus;
	/** The domain the DNS check ran on (typed by the person: untrusted text). */
	domain?: string;
	/** The other inputs that check was given, those its step asks for (untrusted text). */
	offer?: Offer;
	setup?: Setup;
	server?: string;
	dkim?: string;
}

export type NextResult =
	| { ok: true; next: string }
	| {
			ok: false;
			/**
			 * `unknown-step`, `unknown-answer`: not in the graph. `no-symptom`: the answer leads to a
			 * different step for "can't send" and "don't receive" and the walk did not start at
			 * `start`. `undecided`: the check could not run (`error`), the person answers by hand.
			 * `outcome`: the walk has ended.
			 */
			reason: 'unknown-step' | 'unknown-answer' | 'no-symptom' | 'undecided' | 'outcome';
	  };

/** The id of the first step; the `start` step's answers are the symptoms. */
export const START_STEP = 'start';

export function isSymptom(value: unknown): value is Symptom {
	return value === 'send' || value === 'receive';
}

/** The step a `next` leads to for a symptom, or null when it depends on an unknown symptom. */
export function resolveNext(next: Next, symptom: Symptom | undefined): string | null {
	if (typeof next === 'string') return next;
	return symptom ? next[symptom] : null;
}

/** Every step a `next` can lead to (both branches of a per-symptom `next`). */
export function targetsOf(next: Next): string[] {
	return typeof next === 'string' ? [next] : [next.send, next.receive];
}

/** The symptom picked at `start`, if the walk went through it. */
export function symptomOf(walk: readonly WalkEntry[]): Symptom | undefined {
	const first = walk.find((entry) => entry.step === START_STEP);
	return isSymptom(first?.answer) ? first.answer : undefined;
}

/** Steps by id, for repeated look-ups. */
export function indexSteps(steps: readonly TreeStep[]): Map<string, TreeStep> {
	return new Map(steps.map((step) => [step.id, step]));
}

/**
 * The step that follows `stepId` after a choice. A DNS verdict of `error` decides nothing: the
 * step stays, and the person compares the records by hand (DESIGN.md: `error` is "could not
 * check", never shown as a misconfiguration).
 */
export function nextStep(
	steps: ReadonlyMap<string, TreeStep>,
	stepId: string,
	choice: Choice,
	symptom?: Symptom
): NextResult {
	const step = steps.get(stepId);
	if (!step) return { ok: false, reason: 'unknown-step' };
	if (step.kind === 'outcome') return { ok: false, reason: 'outcome' };
	let next: Next | undefined;
	if ('verdict' in choice) {
		if (step.kind !== 'dns') return { ok: false, reason: 'unknown-answer' };
		// Could not check, or not run for want of an input: the person answers by hand.
		if (choice.verdict === 'error' || choice.verdict === 'skip')
			return { ok: false, reason: 'undecided' };
		next = step.verdicts[choice.verdict];
	} else {
		next = step.answers.find((answer) => answer.id === choice.answer)?.next;
		if (next === undefined) return { ok: false, reason: 'unknown-answer' };
	}
	// At `start` the answer *is* the symptom.
	const resolved = resolveNext(
		next,
		stepId === START_STEP && 'answer' in choice && isSymptom(choice.answer)
			? choice.answer
			: symptom
	);
	if (resolved === null) return { ok: false, reason: 'no-symptom' };
	if (!steps.has(resolved)) return { ok: false, reason: 'unknown-step' };
	return { ok: true, next: resolved };
}

/**
 * Which step a `?step=` value opens. Anything that is not a step id (missing, misspelt, hostile)
 * opens `start`; `unknown` then carries the raw value so the page can say so (as text only).
 */
export function readStepParam(
	search: string,
	steps: ReadonlyMap<string, TreeStep>
): { step: string; unknown?: string } {
	const value = new URLSearchParams(search).get('step');
	if (value === null || value === '') return { step: START_STEP };
	if (steps.has(value)) return { step: value };
	return { step: START_STEP, unknown: value.slice(0, 200) };
}
