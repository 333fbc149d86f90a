/// <reference lib="webworker" />
/**
 * The bounce analyzer off the page's main thread: MIME decoding (postal-mime) and reading the
 * report (src/lib/ndr) run here, so a 10 MB bounce never freezes the page. Created by
 * bounceAnalysis.ts as a module worker (`worker-src 'self'`, public/_headers).
 */
import { analyzeBounce, type MimeParse } from '../../lib/ndr/analyzeBounce';
import { loadMimeParser } from './loadMimeParser';
import type { FromWorker, ToWorker } from './bounceWorkerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
	const message = event.data;
	if (message.type === 'warm') {
		loadMimeParser().then(
			() => post({ type: 'ready' }),
			() => post({ type: 'unavailable' })
		);
		return;
	}
	const { id, input } = message;
	void (async () => {
		try {
			const mime = await loadMimeParser();
			// The parser is handed in wrapped, to say when decoding starts and ends.
			const parse: MimeParse = async (raw, options) => {
				post({ type: 'stage', id, stage: 'decoding' });
				const email = await mime(raw, options);
				post({ type: 'stage', id, stage: 'judging' });
				return email;
			};
			post({ type: 'stage', id, stage: 'judging' });
			post({ type: 'result', id, result: await analyzeBounce(input, parse) });
		} catch {
			post({ type: 'failed', id });
		}
	})();
});
