/**
 * How the pure checks read DNS answers: `lookup(name, type)` says "pending" for a question not
 * answered yet (the check then returns it as a question), "failed" when the resolver gave no
 * answer, or the response. The registry modules build it from the runner's answers.
 */
import type { DohFailure } from '../dns/queryDoh';
import type { DnsResponse, QueryType } from '../dns/wire';
import { dnsAnswer, dnsQuestion, type Answers, type Evaluation } from './questions';
import type { Verdict } from './types';

export type LookupResult =
	| { state: 'pending' }
	| { state: 'failed'; failure: DohFailure; detail?: string }
	| { state: 'answer'; response: DnsResponse };
export type Lookup = (name: string, type: QueryType) => LookupResult;

export interface DnsQuestion {
	name: string;
	type: QueryType;
}

/** A check's answer so far: more questions, or the verdict. */
export type CheckProgress<V> =
	{ state: 'pending'; questions: DnsQuestion[] } | { state: 'done'; verdict: V };

/** The registry's answers read as a `Lookup` (src/lib/checks/questions.ts). */
export function lookupIn(answers: Answers): Lookup {
	return (name, type) => {
		const answer = dnsAnswer(answers, name, type);
		if (!answer) return { state: 'pending' };
		return answer.ok
			? { state: 'answer', response: answer.response }
			: {
					state: 'failed',
					failure: answer.failure,
					...(answer.detail ? { detail: answer.detail } : {}),
				};
	};
}

/** A pure check's progress as the registry's `Evaluation`. */
export function asEvaluation(progress: CheckProgress<Verdict>): Evaluation {
	return progress.state === 'pending'
		? { kind: 'need', questions: progress.questions.map((q) => dnsQuestion(q.name, q.type)) }
		: { kind: 'done', verdict: progress.verdict };
}
