/**
 * `<decision-tree>`: progressive enhancement of the server-rendered steps (no UI framework, as
 * Starlight's `<site-search>`). It shows one step at a time, keeps the step in `?step=` with
 * `history.pushState` so back/forward and support links work, moves focus to the new step's
 * heading and announces it. Walking decisions are `src/lib/tree`; DNS checks go through the
 * `RunDnsCheck` adapter. Untrusted text (URL parameters, the typed domain) only via textContent.
 */
import { format } from '../../lib/i18n/format';
import {
	indexSteps,
	nextStep,
	readStepParam,
	symptomOf,
	type WalkEntry,
} from '../../lib/tree/nextStep';
import type { CheckStatus } from '../../lib/checks/types';
import { summarize, type SummaryStrings } from '../../lib/tree/summarize';
import {
	dnsCheckerUrl,
	completeInput,
	readDnsStepInput,
	walkInput,
	type DnsStepInput,
	type RunDnsCheck,
} from '../../lib/tree/dnsStep';
import type { TreeStep } from '../../schemas/tree';
import { createRunDnsCheck } from './runDnsCheck';
import { el } from '../dom';
import { copyText } from '../clipboard';

interface HistoryState {
	tree: WalkEntry[];
}

function isWalk(value: unknown): value is WalkEntry[] {
	return (
		Array.isArray(value) &&
		value.length > 0 &&
		value.every(
			(e) => typeof e === 'object' && e !== null && typeof (e as WalkEntry).step === 'string'
		)
	);
}

export class DecisionTree extends HTMLElement {
	private steps = new Map<string, TreeStep>();
	private summaryStrings!: SummaryStrings;
	private ui: Record<string, string> = {};
	private walk: WalkEntry[] = [];
	private check: RunDnsCheck | undefined;
	private pending: AbortController | undefined;
	/**
	 * The check whose verdict is on screen, at which step: the walk keeps its input and verdict
	 * whether the person continues from it or answers by hand after it.
	 */
	private shown: { step: string; status: CheckStatus; input: DnsStepInput } | undefined;

	connectedCallback() {
		this.steps = indexSteps(JSON.parse(this.dataset.graph ?? '[]'));
		this.summaryStrings = JSON.parse(this.dataset.summary ?? '{}');
		this.ui = JSON.parse(this.dataset.ui ?? '{}');
		// `?resolver=` and `?rdap=` as on the DNS page, so support (and the tests) can pick the DoH
		// server and the registration service.
		const params = new URLSearchParams(location.search);
		this.check = createRunDnsCheck({
			...JSON.parse(this.dataset.checker ?? '{}'),
			resolver: params.get('resolver') ?? '',
			rdap: params.get('rdap') ?? '',
			locale: this.dataset.lang ?? 'en',
		});
		this.dataset.enhanced = '';
		this.querySelector<HTMLElement>('.tree-toolbar')!.hidden = false;

		this.addEventListener('click', (event) => this.onClick(event));
		this.addEventListener('submit', (event) => this.onSubmit(event));
		window.addEventListener('popstate', (event) => this.onPopState(event));

		const fromHistory = (history.state as HistoryState | null)?.tree;
		const opened = this.readLocation();
		if (
			isWalk(fromHistory) &&
			fromHistory.at(-1)!.step === opened.step &&
			this.steps.has(opened.step)
		) {
			// A reload or a return from another page: keep the answers given so far.
			this.walk = fromHistory;
		} else {
			this.walk = [{ step: opened.step }];
			if (opened.unknown !== undefined)
				this.showNotice(format(this.ui['tree.unknownStep'], { step: opened.unknown }));
		}
		history.replaceState(
			{ ...(history.state ?? {}), tree: this.walk } satisfies HistoryState,
			'',
			this.stepUrl(this.current)
		);
		this.render();
	}

	private get current(): string {
		return this.walk.at(-1)!.step;
	}

	/** `?step=` wins; else a `#step` fragment (the diagnostic page links to `#webmail`); else start. */
	private readLocation(): { step: string; unknown?: string } {
		if (new URLSearchParams(location.search).has('step'))
			return readStepParam(location.search, this.steps);
		const hash = decodeURIComponent(location.hash.slice(1));
		if (hash && this.steps.has(hash)) return { step: hash };
		return readStepParam('', this.steps);
	}

	private stepUrl(step: string): string {
		const url = new URL(location.href);
		url.searchParams.set('step', step);
		url.hash = '';
		return url.pathname + url.search;
	}

