/**
 * Spam verdicts as the filters wrote them:
 * - OVHcloud (Vade): `X-VR-SPAMSTATE` (OK, SPAM...), `X-VR-SPAMSCORE`, `X-VR-SPAMCAUSE`;
 * - Microsoft (Exchange Online Protection): `X-Forefront-Antispam-Report` (`NAME:VALUE;` pairs:
 *   CIP, CTRY, LANG, SCL, SRV, IPV, SFV, PTR, CAT, SFS, DIR, SFP...), `X-MS-Exchange-Organization-SCL`,
 *   `X-Microsoft-Antispam` (BCL); Microsoft Learn, "Anti-spam message headers in Microsoft 365".
 *   `X-Forefront-Antispam-Report-Untrusted` is the sending tenant's own verdict, not the
 *   recipient's: left out;
 * - SpamAssassin: `X-Spam-Status` (`Yes, score=7.1 required=5.0 tests=... autolearn=no version=...`),
 *   `X-Spam-Score`, `X-Spam-Flag`.
 */
import type { SpamVerdict } from './types';

function toNumber(text: string | undefined): number | undefined {
	if (text === undefined) return undefined;
	const match = /^\s*([+-]?\d{1,9}(?:\.\d{1,9})?)/.exec(text);
	return match ? Number(match[1]) : undefined;
}

/**
 * X-VR-SPAMCAUSE is Vade's obfuscated text: letters in pairs, one character per pair. In a pair at
 * an even position (0, 2, ...) the letters are swapped first; then the first letter gives the high
 * nibble as ('g' - letter) * 16 and the character is the pair's code sum minus 'x' minus that
 * offset. Checked on real headers whose decoded `From=` and `helo=` match the message's own From
 * and Received (tests/unit/headers/spam.test.ts). Returns undefined when the text is not in that
 * form or does not decode to text (newer `vade1{...}` values are encrypted: kept raw).
 */
export function decodeSpamCause(encoded: string): string | undefined {
	const text = encoded.replace(/\s+/g, '');
	if (text.length < 2 || text.length % 2 !== 0 || !/^[a-z]+$/.test(text)) return undefined;
	const bytes = new Uint8Array(text.length / 2);
	for (let i = 0; i < text.length; i += 2) {
		let a = text.charCodeAt(i);
		let b = text.charCodeAt(i + 1);
		if ((i / 2) % 2 === 0) [a, b] = [b, a];
		const code = a + b - 0x78 - (0x67 - a) * 16;
		if (code < 0 || code > 0xff) return undefined;
		bytes[i / 2] = code;
	}
	const decoded = new TextDecoder('utf-8').decode(bytes);
	let printable = 0;
	for (const c of decoded) if (c >= ' ' && c !== '\u007f' && c !== '\ufffd') printable++;
	return printable / decoded.length > 0.9 ? decoded : undefined;
}

/** The decoded cause's parts: `Bailout: 500`, `Hdr=...`, rules such as `@!Recipients (-100)`. */
function causeParts(decoded: string): { name: string; value: string }[] {
	const parts: { name: string; value: string }[] = [];
	for (const raw of decoded.split(';')) {
		const part = raw.trim();
		if (!part) continue;
		const profile = /^(.*?)\s*Profile:\s*(.*)$/.exec(part);
		if (profile) {
			if (profile[1]) parts.push({ name: 'engine', value: profile[1] });
			parts.push({ name: 'Profile', value: profile[2]! });
			continue;
		}
		const named = /^([A-Za-z]{1,30})\s*[:=]\s*(.*)$/.exec(part);
		if (named) parts.push({ name: named[1]!, value: named[2]! });
		else parts.push({ name: 'rule', value: part });
	}
	return parts;
}

export interface SpamHeaders {
	/** Topmost value of a field by lower-case name. */
	first(key: string): string | undefined;
}

function ovhVerdict(h: SpamHeaders): SpamVerdict | undefined {
	const state = h.first('x-vr-spamstate');
	const score = h.first('x-vr-spamscore');
	const cause = h.first('x-vr-spamcause');
	if (state === undefined && score === undefined && cause === undefined) return undefined;
	const fields: SpamVerdict['fields'] = [];
	if (state !== undefined) fields.push({ name: 'X-VR-SPAMSTATE', value: state });
	if (score !== undefined) fields.push({ name: 'X-VR-SPAMSCORE', value: score });
	if (cause !== undefined) {
		const decoded = decodeSpamCause(cause);
		if (decoded !== undefined) {
			fields.push({ name: 'cause', value: decoded });
			for (const part of causeParts(decoded)) fields.push(part);
		} else fields.push({ name: 'causeRaw', value: cause });
	}
	return {
		source: 'ovh',
		header:
			state !== undefined
				? 'X-VR-SPAMSTATE'
				: score !== undefined
					? 'X-VR-SPAMSCORE'
					: 'X-VR-SPAMCAUSE',
		...(toNumber(score) !== undefined ? { score: toNumber(score) } : {}),
		...(state !== undefined && state.trim() ? { verdict: state.trim() } : {}),
		fields,
	};
}

