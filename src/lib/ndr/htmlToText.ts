/**
 * Turns the HTML part of a bounce (Exchange Online sends HTML-first reports) into plain text to
 * search for codes. No DOM and no rendering: tags are dropped, block ends become line breaks and
 * the common entities are decoded. The result is only ever searched, never inserted as HTML.
 */
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	'#39': "'",
};

export function htmlToText(html: string): string {
	return html
		.replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
		.replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h[1-6]|table)\s*>/gi, '\n')
		.replace(/<[^>]{0,2000}>/g, ' ')
		.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const point =
					name[1] === 'x' || name[1] === 'X'
						? parseInt(name.slice(2), 16)
						: parseInt(name.slice(1), 10);
				return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : ' ';
			}
			return ENTITIES[name.toLowerCase()] ?? whole;
		})
		.replace(/[ \t\u00a0]+/g, ' ')
		.replace(/ ?\n ?/g, '\n');
}
