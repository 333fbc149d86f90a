/**
 * The DNS checker in a real browser against a real DNS server: unbound with the test zone behind
 * dnsdist's DoH endpoint and a fault-injecting relay (tests/fixtures/dns/serve.mjs, started by
 * playwright.config.ts). Nothing leaves 127.0.0.1.
 */
import { expect, test, type Page } from '@playwright/test';
import { decode } from '@leichtgewicht/dns-packet';
import { fromBase64Url } from '../../src/lib/dns/wire';
import {
	BUILTIN_RESOLVERS,
	BUILTIN_RESOLVER_IDS,
	BUILTIN_RESOLVER_NAMES,
} from '../../src/lib/dns/resolvers';
import { CASES, SERVER, domainOf } from '../fixtures/dns/zone.mjs';

const RELAY = `http://127.0.0.1:${process.env.DNS_RELAY_PORT ?? 8053}`;
const resolver = (mode = '') => `${RELAY}/${mode}dns-query`;

function checkUrl(locale: string, params: Record<string, string | undefined>) {
	const given = Object.entries(params).filter(
		(entry): entry is [string, string] => entry[1] !== undefined
	);
	return `/${locale}/dns/?${new URLSearchParams(given).toString()}`;
}

async function done(page: Page) {
	const report = page.getByTestId('dns-report');
	await expect(report).toHaveAttribute('data-state', 'done');
	return report;
}

/** Public resolvers a test answers itself with `page.route` (never reaching the network). */
let routedHosts = new Set<string>();

test.beforeEach(async ({ page }) => {
	routedHosts = new Set();
	// Every request the page makes stays on this machine, or is answered by the test itself.
	page.on('request', (request) => {
		const host = new URL(request.url()).hostname;
		if (!routedHosts.has(host)) expect(host, `request to ${request.url()}`).toBe('127.0.0.1');
	});
});

test.describe('verdicts from the test zone', () => {
	for (const c of CASES) {
		const domain = c.unicode ? `${c.unicode}.example.test` : domainOf(c);
		test(`${domain}: MX ${c.mx}, SRV ${c.srv}`, async ({ page }) => {
			await page.goto(checkUrl('en', { domain, ...c.params, resolver: resolver() }));
			const report = await done(page);
			await expect(report.locator('[data-check="mx"]')).toHaveAttribute('data-status', c.mx);
			await expect(report.locator('[data-check="srv"]')).toHaveAttribute('data-status', c.srv);
		});
	}
});

test('the report names the resolver, the TTLs, the fix and the diagnostic anchor', async ({
	page,
}) => {
	await page.goto(
		checkUrl('en', { domain: 'mixed.example.test', server: SERVER, resolver: resolver() })
	);
	const report = await done(page);
	const mx = report.locator('[data-check="mx"]');
	await expect(mx).toHaveAttribute('data-key', 'dns.mx.split');
	await expect(mx).toContainText('mx.other-provider.test');
	await expect(mx).toContainText('TTL 3600 s');
	await expect(mx).toContainText('What to do');
	await expect(mx).toContainText(/Answered by 127\.0\.0\.1:\d+ at/);
	await expect(mx.locator('a[data-anchor]')).toHaveAttribute('href', '/en/diagnostic/#mx');
	await expect(report.getByTestId('dns-zone')).toContainText(
		'mixed.example.test. IN MX 10 mx0.mail.ovh.net.'
	);
	await expect(report.getByTestId('dns-zone')).toContainText(
		'_autodiscover._tcp.mixed.example.test. IN SRV 0 0 443 ex5.mail.ovh.net.'
	);
});

test('an older fixed name is wrong against the server given, unconfirmed without it', async ({
	page,
}) => {
	await page.goto(
		checkUrl('en', {
			domain: 'oldex.example.test',
			setup: 'external-popimap',
			server: SERVER,
			resolver: resolver(),
		})
	);
	let report = await done(page);
	await expect(report.locator('[data-check="mx"]')).toHaveAttribute(
		'data-key',
		'dns.mx.legacyNotServer'
	);
	await expect(report.locator('[data-check="mx"]')).toContainText(
		`ex.mail.ovh.net, a fixed name from older guides, not your server ${SERVER}`
	);
	await expect(report.locator('[data-check="srv"]')).toHaveAttribute(
		'data-key',
		'dns.srv.legacyNotServer'
	);
	await page.goto(
		checkUrl('en', {
			domain: 'oldex-noserver.example.test',
			setup: 'external-popimap',
			resolver: resolver(),
		})
	);
	report = await done(page);
	for (const check of ['mx', 'srv']) {
		await expect(report.locator(`[data-check="${check}"]`)).toContainText(
			'Without your server’s host name the check cannot confirm'
		);
	}
});

