import { describe, expect, it } from 'vitest';
import { answerLinks, readingOrder } from '../../../src/lib/tree/readingOrder';
import type { TreeStep } from '../../../src/schemas/tree';

/** A small graph: start -> a (send) / b (receive); a -> dns step d; d's verdicts -> x, y; b -> y. */
const steps: TreeStep[] = [
	{ id: 'y', kind: 'outcome', resolution: 'support', supportHours: false, links: [], ndr: [] },
	{
		id: 'd',
		kind: 'dns',
		check: 'mx',
		verdicts: { pass: 'y', warn: 'x', fail: 'x' },
		answers: [
			{ id: 'ok', next: 'y' },
			{ id: 'wrong', next: 'x' },
		],
		links: [],
		ndr: [],
	},
	{
		id: 'start',
		kind: 'question',
		answers: [
			{ id: 'send', next: 'a' },
			{ id: 'receive', next: 'b' },
		],
		links: [],
		ndr: [],
	},
	{ id: 'x', kind: 'outcome', resolution: 'fix', supportHours: false, links: [], ndr: [] },
	{
		id: 'b',
		kind: 'question',
		answers: [
			{ id: 'yes', next: 'y' },
			{ id: 'no', next: { send: 'd', receive: 'x' } },
		],
		links: [],
		ndr: [],
	},
	{
		id: 'a',
		kind: 'question',
		answers: [
			{ id: 'yes', next: 'd' },
			{ id: 'no', next: 'x' },
		],
		links: [],
		ndr: [],
	},
	{ id: 'orphan', kind: 'outcome', resolution: 'wait', supportHours: false, links: [], ndr: [] },
];

describe('readingOrder', () => {
	it('starts at start, goes breadth first along answers, and puts the outcomes last', () => {
		expect(readingOrder(steps).map((s) => s.id)).toEqual(['start', 'a', 'b', 'd', 'x', 'y']);
	});

	it('leaves out a step that start cannot reach', () => {
		expect(readingOrder(steps).map((s) => s.id)).not.toContain('orphan');
	});
});

describe('answerLinks', () => {
	it('gives one link per answer that always leads to the same step', () => {
		expect(answerLinks(steps.find((s) => s.id === 'a')!)).toEqual([
			{ answer: 'yes', next: 'd' },
			{ answer: 'no', next: 'x' },
		]);
	});

	it('gives one link per symptom for an answer whose next step depends on it', () => {
		expect(answerLinks(steps.find((s) => s.id === 'b')!)).toEqual([
			{ answer: 'yes', next: 'y' },
			{ answer: 'no', next: 'd', symptom: 'send' },
			{ answer: 'no', next: 'x', symptom: 'receive' },
		]);
	});

	it('gives no link for an outcome', () => {
		expect(answerLinks(steps.find((s) => s.id === 'x')!)).toEqual([]);
	});
});