	private onClick(event: MouseEvent) {
		const target = event.target instanceof Element ? event.target : null;
		const action = target?.closest<HTMLElement>('[data-action]');
		if (action && this.contains(action)) {
			event.preventDefault();
			if (action.dataset.action === 'restart') this.restart();
			else if (action.dataset.action === 'previous') history.back();
			else if (action.dataset.action === 'copy') void this.copySummary();
			return;
		}
		const link = target?.closest<HTMLAnchorElement>('a[data-answer], a[data-verdict-next]');
		if (!link || !this.contains(link)) return;
		// Let modified clicks open a new tab as links normally do.
		if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
			return;
		event.preventDefault();
		const checked =
			this.shown?.step === this.current
				? { verdict: this.shown.status, ...this.shown.input }
				: undefined;
		if (link.dataset.verdictNext) {
			this.advance(link.dataset.verdictNext, checked ?? {});
			return;
		}
		const answer = link.dataset.answer!;
		const symptom =
			symptomOf(this.walk) ??
			(link.dataset.symptom === 'send' || link.dataset.symptom === 'receive'
				? link.dataset.symptom
				: undefined);
		const result = nextStep(this.steps, this.current, { answer }, symptom);
		if (result.ok) this.advance(result.next, { ...checked, answer });
	}

	private advance(next: string, choice: Omit<WalkEntry, 'step'>) {
		this.pending?.abort();
		this.walk = [...this.walk.slice(0, -1), { ...this.walk.at(-1)!, ...choice }, { step: next }];
		history.pushState({ tree: this.walk } satisfies HistoryState, '', this.stepUrl(next));
		this.hideNotice();
		this.render({ focus: true });
	}

	private restart() {
		this.pending?.abort();
		this.walk = [{ step: 'start' }];
		history.pushState({ tree: this.walk } satisfies HistoryState, '', this.stepUrl('start'));
		this.hideNotice();
		this.render({ focus: true });
	}

	private onPopState(event: PopStateEvent) {
		this.pending?.abort();
		const fromHistory = (event.state as HistoryState | null)?.tree;
		const opened = this.readLocation();
		this.walk =
			isWalk(fromHistory) && this.steps.has(fromHistory.at(-1)!.step)
				? fromHistory
				: [{ step: opened.step }];
		this.hideNotice();
		this.render({ focus: true });
	}

	private render(options: { focus?: boolean } = {}) {
		const current = this.current;
		const symptom = symptomOf(this.walk);
		for (const section of this.querySelectorAll<HTMLElement>('section[data-step]')) {
			const isCurrent = section.dataset.step === current;
			section.hidden = !isCurrent;
			if (isCurrent) section.setAttribute('aria-current', 'step');
			else section.removeAttribute('aria-current');
			// With a known symptom, per-symptom answers show only the branch that applies.
			for (const item of section.querySelectorAll<HTMLElement>('li[data-symptom]')) {
				item.hidden = symptom !== undefined && item.dataset.symptom !== symptom;
			}
		}
		const previous = this.querySelector<HTMLButtonElement>('[data-action="previous"]')!;
		previous.disabled = this.walk.length < 2;
		this.querySelector<HTMLElement>('.tree-summary')!.hidden = true;

		const section = this.querySelector<HTMLElement>(`section[data-step="${CSS.escape(current)}"]`);
		const heading = section?.querySelector<HTMLElement>('h2');
		const live = this.querySelector<HTMLElement>('.tree-live')!;
		live.textContent = format(
			this.ui['tree.announce'],
			{ n: this.walk.length, title: heading?.textContent?.trim() ?? current },
			this.dataset.lang
		);
		if (section) {
			this.prefillDns(section);
			this.linkDnsPage(section);
		}
		if (options.focus && heading) {
			heading.focus();
			heading.scrollIntoView({ block: 'start' });
		}
	}

	/**
	 * What was typed at one DNS step is offered again at the next one: the domain, and the offer,
	 * setup, server and selector where the step asks for them. A form already filled is left alone.
	 */
	private prefillDns(section: HTMLElement) {
		const form = section.querySelector<HTMLFormElement>('form.tree-dns');
		const earlier = walkInput(this.walk);
		if (!form || !earlier) return;
		const domain = form.elements.namedItem('domain') as HTMLInputElement;
		if (domain.value !== '') return;
		domain.value = earlier.domain;
		for (const name of ['offer', 'setup', 'server', 'dkim'] as const) {
			const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
			const value = earlier[name];
			if (field && value !== undefined) field.value = value;
		}
	}

	/**
	 * Links to the DNS page's sections (`#spf`, `#mx-records`) carry the domain checked in this
	 * walk, with its offer and selector, so the page opens on that domain's full report too.
	 */
	private linkDnsPage(section: HTMLElement) {
		const input = walkInput(this.walk);
		const lang = this.dataset.lang ?? 'en';
		for (const link of section.querySelectorAll<HTMLAnchorElement>('a[data-dns-anchor]')) {
			const anchor = link.dataset.dnsAnchor!;
			link.href = input ? dnsCheckerUrl(lang, input, anchor) : `/${lang}/dns/#${anchor}`;
		}
	}

