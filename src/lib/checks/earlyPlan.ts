/**
 * The early start's plan (src/lib/dns/earlyStart.ts), built from the registry at build time: every
 * check's first DNS questions, with `{domain}` for the domain, so the inline script asks exactly
 * what the checks will ask. Questions that depend on other parameters (DKIM selectors) or on RDAP
 * are left to the checker.
 */
import type { Provider } from '../../schemas/provider';
import { RR_TYPE_CODES, type EarlyPlan } from '../dns/earlyStart';
import { BUILTIN_RESOLVERS, DEFAULT_RESOLVER, LOCAL_RESOLVER_HOSTS } from '../dns/resolvers';
import { CHECKS } from './registry';

/** Stands for the domain while the plan is built; never sent. */
const PLACEHOLDER = 'early-start.invalid';

export function earlyPlan(provider: Provider): EarlyPlan {
	const ctx = {
		provider,
		domain: { ascii: PLACEHOLDER, unicode: PLACEHOLDER, isIdn: false },
		offer: 'hosted' as const,
	};
	const questions = new Map<string, { name: string; code: number }>();
	for (const module of CHECKS) {
		for (const question of module.questions(ctx)) {
			if (question.kind !== 'dns' || !question.name.endsWith(PLACEHOLDER)) continue;
			const code = RR_TYPE_CODES[question.type];
			if (code === undefined) continue;
			const name = question.name.slice(0, -PLACEHOLDER.length) + '{domain}';
			questions.set(`${name} ${code}`, { name, code });
		}
	}
	return {
		resolvers: { ...BUILTIN_RESOLVERS },
		defaultResolver: DEFAULT_RESOLVER,
		localHosts: [...LOCAL_RESOLVER_HOSTS],
		questions: [...questions.values()],
	};
}
