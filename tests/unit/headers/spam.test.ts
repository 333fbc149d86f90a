/** Spam verdict headers, one family at a time. */
import { describe, expect, it } from 'vitest';
import { analyzeHeaders } from '../../../src/lib/headers/analyzeHeaders';
import { decodeSpamCause } from '../../../src/lib/headers/spam';

/**
 * X-VR-SPAMCAUSE of a message OVHcloud sent to a public mailing list (linux-kernel, 24 June 2022).
 * The same message's other headers say: From "Stephen Kitt <steve@sk2.org>", X-OVh-ClientIp
 * 82.65.25.201, first Received "by player694.ha.ovh.net", To linux-kernel@vger.kernel.org, next
 * hop "by mo582.mail-out.ovh.net". The decoded text must name the same, which checks the decoding
 * against facts it does not compute.
 */
const PUBLISHED_CAUSE =
	'gggruggvucftvghtrhhoucdtuddrgedvfedrudefledgfeefucetufdoteggodetrfdotffvucfrrhhofhhilhgvmecuqfggjfdpvefjgfevmfevgfenuceurghilhhouhhtmecuhedttdenucesvcftvggtihhpihgvnhhtshculddquddttddmnecujfgurhephffvvefufffkofgggfestdekredtredttdenucfhrhhomhepufhtvghphhgvnhcumfhithhtuceoshhtvghvvgesshhkvddrohhrgheqnecuggftrfgrthhtvghrnhepleegteeujeffjeefjeevhfdtudefjefgteelgedtudekleeiledvvdetudevjedtnecukfhppedtrddtrddtrddtpdekvddrieehrddvhedrvddtudenucevlhhushhtvghrufhiiigvpedtnecurfgrrhgrmhepmhhouggvpehsmhhtphhouhhtpdhhvghlohepphhlrgihvghrieelgedrhhgrrdhovhhhrdhnvghtpdhinhgvtheptddrtddrtddrtddpmhgrihhlfhhrohhmpehsthgvvhgvsehskhdvrdhorhhgpdhnsggprhgtphhtthhopedupdhrtghpthhtoheplhhinhhugidqkhgvrhhnvghlsehvghgvrhdrkhgvrhhnvghlrdhorhhgpdfovfetjfhoshhtpehmohehkedv';