test('a Private server placeholder says what to put, in the page language', async ({ page }) => {
	await page.goto(
		checkUrl('fr', {
			domain: 'external.example.test',
			offer: 'private',
			setup: 'external-popimap',
			resolver: resolver(),
		})
	);
	const report = await done(page);
	const zone = report.getByTestId('dns-zone');
	await expect(zone).toContainText(
		'external.example.test. IN MX 10 <nom-du-certificat-du-serveur>'
	);
	await expect(zone).not.toContainText('exN');
	await expect(report.locator('[data-check="srv"]')).toContainText(
		'0 0 443 <nom-du-certificat-du-serveur>'
	);
});

test('an MX that is a CNAME is named with its target', async ({ page }) => {
	await page.goto(checkUrl('en', { domain: 'cname.example.test', resolver: resolver() }));
	const mx = (await done(page)).locator('[data-check="mx"]');
	await expect(mx).toHaveAttribute('data-key', 'dns.mx.cname');
	await expect(mx).toContainText('mail.cname.example.test is a CNAME to mx1.mail.ovh.net');
});

test('an international name is shown in both forms', async ({ page }) => {
	await page.goto(
		checkUrl('en', { domain: 'BÜCHER.example.test.', server: SERVER, resolver: resolver() })
	);
	const report = await done(page);
	await expect(report).toContainText(
		'bücher.example.test is looked up as xn--bcher-kva.example.test'
	);
	await expect(report.locator('[data-check="mx"]')).toHaveAttribute('data-status', 'pass');
});

test('without a setup, the setup is inferred and the report says so', async ({ page }) => {
	await page.goto(
		checkUrl('en', { domain: 'external.example.test', server: SERVER, resolver: resolver() })
	);
	const mx = (await done(page)).locator('[data-check="mx"]');
	await expect(mx).toHaveAttribute('data-status', 'pass');
	await expect(mx).toContainText('You did not choose a setup');
});

test('the report is in the page language (French)', async ({ page }) => {
	await page.goto(checkUrl('fr', { domain: 'foreign.example.test', resolver: resolver() }));
	const report = await done(page);
	await expect(report.locator('[data-check="mx"]')).toContainText('À corriger');
	await expect(report.locator('[data-check="mx"]')).toContainText('un autre prestataire');
	await expect(report.locator('[data-check="mx"] a[data-anchor]')).toHaveAttribute(
		'href',
		'/fr/diagnostic/#mx'
	);
});

