/**
 * The order the tree's steps are rendered in, and the links each step's answers become. Without
 * JavaScript the page is the whole flow read top down, so the order matters: `start`, then the
 * steps breadth first along answers and verdicts, the outcomes last.
 */
import { SYMPTOMS, type Symptom, type TreeStep } from '../../schemas/tree';
import { START_STEP } from './nextStep';
import { edgesOf } from './validateTree';

/** Steps in reading order; steps that `start` cannot reach are left out (validateTree reports them). */
export function readingOrder(steps: readonly TreeStep[]): TreeStep[] {
	const byId = new Map(steps.map((step) => [step.id, step]));
	const order: TreeStep[] = [];
	const seen = new Set<string>();
	const visit = (id: string) => {
		const step = byId.get(id);
		if (step && !seen.has(id)) {
			seen.add(id);
			order.push(step);
		}
	};
	visit(START_STEP);
	for (let i = 0; i < order.length; i++) for (const next of edgesOf(order[i]!)) visit(next);
	return [
		...order.filter((step) => step.kind !== 'outcome'),
		...order.filter((step) => step.kind === 'outcome'),
	];
}

/** One answer as a link: where it leads, and for which symptom when that depends on it. */
export interface AnswerLink {
	answer: string;
	next: string;
	symptom?: Symptom;
}

/**
 * The links of a step's answers: one per answer, or one per symptom for an answer that leads
 * elsewhere for "can't send" and "don't receive" (the element then shows the branch that applies).
 */
export function answerLinks(step: TreeStep): AnswerLink[] {
	if (step.kind === 'outcome') return [];
	return step.answers.flatMap(({ id, next }) =>
		typeof next === 'string'
			? [{ answer: id, next }]
			: SYMPTOMS.map((symptom) => ({ answer: id, next: next[symptom], symptom }))
	);
}
