/**
 * A small zone answered through the real wire format: each question is encoded as a response
 * with the library and decoded by src/lib/dns, as DoH answers are. Names not in the zone are
 * NXDOMAIN; a name with records of other types answers NOERROR with no record (NODATA).
 */
import type { QueryType } from '../../../src/lib/dns/wire';
import type { Lookup, LookupResult } from '../../../src/lib/checks/spf/evaluateSpf';
import { response } from './dnsMessages';

type Answer = Parameters<typeof response>[2] extends (infer A)[] | undefined ? A : never;

export interface FakeZone {
	lookup: Lookup;
	/** Every question asked, in order, as `TYPE name`. */
	asked: string[];
}

export function fakeZone(
	records: Answer[],
	{ failing = [] as string[], pending = [] as string[] } = {}
): FakeZone {
	const asked: string[] = [];
	const lookup: Lookup = (name: string, type: QueryType): LookupResult => {
		const key = `${type} ${name}`;
		asked.push(key);
		if (pending.includes(key)) return { state: 'pending' };
		if (failing.includes(key)) return { state: 'failed', failure: 'servfail' as const };
		const atName = records.filter((r) => r.name.toLowerCase() === name.toLowerCase());
		const matching = atName.filter((r) => r.type === type || r.type === 'CNAME');
		return {
			state: 'answer',
			response: response(name, type, matching, atName.length === 0 ? 'NXDOMAIN' : 'NOERROR'),
		};
	};
	return { lookup, asked };
}
