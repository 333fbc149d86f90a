import { readFileSync } from 'node:fs';

export const readHeaderFixture = (name: string) =>
	readFileSync(new URL(`../../fixtures/headers/${name}`, import.meta.url), 'utf8');
