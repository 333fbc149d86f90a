/**
 * How the pure checks read DNS answers: `lookup(name, type)` says "pending" for a question not
 * answered yet (the check then returns it as a question), "failed" when the resolver gave no
 * answer, or the response. The registry modules build it from the runner's answers.
 */
import type { DohFailure } from '../dns/queryDoh';
import type { DnsResponse, QueryType } from '../dns/wire';

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
