/**
 * The runner of the registry: every module's first questions asked at once (one request per
 * distinct question, however many checks need it), each module evaluated again as soon as its own
 * answers are in, its follow-ups asked, and each verdict handed on the moment it is done, so the
 * MX verdict never waits for an SPF include chain. Answers come from an injected `ask` (DoH and
 * RDAP in the browser, a fake in tests); nothing here touches the DOM or the network.
 */
import {
	questionKey,
	type Answer,
	type CheckContext,
	type CheckModule,
	type Question,
} from './questions';
import type { CheckId, Verdict } from './types';

/** Rounds of questions one check may take (first questions included) before it is stopped. */
export const MAX_ROUNDS = 12;
/** Distinct questions one run may ask, over every check (SPF alone may need 11 + a few A). */
export const MAX_QUESTIONS = 80;

export interface RunChecksOptions {
	/** The checks to run (the tree's DNS step runs its own only). Default: every check. */
	modules: readonly CheckModule[];
	/** Answers one question. Must resolve (a failure is an answer with `ok: false`). */
	ask: (question: Question) => Promise<Answer>;
	/** Called once per check, as soon as its verdict is known. */
	onVerdict?: (verdict: Verdict, module: CheckModule) => void;
	signal?: AbortSignal;
	maxRounds?: number;
	maxQuestions?: number;
}

export interface ChecksRun {
	verdicts: Map<CheckId, Verdict>;
	/** Every answer, by `questionKey`. */
	answers: Map<string, Answer>;
}

/** Why the runner, not the check, ended a check: each is an `error` verdict ("could not check"). */
export type RunnerStop = 'tooManyRounds' | 'tooManyQuestions' | 'noProgress' | 'internal';

export function runnerVerdict(ctx: CheckContext, id: CheckId, stop: RunnerStop): Verdict {
	return {
		check: id,
		status: 'error',
		message: { key: `dns.error.${stop}` },
		fix: { key: 'dns.fix.reportProblem' },
		expected: [],
		found: [],
		notes: [],
		anchor: ctx.provider.checkAnchors[id],
	};
}

/** The keys of the runner's own verdicts (every check can end with one). */
export const RUNNER_KEYS: readonly string[] = [
	...(['tooManyRounds', 'tooManyQuestions', 'noProgress', 'internal'] satisfies RunnerStop[]).map(
		(stop) => `dns.error.${stop}`
	),
	'dns.fix.reportProblem',
];

export async function runChecks(ctx: CheckContext, options: RunChecksOptions): Promise<ChecksRun> {
	const maxRounds = options.maxRounds ?? MAX_ROUNDS;
	const maxQuestions = options.maxQuestions ?? MAX_QUESTIONS;
	const answers = new Map<string, Answer>();
	const pending = new Map<string, Promise<Answer>>();
	const verdicts = new Map<CheckId, Verdict>();

	/** One request per distinct question; a second check asking it shares the first's. */
	const ask = (question: Question): Promise<Answer> => {
		const key = questionKey(question);
		const known = answers.get(key);
		if (known) return Promise.resolve(known);
		let request = pending.get(key);
		if (!request) {
			request = options.ask(question).then((answer) => {
				answers.set(key, answer);
				return answer;
			});
			pending.set(key, request);
		}
		return request;
	};

	const runOne = async (module: CheckModule): Promise<Verdict> => {
		let questions: Question[];
		try {
			questions = module.questions(ctx);
		} catch {
			return runnerVerdict(ctx, module.id, 'internal');
		}
		for (let round = 1; ; round++) {
			const fresh = questions.filter((q) => !answers.has(questionKey(q)));
			const newKeys = fresh.map(questionKey).filter((key) => !pending.has(key));
			if (pending.size + new Set(newKeys).size > maxQuestions)
				return runnerVerdict(ctx, module.id, 'tooManyQuestions');
			await Promise.all(fresh.map(ask));
			if (options.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
			let evaluation;
			try {
				evaluation = module.evaluate(ctx, answers);
			} catch {
				return runnerVerdict(ctx, module.id, 'internal');
			}
			if (evaluation.kind === 'done') return evaluation.verdict;
			// Asking only what is already answered would loop for ever.
			if (evaluation.questions.every((q) => answers.has(questionKey(q))))
				return runnerVerdict(ctx, module.id, 'noProgress');
			if (round >= maxRounds) return runnerVerdict(ctx, module.id, 'tooManyRounds');
			questions = evaluation.questions;
		}
	};

	// Every module starts in this same tick, so every first question is in flight at once.
	const runs = options.modules.map(async (module) => {
		const verdict = await runOne(module);
		if (options.signal?.aborted) return;
		verdicts.set(module.id, verdict);
		options.onVerdict?.(verdict, module);
	});
	const settled = await Promise.allSettled(runs);
	if (options.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
	// A rejected `ask` (it should resolve) is a check that could not run, not a hang.
	settled.forEach((result, index) => {
		const module = options.modules[index]!;
		if (result.status === 'rejected' && !verdicts.has(module.id)) {
			const verdict = runnerVerdict(ctx, module.id, 'internal');
			verdicts.set(module.id, verdict);
			options.onVerdict?.(verdict, module);
		}
	});
	return { verdicts, answers };
}
