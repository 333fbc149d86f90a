/**
 * One DNS check of a domain: the registry's checks (src/lib/checks/registry.ts) run by
 * `runChecks`, their DNS questions answered over DoH and their RDAP questions by the injected
 * lookup. `fetch` is injected (the browser's in the islands, a fake in tests); no DOM here.
 */
import type { Offer, Provider, Setup } from '../../schemas/provider';
import {
	CHECKS,
	questionKey,
	type Answer,
	type CheckContext,
	type CheckModule,
	type Question,
	type RdapAnswer,
	type RdapQuestion,
} from '../checks/registry';
import { runChecks } from '../checks/runChecks';
import type { CheckId, MxVerdict, Verdict } from '../checks/types';
import type { NormalizedDomain } from './normalizeDomain';
import { queryDoh, type DohAttempt, type DohOptions } from './queryDoh';
import type { Resolver } from './resolvers';
import type { QueryType } from './wire';
import { rdapAnswerSource } from '../rdap/answerSource';

export interface DnsCheckRequest {
	provider: Provider;
	domain: NormalizedDomain;
	offer: Offer;
	setup?: Setup;
	server?: string;
	/** DKIM selectors to judge (the `dkim` parameter). */
	dkim?: string[];
	resolver: Resolver;
	/** The `rdap` parameter: an RDAP base URL that replaces IANA's bootstrap registry. */
	rdap?: string;
}

export interface LookupLog {
	/** The question's `questionKey`. */
	key: string;
	name: string;
	type: QueryType;
	/** The resolver that answered, if one did. */
	answeredBy?: Resolver;
	rcode?: string;
	fetchedAt?: Date;
	attempts: DohAttempt[];
}

/** Answers an RDAP question (bootstrap or the `rdap` parameter: src/lib/rdap). Must resolve. */
export type RdapLookup = (question: RdapQuestion, signal?: AbortSignal) => Promise<RdapAnswer>;

export interface DnsCheckOptions extends DohOptions {
	/** The checks to run; default every check of the registry. */
	modules?: readonly CheckModule[];
	/** Called as each verdict is known (the report shows them as they come), with the lookups so far. */
	onVerdict?: (verdict: Verdict, module: CheckModule, lookups: readonly LookupLog[]) => void;
	/** Called when a question is sent, with its key (progress, benchmarks). */
	onQuestion?: (question: Question) => void;
	rdap?: RdapLookup;
}

export interface DnsCheckReport {
	request: DnsCheckRequest;
	verdicts: Map<CheckId, Verdict>;
	/** One per question asked, in the order the answers came. */
	lookups: LookupLog[];
	/** The lines the domain should have, for the offer and the setup given or inferred. */
	zone: string[];
	setup: Setup;
	setupInferred: boolean;
	startedAt: Date;
	finishedAt: Date;
}

/**
 * The answer source over DoH and RDAP, logging each DNS lookup for the report. RDAP questions go
 * to `options.rdap` when given (tests), else through the same fetch to the `rdap` base URL or
 * the service IANA's bootstrap registry names (src/lib/rdap).
 */
export function createAnswerSource(
	resolver: Resolver,
	options: DnsCheckOptions,
	rdapBase?: string
): { ask: (question: Question) => Promise<Answer>; lookups: LookupLog[] } {
	const lookups: LookupLog[] = [];
	const rdap =
		options.rdap ??
		rdapAnswerSource({ fetch: options.fetch, ...(rdapBase ? { base: rdapBase } : {}) });
	const ask = async (question: Question): Promise<Answer> => {
		options.onQuestion?.(question);
		if (question.kind === 'rdap') return rdap(question, options.signal);
		const result = await queryDoh(resolver, question.name, question.type, options);
		lookups.push({
			key: questionKey(question),
			name: question.name,
			type: question.type,
			attempts: result.attempts,
			...(result.ok
				? { answeredBy: result.resolver, rcode: result.response.rcode, fetchedAt: result.fetchedAt }
				: {}),
		});
		return { kind: 'dns', ...result };
	};
	return { ask, lookups };
}

/** The log of a check's first DNS question (the one its resolver line reports). */
export function lookupOf(
	module: CheckModule,
	ctx: CheckContext,
	lookups: readonly LookupLog[]
): LookupLog | undefined {
	const first = module.questions(ctx).find((q) => q.kind === 'dns');
	return first ? lookups.find((log) => log.key === questionKey(first)) : undefined;
}

/** The check context of a request. */
export function checkContext(request: DnsCheckRequest): CheckContext {
	const { provider, domain, offer, setup, server, dkim } = request;
	return {
		provider,
		domain,
		offer,
		...(setup ? { setup } : {}),
		...(server ? { server } : {}),
		...(dkim?.length ? { dkim } : {}),
	};
}

/** The setup the records were judged for: given, or inferred by the MX check. */
export function judgedSetup(
	request: Pick<DnsCheckRequest, 'setup'>,
	mx: Verdict | undefined
): { setup: Setup; inferred: boolean } {
	if (mx && 'setup' in mx)
		return { setup: (mx as MxVerdict).setup, inferred: (mx as MxVerdict).setupInferred };
	return { setup: request.setup ?? 'exchange-only', inferred: !request.setup };
}

/** The zone lines of every check run, for the setup judged. */
export function zoneLines(
	ctx: CheckContext,
	modules: readonly CheckModule[],
	setup: Setup
): string[] {
	return modules.flatMap((module) => module.zoneLines?.({ ...ctx, setup }) ?? []);
}

export async function runDnsCheck(
	request: DnsCheckRequest,
	options: DnsCheckOptions
): Promise<DnsCheckReport> {
	const now = options.now ?? (() => Date.now());
	const startedAt = new Date(now());
	const modules = options.modules ?? CHECKS;
	const ctx = checkContext(request);
	const source = createAnswerSource(request.resolver, options, request.rdap);
	const { verdicts } = await runChecks(ctx, {
		modules,
		ask: source.ask,
		onVerdict: (verdict, module) => options.onVerdict?.(verdict, module, source.lookups),
		signal: options.signal,
	});
	const { setup, inferred } = judgedSetup(request, verdicts.get('mx'));
	return {
		request,
		verdicts,
		lookups: source.lookups,
		zone: zoneLines(ctx, modules, setup),
		setup,
		setupInferred: inferred,
		startedAt,
		finishedAt: new Date(now()),
	};
}