/** `NAME:VALUE;NAME:VALUE;` with values that may hold ':' (H:host, SFS:(...)(...)). */
function colonPairs(value: string): { name: string; value: string }[] {
	const fields: { name: string; value: string }[] = [];
	for (const raw of value.split(';')) {
		const part = raw.trim();
		if (!part) continue;
		const colon = part.indexOf(':');
		if (colon === -1) fields.push({ name: part, value: '' });
		else fields.push({ name: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() });
	}
	return fields;
}

function microsoftVerdicts(h: SpamHeaders): SpamVerdict[] {
	const verdicts: SpamVerdict[] = [];
	const forefront = h.first('x-forefront-antispam-report');
	if (forefront !== undefined) {
		const fields = colonPairs(forefront);
		const field = (name: string) => fields.find((f) => f.name.toUpperCase() === name)?.value;
		const score = toNumber(field('SCL'));
		const sfv = field('SFV');
		verdicts.push({
			source: 'microsoft',
			header: 'X-Forefront-Antispam-Report',
			...(score !== undefined ? { score } : {}),
			...(sfv ? { verdict: sfv } : {}),
			fields,
		});
	}
	const scl = h.first('x-ms-exchange-organization-scl');
	if (scl !== undefined) {
		const score = toNumber(scl);
		verdicts.push({
			source: 'microsoft',
			header: 'X-MS-Exchange-Organization-SCL',
			...(score !== undefined ? { score } : {}),
			fields: [{ name: 'SCL', value: scl.trim() }],
		});
	}
	const antispam = h.first('x-microsoft-antispam');
	if (antispam !== undefined) {
		verdicts.push({
			source: 'microsoft',
			header: 'X-Microsoft-Antispam',
			fields: colonPairs(antispam),
		});
	}
	return verdicts;
}

function spamAssassinVerdicts(h: SpamHeaders): SpamVerdict[] {
	const verdicts: SpamVerdict[] = [];
	const status = h.first('x-spam-status');
	if (status !== undefined) {
		const answer = /^\s*(yes|no)\b/i.exec(status);
		const fields: SpamVerdict['fields'] = [];
		// key=value pairs; `tests=` may be folded with spaces after its commas.
		const pairs = /([a-z_]{1,30})=((?:[^\s,=]+,\s*)*[^\s,=]*)/gi;
		for (const match of status.matchAll(pairs)) {
			fields.push({ name: match[1]!.toLowerCase(), value: match[2]!.replace(/,\s+/g, ',') });
		}
		const scoreText = fields.find((f) => f.name === 'score' || f.name === 'hits')?.value;
		const score = toNumber(scoreText);
		verdicts.push({
			source: 'spamassassin',
			header: 'X-Spam-Status',
			...(score !== undefined ? { score } : {}),
			...(answer ? { verdict: answer[1]!.toLowerCase() } : {}),
			fields,
		});
	}
	const spamScore = h.first('x-spam-score');
	if (spamScore !== undefined) {
		const score = toNumber(spamScore);
		verdicts.push({
			source: 'spamassassin',
			header: 'X-Spam-Score',
			...(score !== undefined ? { score } : {}),
			fields: [{ name: 'X-Spam-Score', value: spamScore }],
		});
	}
	const flag = h.first('x-spam-flag');
	if (flag !== undefined) {
		const answer = /^\s*(yes|no)\b/i.exec(flag);
		verdicts.push({
			source: 'spamassassin',
			header: 'X-Spam-Flag',
			...(answer ? { verdict: answer[1]!.toLowerCase() } : {}),
			fields: [{ name: 'X-Spam-Flag', value: flag }],
		});
	}
	return verdicts;
}

export function readSpamVerdicts(h: SpamHeaders): SpamVerdict[] {
	const ovh = ovhVerdict(h);
	return [...(ovh ? [ovh] : []), ...microsoftVerdicts(h), ...spamAssassinVerdicts(h)];
}