test.describe('resolver failures are "could not check", in words, never a hang', () => {
	const failures = [
		['servfail', 'SERVFAIL'],
		['garbage', 'not a DNS answer'],
		['http500', 'HTTP error (500)'],
		['nocors', 'without the header that lets a web page read its answer (CORS)'],
		['reset', 'The resolver could not be reached'],
		['hang', 'did not answer in time'],
	] as const;
	for (const [mode, words] of failures) {
		test(`${mode}`, async ({ page }) => {
			await page.goto(
				checkUrl('en', { domain: 'valid.example.test', resolver: resolver(`${mode}/`) })
			);
			const report = await done(page);
			for (const check of ['mx', 'srv']) {
				const box = report.locator(`[data-check="${check}"]`);
				await expect(box).toHaveAttribute('data-status', 'error');
				await expect(box).toContainText(words);
				await expect(box).toContainText('Could not check');
				await expect(box).toContainText(
					mode === 'servfail' ? 'DNSSEC' : 'This says nothing about your records'
				);
				// What to do is never "try again" alone: a built-in resolver, or the DNS host.
				await expect(box).not.toContainText(/try again/i);
				if (mode !== 'servfail') await expect(box).toContainText('Choose a built-in resolver');
				await expect(box).toContainText(/No answer from 127\.0\.0\.1:\d+\./);
				await expect(box).not.toContainText(/Error:|at \w+ \(|TypeError/);
			}
		});
	}
});

test('a failing built-in resolver is retried once on the other, and the report says which answered', async ({
	page,
}) => {
	// The default resolver (Cloudflare) answers SERVFAIL and the other one (Google) answers from
	// the test zone, both through the local relay.
	const [first, second] = BUILTIN_RESOLVER_IDS;
	const hostOf = (id: typeof first) => new URL(BUILTIN_RESOLVERS[id]).host;
	routedHosts = new Set([hostOf(first), hostOf(second)]);
	const asked: string[] = [];
	for (const [host, mode] of [
		[hostOf(first), 'servfail/'],
		[hostOf(second), ''],
	] as const) {
		await page.route(`https://${host}/dns-query?**`, async (route) => {
			const query = decode(fromBase64Url(new URL(route.request().url()).searchParams.get('dns')!));
			asked.push(`${host} ${query.questions?.[0]?.type}`);
			const search = new URL(route.request().url()).search;
			await route.fulfill({ response: await route.fetch({ url: `${resolver(mode)}${search}` }) });
		});
	}
	await page.goto(checkUrl('en', { domain: 'valid.example.test', server: SERVER }));
	const mx = (await done(page)).locator('[data-check="mx"]');
	await expect(mx).toHaveAttribute('data-status', 'pass');
	await expect(mx).toContainText(
		`The check asked ${BUILTIN_RESOLVER_NAMES[second]} because ${BUILTIN_RESOLVER_NAMES[first]} failed. The resolver could not resolve the name (SERVFAIL).`
	);
	await expect(mx).toContainText(`Answered by ${BUILTIN_RESOLVER_NAMES[second]} at`);
	// The MX and SRV questions: each asked once of each resolver (the other checks' too).
	for (const host of [hostOf(first), hostOf(second)]) {
		expect(asked.filter((q) => q === `${host} MX`)).toHaveLength(1);
		expect(asked.filter((q) => q === `${host} SRV`)).toHaveLength(1);
	}
	expect(asked.filter((q) => q.startsWith(hostOf(first))).length).toBe(
		asked.filter((q) => q.startsWith(hostOf(second))).length
	);
});

test('the report shows running while the resolver is slow, then done', async ({ page }) => {
	// Record every state, progress text and card the report goes through (200 ms is too short to poll).
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { dnsStates: string[] }).dnsStates = seen;
		new MutationObserver(() => {
			const report = document.querySelector<HTMLElement>('[data-testid="dns-report"]');
			const cards = [...(report?.querySelectorAll<HTMLElement>('[data-check]') ?? [])]
				.map((card) => `${card.dataset.check}:${card.dataset.status ?? card.dataset.progress}`)
				.join(',');
			const entry = `${report?.dataset.state}|${report?.querySelector('[role="status"]')?.textContent ?? ''}|${cards}`;
			if (report && seen.at(-1) !== entry) seen.push(entry);
		}).observe(document, { subtree: true, childList: true, attributes: true });
	});
	await page.goto(checkUrl('it', { domain: 'valid.example.test', resolver: resolver('delay/') }));
	const report = page.getByTestId('dns-report');
	await expect(report).toHaveAttribute('data-state', 'done');
	const states = await page.evaluate(
		() => (window as unknown as { dnsStates: string[] }).dnsStates
	);
	// Each check has its card from the start, saying it runs, until its verdict arrives.
	expect(states[0]).toMatch(
		/^running\|Verifica di valid\.example\.test in corso…\|mx:running,srv:running/
	);
	expect(states.at(-1)).toMatch(
		/^done\|Su 7 verifiche: 2 corrette, 3 da correggere o verificare, 1 non eseguibile, 1 non avviata\.\|mx:pass,srv:warn,autodiscover:pass,spf:fail,dkim:skip,dmarc:warn,domain:error/
	);
	await expect(report.locator('[data-check="mx"]')).toHaveAttribute('data-status', 'pass');
	// The progress and the summary are announced politely where the reader is.
	await expect(report.locator('[role="status"]').first()).toHaveAttribute('aria-live', 'polite');
});

