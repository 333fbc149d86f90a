/**
 * Messages between the header analyzer's island (headersAnalyzerElement.ts, through
 * headersAnalysis.ts) and its worker (headersWorker.ts). Only data crosses: the input and the result.
 */
import type { HeaderAnalysis } from '../../lib/headers/types';

/** The message's identity with RFC 2047 encoded words decoded (postal-mime), for display. */
export interface DecodedIdentity {
	from?: string;
	to?: string;
	subject?: string;
}

export interface HeadersResult {
	analysis: HeaderAnalysis;
	decoded: DecodedIdentity;
	/** Characters read. */
	size: number;
}

export type ToWorker =
	/** Load the parser now, before any analysis (analysing must make no request). */
	{ type: 'warm' } | { type: 'analyze'; id: number; input: string | Uint8Array };

export type FromWorker =
	| { type: 'ready' }
	| { type: 'unavailable' }
	| { type: 'result'; id: number; result: HeadersResult }
	| { type: 'failed'; id: number };
