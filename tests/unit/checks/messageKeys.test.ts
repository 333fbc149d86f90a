import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_KEYS } from '../../../src/schemas/ui';

const CHECKS = join(import.meta.dirname, '..', '..', '..', 'src', 'lib', 'checks');
const FAILURES = ['timeout', 'network', 'http', 'garbage', 'servfail', 'refused', 'aborted'];
const BASES = ['hosts', 'server', 'none'];

describe('verdict message keys', () => {
	it('every key the checks can return is a declared UI string', () => {
		const literals = readdirSync(CHECKS)
			.filter((f) => f.endsWith('.ts'))
			.flatMap((f) =>
				[...readFileSync(join(CHECKS, f), 'utf8').matchAll(/'(dns\.[\w.]+)'/g)].map((m) => m[1]!)
			);
		const built = [
			...FAILURES.map((f) => `dns.error.${f}`),
			...BASES.map((b) => `dns.note.setupInferred.${b}`),
		];
		expect(literals.length).toBeGreaterThan(30);
		for (const key of [...literals, ...built]) expect(UI_KEYS, key).toContain(key);
	});
});
