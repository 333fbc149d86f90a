/// <reference lib="webworker" />
/**
 * The header analyzer off the page's main thread: 1 MB of headers never freezes the page.
 * Created by headersAnalysis.ts as a module worker (`worker-src 'self'`, public/_headers), like
 * the bounce analyzer's (../ndr/bounceWorker.ts), with the same MIME parser loader.
 */
import { loadMimeParser } from '../ndr/loadMimeParser';
import { readHeaders } from './readHeaders';
import type { FromWorker, ToWorker } from './headersWorkerProtocol';

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
			post({ type: 'result', id, result: await readHeaders(input, await loadMimeParser()) });
		} catch {
			post({ type: 'failed', id });
		}
	})();
});
