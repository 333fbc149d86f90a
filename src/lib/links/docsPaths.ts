/** The URL path of a docs entry id: `en/index` -> `/en/`, `fr/diagnostic` -> `/fr/diagnostic/`. */
export function docsPath(id: string): string {
	const path = id.replace(/(^|\/)index$/, '');
	return `/${path}${path ? '/' : ''}`.replace(/\/+/g, '/');
}
