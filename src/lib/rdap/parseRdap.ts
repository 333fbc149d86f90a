/**
 * Reads an RDAP domain answer (RFC 9083 §5.3) into the few facts the `domain` check judges:
 * the events (§4.5: expiration, registration, last changed), the status values (§4.6, named per
 * RFC 8056 from EPP's), and the registrar (an entity with the role `registrar`, §5.1, its name
 * in the jCard `fn`, RFC 7095). Everything in the answer is untrusted: only strings of sane
 * length are kept, and only http(s) links.
 */

/** A date as the registry wrote it, and its value when it parses as RFC 3339 (`undefined` if not). */
export interface RdapDate {
	raw: string;
	date?: Date;
}

export interface RdapRegistrar {
	name?: string;
	/** The registrar's web site (`https:` or `http:` only). */
	url?: string;
	/** IANA Registrar ID (RFC 9083 §4.8 publicIds), for gTLD registrars. */
	ianaId?: string;
}

export interface RdapDomain {
	/** `ldhName` as the registry wrote it, lower-cased. */
	name?: string;
	/** Status values, normalised to RFC 8056's words in lower case (`client hold`). */
	statuses: string[];
	expiration?: RdapDate;
	registration?: RdapDate;
	lastChanged?: RdapDate;
	registrar?: RdapRegistrar;
}

export type ParseResult = { ok: true; domain: RdapDomain } | { ok: false; reason: 'incomplete' };

const MAX_TEXT = 200;

function text(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	// Control characters never belong in a name or a date; a registry that sends them is cut off.
	const clean = [...value]
		.map((c) => (c < ' ' || c === '\u007f' ? ' ' : c))
		.join('')
		.trim();
	return clean === '' ? undefined : clean.slice(0, MAX_TEXT);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value.slice(0, 200) : [];
}

/**
 * RFC 8056 §2 writes EPP's `clientHold` as `client hold`; some servers still send the EPP form
 * or other spacing. Both read the same here.
 */
export function normaliseStatus(value: string): string {
	return value
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/[\s_-]+/g, ' ')
		.trim()
		.toLowerCase();
}

const RFC3339 =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/**
 * RFC 9083 §4.5: `eventDate` is an RFC 3339 date-time. A bare full-date (`2027-03-01`) is taken
 * as midnight UTC, since a few registries write that; anything else does not parse, and neither
 * does a day that the calendar has not (`2026-02-30`).
 */
export function parseRdapDate(raw: string): Date | undefined {
	const match = RFC3339.exec(raw.trim());
	if (!match) return undefined;
	const [, y, m, d, hh = '00', mm = '00', ss = '00'] = match;
	const year = Number(y);
	const month = Number(m);
	const day = Number(d);
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
	if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 60) return undefined;
	const iso = match[4] ? raw.trim().replace(' ', 'T') : `${raw.trim()}T00:00:00Z`;
	const time = Date.parse(iso);
	return Number.isNaN(time) ? undefined : new Date(time);
}

function event(events: unknown[], action: string): RdapDate | undefined {
	// The first event of the action that carries a date; if none parses, the first one as written.
	const dated = events
		.filter(isObject)
		.filter((e) => text(e.eventAction)?.toLowerCase() === action)
		.map((e) => text(e.eventDate))
		.filter((raw): raw is string => raw !== undefined);
	if (dated.length === 0) return undefined;
	const parsed = dated.map((raw) => ({ raw, date: parseRdapDate(raw) }));
	return parsed.find((d) => d.date) ?? { raw: parsed[0]!.raw };
}

function httpUrl(value: unknown): string | undefined {
	const candidate = text(value);
	if (!candidate) return undefined;
	try {
		const url = new URL(candidate);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
	} catch {
		// A bare host name (`www.example-registrar.com`) is how some vCards give the site.
		if (/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(candidate)) return `https://${candidate.toLowerCase()}/`;
		return undefined;
	}
}

/** jCard (RFC 7095): ["vcard", [[name, params, type, value], ...]]. */
function vcardValue(entity: Record<string, unknown>, property: string): unknown {
	const card = list(entity.vcardArray);
	if (card[0] !== 'vcard') return undefined;
	for (const item of list(card[1])) {
		const parts = list(item);
		if (typeof parts[0] === 'string' && parts[0].toLowerCase() === property) return parts[3];
	}
	return undefined;
}

function registrarOf(entities: unknown[]): RdapRegistrar | undefined {
	const entity = entities
		.filter(isObject)
		.find((e) =>
			list(e.roles).some((r) => typeof r === 'string' && r.toLowerCase() === 'registrar')
		);
	if (!entity) return undefined;
	const name = text(vcardValue(entity, 'fn'));
	// The registrar's site: its vCard `url`, else a link meant for people (`about`, text/html).
	const link = list(entity.links)
		.filter(isObject)
		.find((l) => text(l.rel)?.toLowerCase() === 'about' || /html/i.test(text(l.type) ?? ''));
	const url = httpUrl(vcardValue(entity, 'url')) ?? httpUrl(link?.href);
	const ianaId = list(entity.publicIds)
		.filter(isObject)
		.find((p) => /iana registrar id/i.test(text(p.type) ?? ''))?.identifier;
	const id = typeof ianaId === 'number' ? String(ianaId) : text(ianaId);
	if (!name && !url && !id) return undefined;
	return { ...(name ? { name } : {}), ...(url ? { url } : {}), ...(id ? { ianaId: id } : {}) };
}

/**
 * An answer is judged only if it is an RDAP domain object (§4.7 `objectClassName`, or at least
 * an `ldhName`) with something to judge: a status list or an expiration event. An error
 * object (§6), `{}` or any other JSON is `incomplete`.
 */
export function parseRdapDomain(json: unknown): ParseResult {
	if (!isObject(json)) return { ok: false, reason: 'incomplete' };
	const className = text(json.objectClassName)?.toLowerCase();
	if (className !== undefined && className !== 'domain') return { ok: false, reason: 'incomplete' };
	const name = text(json.ldhName)?.toLowerCase();
	if (className === undefined && name === undefined) return { ok: false, reason: 'incomplete' };
	const statuses = list(json.status)
		.map(text)
		.filter((s): s is string => s !== undefined)
		.map(normaliseStatus);
	const events = list(json.events);
	const expiration = event(events, 'expiration');
	if (statuses.length === 0 && !expiration) return { ok: false, reason: 'incomplete' };
	const registration = event(events, 'registration');
	const lastChanged = event(events, 'last changed');
	const registrar = registrarOf(list(json.entities));
	return {
		ok: true,
		domain: {
			...(name ? { name } : {}),
			statuses: [...new Set(statuses)],
			...(expiration ? { expiration } : {}),
			...(registration ? { registration } : {}),
			...(lastChanged ? { lastChanged } : {}),
			...(registrar ? { registrar } : {}),
		},
	};
}
