/**
 * The registry of checks (issue 13): every check the DNS checker, the decision tree and the
 * copied report know of is one `CheckModule` in `CHECKS`. A module says which questions it needs
 * (DNS or RDAP), judges the answers with a pure function (asking follow-ups as it goes), and names
 * its explanation anchor and its UI string keys. The runner (`runChecks.ts`) asks every module's
 * first questions at once, deduplicated, and hands each verdict on as soon as it is done.
 *
 * Adding a check: one module in `src/lib/checks/modules/`, its id in `CHECK_IDS` (types.ts), its
 * anchor in provider.json's `checkAnchors`, its texts (`dns.report.check.{id}` and `dns.{id}.*`).
 */
import { mxModule } from './modules/mx';
import { srvModule } from './modules/srv';
import { domainModule } from './modules/domain';
import type { CheckModule } from './questions';
import type { CheckId } from './types';

export * from './questions';

/** Every check, in report order (the order of `CHECK_IDS`). */
export const CHECKS: readonly CheckModule[] = [mxModule, srvModule, domainModule];

export function checkModule(id: CheckId): CheckModule | undefined {
	return CHECKS.find((module) => module.id === id);
}

/** The UI string key of a check's heading in the report. */
export const checkHeadingKey = (id: CheckId) => `dns.report.check.${id}`;
