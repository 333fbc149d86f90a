/**
 * Reads the fields of a `message/delivery-status` body (RFC 3464 §2): one group of per-message
 * fields, then one group per recipient, groups separated by blank lines. Also used on pasted
 * text, where the same field lines appear without MIME around them.
 */
import { LEADING_STATUS_CODE } from './parseStatusCode';

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
	/**
	 * The Diagnostic-Code's type, lower case (RFC 3464 §2.3.6): `smtp` when the text is the remote
	 * server's reply; `x-postfix`, `x-unix`, `x-notes`, ... when the reporting server wrote it.
	 */
	diagnosticType?: string;
}

export interface DeliveryStatus {
	reportingMta?: string;
	recipients: DsnRecipient[];
}

const MAX_FIELD = 2000;
/** A field line: a name of letters, digits and hyphens, a colon (RFC 5322 §3.6.8 field-name, as DSNs use). */
const FIELD = /^([A-Za-z0-9-]{1,40})[ \t]*:[ \t]*(.*)$/;

/**
 * Reads the groups of fields in one pass: `onGroup` gets each group's fields (lower-cased names,
 * continuation lines unfolded, first occurrence of a name kept) when a blank line or the end closes it.
 */
function readGroups(text: string, onGroup: (fields: Map<string, string>) => void) {
	let fields = new Map<string, string>();
	let name = '';
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		const line =
			text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
		start = end + 1;
		const first = line.charCodeAt(0);
		if (first === 32 || first === 9) {
			if (line.trim() === '') {
				if (fields.size) onGroup(fields);
				fields = new Map();
				name = '';
			} else if (name) {
				fields.set(name, `${fields.get(name)} ${line.trim()}`.slice(0, MAX_FIELD));
			}
			continue;
		}
		if (line === '') {
			if (fields.size) onGroup(fields);
			fields = new Map();
			name = '';
			continue;
		}
		const match = FIELD.exec(line);
		name = match ? match[1].toLowerCase() : '';
		if (!match) continue;
		if (fields.has(name)) name = '';
		else fields.set(name, match[2].trim().slice(0, MAX_FIELD));
	}
	if (fields.size) onGroup(fields);
}

/** Removes the address or name type of RFC 3464 values: `rfc822; a@b` -> `a@b`. */
export function stripType(value: string): string {
	const semi = value.indexOf(';');
	const bare = semi >= 0 && semi < 20 ? value.slice(semi + 1) : value;
	return bare.trim().replace(/^<(.*)>$/, '$1');
}

export function parseDeliveryStatus(text: string): DeliveryStatus {
	const result: DeliveryStatus = { recipients: [] };
	readGroups(text, (fields) => {
		const reporting = fields.get('reporting-mta');
		if (reporting && !result.reportingMta) result.reportingMta = stripType(reporting);
		const final = fields.get('final-recipient') ?? fields.get('original-recipient');
		if (!final) return;
		const recipient: DsnRecipient = { address: stripType(final) };
		const original = fields.get('original-recipient');
		if (original) recipient.originalRecipient = stripType(original);
		const action = fields.get('action');
		if (action) recipient.action = action.toLowerCase().split(/\s/)[0];
		const status = LEADING_STATUS_CODE.exec(fields.get('status') ?? '');
		if (status) recipient.status = status[0];
		const remote = fields.get('remote-mta');
		// "dns; mx.example.com. (203.0.113.30, the server for ...)": keep the host name only.
		if (remote)
			recipient.remoteMta = stripType(remote).split(/[\s(]/)[0].replace(/\.$/, '') || undefined;
		const diagnostic = fields.get('diagnostic-code');
		if (diagnostic) {
			recipient.diagnostic = stripType(diagnostic);
			const type = /^([A-Za-z0-9-]{1,20})[ \t]*;/.exec(diagnostic);
			if (type) recipient.diagnosticType = type[1].toLowerCase();
		}
		result.recipients.push(recipient);
	});
	return result;
}
