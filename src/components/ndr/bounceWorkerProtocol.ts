/**
 * Messages between the bounce analyzer's island (NdrAnalyzer.astro, through bounceAnalysis.ts)
 * and its worker (bounceWorker.ts). Only data crosses: the input, stages and the result.
 */
import type { AnalyzeResult } from '../../lib/ndr/analyzeBounce';

/** What the worker is doing, for the progress line. */
export type AnalysisStage = 'decoding' | 'judging';

export type ToWorker =
	/** Load the MIME parser now, before any analysis (analysing must make no request). */
	{ type: 'warm' } | { type: 'analyze'; id: number; input: string | Uint8Array };

export type FromWorker =
	| { type: 'ready' }
	| { type: 'unavailable' }
	| { type: 'stage'; id: number; stage: AnalysisStage }
	| { type: 'result'; id: number; result: AnalyzeResult }
	| { type: 'failed'; id: number };
