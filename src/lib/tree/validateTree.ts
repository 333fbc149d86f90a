/**
 * The graph checks of the decision tree (issue #6): every step reachable from `start`, no
 * cycle, every path ending in an outcome, no step id, answer, link or label dangling, in every
 * language. Pure: the page runs it at build (a broken tree fails the build) and
 * `tests/unit/tree/` runs it on the real files and on broken copies.
 */
import { SYMPTOMS, type TreeStep, type TreeText } from '../../schemas/tree';
import { START_STEP, targetsOf } from './nextStep';

export interface TreeContext {
	/** Control-panel path ids of provider.json (`panelPaths`). */
	panelPaths: readonly string[];
	/** Link ids of provider.json (`links`). */
	providerLinks: readonly string[];
}

/** Every step a step can lead to: answers (by hand) and DNS verdicts, both symptom branches. */
export function edgesOf(step: TreeStep): string[] {
	if (step.kind === 'outcome') return [];
	const nexts = step.answers.map((answer) => answer.next);
	if (step.kind === 'dns') nexts.push(step.verdicts.pass, step.verdicts.warn, step.verdicts.fail);
	return [...new Set(nexts.flatMap(targetsOf))];
}

/** Returns the problems found, each a sentence saying where and how to fix it; empty when sound. */
export function validateTree(
	steps: readonly TreeStep[],
	texts: Readonly<Record<string, TreeText>>,
	context: TreeContext
): string[] {
	const problems: string[] = [];
	const byId = new Map<string, TreeStep>();
	for (const step of steps) {
		if (byId.has(step.id))
			problems.push(`Step "${step.id}" is defined twice in steps.json: rename one.`);
		byId.set(step.id, step);
	}

	const start = byId.get(START_STEP);
	if (!start) {
		problems.push(`steps.json has no "${START_STEP}" step: the walk must begin somewhere.`);
	} else if (start.kind !== 'question') {
		problems.push(
			`Step "${START_STEP}" must be a question whose answers are ${SYMPTOMS.join(' and ')}.`
		);
	} else {
		// The symptoms, plus problems that are neither (mail late or in junk): those lead to one step,
		// since no symptom was chosen to pick a branch.
		const ids = start.answers.map((a) => a.id);
		const missing = SYMPTOMS.filter((symptom) => !ids.includes(symptom));
		if (missing.length > 0) {
			problems.push(
				`Step "${START_STEP}" must have the answers ${SYMPTOMS.join(', ')} (it has ${ids.join(', ')}).`
			);
		}
		for (const answer of start.answers)
			if (!(SYMPTOMS as readonly string[]).includes(answer.id) && typeof answer.next !== 'string')
				problems.push(
					`Step "${START_STEP}": answer "${answer.id}" is not a symptom, so it must lead to one step, not one per symptom.`
				);
	}

	for (const step of steps) {
		// Answers: unique ids, targets that exist, no step pointing at itself.
		if (step.kind !== 'outcome') {
			const seen = new Set<string>();
			for (const answer of step.answers) {
				if (seen.has(answer.id)) problems.push(`Step "${step.id}" has two answers "${answer.id}".`);
				seen.add(answer.id);
			}
		}
		for (const target of edgesOf(step)) {
			if (!byId.has(target))
				problems.push(`Step "${step.id}" leads to "${target}", which is not a step of steps.json.`);
		}
		if (step.kind !== 'outcome' && edgesOf(step).length === 0) {
			problems.push(`Step "${step.id}" leads nowhere: give it answers or make it an outcome.`);
		}
		// Links and panel paths must exist in the provider data.
		const keys = new Set<string>();
		for (const link of step.links) {
			if (keys.has(link.key))
				problems.push(`Step "${step.id}" has two links with key "${link.key}".`);
			keys.add(link.key);
			if (link.kind === 'provider' && !context.providerLinks.includes(link.id)) {
				problems.push(
					`Step "${step.id}" links to provider link "${link.id}", missing from provider.json "links".`
				);
			}
		}
		if (step.panelPath !== undefined && !context.panelPaths.includes(step.panelPath)) {
			problems.push(
				`Step "${step.id}" shows panel path "${step.panelPath}", missing from provider.json "panelPaths".`
			);
		}
	}

	// Reachability from start (breadth first over every edge).
	if (start) {
		const reached = new Set([START_STEP]);
		const queue = [START_STEP];
		while (queue.length > 0) {
			const step = byId.get(queue.shift()!);
			for (const target of step ? edgesOf(step) : []) {
				if (!reached.has(target) && byId.has(target)) {
					reached.add(target);
					queue.push(target);
				}
			}
		}
		for (const step of steps) {
			if (!reached.has(step.id))
				problems.push(
					`Step "${step.id}" cannot be reached from "${START_STEP}": link an answer to it or remove it.`
				);
		}
	}

	// Cycles (depth-first, three colours). With no cycle and every non-outcome step leading to
	// existing steps, every path ends in an outcome.
	const state = new Map<string, 'open' | 'done'>();
	const visit = (id: string, trail: string[]): void => {
		const mark = state.get(id);
		if (mark === 'done') return;
		if (mark === 'open') {
			problems.push(`The tree loops: ${[...trail.slice(trail.indexOf(id)), id].join(' → ')}.`);
			return;
		}
		state.set(id, 'open');
		const step = byId.get(id);
		for (const target of step ? edgesOf(step) : [])
			if (byId.has(target)) visit(target, [...trail, id]);
		state.set(id, 'done');
	};
	for (const step of steps) visit(step.id, []);

	// Text: every step, answer and link labelled in every language, nothing extra.
	for (const [lang, text] of Object.entries(texts)) {
		const file = `text/${lang}.json`;
		for (const id of Object.keys(text.steps)) {
			if (!byId.has(id))
				problems.push(`${file} has text for "${id}", which is not a step of steps.json.`);
		}
		for (const step of steps) {
			const words = text.steps[step.id];
			if (!words) {
				problems.push(`${file} has no text for step "${step.id}".`);
				continue;
			}
			if (step.kind !== 'outcome' && !words.question)
				problems.push(`${file}: step "${step.id}" needs a "question".`);
			if (step.kind === 'outcome' && !words.summary)
				problems.push(`${file}: outcome "${step.id}" needs a "summary" line.`);
			const answerIds = step.kind === 'outcome' ? [] : step.answers.map((a) => a.id);
			for (const id of answerIds) {
				if (!words.answers[id])
					problems.push(`${file}: step "${step.id}" has no label for answer "${id}".`);
			}
			for (const id of Object.keys(words.answers)) {
				if (!answerIds.includes(id))
					problems.push(
						`${file}: step "${step.id}" labels answer "${id}", which steps.json does not have.`
					);
			}
			const linkKeys = step.links.map((l) => l.key);
			for (const key of linkKeys) {
				if (!words.links[key])
					problems.push(`${file}: step "${step.id}" has no label for link "${key}".`);
			}
			for (const key of Object.keys(words.links)) {
				if (!linkKeys.includes(key))
					problems.push(
						`${file}: step "${step.id}" labels link "${key}", which steps.json does not have.`
					);
			}
		}
	}
	return problems;
}

