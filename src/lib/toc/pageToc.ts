/**
 * "On this page" for pages whose sections are rendered by components (the diagnostic's errors,
 * the record tables, the status code classes): Starlight builds its table of contents from the
 * page's Markdown headings only. These functions put each component's headings where the
 * component stands in the page's MDX, between the Markdown headings, and nest them as
 * Starlight does (its generateToC), so its highlight, which finds the link whose `#id` is the
 * heading's, follows them.
 * @see https://starlight.astro.build/guides/route-data/
 */

export interface TocHeading {
	depth: number;
	slug: string;
	text: string;
}

export interface TocItem extends TocHeading {
	children: TocItem[];
}

/**
 * The components an MDX body imports from src/components, by the name it uses for each:
 * `import ErrorList from '../../../components/diagnostic/ErrorList.astro'` gives
 * `ErrorList` -> `diagnostic/ErrorList.astro`.
 */
export function componentImports(body: string): Map<string, string> {
	const imports = new Map<string, string>();
	for (const [, name, path] of body.matchAll(
		/^import\s+([A-Za-z_$][\w$]*)\s+from\s+['"]([^'"]*\/components\/[^'"]+)['"]/gm
	))
		imports.set(name!, path!.slice(path!.lastIndexOf('/components/') + '/components/'.length));
	return imports;
}

/**
 * The page's headings in reading order: its Markdown headings (Astro's list, in order) with each
 * component's headings inserted where a line of the body starts with that component's tag.
 * Lines inside fenced code are skipped.
 */
export function headingsInReadingOrder(
	body: string,
	markdownHeadings: readonly TocHeading[],
	componentHeadings: ReadonlyMap<string, readonly TocHeading[]>
): TocHeading[] {
	const headings: TocHeading[] = [];
	let nextMarkdown = 0;
	let fence: string | undefined;
	for (const line of body.split(/\r?\n/)) {
		const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
			fence = fence ? undefined : fenceMark;
			continue;
		}
		if (fence) continue;
		if (/^#{1,6}\s/.test(line)) {
			const heading = markdownHeadings[nextMarkdown++];
			if (heading) headings.push(heading);
			continue;
		}
		const tag = /^\s*<([A-Z][\w$]*)[\s/>]/.exec(line)?.[1];
		const fromComponent = tag ? componentHeadings.get(tag) : undefined;
		if (fromComponent) headings.push(...fromComponent);
	}
	// Headings Astro found that no line accounted for (a heading written otherwise) keep their place at the end.
	headings.push(...markdownHeadings.slice(nextMarkdown));
	return headings;
}

/**
 * Nests headings under the page's first item ("Overview", `#_top`) as Starlight's generateToC
 * does: each heading goes under the last one of a smaller depth. Depths outside
 * `minHeadingLevel`-`maxHeadingLevel` are left out, as Starlight's highlight ignores them.
 */
export function nestToc(
	overview: TocItem,
	headings: readonly TocHeading[],
	{ minHeadingLevel, maxHeadingLevel }: { minHeadingLevel: number; maxHeadingLevel: number }
): TocItem[] {
	const items: TocItem[] = [{ ...overview, children: [] }];
	const inject = (list: TocItem[], item: TocItem): void => {
		const last = list.at(-1);
		if (!last || last.depth >= item.depth) list.push(item);
		else inject(last.children, item);
	};
	for (const { depth, slug, text } of headings)
		if (depth >= minHeadingLevel && depth <= maxHeadingLevel)
			inject(items, { depth, slug, text, children: [] });
	return items;
}
