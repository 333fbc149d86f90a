/**
 * Enhanced mail system status codes: `class.subject.detail` (RFC 3463 §2).
 * Class 2 = success, 4 = persistent transient failure, 5 = permanent failure.
 */
export interface StatusCodeParts {
	class: 2 | 4 | 5;
	subject: number;
	detail: number;
}

/**
 * RFC 3463 §2: `class "." subject "." detail`, class 2, 4 or 5, subject and detail 1 to 3 digits.
 * Leading zeros would make two spellings of one code (and two anchors), so they are refused.
 * The one definition of a status code: the schemas, the tree and the bounce parser use these.
 */
const SUB_CODE = '(0|[1-9]\\d{0,2})';
export const STATUS_CODE_SOURCE = `([245])\\.${SUB_CODE}\\.${SUB_CODE}`;
/** A whole string that is a status code: `5.1.1`. */
export const STATUS_CODE_PATTERN = new RegExp(`^${STATUS_CODE_SOURCE}$`);
/** A status code opening a field value (RFC 3464 `Status: 5.1.1 (comment)`), not `5.1.1.2`. */
export const LEADING_STATUS_CODE = new RegExp(`^${STATUS_CODE_SOURCE}(?![\\w.])`);

/** Splits a status code into its parts, or returns null when it is not one. */
export function parseStatusCode(code: string): StatusCodeParts | null {
	const match = STATUS_CODE_PATTERN.exec(code);
	if (!match) return null;
	return {
		class: Number(match[1]) as 2 | 4 | 5,
		subject: Number(match[2]),
		detail: Number(match[3]),
	};
}

/** Orders codes numerically part by part (5.1.2 before 5.1.10), for stable lists. */
export function compareStatusCodes(a: string, b: string): number {
	const x = a.split('.').map(Number);
	const y = b.split('.').map(Number);
	return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Anchor of a class section on the reference page: `5.x.x`. */
export const classAnchor = (cls: number) => `${cls}.x.x`;
/** Anchor of a class and subject group on the reference page: `5.1.x`. */
export const subjectAnchor = (cls: number, subject: number) => `${cls}.${subject}.x`;
