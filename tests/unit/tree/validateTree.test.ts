import { describe, expect, it } from 'vitest';
import { allPaths, edgesOf, validateTree } from '../../../src/lib/tree/validateTree';
import { treeStepSchema, type TreeStep } from '../../../src/schemas/tree';
import { LOCALE_CODES, loadContext, loadSteps, loadTexts } from './loadTree';

const steps = loadSteps();
const texts = loadTexts();
const context = loadContext();
const clone = <T>(value: T): T => structuredClone(value);

describe('the decision tree of src/content/tree', () => {
	it('passes every graph check', () => {
		expect(validateTree(steps, texts, context)).toEqual([]);
	});

	it('has text for every language of the site', () => {
		expect(Object.keys(texts).sort()).toEqual([...LOCALE_CODES].sort());
	});

	it('reaches every step from start', () => {
		const reached = new Set(
			allPaths(steps).flatMap((path) => path.flatMap((hop) => [hop.step, hop.to]))
		);
		expect([...reached].sort()).toEqual(steps.map((s) => s.id).sort());
	});

	it('ends every path from start in an outcome', () => {
		const byId = new Map(steps.map((s) => [s.id, s]));
		const paths = allPaths(steps);
		expect(paths.length).toBeGreaterThan(10);
		for (const path of paths) expect(byId.get(path.at(-1)!.to)?.kind).toBe('outcome');
	});

	it('reaches every outcome from each symptom where the guides say it applies', () => {
		const outcomesBySymptom = (symptom: string) =>
			new Set(
				allPaths(steps)
					.filter((p) => p[0].via === symptom)
					.map((p) => p.at(-1)!.to)
			);
		// Domain pointing is checked for reception only (guide 003).
		expect(outcomesBySymptom('receive').has('mx-fix')).toBe(true);
		expect(outcomesBySymptom('send').has('mx-fix')).toBe(false);
		for (const symptom of ['send', 'receive'])
			expect(outcomesBySymptom(symptom).has('support')).toBe(true);
	});

	it('keeps the step ids the diagnostic page links to', () => {
		const ids = steps.map((s) => s.id);
		expect(ids).toContain('webmail');
		expect(ids).toContain('domain-validity');
	});

	it('gives every outcome no answers and every other step at least one way on', () => {
		for (const step of steps) {
			if (step.kind === 'outcome') expect(edgesOf(step)).toEqual([]);
			else expect(edgesOf(step).length).toBeGreaterThan(0);
		}
	});
});