test('a permalink lands on the report, asks each first question once, and badges say the status in words', async ({
	page,
}) => {
	const asked: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/dns-query?')) asked.push(request.url());
	});
	await page.setViewportSize({ width: 1000, height: 700 });
	await page.goto(checkUrl('en', { domain: 'valid.example.test', resolver: resolver() }));
	const report = await done(page);
	await expect(report.locator('h3')).toBeInViewport();
	// The early start and the checker share each request: one per question.
	expect(asked.length).toBe(new Set(asked).size);
	// MX, SRV, autodiscover and autoconfig A, the domain's TXT, _dmarc TXT (no dkim selector given).
	expect(asked).toHaveLength(6);
	const badge = report.locator('[data-check="srv"] .dns-badge');
	await expect(badge).toHaveText(/To check/);
	await expect(badge).toHaveAttribute('data-status', 'warn');
	// An icon beside the word (drawn by the stylesheet), so the status never rests on colour alone.
	expect(await badge.evaluate((node) => getComputedStyle(node, '::before').content)).not.toMatch(
		/^(none|normal)$/
	);
	await expect(report.locator('[role="status"]').first()).toHaveText(
		// The domain check could not run: the test zone's TLD has no RDAP service.
		/^Of 7 checks: 2 are correct, 3 need fixing or checking, 1 could not run/
	);
	// Hosted Exchange has no antispam option: its MX hosts are the incoming mail servers.
	await expect(report).toContainText('the records use OVHcloud’s incoming mail servers');
	await expect(report).not.toContainText(/antispam/i);
});

test('a permalinked check asks its questions before the page’s stylesheets have loaded', async ({
	page,
}) => {
	// The early start runs from the head: an inline script after a stylesheet would wait for it.
	let cssDoneAt = Infinity;
	let firstQuestionAt = Infinity;
	await page.route('**/_astro/*.css', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
		cssDoneAt = Math.min(cssDoneAt, Date.now());
	});
	page.on('request', (request) => {
		if (request.url().includes('/dns-query?'))
			firstQuestionAt = Math.min(firstQuestionAt, Date.now());
	});
	await page.goto(checkUrl('en', { domain: 'valid.example.test', resolver: resolver() }));
	await done(page);
	expect(firstQuestionAt).toBeLessThan(cssDoneAt);
});

test('a permalinked check reports before the rest of the page has run its scripts', async ({
	page,
}) => {
	// The checker's script is async: it runs once its markup is parsed and its modules loaded, not
	// after every deferred script of the page (the code blocks' script further down, held here).
	await page.route('**/_astro/ec.*.js', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 4000));
		await route.continue();
	});
	await page.addInitScript(() => {
		const seen = { contentLoaded: false, doneBeforeContentLoaded: false };
		(window as unknown as { seen: typeof seen }).seen = seen;
		document.addEventListener('DOMContentLoaded', () => (seen.contentLoaded = true));
		new MutationObserver(() => {
			const report = document.querySelector<HTMLElement>('[data-testid="dns-report"]');
			if (report?.dataset.state === 'done' && !seen.contentLoaded)
				seen.doneBeforeContentLoaded = true;
		}).observe(document, { subtree: true, attributes: true, childList: true });
	});
	await page.goto(checkUrl('en', { domain: 'valid.example.test', resolver: resolver() }), {
		waitUntil: 'commit',
	});
	await done(page);
	const seen = await page.evaluate(() => (window as unknown as { seen: object }).seen);
	expect(seen).toMatchObject({ doneBeforeContentLoaded: true });
	// Once the page has loaded, the report is where the reader is.
	await page.waitForLoadState('domcontentloaded');
	await expect(page.getByTestId('dns-report').locator('h3')).toBeInViewport();
});

