/**
 * The one DOM helper of the custom-element scripts (diagnostic reader, DNS checker, bounce
 * analyzer, decision tree). Text goes in as textContent, never as HTML: much of it is untrusted
 * (pasted output, bounces, DNS answers, URL parameters) and must stay text.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	text?: string,
	className?: string
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (text !== undefined) node.textContent = text;
	if (className) node.className = className;
	return node;
}
