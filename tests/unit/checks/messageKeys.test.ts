import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_KEYS } from '../../../src/schemas/ui';
import { DOH_FAILURES } from '../../../src/lib/dns/queryDoh';
import { INFERENCE_BASES } from '../../../src/lib/checks/inferSetup';
import { CHECKS, checkHeadingKey } from '../../../src/lib/checks/registry';
import { RUNNER_KEYS } from '../../../src/lib/checks/runChecks';
import { CHECK_IDS } from '../../../src/lib/checks/types';
import providerJson from '../../../src/content/provider/provider.json' with { type: 'json' };

const CHECKS_DIR = join(import.meta.dirname, '..', '..', '..', 'src', 'lib', 'checks');

describe('verdict message keys', () => {
	it('every key the checks can return is a declared UI string', () => {
		const literals = readdirSync(CHECKS_DIR, { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.ts'))
			.flatMap((f) =>
				[...readFileSync(join(CHECKS_DIR, f), 'utf8').matchAll(/'(dns\.[\w.]+)'/g)].map(
					(m) => m[1]!
				)
			);
		const built = [
			// Keys built from a value: every value the code can produce, from where it is defined.
			...DOH_FAILURES.map((f) => `dns.error.${f}`),
			...INFERENCE_BASES.map((b) => `dns.note.setupInferred.${b}`),
		];
		expect(literals.length).toBeGreaterThan(30);
		for (const key of [...literals, ...built]) expect(UI_KEYS, key).toContain(key);
	});

	it('every module of the registry declares keys that exist, and its heading', () => {
		for (const module of CHECKS) {
			expect(module.messageKeys.length, module.id).toBeGreaterThan(3);
			for (const key of [...module.messageKeys, checkHeadingKey(module.id)])
				expect(UI_KEYS, `${module.id}: ${key}`).toContain(key);
		}
		for (const key of RUNNER_KEYS) expect(UI_KEYS, key).toContain(key);
	});

	it("every key a module's verdict logic can return is in its messageKeys", () => {
		const sources: Record<string, string[]> = { mx: ['checkMx.ts'], srv: ['checkSrv.ts'] };
		for (const module of CHECKS) {
			for (const file of [...(sources[module.id] ?? []), join('modules', `${module.id}.ts`)]) {
				const text = readFileSync(join(CHECKS_DIR, file), 'utf8');
				for (const [, key] of text.matchAll(/'(dns\.[\w.]+)'/g))
					expect(module.messageKeys, `${module.id} ${file}: ${key}`).toContain(key);
			}
		}
	});

	it('every check id has a heading and an explanation anchor in the provider data', () => {
		for (const id of CHECK_IDS) {
			expect(UI_KEYS).toContain(checkHeadingKey(id));
			expect(providerJson.ovhcloud.checkAnchors, id).toHaveProperty(id);
		}
	});
});
