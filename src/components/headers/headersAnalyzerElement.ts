/**
 * `<headers-analyzer>`: the message header analyzer's island (HeadersAnalyzer.astro renders its
 * form and passes its strings). It reads a paste or an .eml in a worker (headersAnalysis.ts) and
 * lays out the report of DESIGN.md's contract: tracer ID first, the route hop by hop, the
 * authentication results with their checks on the DNS page, the spam verdicts, the message's
 * identity, and a plain-text copy of it all. Every value from the headers is untrusted and set
 * as text (../dom.ts); links are built from validated domains only (checkerLink.ts).
 */
import type { AuthResult, HeaderAnalysis, Hop, SpamVerdict } from '../../lib/headers/types';
import type { HeadersText } from '../../schemas/headers';
import { format, formatDateTime, formatMegabytes } from '../../lib/i18n/format';
import { copyText } from '../clipboard';
import { el } from '../dom';
import { HeadersAnalysis } from './headersAnalysis';
import type { HeadersResult } from './headersWorkerProtocol';
import { checkerHref, checkerTarget } from './checkerLink';
import { formatDuration } from './formatDuration';
import { explainAuth, explainSpamField, explainSpamScore } from './explainFindings';
import { reportText } from './reportText';
import { takeHandoff } from './handoff';
import { FIRST_HOPS, hopsShownFirst } from './hopPreview';

/** Above this many characters, a paste is held rather than laid out in the box (seconds of layout). */
const LARGE_PASTE = 100_000;
/**
 * A file is read up to this size: headers come first, and 4 MB holds any real header block (the
 * lib reads at most its own limit and says when it cut). An .eml with big attachments still opens.
 */
const FILE_HEAD_BYTES = 4 * 1024 * 1024;
/** Hops laid out per task when the person asks for all of them: the page answers in between. */
const HOPS_PER_TASK = 50;

