/**
 * The `dmarc` verdict (RFC 7489; DESIGN.md): the TXT record at `_dmarc.{domain}`, its policy,
 * reporting addresses and their authorisation when they are in another domain (§7.1).
 */
import type { Provider } from '../../schemas/provider';
import { errorVerdict } from './errorVerdict';
import type { CheckProgress, DnsQuestion, Lookup } from './lookup';
import { printable } from './printable';
import type { Message, Verdict } from './types';

export const dmarcOwner = (domain: string) => `_dmarc.${domain}`;

const POLICIES = ['none', 'quarantine', 'reject'] as const;
type Policy = (typeof POLICIES)[number];

export interface DmarcRecord {
	tags: Map<string, string>;
	/** `p`, when valid. */
	policy?: Policy;
	/** `sp`, when valid. */
	subdomainPolicy?: Policy;
	/** `pct` (default 100), when valid. */
	pct: number;
	/** Report addresses of `rua` (mailto: URIs, RFC 7489 §6.4), lower case. */
	rua: string[];
	ruf: string[];
	/** Tags whose value is not valid (kept at their default, §6.3). */
	invalid: string[];
}

/** §6.4: a record is DMARC when its first tag is exactly `v=DMARC1`. */
export const isDmarcRecord = (text: string) => /^v\s*=\s*DMARC1\s*(;|$)/.test(text);

/** The mailto: addresses of a `rua`/`ruf` value (`mailto:a@b.example!10m, mailto:c@d`). */
function mailtoAddresses(value: string): string[] | undefined {
	const uris = value.split(',').map((u) => u.trim());
	const addresses = uris.map(
		(u) => /^mailto:([^@\s!]+@([a-z0-9-]+\.)+[a-z0-9-]+)(?:![0-9]+[kmgt]?)?$/i.exec(u)?.[1]
	);
	return addresses.every((a) => a !== undefined)
		? (addresses as string[]).map((a) => a.toLowerCase())
		: undefined;
}

export function parseDmarcRecord(text: string): DmarcRecord {
	const tags = new Map<string, string>();
	for (const part of text.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		const name = part.slice(0, eq).trim().toLowerCase();
		if (name && !tags.has(name)) tags.set(name, part.slice(eq + 1).trim());
	}
	const invalid: string[] = [];
	const policyOf = (name: string): Policy | undefined => {
		const value = tags.get(name)?.toLowerCase();
		if (value === undefined) return undefined;
		if ((POLICIES as readonly string[]).includes(value)) return value as Policy;
		invalid.push(name);
		return undefined;
	};
	const policy = policyOf('p');
	const subdomainPolicy = policyOf('sp');
	let pct = 100;
	const pctText = tags.get('pct');
	if (pctText !== undefined) {
		if (/^\d{1,3}$/.test(pctText) && Number(pctText) <= 100) pct = Number(pctText);
		else invalid.push('pct');
	}
	const reports = (name: string) => {
		const value = tags.get(name);
		if (value === undefined) return [];
		const addresses = mailtoAddresses(value);
		if (!addresses) invalid.push(name);
		return addresses ?? [];
	};
	return { tags, policy, subdomainPolicy, pct, rua: reports('rua'), ruf: reports('ruf'), invalid };
}

/** §7.1: the record a report domain publishes to accept reports about `domain`. */
export const reportAuthorisationName = (domain: string, reportDomain: string) =>
	`${domain}._report._dmarc.${reportDomain}`;

/** Same domain, or one is a subdomain of the other (an approximation of §3.2's organisational domain). */
const sameOrganisation = (a: string, b: string) =>
	a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);

export function startingDmarcRecord(provider: Provider, domain: string): string {
	return `v=DMARC1; p=${provider.dmarc.startingPolicy}; rua=mailto:${provider.dmarc.reportLocalPart}@${domain}`;
}

export function dmarcZoneLine(provider: Provider, domain: string): string {
	return `${dmarcOwner(domain)}. IN TXT "${startingDmarcRecord(provider, domain)}"`;
}

export interface DmarcCheckInput {
	provider: Provider;
	domain: string;
	lookup: Lookup;
}

