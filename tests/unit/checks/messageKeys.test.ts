import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_KEYS } from '../../../src/schemas/ui';
import { DOH_FAILURES } from '../../../src/lib/dns/queryDoh';
import { INFERENCE_BASES } from '../../../src/lib/checks/inferSetup';

const CHECKS = join(import.meta.dirname, '..', '..', '..', 'src', 'lib', 'checks');

describe('verdict message keys', () => {
	it('every key the checks can return is a declared UI string', () => {
		const literals = readdirSync(CHECKS)
			.filter((f) => f.endsWith('.ts'))
			.flatMap((f) =>
				[...readFileSync(join(CHECKS, f), 'utf8').matchAll(/'(dns\.[\w.]+)'/g)].map((m) => m[1]!)
			);
		const built = [
			// Keys built from a value: every value the code can produce, from where it is defined.
			...DOH_FAILURES.map((f) => `dns.error.${f}`),
			...INFERENCE_BASES.map((b) => `dns.note.setupInferred.${b}`),
		];
		expect(literals.length).toBeGreaterThan(30);
		for (const key of [...literals, ...built]) expect(UI_KEYS, key).toContain(key);
	});
});