	private async onSubmit(event: SubmitEvent) {
		const form = event.target instanceof HTMLFormElement ? event.target : null;
		if (!form?.matches('form.tree-dns')) return;
		const section = form.closest<HTMLElement>('section[data-step]')!;
		const stepId = section.dataset.step!;
		const step = this.steps.get(stepId);
		if (step?.kind !== 'dns') return;
		const box = form.querySelector<HTMLElement>('.tree-verdict')!;
		this.shown = undefined;
		const field = (name: string) =>
			(form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value;
		const fields = ['offer', 'setup', 'server', 'dkim'] as const;
		const read = readDnsStepInput({
			domain: field('domain'),
			offer: field('offer'),
			setup: field('setup'),
			server: field('server'),
			dkim: field('dkim'),
		});
		const focus = (name: string) =>
			(form.elements.namedItem(name) as HTMLInputElement | null)?.focus();
		if (!read.ok) {
			event.preventDefault();
			this.showVerdict(box, 'invalid', [this.ui['tree.dns.empty']]);
			focus('domain');
			return;
		}
		// The DKIM step judges the selectors it is given: without one it has nothing to look up.
		const dkimField = form.elements.namedItem('dkim');
		if (dkimField && !read.input.dkim) {
			event.preventDefault();
			this.showVerdict(box, 'skip', [this.ui['tree.dns.dkimEmpty']]);
			focus('dkim');
			return;
		}
		if (!this.check) return; // No checker here: the form opens the DNS checker page instead.
		event.preventDefault();
		// What this step does not ask (the DKIM step: the offer) comes from the walk's earlier checks.
		const input = completeInput(
			read.input,
			fields.filter((name) => form.elements.namedItem(name)),
			this.walk
		);
		this.pending?.abort();
		const controller = new AbortController();
		this.pending = controller;
		box.hidden = false;
		box.dataset.state = 'running';
		delete box.dataset.status;
		form.setAttribute('aria-busy', 'true');
		const progress = el('p', format(this.ui['tree.dns.running'], { domain: input.domain }));
		progress.className = 'tree-running';
		box.replaceChildren(progress);
		let result: Awaited<ReturnType<RunDnsCheck>>;
		try {
			result = await this.check(step.check, input, controller.signal);
		} catch {
			result = { status: 'error' };
		}
		form.removeAttribute('aria-busy');
		if (controller.signal.aborted) return;
		this.pending = undefined;
		this.renderVerdict(box, stepId, input, result.status, result.detail);
		if (result.status === 'invalid' && result.field && form.elements.namedItem(result.field))
			focus(result.field);
	}

	private renderVerdict(
		box: HTMLElement,
		stepId: string,
		input: DnsStepInput,
		status: CheckStatus | 'invalid',
		detail?: string
	) {
		if (status === 'invalid') {
			// The input was refused before any query: say why, keep the person on the form.
			this.showVerdict(box, 'invalid', [detail ?? this.ui['tree.dns.invalid']]);
			return;
		}
		const lines = [
			format(this.ui['tree.verdict.result'], {
				domain: input.domain,
				verdict: this.ui[`tree.verdict.${status}`],
			}),
		];
		if (detail) lines.push(detail);
		if (status === 'error') lines.push(this.ui['tree.verdict.errorHelp']);
		this.showVerdict(box, status, lines);
		const checkerLine = el('p');
		const checker = checkerLine.appendChild(el('a', this.ui['tree.dns.openChecker']));
		checker.href = dnsCheckerUrl(this.dataset.lang ?? 'en', input);
		const next = nextStep(this.steps, stepId, { verdict: status }, symptomOf(this.walk));
		if (next.ok) {
			const title = this.summaryStrings.titles[next.next] ?? next.next;
			const goLine = el('p');
			const go = goLine.appendChild(
				el('a', format(this.ui['tree.verdict.next'], { title }), 'tree-continue')
			);
			go.href = `#${next.next}`;
			go.dataset.verdictNext = next.next;
			go.dataset.status = status;
			go.dataset.testid = 'tree-continue';
			box.append(goLine);
		}
		box.append(checkerLine);
		this.shown = { step: stepId, status, input };
	}

	private showVerdict(box: HTMLElement, status: string, lines: string[]) {
		box.hidden = false;
		box.dataset.state = 'done';
		box.dataset.status = status;
		box.replaceChildren(...lines.map((line) => el('p', line)));
	}

	private async copySummary() {
		const text = summarize(this.walk, this.summaryStrings, location.href);
		const box = this.querySelector<HTMLElement>('.tree-summary')!;
		const copied = await copyText(text, {
			box,
			label: this.ui['tree.summaryLabel'],
			testId: 'tree-summary',
		});
		this.querySelector<HTMLElement>('.tree-live')!.textContent =
			this.ui[copied ? 'tree.copied' : 'tree.copyFailed'];
	}

	private showNotice(message: string) {
		const notice = this.querySelector<HTMLElement>('.tree-notice')!;
		notice.textContent = message;
		notice.hidden = false;
	}

	private hideNotice() {
		const notice = this.querySelector<HTMLElement>('.tree-notice')!;
		notice.hidden = true;
		notice.textContent = '';
	}
}
