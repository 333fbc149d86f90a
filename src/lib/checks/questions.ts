/**
 * The questions checks ask and the answers they get, shared by the registry, the modules and the
 * runner (a file of its own so modules never import the registry that lists them).
 */
import type { Offer, Provider, Setup } from '../../schemas/provider';
import type { NormalizedDomain } from '../dns/normalizeDomain';
import type { DohResult } from '../dns/queryDoh';
import type { DnsResponse, QueryType } from '../dns/wire';
import type { CheckId, Verdict } from './types';

export type DnsQuestion = { kind: 'dns'; name: string; type: QueryType };
/** `domain` in A-labels (punycode). */
export type RdapQuestion = { kind: 'rdap'; domain: string };
/** A question a check needs answered. */
export type Question = DnsQuestion | RdapQuestion;

/** The key of a question in the answers map: `dns:TXT:example.com`, `rdap:example.com`. */
export function questionKey(question: Question): string {
	return question.kind === 'dns'
		? `dns:${question.type}:${question.name.toLowerCase().replace(/\.$/, '')}`
		: `rdap:${question.domain.toLowerCase().replace(/\.$/, '')}`;
}

export const dnsQuestion = (name: string, type: QueryType): DnsQuestion => ({
	kind: 'dns',
	name,
	type,
});

/** A DNS answer: the DoH result (an answer, or why the resolver gave none). */
export type DnsAnswer = { kind: 'dns' } & DohResult;

/**
 * An RDAP answer: the registry's record read (RFC 9083), or why there was none (each failure is
 * "could not check", never a misconfiguration). The lookup (bootstrap, `rdap` parameter) is
 * src/lib/rdap's `lookupRdap`.
 */
export type { RdapAnswer } from '../rdap/lookupRdap';
import type { RdapAnswer } from '../rdap/lookupRdap';

export type Answer = DnsAnswer | RdapAnswer;
export type Answers = ReadonlyMap<string, Answer>;

/** The answer to a DNS question, if it has been asked and answered. */
export function dnsAnswer(answers: Answers, name: string, type: QueryType): DnsAnswer | undefined {
	const answer = answers.get(questionKey(dnsQuestion(name, type)));
	return answer?.kind === 'dns' ? answer : undefined;
}

/** The response, when the resolver gave one (NOERROR or NXDOMAIN). */
export function dnsResponse(
	answers: Answers,
	name: string,
	type: QueryType
): DnsResponse | undefined {
	const answer = dnsAnswer(answers, name, type);
	return answer?.ok ? answer.response : undefined;
}

export function rdapAnswer(answers: Answers, domain: string): RdapAnswer | undefined {
	const answer = answers.get(questionKey({ kind: 'rdap', domain }));
	return answer?.kind === 'rdap' ? answer : undefined;
}

/** What one evaluation round says: more questions are needed, or the verdict. */
export type Evaluation =
	{ kind: 'need'; questions: Question[] } | { kind: 'done'; verdict: Verdict };

/** What every check is run with: the checker's validated parameters. */
export interface CheckContext {
	provider: Provider;
	domain: NormalizedDomain;
	offer: Offer;
	/** Absent: the MX check infers it from what is published. */
	setup?: Setup;
	/** The Exchange server's host name, canonical, when the person gave it. */
	server?: string;
	/** The `dkim` parameter: selectors, validated (a prefix already expanded to both). */
	dkim?: string[];
}

/**
 * What a check reads of the checker's parameters besides the domain. The decision tree's DNS
 * steps ask the person for these only (a DMARC step asks for the domain alone).
 */
export const CHECK_INPUTS = ['offer', 'setup', 'server', 'dkim'] as const;
export type CheckInput = (typeof CHECK_INPUTS)[number];

export interface CheckModule {
	id: CheckId;
	/** The parameters besides the domain its questions and verdict read; none when absent. */
	inputs?: readonly CheckInput[];
	/** The UI string keys the check can produce (a unit test checks each exists in every language). */
	messageKeys: readonly string[];
	/** First questions, asked in parallel with every other check's. */
	questions(ctx: CheckContext): Question[];
	/**
	 * PURE: from the answers so far, ask more (follow-ups: SPF include/redirect, CNAME targets,
	 * MX alias lookups) or give the verdict. Called again after each batch of answers. Must end:
	 * count lookups and stop loops; the runner also stops a check after `MAX_ROUNDS` rounds.
	 */
	evaluate(ctx: CheckContext, answers: Answers): Evaluation;
	/** Zone lines the domain should have for this check, for the offer and setup. */
	zoneLines?(ctx: CheckContext & { setup: Setup }): string[];
}
