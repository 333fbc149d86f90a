import { z } from 'astro/zod';

/**
 * The site's own UI strings (on top of Starlight's), one JSON file per language in
 * `src/content/i18n/`. Every key is required, so a language missing one fails the build;
 * `tests/unit/content.test.ts` also fails on a key no schema declares.
 * Keys are flat, dotted, camelCase: `area.thing.detail`.
 */
export const UI_KEYS = [
	'site.tagline',
	'lang.choose',
	'lang.auto',
	'diag.messageLabel',
	'diag.meaningLabel',
	'diag.fixLabel',
	'diag.relatedLabel',
	'diag.panelPathLabel',
	'diag.affectsLabel',
	'diag.affects.send',
	'diag.affects.receive',
	'diag.jumpList',
	'diag.check.dns-mx',
	'diag.check.dns-srv',
	'diag.check.webmail',
	'diag.check.status',
	'diag.check.domain-validity',
	'reader.title',
	'reader.label',
	'reader.hint',
	'reader.submit',
	'reader.clear',
	'reader.empty',
	'reader.tooLong',
	'reader.binary',
	'reader.summary',
	'reader.noneFound',
	'reader.matched',
	'reader.unknownTitle',
	'reader.unknownHint',
	'records.offer',
	'records.setup',
	'records.mx',
	'records.legacy',
	'records.legacyNote',
	'records.serverName',
	'records.serverNameHint',
	'records.source',
	'records.srvTitle',
	'records.field',
	'records.value',
	'records.owner',
	'records.priority',
	'records.weight',
	'records.port',
	'records.target',
	'records.zoneTitle',
	'records.zoneHint',
	'records.offer.hosted',
	'records.offer.private',
	'copy.button',
	'copy.done',
	'copy.failed',
	'link.copy',
	'link.copied',
	'link.copyFailed',
	'redirect.moved',
	'notFound.searchLabel',
	'notFound.searchButton',
	'notFound.suggestions',
	'notFound.noResults',
	'notFound.searchError',
] as const;

export type UiKey = (typeof UI_KEYS)[number];

export const uiStringsSchema = z
	.object(Object.fromEntries(UI_KEYS.map((key) => [key, z.string().min(1)])) as Record<UiKey, z.ZodString>)
	.strict();
