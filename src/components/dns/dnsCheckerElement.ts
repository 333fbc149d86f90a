/**
 * The browser side of `<dns-checker>`: reads the form and URL parameters, runs the check through
 * src/lib/dns (the browser's fetch), and renders the report with textContent only: domain names,
 * DNS answers and URL parameters are untrusted text.
 */
import {
	formFromParams,
	INPUT_ERROR_KEYS,
	permalinkParams,
	validateForm,
	type CheckForm,
	type ValidCheck,
} from '../../lib/dns/checkParams';
import {
	checkContext,
	judgedSetup,
	lookupOf,
	runDnsCheck,
	type DnsCheckReport,
	type DnsCheckRequest,
} from '../../lib/dns/runDnsCheck';
import { CHECKS, checkHeadingKey, type CheckContext } from '../../lib/checks/registry';
import { checkAnchorHref } from '../../lib/checks/anchors';
import { summaryMessage } from '../../lib/checks/summary';
import { fillPlaceholders } from '../../lib/records/expectedRecords';
import { DEFAULT_RESOLVER, isBuiltinResolverId } from '../../lib/dns/resolvers';
import { reportText } from '../../lib/checks/reportText';
import type { CheckId, CheckStatus, Message, Verdict } from '../../lib/checks/types';
import { resolverLine, say, setupName, type CheckWording } from '../../lib/checks/wording';
import type { Provider } from '../../schemas/provider';
import { formatDateTime, labelPrefix, prepareFormatters } from '../../lib/i18n/format';
import { copyText } from '../clipboard';
import { pageConnectAllows } from './pagePolicy';
import { EARLY_STORE, earlyFetch } from '../../lib/dns/earlyStart';
import { el } from '../dom';

/** Not a URL, so validation reports a malformed resolver address. */
const CUSTOM_WITHOUT_URL = 'custom';

export class DnsCheckerElement extends HTMLElement {
	private wording: CheckWording = { strings: {}, setupLabels: {}, locale: 'en' };
	private provider!: Provider;
	private locale = 'en';
	private controller?: AbortController;
	/** The `rdap` parameter of the page's address: no form field, kept for every run. */
	private rdapParam = '';