export function checkDmarc(input: DmarcCheckInput): CheckProgress<Verdict> {
	const { provider, domain, lookup } = input;
	const owner = dmarcOwner(domain);
	const result = lookup(owner, 'TXT');
	if (result.state === 'pending')
		return { state: 'pending', questions: [{ name: owner, type: 'TXT' }] };
	if (result.state === 'failed') {
		return {
			state: 'done',
			verdict: errorVerdict(provider, 'dmarc', result.failure, result.detail),
		};
	}
	const texts = result.response.answers.flatMap((r) => (r.type === 'TXT' ? [r.text] : []));
	const records = texts.filter(isDmarcRecord);
	const starting = startingDmarcRecord(provider, domain);
	const notes: Message[] = [];
	const base = {
		check: 'dmarc' as const,
		expected: [starting],
		found: records.map((text) => ({ text: printable(text), ttl: 0, judgement: 'ok' as const })),
		notes,
		anchor: provider.checkAnchors.dmarc,
	};
	const done = (
		status: Verdict['status'],
		key: string,
		params: Record<string, string | number> = {},
		fix?: string,
		fixParams: Record<string, string | number> = {}
	): CheckProgress<Verdict> => ({
		state: 'done',
		verdict: {
			...base,
			found:
				status === 'fail'
					? base.found.map((f) => ({ ...f, judgement: 'wrong' as const }))
					: base.found,
			status,
			message: { key, params: { domain, owner, ...params } },
			...(fix
				? { fix: { key: fix, params: { domain, owner, record: starting, ...fixParams } } }
				: {}),
		},
	});

	// RFC 7489 §6.6.3: no record, or several, means no DMARC policy applies.
	if (records.length === 0) return done('warn', 'dns.dmarc.none', {}, 'dns.fix.dmarcCreate');
	if (records.length > 1)
		return done('fail', 'dns.dmarc.multiple', { count: records.length }, 'dns.fix.dmarcMerge');
	const record = parseDmarcRecord(records[0]!);
	for (const tag of record.invalid)
		notes.push({ key: 'dns.note.dmarcInvalidTag', params: { tag } });

	// Reports sent to another domain need its consent (§7.1): ask for its record.
	const external = [
		...new Set([...record.rua, ...record.ruf].map((a) => a.slice(a.lastIndexOf('@') + 1))),
	].filter((d) => !sameOrganisation(d, domain));
	const questions: DnsQuestion[] = [];
	const unauthorised: string[] = [];
	for (const reportDomain of external) {
		const name = reportAuthorisationName(domain, reportDomain);
		const answer = lookup(name, 'TXT');
		if (answer.state === 'pending') questions.push({ name, type: 'TXT' });
		else if (answer.state === 'failed') {
			return {
				state: 'done',
				verdict: errorVerdict(provider, 'dmarc', answer.failure, answer.detail),
			};
		} else if (!answer.response.answers.some((r) => r.type === 'TXT' && isDmarcRecord(r.text))) {
			unauthorised.push(reportDomain);
		}
	}
	if (questions.length > 0) return { state: 'pending', questions };

	if (record.pct < 100 && record.policy && record.policy !== 'none') {
		notes.push({ key: 'dns.note.dmarcPct', params: { pct: record.pct } });
	}
	if (record.subdomainPolicy && record.subdomainPolicy !== record.policy) {
		notes.push({ key: 'dns.note.dmarcSubdomain', params: { sp: record.subdomainPolicy } });
	}
	if (record.rua.length === 0) notes.push({ key: 'dns.note.dmarcNoRua' });

	const policy = record.policy;
	if (unauthorised.length > 0 && policy !== 'quarantine' && policy !== 'reject') {
		notes.push({
			key: 'dns.note.dmarcReportsUnauthorised',
			params: { domains: unauthorised.join(', ') },
		});
	}
	if (!policy) {
		// §6.6.3 step 6: without a valid p, a valid rua makes receivers act as if p=none.
		return record.rua.length > 0
			? done('warn', 'dns.dmarc.invalidPolicyReports', {}, 'dns.fix.dmarcPolicy', {
					record: starting,
				})
			: done('fail', 'dns.dmarc.invalid', {}, 'dns.fix.dmarcCreate');
	}
	const reports = record.rua.join(', ');
	if (policy === 'none') {
		return done('warn', 'dns.dmarc.reportOnly', { reports }, 'dns.fix.dmarcTighten', {
			record: records[0]!.replace(/(^|;)(\s*)p\s*=\s*none/i, '$1$2p=quarantine'),
		});
	}
	if (unauthorised.length > 0) {
		return done(
			'warn',
			'dns.dmarc.reportsUnauthorised',
			{ policy, domains: unauthorised.join(', ') },
			'dns.fix.dmarcAuthorise',
			{
				name: reportAuthorisationName(domain, unauthorised[0]!),
				domains: unauthorised.join(', '),
			}
		);
	}
	return done('pass', 'dns.dmarc.pass', { policy, pct: record.pct });
}

export const DMARC_MESSAGE_KEYS: readonly string[] = [
	'dns.dmarc.pass',
	'dns.dmarc.none',
	'dns.dmarc.multiple',
	'dns.dmarc.invalid',
	'dns.dmarc.invalidPolicyReports',
	'dns.dmarc.reportOnly',
	'dns.dmarc.reportsUnauthorised',
	'dns.fix.dmarcCreate',
	'dns.fix.dmarcMerge',
	'dns.fix.dmarcPolicy',
	'dns.fix.dmarcTighten',
	'dns.fix.dmarcAuthorise',
	'dns.note.dmarcInvalidTag',
	'dns.note.dmarcPct',
	'dns.note.dmarcSubdomain',
	'dns.note.dmarcNoRua',
	'dns.note.dmarcReportsUnauthorised',
];