describe('decodeSpamCause', () => {
	it('decodes a published cause to text naming the message’s own sender, client and hosts', () => {
		const decoded = decodeSpamCause(PUBLISHED_CAUSE);
		expect(decoded).toMatch(/^Vade Retro 01\.423\.139#33 AS\+AV\+AP\+RT Profile: OVH,CHECKCE; /);
		expect(decoded).toContain('From=Stephen Kitt <steve@sk2.org>;');
		expect(decoded).toContain('Ip=0.0.0.0,82.65.25.201;');
		expect(decoded).toContain('helo=player694.ha.ovh.net,');
		expect(decoded).toContain('mailfrom=steve@sk2.org,');
		expect(decoded).toContain('rcptto=linux-kernel@vger.kernel.org,');
		expect(decoded).toMatch(/MTAHost=mo582$/);
	});

	it('decodes the even/odd swap: the first pairs read "Vade"', () => {
		// "gg" (swapped: g g) -> 103+103-120-0 = 86 'V'; "gr" -> 103+114-120 = 97 'a';
		// "ug" (swapped: g u) -> 103+117-120 = 100 'd'; "gv" -> 103+118-120 = 101 'e'
		expect(decodeSpamCause('gggruggv')).toBe('Vade');
	});

	it('ignores folding white space inside the value', () => {
		expect(decodeSpamCause('gggr\r\n ugg v')).toBe('Vade');
	});

	it.each([
		['an odd length', 'gggrugg'],
		['capitals', 'GGGRUGGV'],
		['base64 of the newer encrypted form', 'vade1{UFpPVHRCb3hDb250YWluZXI=}'],
		['empty', ''],
		['letters that decode to control characters', 'aaaaaaaaaaaa'],
	])('keeps %s undecoded', (_, value) => {
		expect(decodeSpamCause(value)).toBeUndefined();
	});
});

describe('OVHcloud headers', () => {
	it('keeps a cause it cannot decode raw', () => {
		const analysis = analyzeHeaders(
			'X-VR-SPAMSTATE: OK\nX-VR-SPAMSCORE: 0\nX-VR-SPAMCAUSE: vade1{UFpPVHRCb3g=}\n'
		);
		expect(analysis.spam).toEqual([
			{
				source: 'ovh',
				header: 'X-VR-SPAMSTATE',
				score: 0,
				verdict: 'OK',
				fields: [
					{ name: 'X-VR-SPAMSTATE', value: 'OK' },
					{ name: 'X-VR-SPAMSCORE', value: '0' },
					{ name: 'causeRaw', value: 'vade1{UFpPVHRCb3g=}' },
				],
			},
		]);
	});

	it('takes the topmost set when the sender’s and the recipient’s filters both wrote one', () => {
		const analysis = analyzeHeaders(
			'X-VR-SPAMSTATE: SPAM\nX-VR-SPAMSCORE: 500\nX-VR-SPAMSTATE: OK\nX-VR-SPAMSCORE: -100\n'
		);
		expect(analysis.spam.map((s) => [s.verdict, s.score])).toEqual([['SPAM', 500]]);
	});
});

describe('Microsoft headers', () => {
	it('reads a spam verdict with SCL 9 and its category', () => {
		const analysis = analyzeHeaders(
			'X-Forefront-Antispam-Report: CIP:192.0.2.9;CTRY:US;LANG:en;SCL:9;SRV:;IPV:CAL;SFV:SPM;H:mail.example.com;PTR:;CAT:HSPM;SFS:(13230040);DIR:INB;SFP:1102;\n' +
				'X-MS-Exchange-Organization-SCL: 9\n'
		);
		const [forefront, scl] = analysis.spam;
		expect(forefront).toMatchObject({ source: 'microsoft', score: 9, verdict: 'SPM' });
		expect(forefront?.fields.find((f) => f.name === 'CAT')?.value).toBe('HSPM');
		expect(forefront?.fields.find((f) => f.name === 'SFP')?.value).toBe('1102');
		expect(forefront?.fields.find((f) => f.name === 'PTR')?.value).toBe('');
		expect(scl).toMatchObject({ header: 'X-MS-Exchange-Organization-SCL', score: 9 });
	});

	it('reads SCL -1 (a trusted sender) as a negative score', () => {
		const analysis = analyzeHeaders('X-MS-Exchange-Organization-SCL: -1\n');
		expect(analysis.spam[0]?.score).toBe(-1);
	});

	it('leaves out a Forefront report without SCL or SFV its score and verdict', () => {
		const analysis = analyzeHeaders('X-Forefront-Antispam-Report: CIP:192.0.2.9;CTRY:US\n');
		expect(analysis.spam[0]).toEqual({
			source: 'microsoft',
			header: 'X-Forefront-Antispam-Report',
			fields: [
				{ name: 'CIP', value: '192.0.2.9' },
				{ name: 'CTRY', value: 'US' },
			],
		});
	});
});

describe('SpamAssassin headers', () => {
	it('reads an older "No, hits=" status', () => {
		const analysis = analyzeHeaders(
			'X-Spam-Status: No, hits=-2.6 required=5.0 tests=BAYES_00 autolearn=ham version=3.1.7\n'
		);
		expect(analysis.spam[0]).toMatchObject({ source: 'spamassassin', score: -2.6, verdict: 'no' });
	});

	it('reads a flag without a status', () => {
		const analysis = analyzeHeaders('X-Spam-Flag: NO\n');
		expect(analysis.spam).toEqual([
			{
				source: 'spamassassin',
				header: 'X-Spam-Flag',
				verdict: 'no',
				fields: [{ name: 'X-Spam-Flag', value: 'NO' }],
			},
		]);
	});
});
