#!/usr/bin/env node
/**
 * Refreshes src/data/rdap-bootstrap.json, the IANA RDAP bootstrap registry for domain names
 * (RFC 9224, https://data.iana.org/rdap/dns.json) that the DNS checker's `domain` check bundles.
 * The build never fetches it: run this by hand (or in a scheduled job) and commit the result.
 *
 *   node scripts/refresh-rdap-bootstrap.mjs                 fetch IANA's file (needs the internet)
 *   node scripts/refresh-rdap-bootstrap.mjs --from dns.json a copy saved beforehand
 *   ... --source "text"  says where a --from copy came from; --retrieved YYYY-MM-DD its date
 *
 * A --from file may be IANA's whole document or only its `services` array (some npm packages
 * ship that array alone). Every entry is checked (RFC 9224 §4: [[labels], [base URLs]]), labels
 * are lower-cased, and the output is written with one service per line so that a refresh reads
 * as a short diff.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const IANA_DNS_BOOTSTRAP = 'https://data.iana.org/rdap/dns.json';
const OUT = join(import.meta.dirname, '..', 'src', 'data', 'rdap-bootstrap.json');

function argument(name) {
	const at = process.argv.indexOf(name);
	return at > 0 ? process.argv[at + 1] : undefined;
}

/** RFC 9224 §4 entries, checked: labels are DNS labels, URLs parse as http(s). */
export function checkServices(services) {
	if (!Array.isArray(services) || services.length === 0) throw new Error('no services array');
	return services.map((entry, i) => {
		const [labels, urls] = Array.isArray(entry) ? entry : [];
		if (!Array.isArray(labels) || !Array.isArray(urls) || labels.length === 0 || urls.length === 0)
			throw new Error(`service ${i}: not [[labels], [urls]]`);
		const tlds = labels.map((label) => {
			const lower = String(label).toLowerCase();
			if (!/^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(lower))
				throw new Error(`service ${i}: label ${label}`);
			return lower;
		});
		for (const url of urls) {
			const parsed = new URL(url);
			if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
				throw new Error(`service ${i}: url ${url}`);
		}
		return [tlds, urls.map(String)];
	});
}

async function main() {
	const from = argument('--from');
	let document;
	let source;
	if (from) {
		document = JSON.parse(await readFile(from, 'utf8'));
		source = argument('--source') ?? `${IANA_DNS_BOOTSTRAP} (saved copy ${from})`;
	} else {
		const response = await fetch(IANA_DNS_BOOTSTRAP, { signal: AbortSignal.timeout(30_000) });
		if (!response.ok) throw new Error(`${IANA_DNS_BOOTSTRAP}: HTTP ${response.status}`);
		document = await response.json();
		source = IANA_DNS_BOOTSTRAP;
	}
	const services = checkServices(Array.isArray(document) ? document : document.services);
	const header = {
		description: 'IANA RDAP bootstrap registry for domain names (RFC 9224), bundled at build time',
		refresh: 'node scripts/refresh-rdap-bootstrap.mjs',
		source,
		retrieved: argument('--retrieved') ?? new Date().toISOString().slice(0, 10),
		publication: Array.isArray(document) ? null : (document.publication ?? null),
		version: Array.isArray(document) ? '1.0' : (document.version ?? '1.0'),
	};
	const head = JSON.stringify(header, null, '\t').replace(/\n}$/, '');
	const lines = services.map((service) => `\t\t${JSON.stringify(service)}`);
	await writeFile(OUT, `${head},\n\t"services": [\n${lines.join(',\n')}\n\t]\n}\n`);
	const count = services.reduce((n, [tlds]) => n + tlds.length, 0);
	console.log(`${OUT}: ${services.length} services, ${count} TLDs, retrieved ${header.retrieved}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((error) => {
		console.error(`refresh-rdap-bootstrap: ${error.message}`);
		process.exit(1);
	});
}