describe('validateTree on broken trees', () => {
	const answersOf = (step: TreeStep) => (step.kind === 'outcome' ? [] : step.answers);
	const replace = (id: string, change: (step: TreeStep) => TreeStep) =>
		steps.map((step) => (step.id === id ? change(clone(step)) : step));

	it('reports an answer that leads to a step that does not exist', () => {
		const broken = replace(
			'status',
			(s) =>
				({
					...s,
					answers: [{ id: 'incident', next: 'nowhere' }, ...answersOf(s).slice(1)],
				}) as TreeStep
		);
		expect(validateTree(broken, texts, context)).toContainEqual(
			expect.stringContaining('leads to "nowhere"')
		);
	});

	it('reports a cycle', () => {
		const broken = replace(
			'account',
			(s) =>
				({
					...s,
					answers: [{ id: 'active', next: 'webmail' }, ...answersOf(s).slice(1)],
				}) as TreeStep
		);
		expect(validateTree(broken, texts, context)).toContainEqual(
			expect.stringMatching(/loops: .*webmail/)
		);
	});

	it('reports a step that cannot be reached from start', () => {
		const orphan = treeStepSchema.parse({ id: 'orphan', kind: 'outcome', resolution: 'fix' });
		const withText = Object.fromEntries(
			Object.entries(texts).map(([lang, t]) => [
				lang,
				{ steps: { ...t.steps, orphan: { ...t.steps['support'] } } },
			])
		);
		expect(validateTree([...steps, orphan], withText, context)).toContainEqual(
			expect.stringContaining('"orphan" cannot be reached')
		);
	});

	it('reports a per-symptom branch that leads to a step that does not exist', () => {
		const broken = replace(
			'account',
			(s) =>
				({
					...s,
					answers: [
						{ id: 'active', next: { send: 'srv', receive: 'gone' } },
						...answersOf(s).slice(1),
					],
				}) as TreeStep
		);
		expect(validateTree(broken, texts, context)).toContainEqual(
			expect.stringContaining('leads to "gone"')
		);
	});

	it('reports a start step missing one of the two symptoms', () => {
		const broken = replace(
			'start',
			(s) =>
				({
					...s,
					answers: [
						{ id: 'send', next: 'webmail' },
						{ id: 'other', next: 'webmail' },
					],
				}) as TreeStep
		);
		expect(validateTree(broken, texts, context)).toContainEqual(
			expect.stringContaining('must have the answers send, receive (it has send, other)')
		);
	});

	it('reports a start answer beside the symptoms that leads one way per symptom', () => {
		// No symptom was chosen on that branch, so nothing could pick the way.
		const broken = replace(
			'start',
			(s) =>
				({
					...s,
					answers: [
						...(s.kind === 'outcome' ? [] : s.answers.filter((a) => a.id !== 'late-or-junk')),
						{ id: 'late-or-junk', next: { send: 'read-headers', receive: 'webmail' } },
					],
				}) as TreeStep
		);
		expect(validateTree(broken, texts, context)).toContainEqual(
			expect.stringContaining('answer "late-or-junk" is not a symptom')
		);
	});

	it('reports a provider link or panel path that does not exist', () => {
		const broken = replace(
			'status',
			(s) =>
				({
					...s,
					panelPath: 'nope',
					links: [{ kind: 'provider', key: 'status', id: 'gone' }],
				}) as TreeStep
		);
		const problems = validateTree(broken, texts, context);
		expect(problems).toContainEqual(expect.stringContaining('provider link "gone"'));
		expect(problems).toContainEqual(expect.stringContaining('panel path "nope"'));
	});

	for (const lang of LOCALE_CODES) {
		it(`reports a step, answer or link with no text in ${lang}`, () => {
			const t = clone(texts);
			delete t[lang].steps['mx-fix'];
			delete t[lang].steps['status'].answers['incident'];
			delete t[lang].steps['webmail'].links!['webmail'];
			t[lang].steps['srv'].answers['extra'] = 'An answer steps.json lacks';
			const problems = validateTree(steps, t, context);
			expect(problems).toContainEqual(`text/${lang}.json has no text for step "mx-fix".`);
			expect(problems).toContainEqual(
				expect.stringContaining(
					`text/${lang}.json: step "status" has no label for answer "incident"`
				)
			);
			expect(problems).toContainEqual(
				expect.stringContaining(`text/${lang}.json: step "webmail" has no label for link "webmail"`)
			);
			expect(problems).toContainEqual(expect.stringContaining(`labels answer "extra"`));
		});
	}

	it('refuses a diagnostic link to an anchor the diagnostic page does not have', () => {
		expect(() =>
			treeStepSchema.parse({
				id: 'x',
				kind: 'outcome',
				resolution: 'fix',
				links: [{ kind: 'diagnostic', key: 'k', anchor: 'nope' }],
			})
		).toThrow(/Unknown diagnostic anchor/);
	});

	it('refuses a malformed NDR code or step id', () => {
		expect(() =>
			treeStepSchema.parse({ id: 'x', kind: 'outcome', resolution: 'fix', ndr: ['5.1'] })
		).toThrow(/Malformed status code \\"5\.1\\"/);
		// The same rule as the status-code reference: no leading zeros (one spelling, one anchor).
		expect(() =>
			treeStepSchema.parse({ id: 'x', kind: 'outcome', resolution: 'fix', ndr: ['5.01.1'] })
		).toThrow(/Malformed status code/);
		expect(() =>
			treeStepSchema.parse({ id: 'Bad_Id', kind: 'outcome', resolution: 'fix' })
		).toThrow(/kebab-case/);
	});
});