test.describe('bad input gets a clear message and no check', () => {
	const cases: Array<[string, Record<string, string>, RegExp]> = [
		['empty domain', { domain: '' }, /Enter a domain name first/],
		['a URL', { domain: 'https://example.test/page' }, /is not a domain name/],
		['an IP address', { domain: '192.0.2.1' }, /This is an IP address/],
		['a too long name', { domain: `${'a'.repeat(70)}.test` }, /too long/],
		['markup', { domain: '<img src=x onerror=alert(1)>.test' }, /is not a domain name/],
		[
			'an http resolver elsewhere',
			{ domain: 'valid.example.test', resolver: 'http://doh.example.test/dns-query' },
			/must use https/,
		],
		[
			'a resolver that is no URL',
			{ domain: 'valid.example.test', resolver: 'not a url' },
			/not a valid https/,
		],
		[
			'a malformed DKIM selector',
			{ domain: 'valid.example.test', dkim: '<b>x</b>' },
			/“<b>x<\/b>” is not a DKIM selector/,
		],
		[
			'a malformed server',
			{ domain: 'valid.example.test', server: 'ex5 mail' },
			/server host name is not valid/,
		],
	];
	for (const [name, params, message] of cases) {
		test(name, async ({ page }) => {
			await page.goto(checkUrl('en', params));
			await expect(page.getByTestId('dns-input-error')).toHaveText(message);
			await expect(page.getByTestId('dns-report')).toHaveCount(0);
			await expect(page.locator('img[src="x"]')).toHaveCount(0);
		});
	}

	test('choosing another resolver without giving its URL', async ({ page }) => {
		await page.goto('/en/dns/');
		await page.getByTestId('dns-domain').fill('valid.example.test');
		await page.getByText('More options').click();
		await page.getByTestId('dns-resolver').selectOption('custom');
		await page.getByTestId('dns-submit').click();
		await expect(page.getByTestId('dns-input-error')).toHaveText(/not a valid https/);
		await expect(page.getByTestId('dns-resolver-url')).toBeFocused();
		await expect(page.getByTestId('dns-report')).toHaveCount(0);
	});

	test('submitting the empty form', async ({ page }) => {
		await page.goto('/en/dns/');
		await page.getByTestId('dns-submit').click();
		await expect(page.getByTestId('dns-input-error')).toHaveText(/Enter a domain name first/);
		await expect(page.getByTestId('dns-domain')).toBeFocused();
	});
});

test('the form updates the permalink, and the permalink re-runs the check', async ({
	page,
	context,
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/fr/dns/');
	await page.getByTestId('dns-domain').fill('wrongsrv.example.test');
	await page.getByText('Plus d’options').click();
	await page.getByTestId('dns-server').fill(SERVER);
	await page.getByTestId('dns-resolver').selectOption('custom');
	await page.getByTestId('dns-resolver-url').fill(resolver());
	await page.getByTestId('dns-submit').click();
	const report = await done(page);
	await expect(report.locator('[data-check="srv"]')).toHaveAttribute('data-status', 'fail');
	expect(new URL(page.url()).searchParams.get('domain')).toBe('wrongsrv.example.test');

	await report.getByTestId('dns-copy').click();
	const text = await page.evaluate(() => navigator.clipboard.readText());
	expect(text).toContain('Vérification DNS de wrongsrv.example.test');
	expect(text).toContain('[À corriger]');
	expect(text).toContain('0 0 80 ex5.mail.ovh.net');
	expect(text).toContain(
		'_autodiscover._tcp.wrongsrv.example.test. IN SRV 0 0 443 ex5.mail.ovh.net.'
	);

	const permalink = await report.getByTestId('dns-permalink').getAttribute('href');
	await page.goto('/en/');
	await page.goto(permalink!);
	const again = await done(page);
	await expect(again.locator('[data-check="srv"]')).toHaveAttribute('data-status', 'fail');
	await expect(page.getByTestId('dns-domain')).toHaveValue('wrongsrv.example.test');
});

test('the dkim parameter fills its field and stays in the permalink', async ({ page }) => {
	await page.goto(
		checkUrl('en', { domain: 'valid.example.test', dkim: 'ovhex123456', resolver: resolver() })
	);
	const report = await done(page);
	await expect(page.getByTestId('dns-dkim')).toHaveValue('ovhex123456');
	await expect(page.getByTestId('dns-dkim')).toBeVisible();
	const permalink = await report.getByTestId('dns-permalink').getAttribute('href');
	expect(new URL(permalink!, 'http://x').searchParams.get('dkim')).toBe('ovhex123456');
});

test('when the clipboard is refused, the report is shown selected to copy by hand', async ({
	page,
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new Error('denied')) },
		});
	});
	await page.goto(checkUrl('it', { domain: 'valid.example.test', resolver: resolver() }));
	const report = await done(page);
	await report.getByTestId('dns-copy').click();
	const field = report.getByTestId('dns-report-text');
	await expect(field).toBeVisible();
	await expect(field).toBeFocused();
	await expect(field).toHaveValue(/Verifica DNS di valid\.example\.test/);
	await expect(field).toHaveValue(/\/it\/dns\/\?domain=valid\.example\.test/);
	await expect(report.getByText('Il browser non ha consentito la copia')).toBeVisible();
	// The whole report is selected, ready for Ctrl+C.
	const selected = await field.evaluate(
		(box: HTMLTextAreaElement) => box.selectionEnd - box.selectionStart === box.value.length
	);
	expect(selected).toBe(true);
});
