/** Fills `{name}` placeholders of a UI string; unknown placeholders stay visible. */
export function format(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(values, name) ? String(values[name]) : whole
	);
}

/** "Label: " in English and Italian, "Label : " (no-break space) in French typography. */
export function labelPrefix(label: string, locale: string): string {
	return locale === 'fr' ? `${label}\u00a0: ` : `${label}: `;
}
