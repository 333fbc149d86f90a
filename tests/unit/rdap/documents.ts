/**
 * RDAP answers written by hand after the shape of real registries' (RFC 9083 §5.3, the ICANN
 * RDAP response profile), for the parser and verdict tests. Values are made up; every expected
 * value in the tests is worked out from these by hand.
 */

/** Like a thin gTLD registry's answer (Verisign-style): events, statuses, registrar entity. */
export const comAnswer = {
	objectClassName: 'domain',
	handle: '2336799_DOMAIN_COM-VRSN',
	ldhName: 'EXAMPLE-SHOP.COM',
	links: [
		{
			value: 'https://rdap.verisign.com/com/v1/domain/EXAMPLE-SHOP.COM',
			rel: 'self',
			href: 'https://rdap.verisign.com/com/v1/domain/EXAMPLE-SHOP.COM',
			type: 'application/rdap+json',
		},
		{
			value: 'https://rdap.registrar.example/domain/EXAMPLE-SHOP.COM',
			rel: 'related',
			href: 'https://rdap.registrar.example/domain/EXAMPLE-SHOP.COM',
			type: 'application/rdap+json',
		},
	],
	status: ['client delete prohibited', 'client transfer prohibited', 'client update prohibited'],
	entities: [
		{
			objectClassName: 'entity',
			handle: '1000',
			roles: ['registrar'],
			publicIds: [{ type: 'IANA Registrar ID', identifier: '1000' }],
			vcardArray: [
				'vcard',
				[
					['version', {}, 'text', '4.0'],
					['fn', {}, 'text', 'Example Registrar, Inc.'],
				],
			],
			entities: [
				{
					objectClassName: 'entity',
					roles: ['abuse'],
					vcardArray: [
						'vcard',
						[
							['version', {}, 'text', '4.0'],
							['fn', {}, 'text', ''],
							['tel', { type: 'voice' }, 'uri', 'tel:+1.5555555555'],
							['email', {}, 'text', 'abuse@registrar.example'],
						],
					],
				},
			],
		},
	],
	events: [
		{ eventAction: 'registration', eventDate: '2011-08-14T18:02:11Z' },
		{ eventAction: 'expiration', eventDate: '2027-08-14T18:02:11Z' },
		{ eventAction: 'last changed', eventDate: '2026-07-15T09:20:33Z' },
		{ eventAction: 'last update of RDAP database', eventDate: '2026-12-01T22:41:03Z' },
	],
	secureDNS: { delegationSigned: false },
	nameservers: [{ objectClassName: 'nameserver', ldhName: 'DNS100.OVH.NET' }],
	rdapConformance: ['rdap_level_0', 'icann_rdap_technical_implementation_guide_1'],
};

/** Like a ccTLD registry's answer: EPP-style status words, the registrar's site in its vCard. */
export const frAnswer = {
	rdapConformance: ['rdap_level_0'],
	objectClassName: 'domain',
	ldhName: 'exemple-boutique.fr',
	status: ['active'],
	events: [
		{ eventAction: 'registration', eventDate: '2019-02-28T11:00:05.123+01:00' },
		{ eventAction: 'expiration', eventDate: '2026-12-20T11:00:05+01:00' },
	],
	entities: [
		{
			objectClassName: 'entity',
			roles: ['technical'],
			vcardArray: ['vcard', [['fn', {}, 'text', 'Not the registrar']]],
		},
		{
			objectClassName: 'entity',
			roles: ['REGISTRAR'],
			vcardArray: [
				'vcard',
				[
					['version', {}, 'text', '4.0'],
					['fn', {}, 'text', 'Registraire Exemple'],
					['url', {}, 'uri', 'www.registraire.example'],
				],
			],
		},
	],
};
