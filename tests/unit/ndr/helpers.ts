import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import type { MimeParse } from '../../../src/lib/ndr/analyzeBounce';

export const FIXTURES = new URL('../../fixtures/bounces/', import.meta.url);
export const readFixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
export const readFixtureText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
/** The same parser the page loads. */
export const parse: MimeParse = (raw, options) => PostalMime.parse(raw, options);