/** A new task, so the page paints and answers input between two pieces of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const analysis = new HeadersAnalysis();

export class HeadersAnalyzer extends HTMLElement {
	private strings!: Record<string, string>;
	private words!: HeadersText;
	private input!: HTMLTextAreaElement;
	private fileInput!: HTMLInputElement;
	private held!: HTMLElement;
	private status!: HTMLElement;
	private report!: HTMLElement;
	/** A large paste kept out of the box. */
	private heldPaste?: string;
	/** Each run's number: a slower earlier run never overwrites a later one. */
	private runs = 0;
	/** The analysis on show, for the copy button; its plain text is made on the first copy. */
	private result?: HeaderAnalysis;
	private text?: string;

	private get locale() {
		return this.dataset.locale ?? 'en';
	}

	private s(key: string, values?: Record<string, string | number>): string {
		const template = this.strings[key] ?? key;
		return values ? format(template, values, this.locale) : template;
	}

	connectedCallback() {
		this.strings = JSON.parse(this.dataset.strings ?? '{}');
		this.words = JSON.parse(this.dataset.words ?? '{}');
		const form = this.querySelector('form')!;
		this.input = this.querySelector('textarea')!;
		this.fileInput = this.querySelector<HTMLInputElement>('input[type=file]')!;
		this.held = this.querySelector<HTMLElement>('.headers-held')!;
		this.status = this.querySelector<HTMLElement>('.headers-status')!;
		this.report = this.querySelector<HTMLElement>('[data-testid="headers-report"]')!;

		// Start the worker and its parser once the person starts using the analyzer, not on load and
		// not during the analysis (which must make no request).
		const warm = () => {
			analysis
				.warm()
				.then(() => (this.dataset.parser = 'ready'))
				.catch(() => (this.dataset.parser = 'failed'));
		};
		for (const type of ['focusin', 'pointerenter', 'dragenter'])
			this.addEventListener(type, warm, { once: true });

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.submit();
		});
		form.addEventListener('reset', () => {
			this.runs++;
			this.dropHeld();
			this.clearReport();
			this.input.focus();
		});
		this.input.addEventListener('paste', (event) => {
			const text = event.clipboardData?.getData('text/plain') ?? '';
			if (text.length <= LARGE_PASTE) return;
			// Laying out a megabyte in a textarea takes the page seconds: keep the text, show its size.
			event.preventDefault();
			this.hold(text);
			void this.run(text);
		});
		this.input.addEventListener('input', () => this.dropHeld());
		this.fileInput.addEventListener('change', () => {
			const chosen = this.fileInput.files?.[0];
			if (chosen) void this.runFile(chosen);
		});
		this.addEventListener('dragover', (event) => event.preventDefault());
		this.addEventListener('drop', (event) => {
			const dropped = event.dataTransfer?.files?.[0];
			if (!dropped) return;
			event.preventDefault();
			void this.runFile(dropped);
		});
		this.addEventListener('click', (event) => {
			const button =
				event.target instanceof Element
					? event.target.closest<HTMLButtonElement>('button[data-copy]')
					: null;
			if (button && this.report.contains(button)) void this.copy(button);
		});

		// Headers handed over by the bounce analyzer (handoff.ts): analysed at once.
		const handed = takeHandoff();
		if (handed !== undefined) {
			warm();
			if (handed.length > LARGE_PASTE) this.hold(handed);
			else this.input.value = handed;
			const notice = this.querySelector<HTMLElement>('.headers-handoff');
			if (notice) notice.hidden = false;
			void this.run(handed);
		}
	}

	private hold(text: string) {
		this.heldPaste = text;
		this.held.textContent = this.s('headers.pasteHeld', {
			size: formatMegabytes(text.length, this.locale),
		});
		this.held.hidden = false;
	}

	private dropHeld() {
		this.heldPaste = undefined;
		this.held.hidden = true;
		this.held.textContent = '';
	}

	/** The button reads the box; with it empty, a held paste, else the chosen file. */
	private submit() {
		const typed = this.input.value;
		if (typed.trim() !== '') return this.run(typed);
		if (this.heldPaste) return this.run(this.heldPaste);
		const file = this.fileInput.files?.[0];
		if (file) return this.runFile(file);
		return this.run(typed);
	}

	private async runFile(file: File) {
		const run = ++this.runs;
		this.progress(this.s('headers.reading', { size: formatMegabytes(file.size, this.locale) }));
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await file.slice(0, FILE_HEAD_BYTES).arrayBuffer());
		} catch {
			if (run === this.runs) this.message(this.s('headers.error.fileRead'));
			return;
		}
		if (run !== this.runs) return;
		return this.run(bytes, run);
	}

	private async run(input: string | Uint8Array, run = ++this.runs) {
		if (typeof input === 'string' && input.trim() === '')
			return this.message(this.s('headers.error.empty'));
		const size = typeof input === 'string' ? input.length : input.byteLength;
		this.progress(this.s('headers.working', { size: formatMegabytes(size, this.locale) }));
		let result: HeadersResult;
		try {
			result = await analysis.analyze(input);
		} catch {
			if (run === this.runs) this.message(this.s('headers.error.unreadable'));
			return;
		}
		if (run !== this.runs) return;
		this.render(result.analysis, run);
	}

	private clearReport() {
		this.report.replaceChildren();
		this.report.hidden = true;
		delete this.report.dataset.state;
		this.status.textContent = '';
		this.result = undefined;
		this.text = undefined;
	}

	private progress(text: string) {
		this.report.hidden = false;
		this.report.dataset.state = 'running';
		this.report.setAttribute('aria-busy', 'true');
		const bar = el('progress');
		bar.setAttribute('aria-label', text);
		this.report.replaceChildren(el('p', text, 'headers-progress'), bar);
		this.status.textContent = text;
	}

	private message(text: string) {
		const p = el('p', text, 'reader-error');
		p.dataset.testid = 'headers-error';
		this.report.hidden = false;
		this.report.replaceChildren(p);
		this.report.dataset.state = 'done';
		this.report.removeAttribute('aria-busy');
		this.status.textContent = text;
	}

	/**
	 * The report, built off the document and put in at once (one layout). Of a long route, only the
	 * hops of hopPreview.ts are laid out; the plain-text copy is made from the whole analysis.
	 */
	private render(result: HeaderAnalysis, run: number) {
		if (result.kind === 'binary') return this.message(this.s('headers.error.binary'));
		if (result.kind === 'no-headers') return this.message(this.s('headers.error.noHeaders'));
		const out: HTMLElement[] = [];
		if (result.tracerId) out.push(this.tracerSection(result.tracerId));
		for (const warning of result.warnings) {
			const p = el(
				'p',
				this.s(`headers.warning.${warning.key}`, warning.params ?? {}),
				'headers-warning'
			);
			p.dataset.warning = warning.key;
			out.push(p);
		}
		out.push(this.routeSection(result, run));
		out.push(this.authSection(result));
		out.push(this.spamSection(result.spam));
		out.push(this.identitySection(result));
		this.result = result;
		this.text = undefined;
		out.push(this.copyAllSection());
		this.report.replaceChildren(...out);
		this.report.dataset.state = 'done';
		this.report.removeAttribute('aria-busy');
		this.status.textContent = this.s('headers.done', {
			hops: result.hops.length,
			auth: result.auth.length,
		});
	}

	private heading(level: 'h3' | 'h4', key: string, values?: Record<string, string | number>) {
		return el(level, this.s(key, values));
	}

	/** A copy button with its by-hand fallback box. */
	private copyButton(label: string, copy: string, manualLabel: string) {
		const wrap = el('div', undefined, 'headers-copy');
		const button = el('button', label);
		button.type = 'button';
		button.dataset.copy = copy;
		const said = el('span', '', 'headers-copied');
		said.setAttribute('role', 'status');
		const box = el('div', undefined, 'headers-manual');
		box.hidden = true;
		box.dataset.label = manualLabel;
		wrap.append(button, ' ', said, box);
		return wrap;
	}

	private async copy(button: HTMLButtonElement) {
		const wrap = button.closest('.headers-copy')!;
		const box = wrap.querySelector<HTMLElement>('.headers-manual')!;
		const said = wrap.querySelector<HTMLElement>('.headers-copied')!;
		const text = button.dataset.copy === 'all' ? this.wholeText() : (button.dataset.copy ?? '');
		const copied = await copyText(text, { box, label: box.dataset.label ?? '' });
		said.textContent = this.s(copied ? 'headers.copied' : 'headers.copyFailed');
	}

	/** The whole analysis as plain text, every hop included, made once per report. */
	private wholeText(): string {
		if (!this.result) return '';
		this.text ??= reportText(this.result, {
			strings: this.strings,
			words: this.words,
			locale: this.locale,
		});
		return this.text;
	}

	private tracerSection(tracerId: string) {
		const section = el('section', undefined, 'headers-tracer');
		section.dataset.testid = 'tracer-id';
		section.dataset.value = tracerId;
		section.append(this.heading('h3', 'headers.tracer.heading'));
		const value = el('p');
		value.append(el('code', tracerId));
		section.append(value, el('p', this.s('headers.tracer.support')));
		section.append(
			this.copyButton(this.s('headers.tracer.copy'), tracerId, this.s('headers.tracer.heading'))
		);
		return section;
	}

	private routeSection(result: HeaderAnalysis, run: number) {
		const section = el('section', undefined, 'headers-route');
		section.append(this.heading('h3', 'headers.route.heading', { count: result.hops.length }));
		const total = el('p', undefined, 'headers-total');
		total.dataset.testid = 'total-delay';
		if (result.totalDelaySeconds !== undefined) {
			total.dataset.seconds = String(result.totalDelaySeconds);
			total.textContent = this.s(
				result.totalDelaySeconds < 0 ? 'headers.route.totalClock' : 'headers.route.total',
				{ duration: formatDuration(result.totalDelaySeconds, this.locale) }
			);
		} else {
			total.dataset.seconds = '';
			total.textContent = this.s(
				result.hops.length ? 'headers.route.totalUnknown' : 'headers.route.none'
			);
		}
		section.append(total);
		const longest = result.longestHopIndex;
		if (longest !== undefined && result.hops[longest]) {
			const hop = result.hops[longest];
			section.append(
				el(
					'p',
					this.s('headers.route.longest', {
						n: longest + 1,
						duration: formatDuration(hop.delaySeconds ?? 0, this.locale),
						by: hop.by ?? '?',
					}),
					'headers-longest'
				)
			);
		}
		if (result.delayBeforeRecipient)
			section.append(
				el('p', this.s(`headers.route.${result.delayBeforeRecipient}Recipient`), 'headers-side')
			);
		if (result.hops.length) {
			const shown = hopsShownFirst(result.hops.length, result);
			// The start of the route in one list; the hops pointed out further on, if any are held
			// back before them, in a second one, each numbered by its place in the route.
			const head = el('ol', undefined, 'headers-hops');
			let marks: HTMLOListElement | undefined;
			let previous = -1;
			for (const index of shown) {
				const item = this.hopItem(result.hops[index]!, index, result);
				if (index !== previous + 1) {
					// The hops held back are a break in the route, marked on the hop after it.
					item.dataset.gap = '';
					marks ??= el('ol', undefined, 'headers-hops');
				}
				(marks ?? head).append(item);
				previous = index;
			}
			section.append(head);
			if (marks) {
				marks.start = marks.querySelector('li')!.value;
				const more = this.moreHops(shown.length, result.hops.length);
				section.append(marks, more);
				more.querySelector('button')!.addEventListener('click', (event) => {
					const button = event.currentTarget as HTMLButtonElement;
					void this.showAllHops(head, marks, more, button, result, run);
				});
			}
		}
		return section;
	}

	/** What is held back of a long route, with the button that lays it all out. */
	private moreHops(shown: number, count: number) {
		const more = el('div', undefined, 'headers-more');
		more.dataset.testid = 'hops-more';
		more.append(el('p', this.s('headers.route.partial', { shown, count, first: FIRST_HOPS })));
		const button = el('button', this.s('headers.route.showAll', { count }));
		button.type = 'button';
		button.dataset.testid = 'hops-show-all';
		more.append(button);
		return more;
	}

	/**
	 * Lays out the hops held back, `HOPS_PER_TASK` per task so the page keeps answering. Each run of
	 * them fills a list of its own (`start` its first hop's number), put in empty beforehand between
	 * the start of the route and the hops pointed out, which move into their place. Nothing is
	 * inserted beside a filled list nor removed from the section: Starlight's content styles
	 * (`* + *`, `:has(~ …)`) restyle every sibling of an inserted or removed element, with all it
	 * holds, so one long list, or lists added one after another, cost seconds of style recalculation.
	 * The button keeps the focus meanwhile and tells the progress; at the end the focus moves to the
	 * first hop added, where reading goes on.
	 */
	private async showAllHops(
		head: HTMLOListElement,
		marks: HTMLOListElement,
		more: HTMLElement,
		button: HTMLButtonElement,
		result: HeaderAnalysis,
		run: number
	) {
		if (button.getAttribute('aria-disabled') === 'true') return;
		button.setAttribute('aria-disabled', 'true');
		const count = result.hops.length;
		const pointedOut = new Map<number, HTMLLIElement>();
		for (const item of marks.querySelectorAll('li')) pointedOut.set(item.value - 1, item);
		const parts: HTMLOListElement[] = [];
		const empty = document.createDocumentFragment();
		for (let from = head.children.length; from < count; from += HOPS_PER_TASK) {
			const part = el('ol', undefined, 'headers-hops');
			part.start = from + 1;
			part.hidden = true;
			parts.push(part);
			empty.append(part);
		}
		marks.before(empty);
		let first: HTMLLIElement | undefined;
		for (const part of parts) {
			await nextTask();
			if (run !== this.runs || !more.isConnected) return;
			const from = part.start - 1;
			const to = Math.min(count, from + HOPS_PER_TASK);
			const items = document.createDocumentFragment();
			for (let index = from; index < to; index++) {
				let item = pointedOut.get(index);
				if (item) {
					pointedOut.delete(index);
					delete item.dataset.gap;
				} else {
					item = this.hopItem(result.hops[index]!, index, result);
					first ??= item;
				}
				items.append(item);
			}
			part.append(items);
			part.hidden = false;
			button.textContent = this.s('headers.route.showing', {
				shown: to + pointedOut.size,
				count,
			});
		}
		// Emptied, and left in place: taking it out would restyle every list before it.
		marks.hidden = true;
		// Focus stays where the person was: from the button, it moves to the first hop added.
		const active = document.activeElement;
		if (first && (active === button || active === document.body || active === null)) {
			first.tabIndex = -1;
			first.focus();
		}
		more.hidden = true;
		more.replaceChildren();
		this.status.textContent = this.s('headers.route.allShown', { count });
	}

	private hopItem(hop: Hop, index: number, result: HeaderAnalysis) {
		const item = el('li', undefined, 'headers-hop');
		// Its number in the route, also where hops before it are held back.
		item.value = index + 1;
		item.dataset.testid = 'hop';
		item.dataset.from = hop.from ?? '';
		item.dataset.by = hop.by ?? '';
		item.dataset.time = hop.time ?? '';
		item.dataset.delay = hop.delaySeconds === undefined ? '' : String(hop.delaySeconds);
		if (index === result.longestHopIndex) item.dataset.longest = '';
		if (index === result.recipientHopIndex) item.dataset.recipient = '';

		const title = el('p', undefined, 'headers-hop-title');
		title.append(el('strong', hop.by ?? this.s('headers.hop.unnamed')));
		if (index === result.longestHopIndex)
			title.append(' ', el('span', this.s('headers.hop.longest'), 'headers-badge headers-slow'));
		if (index === result.recipientHopIndex)
			title.append(' ', el('span', this.s('headers.hop.recipient'), 'headers-badge'));
		item.append(title);

		const facts = el('dl', undefined, 'headers-facts');
		const add = (label: string, ...values: (string | HTMLElement)[]) => {
			const dd = el('dd');
			dd.append(...values);
			facts.append(el('dt', label), ' ', dd, ' ');
		};
		if (hop.from)
			add(this.s('headers.hop.from'), hop.fromIp ? `${hop.from} [${hop.fromIp}]` : hop.from);
		const protocol = [hop.with, hop.tls, hop.tlsCipher].filter(Boolean).join(' · ');
		if (protocol) add(this.s('headers.hop.with'), protocol);
		if (hop.time) {
			const date = new Date(hop.time);
			const utc = formatDateTime(date, this.locale, 'UTC');
			const local = formatDateTime(date, this.locale);
			const time = el('time', utc);
			time.dateTime = hop.time;
			add(this.s('headers.hop.timeUtc'), time);
			if (local !== utc) add(this.s('headers.hop.timeLocal'), local);
		} else add(this.s('headers.hop.time'), this.s('headers.hop.noTime'));
		add(this.s('headers.hop.delay'), this.delayText(hop, index, result.hops));
		item.append(facts);

		const raw = el('details', undefined, 'headers-raw');
		raw.append(el('summary', this.s('headers.hop.raw')), el('code', hop.raw));
		item.append(raw);
		return item;
	}

	private delayText(hop: Hop, index: number, hops: Hop[]): string {
		const d = hop.delaySeconds;
		if (d === undefined) {
			if (!hop.time) return this.s('headers.hop.delayUnknown');
			return this.s('headers.hop.firstTimed');
		}
		const duration = formatDuration(d, this.locale);
		if (d < 0) {
			const previous = hops
				.slice(0, index)
				.reverse()
				.find((h) => h.time);
			return this.s('headers.hop.clock', {
				duration,
				by: hop.by ?? '?',
				previous: previous?.by ?? '?',
			});
		}
		return this.s('headers.hop.after', { duration });
	}

	private authSection(result: HeaderAnalysis) {
		const section = el('section', undefined, 'headers-auth');
		section.append(this.heading('h3', 'headers.auth.heading'));
		if (!result.auth.length) {
			section.append(el('p', this.s('headers.auth.none')));
			return section;
		}
		const list = el('ul', undefined, 'headers-results');
		for (const auth of result.auth) list.append(this.authItem(auth, result));
		section.append(list);
		return section;
	}

	private authItem(auth: AuthResult, result: HeaderAnalysis) {
		const item = el('li', undefined, 'headers-result');
		item.dataset.testid = 'auth';
		item.dataset.method = auth.method;
		item.dataset.result = auth.result;
		item.dataset.source = auth.source;
		const { method, meaning } = explainAuth(auth, this.words);
		const head = el('p', undefined, 'headers-result-heading');
		head.append(
			el('strong', auth.method.toUpperCase()),
			' ',
			el('span', auth.result, `headers-badge headers-${badgeOf(auth.result)}`)
		);
		if (auth.source !== 'authentication-results')
			head.append(
				' ',
				el(
					'span',
					this.s(
						auth.source === 'arc' ? 'headers.auth.source.arc' : 'headers.auth.source.receivedSpf'
					),
					'headers-note'
				)
			);
		item.append(head, el('p', meaning));
		item.append(el('p', method, 'headers-note'));
		const shown = Object.entries(auth.properties);
		if (shown.length || auth.authservId) {
			const facts = el('dl', undefined, 'headers-facts');
			if (auth.authservId)
				facts.append(el('dt', this.s('headers.auth.by')), ' ', el('dd', auth.authservId), ' ');
			for (const [name, value] of shown) facts.append(el('dt', name), ' ', el('dd', value), ' ');
			item.append(facts);
		}
		const target = checkerTarget(auth, result.dkimSelectors);
		if (target) {
			const link = el(
				'a',
				this.s(
					target.selector
						? 'headers.auth.checkDkimSelector'
						: `headers.auth.check.${target.record}`,
					{ domain: target.domain, selector: target.selector ?? '' }
				)
			);
			link.href = checkerHref(this.locale, target);
			link.dataset.check = target.record;
			const p = el('p');
			p.append(link);
			item.append(p);
		}
		return item;
	}

	private spamSection(verdicts: SpamVerdict[]) {
		const section = el('section', undefined, 'headers-spam');
		section.append(this.heading('h3', 'headers.spam.heading'));
		if (!verdicts.length) {
			section.append(el('p', this.s('headers.spam.none')));
			return section;
		}
		for (const verdict of verdicts) section.append(this.spamItem(verdict));
		return section;
	}

	private spamItem(verdict: SpamVerdict) {
		const card = el('article', undefined, 'headers-spam-verdict');
		card.dataset.testid = 'spam-verdict';
		card.dataset.source = verdict.source;
		card.dataset.score = verdict.score === undefined ? '' : String(verdict.score);
		const source = this.words.spam.sources[verdict.source] ?? verdict.source;
		const head = el('h4', source);
		card.append(head, el('p', verdict.header, 'headers-note'));
		const lines: string[] = [];
		if (verdict.verdict !== undefined) {
			const meaning = explainSpamField(
				verdict.source,
				verdictField(verdict),
				verdict.verdict,
				this.words
			);
			lines.push(
				this.s('headers.spam.verdict', { verdict: verdict.verdict }) +
					(meaning.value ? ` ${meaning.value}` : '')
			);
		}
		if (verdict.score !== undefined) {
			const meaning = explainSpamScore(verdict, this.words);
			lines.push(
				this.s('headers.spam.score', { score: String(verdict.score) }) +
					(meaning ? ` ${meaning}` : '')
			);
		}
		for (const line of lines) card.append(el('p', line, 'headers-spam-line'));
		if (verdict.fields.length) {
			const facts = el('dl', undefined, 'headers-facts');
			for (const field of verdict.fields) {
				const { field: what, value } = explainSpamField(
					verdict.source,
					field.name,
					field.value,
					this.words
				);
				const dd = el('dd');
				dd.append(el('code', field.value));
				const words = [value, what].filter(Boolean).join(' ');
				if (words) dd.append(' ', el('span', words, 'headers-note'));
				facts.append(el('dt', field.name), ' ', dd, ' ');
			}
			card.append(facts);
		}
		return card;
	}

	private identitySection(result: HeaderAnalysis) {
		const section = el('section', undefined, 'headers-identity');
		section.dataset.testid = 'identity';
		section.append(this.heading('h3', 'headers.identity.heading'));
		section.append(el('p', this.s('headers.identity.hint'), 'headers-note'));
		const facts = el('dl', undefined, 'headers-facts');
		const { identity } = result;
		const rows: [string, string | undefined][] = [
			['messageId', identity.messageId],
			['date', identity.date],
			['from', identity.from],
			['to', identity.to],
			['subject', identity.subject],
		];
		for (const [key, value] of rows) {
			const dd = el('dd', value ?? this.s('headers.identity.missing'));
			dd.dataset.field = key;
			facts.append(el('dt', this.s(`headers.identity.${key}`)), ' ', dd, ' ');
		}
		section.append(facts);
		return section;
	}

	private copyAllSection() {
		const section = el('section', undefined, 'headers-copy-all');
		section.append(
			this.copyButton(this.s('headers.copyAll'), 'all', this.s('headers.copyAllLabel'))
		);
		return section;
	}
}

/** The field a verdict's `verdict` value comes from, to explain it. */
function verdictField(verdict: SpamVerdict): string {
	if (verdict.source === 'ovh') return 'x-vr-spamstate';
	if (verdict.source === 'microsoft') return 'sfv';
	return /flag/i.test(verdict.header) ? 'x-spam-flag' : 'x-spam-status';
}

/** A result's colour class: pass, fail, or in between. */
function badgeOf(result: string): 'pass' | 'fail' | 'other' {
	if (result === 'pass' || result === 'bestguesspass') return 'pass';
	if (result === 'fail' || result === 'permerror' || result === 'softfail') return 'fail';
	return 'other';
}

customElements.define('headers-analyzer', HeadersAnalyzer);