/**
 * Every path from `start` to an outcome, as lists of `[step, answer or verdict]`. For the tests
 * (one browser walk per outcome and language) and for reading the tree as a whole.
 */
export function allPaths(
	steps: readonly TreeStep[]
): Array<Array<{ step: string; via: string; to: string }>> {
	const byId = new Map(steps.map((s) => [s.id, s]));
	const paths: Array<Array<{ step: string; via: string; to: string }>> = [];
	const walk = (
		id: string,
		symptom: string | undefined,
		trail: Array<{ step: string; via: string; to: string }>
	) => {
		const step = byId.get(id);
		if (!step || trail.length > steps.length) return;
		if (step.kind === 'outcome') {
			paths.push(trail);
			return;
		}
		const choices: Array<[string, Parameters<typeof targetsOf>[0]]> = step.answers.map((a) => [
			a.id,
			a.next,
		]);
		if (step.kind === 'dns')
			for (const v of ['pass', 'warn', 'fail'] as const)
				choices.push([`verdict:${v}`, step.verdicts[v]]);
		for (const [via, next] of choices) {
			const s = id === START_STEP ? via : symptom;
			const to =
				typeof next === 'string' ? next : s === 'send' || s === 'receive' ? next[s] : undefined;
			if (to) walk(to, s, [...trail, { step: id, via, to }]);
		}
	};
	walk(START_STEP, undefined, []);
	return paths;
}
