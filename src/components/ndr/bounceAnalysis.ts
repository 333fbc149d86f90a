/**
 * Runs the bounce analyzer in a module Web Worker (bounceWorker.ts), one request at a time, with
 * the stages it reports; where a worker cannot start (an old browser, a policy that refuses it),
 * the same analysis runs on the page, loaded on first use.
 */
import type { AnalyzeResult } from '../../lib/ndr/analyzeBounce';
import type { AnalysisStage, FromWorker, ToWorker } from './bounceWorkerProtocol';

type Pending = {
	resolve: (result: AnalyzeResult) => void;
	reject: (error: Error) => void;
	onStage: (stage: AnalysisStage) => void;
};

export class BounceAnalysis {
	private worker?: Worker;
	private ready?: Promise<boolean>;
	private next = 1;
	private readonly pending = new Map<number, Pending>();

	/**
	 * Starts the worker and has it load the MIME parser. Resolves true when the worker is ready,
	 * false when the page will analyse on its own thread instead.
	 */
	warm(): Promise<boolean> {
		this.ready ??= new Promise<boolean>((resolve) => {
			let worker: Worker;
			try {
				worker = new Worker(new URL('./bounceWorker.ts', import.meta.url), { type: 'module' });
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
			// No worker: load the page-side analysis now, still before any input is read.
			if (!inWorker)
				await Promise.all([
					loadLocal(),
					import('./loadMimeParser').then((m) => m.loadMimeParser()),
				]);
			return inWorker;
		});
		return this.ready;
	}

	/** Analyses one input; `onStage` hears what the worker is doing. */
	async analyze(
		input: string | Uint8Array,
		onStage: (stage: AnalysisStage) => void
	): Promise<AnalyzeResult> {
		if (!(await this.warm()) || !this.worker) {
			const [{ analyzeBounce }, { loadMimeParser }] = await Promise.all([
				loadLocal(),
				import('./loadMimeParser'),
			]);
			onStage('decoding');
			return analyzeBounce(input, await loadMimeParser());
		}
		const id = this.next++;
		const worker = this.worker;
		// Copying megabytes to the worker is a task of its own, not one more step of the paste or
		// change event's task: each stays short.
		await new Promise((resolve) => setTimeout(resolve, 0));
		return new Promise<AnalyzeResult>((resolve, reject) => {
			this.pending.set(id, { resolve, reject, onStage });
			const message: ToWorker = { type: 'analyze', id, input };
			// A file's bytes move to the worker rather than being copied (the page keeps no use for them).
			if (
				input instanceof Uint8Array &&
				input.byteOffset === 0 &&
				input.buffer instanceof ArrayBuffer
			)
				worker.postMessage(message, [input.buffer]);
			else worker.postMessage(message);
		});
	}

	private receive(message: Exclude<FromWorker, { type: 'ready' | 'unavailable' }>) {
		const request = this.pending.get(message.id);
		if (!request) return;
		if (message.type === 'stage') return request.onStage(message.stage);
		this.pending.delete(message.id);
		if (message.type === 'result') request.resolve(message.result);
		else request.reject(new Error('analysis failed'));
	}

	/** The worker is gone: what it had to answer fails, and later requests run on the page. */
	private fail() {
		this.worker?.terminate();
		this.worker = undefined;
		for (const request of this.pending.values()) request.reject(new Error('worker failed'));
		this.pending.clear();
	}
}

const loadLocal = () => import('../../lib/ndr/analyzeBounce');
