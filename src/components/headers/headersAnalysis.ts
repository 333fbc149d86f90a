/**
 * Runs the header analysis in a module Web Worker (headersWorker.ts), started on first use;
 * where a worker cannot start (an old browser, a policy that refuses it), the same analysis runs
 * on the page, loaded on first use too. Either way the parser is loaded before the person's
 * input is read, so analysing makes no request.
 */
import type { FromWorker, HeadersResult, ToWorker } from './headersWorkerProtocol';

type Pending = { resolve: (result: HeadersResult) => void; reject: (error: Error) => void };

const loadLocal = () =>
	Promise.all([import('./readHeaders'), import('../ndr/loadMimeParser')]).then(
		async ([{ readHeaders }, { loadMimeParser }]) => ({
			readHeaders,
			parse: await loadMimeParser(),
		})
	);

export class HeadersAnalysis {
	private worker?: Worker;
	private ready?: Promise<boolean>;
	private next = 1;
	private readonly pending = new Map<number, Pending>();

	/** Starts the worker and its parser; true when ready, false when the page analyses itself. */
	warm(): Promise<boolean> {
		this.ready ??= new Promise<boolean>((resolve) => {
			let worker: Worker;
			try {
				worker = new Worker(new URL('./headersWorker.ts', import.meta.url), { type: 'module' });
			} catch {
				resolve(false);
				return;
			}
			worker.addEventListener('error', () => {
				this.fail();
				resolve(false);
			});
			worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
				const message = event.data;
				if (message.type === 'ready') resolve(true);
				else if (message.type === 'unavailable') {
					this.fail();
					resolve(false);
				} else this.receive(message);
			});
			this.worker = worker;
			worker.postMessage({ type: 'warm' } satisfies ToWorker);
		}).then(async (inWorker) => {
			if (!inWorker) await loadLocal();
			return inWorker;
		});
		return this.ready;
	}

	async analyze(input: string | Uint8Array): Promise<HeadersResult> {
		if (!(await this.warm()) || !this.worker) {
			const { readHeaders, parse } = await loadLocal();
			return readHeaders(input, parse);
		}
		const id = this.next++;
		const worker = this.worker;
		// Copying a megabyte to the worker is a task of its own, not one more step of the click's.
		await new Promise((resolve) => setTimeout(resolve, 0));
		return new Promise<HeadersResult>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			const message: ToWorker = { type: 'analyze', id, input };
			// A file's bytes move to the worker rather than being copied.
			if (input instanceof Uint8Array && input.buffer instanceof ArrayBuffer)
				worker.postMessage(message, [input.buffer]);
			else worker.postMessage(message);
		});
	}

	private receive(message: Extract<FromWorker, { id: number }>) {
		const request = this.pending.get(message.id);
		if (!request) return;
		this.pending.delete(message.id);
		if (message.type === 'result') request.resolve(message.result);
		else request.reject(new Error('analysis failed'));
	}

	/** The worker is gone: what it had to answer fails, later requests run on the page. */
	private fail() {
		this.worker?.terminate();
		this.worker = undefined;
		for (const request of this.pending.values()) request.reject(new Error('worker failed'));
		this.pending.clear();
	}
}
