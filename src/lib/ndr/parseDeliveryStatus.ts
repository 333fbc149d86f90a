/**
 * Reads the fields of a `message/delivery-status` body (RFC 3464 §2): one group of per-message
 * fields, then one group per recipient, groups separated by blank lines. Also used on pasted
 * text, where the same field lines appear without MIME around them.
 */

export interface DsnRecipient {
	/** Address from Final-Recipient (or Original-Recipient), without the `rfc822;` type. */
	address: string;
	originalRecipient?: string;
	/** failed | delayed | delivered | relayed | expanded (RFC 3464 §2.3.3). */
	action?: string;
	/** The Status field's code, when it is a valid enhanced code. */
	status?: string;
	/** Remote-MTA, without the `dns;` type. */
	remoteMta?: string;
	/** Diagnostic-Code, without the `smtp;` type, unfolded. */
	diagnostic?: string;
}

export interface DeliveryStatus {
	reportingMta?: string;
	recipients: DsnRecipient[];
}

const MAX_FIELD = 2000;

/** Unfolds continuation lines and splits into fields, lower-cased names. */
function readGroup(lines: string[]): Map<string, string> {
	const fields = new Map<string, string>();
	let name = '';
	for (const line of lines) {
		if (/^[ \t]/.test(line) && name) {
			const value = `${fields.get(name) ?? ''} ${line.trim()}`;
			fields.set(name, value.slice(0, MAX_FIELD));
			continue;
		}
		const colon = line.indexOf(':');
		if (colon <= 0 || colon > 40) {
			name = '';
			continue;
		}
		name = line.slice(0, colon).trim().toLowerCase();
		if (!/^[a-z0-9-]+$/.test(name)) {
			name = '';
			continue;
		}
		if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim().slice(0, MAX_FIELD));
		else name = '';
	}
	return fields;
}

/** Removes the address or name type of RFC 3464 values: `rfc822; a@b` -> `a@b`. */
export function stripType(value: string): string {
	const semi = value.indexOf(';');
	const bare = semi >= 0 && semi < 20 ? value.slice(semi + 1) : value;
	return bare.trim().replace(/^<(.*)>$/, '$1');
}

const STATUS = /^([245]\.(?:0|[1-9]\d{0,2})\.(?:0|[1-9]\d{0,2}))(?![\w.])/;

export function parseDeliveryStatus(text: string): DeliveryStatus {
	const result: DeliveryStatus = { recipients: [] };
	const groups: string[][] = [[]];
	for (const line of text.split(/\r?\n/)) {
		if (line.trim() === '') {
			if (groups[groups.length - 1].length) groups.push([]);
		} else groups[groups.length - 1].push(line);
	}
	for (const group of groups) {
		const fields = readGroup(group);
		const reporting = fields.get('reporting-mta');
		if (reporting && !result.reportingMta) result.reportingMta = stripType(reporting);
		const final = fields.get('final-recipient') ?? fields.get('original-recipient');
		if (!final) continue;
		const recipient: DsnRecipient = { address: stripType(final) };
		const original = fields.get('original-recipient');
		if (original) recipient.originalRecipient = stripType(original);
		const action = fields.get('action');
		if (action) recipient.action = action.toLowerCase().split(/\s/)[0];
		const status = STATUS.exec(fields.get('status') ?? '');
		if (status) recipient.status = status[1];
		const remote = fields.get('remote-mta');
		// "dns; mx.example.com. (203.0.113.30, the server for ...)": keep the host name only.
		if (remote) recipient.remoteMta = stripType(remote).split(/[\s(]/)[0].replace(/\.$/, '') || undefined;
		const diagnostic = fields.get('diagnostic-code');
		if (diagnostic) recipient.diagnostic = stripType(diagnostic);
		result.recipients.push(recipient);
	}
	return result;
}
