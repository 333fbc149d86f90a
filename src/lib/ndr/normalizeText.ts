/**
 * The form reason and bounce patterns are written for: lower case, accents removed (NFD, then no
 * combining marks: "boîte pleine" and a server's "boite pleine" read the same), typographic
 * apostrophes and quotes made straight, every run of spaces and line breaks one space.
 */
export function normalizeText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[\u2018\u2019\u02bc`]/g, "'")
		.replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
		.replace(/\s+/g, ' ')
		.toLowerCase();
}
