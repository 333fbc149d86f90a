import { describe, expect, it } from 'vitest';
import { componentImports, headingsInReadingOrder, nestToc } from '../../../../src/lib/toc/pageToc';

const BODY = `import PanelPath from '../../../components/PanelPath.astro';
import ErrorList from '../../../components/diagnostic/ErrorList.astro';
import { Code } from '@astrojs/starlight/components';

Intro.

## Run it

<PanelPath id="diagnostic" />

\`\`\`md
## Not a heading
<ErrorList />
\`\`\`

## The errors

<ErrorList />

### After
`;

const md = (depth: number, slug: string) => ({ depth, slug, text: slug });

describe('componentImports', () => {
	it('maps each imported component to its file under src/components', () => {
		expect([...componentImports(BODY)]).toEqual([
			['PanelPath', 'PanelPath.astro'],
			['ErrorList', 'diagnostic/ErrorList.astro'],
		]);
	});
});

describe('headingsInReadingOrder', () => {
	it('puts a component’s headings where its tag stands, skipping fenced code', () => {
		const headings = headingsInReadingOrder(
			BODY,
			[md(2, 'run-it'), md(2, 'the-errors'), md(3, 'after')],
			new Map([['ErrorList', [md(2, 'mx'), md(2, 'srv')]]])
		);
		expect(headings.map((h) => h.slug)).toEqual(['run-it', 'the-errors', 'mx', 'srv', 'after']);
	});

	it('keeps Markdown headings no line accounted for', () => {
		expect(
			headingsInReadingOrder('Text only.', [md(2, 'a')], new Map()).map((h) => h.slug)
		).toEqual(['a']);
	});
});

describe('nestToc', () => {
	const overview = { depth: 2, slug: '_top', text: 'Overview', children: [] };
	it('nests deeper headings under the last shallower one and drops depths out of range', () => {
		const items = nestToc(
			overview,
			[md(2, '5.x.x'), md(3, '5.1.x'), md(4, '5.1.1'), md(3, '5.7.x'), md(2, 'next')],
			{ minHeadingLevel: 2, maxHeadingLevel: 3 }
		);
		expect(items.map((i) => i.slug)).toEqual(['_top', '5.x.x', 'next']);
		expect(items[1]!.children.map((i) => i.slug)).toEqual(['5.1.x', '5.7.x']);
		expect(items[1]!.children[0]!.children).toEqual([]);
	});
});