	connectedCallback() {
		this.locale = this.dataset.locale ?? 'en';
		this.wording = {
			strings: JSON.parse(this.dataset.strings ?? '{}'),
			setupLabels: JSON.parse(this.dataset.setupLabels ?? '{}'),
			locale: this.locale,
		};
		this.provider = JSON.parse(this.dataset.provider ?? '{}');
		const form = this.querySelector('form')!;
		const offer = this.field<HTMLSelectElement>('offer');
		offer.addEventListener('change', () => this.relabelSetups());
		this.field<HTMLSelectElement>('resolver').addEventListener('change', () => this.syncResolver());
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.start(this.readForm(), true);
		});
		// A permalink (or a support agent's link) runs the check on load.
		const fromUrl = formFromParams(new URLSearchParams(location.search));
		this.rdapParam = fromUrl.rdap ?? '';
		this.fillForm(fromUrl);
		if (new URLSearchParams(location.search).has('domain')) this.start(fromUrl, false);
	}

	/** A message in the page's language; `offer` decides how a setup id reads. */
	private t(message: Message | string, offer?: string): string {
		return say(this.wording, message, offer);
	}

	private setupLabel(offer: string, setup: string): string {
		return setupName(this.wording, offer, setup);
	}

	private field<T extends HTMLElement>(name: string): T {
		return this.querySelector<T>(`[name="${name}"]`)!;
	}

	private relabelSetups() {
		const offer = this.field<HTMLSelectElement>('offer').value;
		for (const option of this.field<HTMLSelectElement>('setup').options) {
			if (option.value) option.textContent = this.setupLabel(offer, option.value);
		}
	}

	private syncResolver() {
		const custom = this.field<HTMLSelectElement>('resolver').value === 'custom';
		this.field<HTMLInputElement>('resolverUrl').required = custom;
	}

	private fillForm(form: CheckForm) {
		this.field<HTMLInputElement>('domain').value = form.domain;
		const offer = this.field<HTMLSelectElement>('offer');
		if ([...offer.options].some((o) => o.value === form.offer)) offer.value = form.offer;
		const setup = this.field<HTMLSelectElement>('setup');
		if ([...setup.options].some((o) => o.value === form.setup)) setup.value = form.setup;
		this.field<HTMLInputElement>('server').value = form.server;
		this.field<HTMLInputElement>('dkim').value = form.dkim ?? '';
		const resolver = this.field<HTMLSelectElement>('resolver');
		const resolverUrl = this.field<HTMLInputElement>('resolverUrl');
		if (form.resolver === '' || isBuiltinResolverId(form.resolver)) {
			resolver.value = form.resolver || DEFAULT_RESOLVER;
		} else {
			resolver.value = 'custom';
			resolverUrl.value = form.resolver;
		}
		if (form.server || form.dkim || resolver.value !== DEFAULT_RESOLVER)
			this.querySelector('details')!.open = true;
		this.relabelSetups();
		this.syncResolver();
	}

	private readForm(): CheckForm {
		const resolver = this.field<HTMLSelectElement>('resolver').value;
		return {
			domain: this.field<HTMLInputElement>('domain').value,
			offer: this.field<HTMLSelectElement>('offer').value,
			setup: this.field<HTMLSelectElement>('setup').value,
			server: this.field<HTMLInputElement>('server').value,
			dkim: this.field<HTMLInputElement>('dkim').value,
			// "Another resolver" with no URL must not quietly fall back to the default one.
			resolver:
				resolver === 'custom'
					? this.field<HTMLInputElement>('resolverUrl').value.trim() || CUSTOM_WITHOUT_URL
					: resolver,
			rdap: this.rdapParam,
		};
	}

	private showInputError(message: string | undefined, field?: keyof CheckForm) {
		const box = this.querySelector<HTMLElement>('[data-testid="dns-input-error"]')!;
		for (const name of ['domain', 'server', 'dkim', 'resolverUrl'])
			this.field<HTMLElement>(name).removeAttribute('aria-invalid');
		box.hidden = !message;
		box.textContent = message ?? '';
		// `rdap` has no field: the message alone says what is wrong with the address.
		if (message && field && field !== 'rdap') {
			const name = field === 'resolver' ? 'resolverUrl' : field;
			const input = this.field<HTMLElement>(name);
			input.setAttribute('aria-invalid', 'true');
			if (name !== 'domain') this.querySelector('details')!.open = true;
		}
	}

	private start(form: CheckForm, fromSubmit: boolean) {
		this.controller?.abort();
		const output = this.querySelector<HTMLElement>('.dns-output')!;
		const result = validateForm(form, this.provider);
		if (!result.ok) {
			output.replaceChildren();
			this.showInputError(
				this.t({
					key: INPUT_ERROR_KEYS[result.error] ?? 'dns.input.malformed',
					params: {
						input: (result.field === 'dkim' ? (form.dkim ?? '') : form.domain).trim().slice(0, 80),
						example: this.provider.dkim?.example ?? '',
					},
				}),
				result.field
			);
			if (fromSubmit && result.field !== 'rdap')
				this.field<HTMLInputElement>(
					result.field === 'resolver' ? 'resolverUrl' : result.field
				).focus();
			return;
		}
		this.showInputError(
			result.warnings.length ? result.warnings.map((w) => this.t(w)).join(' ') : undefined
		);
		const check = result.check;
		const permalink = new URL(location.href);
		permalink.search = permalinkParams(check).toString();
		permalink.hash = '';
		if (fromSubmit) history.replaceState(history.state, '', permalink.href);
		void this.run(check, permalink.href, output, fromSubmit);
	}

	private async run(
		check: ValidCheck,
		permalink: string,
		output: HTMLElement,
		fromSubmit: boolean
	) {
		// Responses the early start already has, for the check the page opened with only.
		const early = fromSubmit
			? undefined
			: (window as unknown as Record<string, Record<string, Promise<Response>>>)[EARLY_STORE];
		const controller = new AbortController();
		this.controller = controller;
		const report = el('section');
		report.dataset.testid = 'dns-report';
		report.dataset.state = 'running';
		report.setAttribute('aria-busy', 'true');
		const { domain } = check;
		const title = this.t({ key: 'dns.report.title', params: { domain: domain.unicode } });
		const lines: string[] = [];
		if (domain.isIdn)
			lines.push(
				this.t({ key: 'dns.report.idn', params: { unicode: domain.unicode, ascii: domain.ascii } })
			);
		// Progress, then the summary: announced politely where the reader is.
		const progress = el(
			'p',
			this.t({ key: 'dns.running', params: { domain: domain.unicode } }),
			'dns-progress'
		);
		progress.setAttribute('role', 'status');
		progress.setAttribute('aria-live', 'polite');
		const meta = el('div');
		meta.append(...lines.map((line) => el('p', line, 'dns-meta')));
		const request: DnsCheckRequest = { provider: this.provider, ...check };
		const ctx = checkContext(request);
		// One card per check from the start, each saying it runs until its verdict arrives.
		const cards = new Map<CheckId, HTMLElement>();
		for (const module of CHECKS) {
			const card = el('article');
			card.dataset.check = module.id;
			card.dataset.progress = 'running';
			card.append(
				el('h4', this.t(checkHeadingKey(module.id))),
				el('p', this.t('dns.report.checking'), 'dns-meta')
			);
			cards.set(module.id, card);
		}
		const heading = el('h3', title);
		heading.tabIndex = -1;
		report.append(heading, meta, progress, ...cards.values());
		output.replaceChildren(report);
		// A permalink opens on the report, not 500 px above it (issue 13, item 7).
		// The checker starts while the rest of the page is still parsed (an async script): the page
		// below may not be long enough yet to bring the report to the top, so once more when it is.
		// In the next frame, not now: scrolling here forces a layout of the whole page parsed so far
		// (40 ms or more on a 2-core machine) before the answers can be judged (bench/README.md).
		if (!fromSubmit) {
			const scroll = () => heading.scrollIntoView({ block: 'start' });
			requestAnimationFrame(scroll);
			if (document.readyState === 'loading')
				document.addEventListener('DOMContentLoaded', scroll, { once: true });
		}
		const submit = this.querySelector<HTMLButtonElement>('[data-testid="dns-submit"]')!;
		submit.disabled = true;
		const finish = () => {
			report.dataset.state = 'done';
			report.removeAttribute('aria-busy');
			submit.disabled = false;
		};
		let result: DnsCheckReport;
		try {
			const checked = runDnsCheck(request, {
				fetch: earlyFetch(early, (input, init) => fetch(input, init)),
				signal: controller.signal,
				allows: pageConnectAllows(),
				onVerdict: (verdict, module, lookups) => {
					if (controller.signal.aborted) return;
					const card = cards.get(module.id)!;
					this.fillCard(
						card,
						verdict,
						resolverLine(this.wording, lookupOf(module, ctx, lookups)),
						check.offer
					);
					if (module.id === 'mx') meta.append(this.setupLine(check, verdict));
				},
			});
			// The questions are out: make the formatters the cards use (each card's "answered at")
			// while the answers travel, rather than between the first answer and its verdict.
			prepareFormatters(this.locale);
			result = await checked;
		} catch {
			// runDnsCheck turns every resolver problem into an `error` verdict; this is a last guard
			// so the page never keeps a spinner.
			if (controller.signal.aborted) return;
			progress.textContent = this.t('dns.error.internal');
			finish();
			return;
		}
		if (controller.signal.aborted) return;
		progress.textContent = this.summary([...result.verdicts.values()]);
		this.renderEnd(report, result, check, permalink, lines, ctx);
		finish();
	}

	/** "Checked for: Hosted, …", once the MX check has judged (or inferred) the setup. */
	private setupLine(check: ValidCheck, mx: Verdict): HTMLElement {
		const { setup } = judgedSetup(check, mx);
		// Without an MX answer a setup that was not given could not be inferred: say nothing then.
		const text =
			check.setup || mx.status !== 'error'
				? this.t({
						key: 'dns.report.setup',
						params: {
							offer: this.t(`records.offer.${check.offer}`),
							setup: this.setupLabel(check.offer, setup),
						},
					})
				: '';
		const line = el('p', text, 'dns-meta');
		line.dataset.testid = 'dns-setup-line';
		line.hidden = !text;
		return line;
	}

	/** How many checks pass, need fixing, could not run: the first thing the reader sees. */
	private summary(verdicts: Verdict[]): string {
		return this.t(summaryMessage(verdicts));
	}

	private renderEnd(
		report: HTMLElement,
		result: DnsCheckReport,
		check: ValidCheck,
		permalink: string,
		lines: string[],
		ctx: CheckContext
	) {
		const { domain } = check;
		const setupLine = report.querySelector<HTMLElement>('[data-testid="dns-setup-line"]');
		if (setupLine?.textContent) lines = [...lines, setupLine.textContent];
		const checks = CHECKS.filter((module) => result.verdicts.has(module.id)).map((module) => ({
			heading: this.t(checkHeadingKey(module.id)),
			verdict: result.verdicts.get(module.id)!,
			resolverLine: resolverLine(this.wording, lookupOf(module, ctx, result.lookups)),
		}));
		const zoneLines = result.zone.map((line) => this.fill(line));
		const zoneTitle = this.t('dns.report.zoneTitle');
		report.append(
			el('h4', zoneTitle),
			el('p', this.t({ key: 'dns.report.zoneHint', params: { domain: domain.ascii } }), 'dns-meta')
		);
		const zone = el('pre', undefined, 'dns-zone');
		zone.dataset.testid = 'dns-zone';
		// Long lines (SPF, DKIM targets) scroll sideways: a focusable, named region, so the
		// keyboard can scroll it too (WCAG 2.1.1; axe scrollable-region-focusable).
		zone.tabIndex = 0;
		zone.setAttribute('role', 'region');
		zone.setAttribute('aria-label', zoneTitle);
		zone.append(el('code', zoneLines.join('\n')));
		report.append(zone);

		const actions = el('div', undefined, 'dns-report-actions');
		const copy = el('button', this.t('dns.report.copy'));
		copy.type = 'button';
		copy.dataset.testid = 'dns-copy';
		const copyStatus = el('span', '', 'dns-meta');
		copyStatus.setAttribute('role', 'status');
		copy.addEventListener('click', async () => {
			// Built on demand: nothing on the way to data-state="done" that the page does not show.
			const text = reportText(
				{
					label: (text) => labelPrefix(text, this.locale),
					title: this.t({
						key: 'dns.report.generated',
						params: {
							domain: domain.unicode,
							time: formatDateTime(result.finishedAt, this.locale),
						},
					}),
					lines: [...lines, this.summary([...result.verdicts.values()])],
					checks,
					zoneTitle,
					zone: zoneLines,
					permalink,
				},
				(message) => this.t(message, check.offer),
				(text) => this.fill(text)
			);
			const copied = await copyText(text, {
				box: manual,
				label: this.t('dns.report.manualLabel'),
				testId: 'dns-report-text',
			});
			copyStatus.textContent = this.t(copied ? 'copy.done' : 'copy.failed');
		});
		const link = el('a', this.t('dns.report.permalink'));
		link.href = permalink;
		link.dataset.testid = 'dns-permalink';
		actions.append(copy, link, copyStatus);
		// Shown when the browser refuses the clipboard: the report, selected, to copy by hand.
		const manual = el('div', undefined, 'copy-manual dns-report-manual');
		manual.hidden = true;
		report.append(actions, manual);
	}

	/** A Private placeholder in the page's words. */
	private fill(text: string): string {
		return fillPlaceholders(text, this.wording.strings['records.privateServerPlaceholder']);
	}

	private fillCard(box: HTMLElement, verdict: Verdict, resolverLine: string, offer: string) {
		const t = (message: Message) => this.fill(this.t(message, offer));
		delete box.dataset.progress;
		box.dataset.status = verdict.status;
		box.dataset.key = verdict.message.key;
		const h = el('h4', this.t(checkHeadingKey(verdict.check)));
		h.append(this.badge(verdict.status));
		box.replaceChildren(h, el('p', t(verdict.message)));
		if (verdict.status !== 'error' && verdict.status !== 'skip' && verdict.records !== false) {
			const dl = el('dl');
			if (verdict.expected.length) {
				dl.append(el('dt', t({ key: 'dns.report.expected' })));
				const dd = el('dd');
				const list = el('ul', undefined, 'dns-records');
				for (const value of verdict.expected) list.append(this.li(this.fill(value)));
				dd.append(list);
				dl.append(dd);
			}
			dl.append(el('dt', t({ key: 'dns.report.found' })));
			const found = el('dd');
			if (verdict.found.length === 0) found.textContent = t({ key: 'dns.report.nothingFound' });
			else {
				const list = el('ul', undefined, 'dns-records');
				for (const record of verdict.found) {
					const li = this.li(
						record.text,
						` — ${t({ key: 'dns.report.ttl', params: { ttl: String(record.ttl) } })}`
					);
					li.className = `dns-record-${record.judgement}`;
					li.dataset.judgement = record.judgement;
					list.append(li);
				}
				found.append(list);
			}
			dl.append(found);
			box.append(dl);
		}
		if (verdict.fix) {
			const fix = el('p');
			fix.append(
				el('strong', labelPrefix(t({ key: 'dns.report.fix' }), this.locale)),
				document.createTextNode(t(verdict.fix))
			);
			box.append(fix);
		}
		for (const note of verdict.notes) box.append(el('p', t(note), 'dns-meta'));
		for (const link of verdict.links ?? []) {
			// Addresses from an answer (the registrar's site): only http(s) ever becomes a link.
			if (!/^https?:\/\//i.test(link.href)) continue;
			const a = el('a', t(link.message));
			a.href = link.href;
			a.rel = 'noopener noreferrer';
			const line = el('p');
			line.append(a);
			box.append(line);
		}
		if (resolverLine) box.append(el('p', resolverLine, 'dns-meta'));
		const more = el('a', t({ key: 'dns.report.more' }));
		more.href = checkAnchorHref(verdict.anchor, this.locale);
		more.dataset.anchor = verdict.anchor;
		const moreLine = el('p');
		moreLine.append(more);
		box.append(moreLine);
	}

	/** The status as a word with an icon, so it never rests on colour alone. */
	private badge(status: CheckStatus): HTMLElement {
		// The word, with its icon drawn beside it by src/styles/widgets.css (never colour alone,
		// WCAG 1.4.1): the same badge as the tree's and the bounce analyzer's.
		const badge = el('span', this.t({ key: `dns.status.${status}` }), 'dns-badge status-badge');
		badge.dataset.status = status;
		return badge;
	}

	private li(code: string, after?: string): HTMLLIElement {
		const li = el('li');
		li.append(el('code', code));
		if (after) li.append(document.createTextNode(after));
		return li;
	}
}
