/**
 * Why a message bounced: the reason vocabulary of sisimai (github.com/sisimai, `reason/*`), with,
 * per reason, who has to act first, the status codes that name it, and the words a server uses for
 * it in English, French and Italian. This table is the whole of the reason logic's knowledge;
 * decideReason.ts only applies it. The patterns are ours, written from the vocabulary's meaning and
 * real bounces (../shared/bounces), not copied from sisimai.
 *
 * Order matters: when the reply text names several reasons, the first in this table wins (a
 * mailbox that is full and a message held "too long in the queue" is a full mailbox).
 */

/** Who has to do something first (the result says it with the reason). */
export type Actor = 'you' | 'recipient' | 'provider' | 'nobody';

/** The languages reason patterns are written for (the languages bounces come in, at least). */
export const PATTERN_LANGUAGES = ['en', 'fr', 'it'] as const;
export type PatternLanguage = (typeof PATTERN_LANGUAGES)[number];

export interface ReasonRule {
	id: string;
	actor: Actor;
	/**
	 * Codes that name this reason in the registry's meaning (RFC 3463, IANA). `5.7.606-649` is a
	 * range of details within one class and subject.
	 */
	codes?: readonly string[];
	/**
	 * Codes that name this reason when a Microsoft server (Exchange, Exchange Online, Outlook.com)
	 * wrote them: Microsoft gives some registry numbers another meaning (5.1.10 is "recipient not
	 * found" there, a null MX in RFC 7505), see codes.json `vendor-microsoft` sources.
	 */
	microsoftCodes?: readonly string[];
	/** Bare SMTP replies that name this reason when no enhanced code is given. */
	replies?: readonly string[];
	/**
	 * Words of the reply, per language, matched against the reply text lower-cased, with accents
	 * removed, typographic apostrophes made straight and spaces collapsed (normalizeReplyText).
	 */
	patterns: Readonly<Record<PatternLanguage, readonly RegExp[]>>;
	/**
	 * The text alone does not overrule a code that names another reason, unless the server said it
	 * in reply to RCPT TO: "user unknown" after DATA with a code of "mailbox disabled" is a filter
	 * (sisimai's userunknown does the same). RFC 5321 §3.3: addresses are accepted or refused at RCPT.
	 */
	textYieldsToCode?: 'unless-rcpt';
	/** Codes' reasons this reason's text never overrules (a size text under 5.2.3 stays exceedlimit). */
	yieldsTo?: readonly string[];
	/**
	 * The reason when the text names this one but the server said it after DATA (or end of data):
	 * an address refused once the content is seen is a filter, not a missing mailbox.
	 */
	afterData?: string;
}

export const REASONS = [
	{
		id: 'mailboxfull',
		actor: 'recipient',
		codes: ['4.2.2', '5.2.2'],
		patterns: {
			en: [
				/\bmailbox (?:is )?(?:full|over ?quota)/,
				/\b(?:user|recipient|account|mailbox|inbox)(?: is)? over (?:the )?(?:quota|storage)/,
				/(?<!submission )\bquota (?:exceeded|full)\b/,
				/\bexceeded (?:the |their |his |her )?(?:storage|quota|mailbox)/,
				/\b(?:account|inbox|mailbox storage) is full\b/,
				/\bfull mailbox\b/,
				/\bmailbox size limit\b/,
				/\bout of (?:storage|mailbox) space\b/,
			],
			fr: [
				/\bboite (?:aux lettres|mail|de reception|de messagerie)? ?(?:du destinataire )?(?:est )?(?:pleine|saturee)/,
				/\b(?:depassement de |)quota (?:depasse|atteint|plein)/,
				/\bdepassement de quota\b/,
				/\bplus d'espace (?:disponible|libre)\b/,
			],
			it: [
				/\bcasella (?:di posta )?(?:del destinatario )?(?:e )?(?:piena|satura)/,
				/\bquota (?:superata|esaurita|piena)/,
				/\bsuperato (?:la |il )?(?:quota|limite di spazio)/,
				/\bspazio (?:su disco |della casella )?esaurito\b/,
			],
		},
	},
	{
		id: 'mesgtoobig',
		actor: 'you',
		codes: ['5.3.4', '4.7.16', '5.7.16'],
		yieldsTo: ['exceedlimit'],
		patterns: {
			en: [
				/\bmessage (?:is |was )?too (?:big|large)\b/,
				/\bmessage (?:size|length) exceeds\b/,
				/\bexceeds (?:the )?(?:fixed )?(?:maximum )?(?:allowed )?(?:message )?size\b/,
				/\bsize (?:limit )?exceeded\b/,
				/\bmessage size (?:limit|exceeds)/,
			],
			fr: [
				/\bmessage (?:est )?trop (?:gros|volumineux|grand)\b/,
				/\btaille (?:maximale )?(?:du message )?(?:autorisee )?(?:depassee|excedee)/,
				/\bdepasse la taille\b/,
			],
			it: [
				/\bmessaggio (?:e )?troppo (?:grande|grosso|voluminoso)\b/,
				/\bdimensione (?:massima )?(?:del messaggio )?(?:superata|eccede)/,
				/\bsupera la dimensione\b/,
			],
		},
	},
	{
		id: 'exceedlimit',
		actor: 'you',
		codes: ['4.2.3', '5.2.3'],
		patterns: {
			en: [/\bexceeds (?:the )?(?:recipient'?s? |administrative )limit\b/, /\brecipsizelimit\b/],
			fr: [/\blimite (?:de taille )?du destinataire\b/],
			it: [/\blimite (?:di dimensione )?del destinatario\b/],
		},
	},
	{
		id: 'suspend',
		actor: 'recipient',
		codes: ['4.2.1', '5.7.13'],
		patterns: {
			en: [
				/\b(?:account|mailbox|user) (?:has been |is )?(?:disabled|suspended|deactivated|inactive|locked)\b/,
				/\b(?:disabled|suspended|inactive|deactivated) (?:account|mailbox|user)\b/,
				/\baccount (?:is )?(?:temporarily )?(?:unavailable|on hold)\b/,
			],
			fr: [
				/\b(?:compte|boite aux lettres|boite) (?:est )?(?:desactivee?|suspendue?|bloquee?|inactive?)\b/,
			],
			it: [
				/\b(?:account|casella|utente) (?:e )?(?:disattivat[ao]|sospes[ao]|disabilitat[ao]|bloccat[ao])\b/,
			],
		},
	},
	{
		id: 'hasmoved',
		actor: 'you',
		codes: ['4.1.6', '5.1.6', '5.7.17', '5.7.18'],
		patterns: {
			en: [/\b(?:mailbox|address|user) has moved\b/, /\bno forwarding address\b/],
			fr: [/\b(?:adresse|boite) a ete deplacee\b/],
			it: [/\b(?:indirizzo|casella) (?:e stat[ao] )?spostat[ao]\b/],
		},
	},
	{
		id: 'norelaying',
		actor: 'you',
		microsoftCodes: ['5.7.64'],
		patterns: {
			en: [
				/\brelay(?:ing)? (?:access )?(?:denied|not (?:permitted|allowed)|prohibited|refused)/,
				/\b(?:unable|not (?:permitted|allowed|authorized)) to relay\b/,
				/\bwe do not relay\b/,
				/\brelaying denied\b/,
			],
			fr: [/\brelais (?:refuse|interdit|non autorise)/],
			it: [/\b(?:relay|inoltro) (?:non (?:consentito|autorizzato|permesso)|negato)/],
		},
	},
	{
		id: 'authfailure',
		actor: 'you',
		codes: [
			'4.7.24',
			'4.7.26',
			'5.7.20',
			'5.7.21',
			'5.7.22',
			'5.7.23',
			'5.7.24',
			'5.7.26',
			'5.7.29',
		],
		microsoftCodes: ['5.7.509', '5.7.515'],
		patterns: {
			en: [
				/\bspf\b[^.;]{0,40}\b(?:fail|softfail|hard ?fail|check|validation|violation|record)/,
				/\bsender policy framework\b/,
				/\bdmarc\b/,
				/\b(?:no|invalid|bad|missing|failed) dkim\b/,
				/\bdkim[^.;]{0,30}\b(?:fail|invalid|signature)/,
				/\bunauthenticated (?:e-?mail|message|sender)/,
				/\bmust pass (?:either )?(?:spf|dkim)/,
				/\bauthentication checks? (?:failed|did not pass)\b/,
			],
			fr: [
				/\b(?:echec|verification) (?:de (?:la )?verification )?(?:spf|dkim|dmarc)\b/,
				/\bnon authentifie\b/,
			],
			it: [
				/\b(?:verifica|controllo) (?:spf|dkim|dmarc) (?:non riuscit[ao]|fallit[ao])/,
				/\bnon autenticat[ao]\b/,
			],
		},
	},
	{
		id: 'userunknown',
		actor: 'you',
		codes: ['5.1.0', '5.1.1', '5.1.3'],
		microsoftCodes: ['5.1.10', '5.4.1', '5.5.0'],
		textYieldsToCode: 'unless-rcpt',
		afterData: 'filtered',
		patterns: {
			en: [
				/\b(?:user|recipient|mailbox|address|account|addressee)(?: name)? (?:is )?(?:unknown|not (?:found|known|recognized|recognised|valid|exist))/,
				/\bunknown (?:user|recipient|mailbox|address|local ?part|e-?mail address|alias)/,
				/\bunknown or illegal alias\b/,
				/\bno such (?:user|recipient|mailbox|address|person|account)\b/,
				/\b(?:user|recipient|mailbox|address|account)(?: [^ ]{1,80})? (?:does not|doesn't|did not) exist/,
				/\b(?:invalid|bad|non-?existent) (?:recipient|mailbox|address|user|destination)/,
				/\bnot a valid (?:recipient|mailbox|user|address)\b/,
				/\brecipient address rejected: (?:user unknown|unknown user|invalid|access denied|undeliverable address)/,
				/\brecip(?:ient)?notfound\b/,
				/\bmailbox (?:is )?unavailable\b/,
				/\bno mailbox (?:here|by that name|found)\b/,
				/\baddress not present in directory\b/,
				/\bthe e-?mail account that you tried to reach does not exist\b/,
				/\bwasn'?t found at the destination domain\b/,
				/\be-?mail address (?:was )?not found\b/,
			],
			fr: [
				/\b(?:utilisateur|destinataire|adresse|boite) (?:est )?(?:inconnu|inexistant|invalide|introuvable)e?s?\b/,
				/\b(?:destinataire|adresse|utilisateur)s? invalides?\b/,
				/\badresse (?:de messagerie )?(?:que vous avez (?:entree|saisie) )?(?:est )?introuvable\b/,
				/\b(?:adresse|utilisateur|boite aux lettres|destinataire) n'existe pas\b/,
				/\baucun (?:utilisateur|destinataire)\b/,
			],
			it: [
				/\b(?:utente|destinatario|indirizzo|casella) (?:e )?(?:sconosciut|inesistent|non valid|non trovat)[oaie]/,
				/\bnon (?:sono riuscit[oa] a|e stato possibile|riusciamo a) trovare l'indirizzo\b/,
				/\bl'indirizzo (?:e-?mail )?(?:che hai immesso )?non esiste\b/,
				/\bnessun (?:utente|destinatario)\b/,
			],
		},
	},
	{
		id: 'filtered',
		actor: 'recipient',
		codes: ['4.2.4', '5.1.4', '5.2.0', '5.2.1', '5.2.4'],
		patterns: {
			en: [
				/\b(?:message|mail) (?:was )?(?:filtered|rejected (?:due to|by) (?:user|recipient) (?:rules|filters?|preferences))/,
				/\brecipient (?:is only accepting|refuses to accept|does not accept) (?:mail|e-?mail|messages)/,
				/\bblocked by the recipient\b/,
				/\b(?:user|recipient) (?:refuses|rejects)\b/,
			],
			fr: [/\brefuse par (?:le filtre|les regles) du destinataire\b/],
			it: [/\brifiutat[ao] dai filtri del destinatario\b/],
		},
	},
	{
		id: 'requireptr',
		actor: 'provider',
		codes: ['4.7.25', '5.7.25'],
		patterns: {
			en: [
				/\breverse (?:dns|lookup|hostname|host name)\b/,
				/\bptr (?:record|lookup)\b/,
				/\bno ptr\b/,
				/\brdns\b/,
				/\bcannot find your (?:hostname|host name|reverse)/,
			],
			fr: [/\b(?:dns inverse|resolution inverse|enregistrement ptr)\b/],
			it: [/\b(?:dns inverso|risoluzione inversa|record ptr)\b/],
		},
	},
	{
		id: 'notcompliantrfc',
		actor: 'you',
		microsoftCodes: ['5.7.512'],
		patterns: {
			en: [
				/\bnot (?:rfc ?5322|rfc ?2822|rfc) compliant\b/,
				/\b(?:rfc ?5322|rfc ?2822) (?:section [0-9.]+ )?compliant\b/,
				/\bduplicate (?:header|from|date|subject|message-id)\b/,
				/\bmultiple (?:from|date|subject|message-id|to) (?:header|fields?)/,
			],
			fr: [/\bnon conforme (?:a la )?rfc\b/],
			it: [/\bnon conforme (?:alla )?rfc\b/],
		},
	},
	{
		id: 'badreputation',
		actor: 'provider',
		patterns: {
			en: [
				/\b(?:poor|low|bad) (?:ip |sender |sending )?reputation\b/,
				/\bdue to (?:ip )?reputation\b/,
			],
			fr: [/\bmauvaise reputation\b/],
			it: [/\b(?:cattiva|scarsa) reputazione\b/],
		},
	},
	{
		id: 'contenterror',
		actor: 'you',
		codes: [
			'4.6.0',
			'4.6.2',
			'4.6.5',
			'5.6.0',
			'5.6.1',
			'5.6.2',
			'5.6.3',
			'5.6.5',
			'5.6.6',
			'5.6.7',
			'5.6.8',
			'5.6.9',
			'5.6.10',
		],
		microsoftCodes: ['5.6.11'],
		patterns: {
			en: [
				/\b(?:invalid|malformed|illegal|bad) (?:message )?(?:header|content|characters?|mime)/,
				/\bbare (?:line ?feeds?|lf)\b/,
				/\bheader (?:is )?(?:too long|malformed|invalid)\b/,
			],
			fr: [/\b(?:en-tete|contenu) (?:du message )?(?:invalide|mal forme)/],
			it: [/\b(?:intestazione|contenuto) (?:del messaggio )?(?:non valid|malformat)[oa]/],
		},
	},
	{
		id: 'rejected',
		actor: 'you',
		codes: ['4.1.7', '4.1.8', '5.1.7', '5.1.8', '5.7.27'],
		microsoftCodes: ['5.1.0', '5.1.8', '5.7.12', '5.7.13', '5.7.124', '5.7.133-136'],
		patterns: {
			en: [
				/\bsender (?:address )?(?:rejected|refused|denied|blocked|not (?:allowed|authorized|permitted))/,
				/\b(?:mail from|envelope from|envelope sender)[^.]{0,60}\b(?:rejected|refused|denied)/,
				/\[mail_from\]/,
				/\bsender (?:domain|address) (?:does not exist|has null mx|not found)/,
				/\bnot (?:in|on) the (?:allowed|accepted) senders\b/,
			],
			fr: [/\bexpediteur (?:refuse|rejete|bloque|non autorise|invalide|inconnu)/],
			it: [/\bmittente (?:rifiutato|non autorizzato|bloccato|non valido|sconosciuto)/],
		},
	},
	{
		id: 'hostunknown',
		actor: 'you',
		codes: ['5.1.2', '5.4.4'],
		patterns: {
			en: [
				/\bhost (?:or domain name )?not found\b/,
				/\b(?:couldn'?t|could not|cannot|can'?t) find any host named\b/,
				/\bno such (?:domain|host)\b/,
				/\bdomain (?:name )?(?:does not exist|not found|unknown)\b/,
				/\b(?:invalid|unknown|non-?existent|unrouteable|unroutable) (?:mail )?domain\b/,
				/\b(?:unknown|invalid) host\b/,
				/\bhost unknown\b/,
				/\bname service error\b/,
				/\bnxdomain\b/,
			],
			fr: [
				/\bdomaine (?:du destinataire )?(?:est )?(?:introuvable|inexistant|inconnu|invalide)\b/,
				/\bhote (?:introuvable|inconnu)\b/,
			],
			it: [
				/\bdominio (?:del destinatario )?(?:e )?(?:inesistente|sconosciuto|non trovato|non valido)\b/,
				/\bhost (?:sconosciuto|non trovato)\b/,
			],
		},
	},
	{
		id: 'virusdetected',
		actor: 'you',
		patterns: {
			en: [/\b(?:virus|malware|trojan|infected)\b/],
			fr: [/\b(?:virus|logiciel malveillant|infecte)\b/],
			it: [/\b(?:virus|malware|infett[oa])\b/],
		},
	},
	{
		id: 'spamdetected',
		actor: 'you',
		codes: ['5.7.28'],
		microsoftCodes: ['5.7.501-503'],
		patterns: {
			en: [
				/\b(?:classified|identified|detected|considered|flagged|marked|rejected) as (?:spam|junk|bulk)/,
				/\b(?:looks|appears) (?:like|to be) (?:spam|unsolicited)/,
				/\bspam (?:message|content|score|detected|rejected|filter)/,
				/\bspam abuse\b/,
				/\bunsolicited (?:mail|e-?mail|message)/,
				/\bmail flood\b/,
			],
			fr: [
				/\b(?:considere|identifie|detecte|classe) comme (?:spam|courrier indesirable|pourriel)/,
				/\bcourrier indesirable\b/,
				/\bpourriel\b/,
			],
			it: [
				/\b(?:considerat|identificat|rilevat|classificat)[oa] come (?:spam|posta indesiderata)/,
				/\bposta indesiderata\b/,
			],
		},
	},
	{
		id: 'speeding',
		actor: 'you',
		microsoftCodes: ['5.1.90', '5.2.121', '5.2.122'],
		patterns: {
			en: [
				/\brate limit(?:ed|ing)?\b/,
				/\bsubmission quota\b/,
				/\btoo many (?:messages|e-?mails|mails)\b/,
				/\b(?:sending|submission|message) (?:rate|quota|limit) (?:exceeded|reached)/,
				/\b(?:daily|hourly) (?:sending |recipient )?limit\b/,
				/\bthrottl/,
			],
			fr: [/\btrop de messages\b/, /\blimite d'envoi\b/],
			it: [/\btroppi messaggi\b/, /\blimite di invio\b/],
		},
	},
	{
		id: 'toomanyconn',
		actor: 'provider',
		codes: ['5.5.3'],
		patterns: {
			en: [
				/\btoo many (?:concurrent |simultaneous )?(?:connections|sessions)\b/,
				/\bconnection (?:limit|rate) (?:exceeded|reached)\b/,
				/\btoo many recipients\b/,
			],
			fr: [/\btrop de (?:connexions|destinataires)\b/],
			it: [/\btroppe connessioni\b/, /\btroppi destinatari\b/],
		},
	},
	{
		id: 'blocked',
		actor: 'provider',
		codes: ['4.7.1', '4.7.2', '5.7.1', '5.7.2'],
		microsoftCodes: [
			'4.7.500-699',
			'4.7.850-899',
			'5.7.506',
			'5.7.507',
			'5.7.510',
			'5.7.511',
			'5.7.513',
			'5.7.606-649',
			'5.7.703',
			'5.7.705',
			'5.7.708',
			'5.7.750',
		],
		patterns: {
			en: [
				/\bblocked (?:using|by|because|due)\b/,
				/\b(?:black|block|deny|ban)[ -]?list(?:ed)?\b/,
				/\b(?:dnsbl|rbl|spamhaus|spamcop|barracuda|abuseat|sorbs)\b/,
				/\bbanned (?:sending )?(?:ip|sender|address|host)\b/,
				/\b(?:client host|your ip|ip address|sending ip|your (?:host|server|network))[^.;]{0,80}\b(?:blocked|rejected|refused|listed|not allowed|banned)\b/,
				/\b(?:smtp|mail) server of your isp\b/,
				/\b(?:dynamic|residential|dial-?up) (?:ip|address|host|pool)/,
				/\bnot (?:currently )?accepting mail from your ip\b/,
				/\bhelo command rejected\b/,
				/\bbad helo\b/,
			],
			fr: [
				/\b(?:liste noire|liste de blocage)\b/,
				/\b(?:adresse )?ip [^.;]{0,60}\b(?:bloquee|refusee|listee|bannie)\b/,
			],
			it: [
				/\b(?:lista nera|blacklist)\b/,
				/\b(?:indirizzo )?ip [^.;]{0,60}\b(?:bloccato|rifiutato|bannato)\b/,
			],
		},
	},
	{
		id: 'policyviolation',
		actor: 'recipient',
		patterns: {
			en: [
				/\bpolicy violation\b/,
				/\bviolates? (?:our |the |local )?(?:\w+ )?polic(?:y|ies)\b/,
				/\b(?:rejected|refused|blocked) (?:by|due to) (?:a |the )?(?:transport rule|(?:local |content |organization(?:al)? )?policy)\b/,
				/\bprohibited (?:attachment|content|file)\b/,
			],
			fr: [
				/\bviolation de (?:la )?(?:politique|regle)\b/,
				/\b(?:contraire|non conforme) a la politique\b/,
			],
			it: [/\bviolazione (?:della |delle )?(?:policy|politica|criteri|regole)\b/],
		},
	},
	{
		id: 'failedstarttls',
		actor: 'recipient',
		codes: ['5.7.30'],
		microsoftCodes: ['5.4.8'],
		patterns: {
			en: [
				/\bstarttls\b/,
				/\b(?:tls|encryption) (?:is )?(?:required|needed|negotiation failed|handshake failed)\b/,
				/\bmta-sts\b/,
			],
			fr: [/\bchiffrement (?:tls )?(?:requis|obligatoire)\b/],
			it: [/\bcrittografia (?:tls )?(?:richiesta|obbligatoria)\b/],
		},
	},
	{
		id: 'securityerror',
		actor: 'you',
		codes: [
			'4.7.5',
			'4.7.6',
			'4.7.7',
			'4.7.12',
			'4.7.15',
			'5.5.6',
			'5.7.0',
			'5.7.3-12',
			'5.7.14',
			'5.7.15',
			'5.7.19',
		],
		microsoftCodes: ['5.7.57'],
		replies: ['422', '432', '523', '524', '525', '530', '534', '535', '538'],
		patterns: {
			en: [
				/\bauthentication (?:is )?required\b/,
				/\bmust (?:be )?authenticat/,
				/\b(?:not|isn'?t|wasn'?t) authenticated\b/,
				/\b(?:authentication|auth) (?:credentials )?(?:invalid|failed|unsuccessful)\b/,
				/\binvalid credentials\b/,
			],
			fr: [/\bauthentification (?:requise|obligatoire|echouee|refusee)\b/],
			it: [/\bautenticazione (?:richiesta|obbligatoria|fallita|non riuscita)\b/],
		},
	},
	{
		id: 'systemfull',
		actor: 'recipient',
		codes: ['4.3.1', '5.3.1', '4.4.5'],
		patterns: {
			en: [
				/\binsufficient (?:system )?(?:storage|resources|disk space)\b/,
				/\b(?:mail system|disk|system|server) (?:is )?full\b/,
				/\bout of (?:disk|system) (?:space|resources)\b/,
			],
			fr: [/\bressources (?:systeme )?insuffisantes\b/, /\bespace disque insuffisant\b/],
			it: [/\brisorse (?:di sistema )?insufficienti\b/, /\bspazio su disco insufficiente\b/],
		},
	},
	{
		id: 'systemerror',
		actor: 'recipient',
		codes: [
			'4.1.9',
			'5.1.9',
			'4.3.3',
			'4.3.5',
			'4.4.3',
			'4.5.3',
			'4.5.5',
			'5.3.0',
			'5.3.3',
			'5.3.5',
			'5.4.3',
			'5.5.4',
			'5.5.5',
		],
		patterns: {
			en: [
				/\b(?:internal|system|server|local) (?:server )?error\b/,
				/\blocal error in processing\b/,
				/\b(?:temporary|internal) (?:local )?(?:problem|failure)\b/,
				/\bincorrectly configured\b/,
				/\bmisconfigur/,
			],
			fr: [/\berreur (?:interne|systeme|du serveur)\b/],
			it: [/\berrore (?:interno|di sistema|del server)\b/],
		},
	},
	{
		id: 'networkerror',
		actor: 'recipient',
		codes: ['4.4.2', '4.4.4', '4.4.6', '4.4.8', '5.4.0', '5.4.1', '5.4.6'],
		microsoftCodes: ['5.4.14'],
		patterns: {
			en: [
				/\bconnection (?:timed out|refused|reset|lost|closed|dropped)\b/,
				/\b(?:timed out|timeout) (?:while )?(?:connecting|waiting|reading)/,
				/\b(?:network|host) (?:is )?unreachable\b/,
				/\bno route to host\b/,
				/\blost connection\b/,
				/\b(?:could not|couldn'?t|unable to) connect\b/,
				/\brouting loop\b/,
				/\bdns (?:lookup |resolution )?(?:failure|error|timeout)\b/,
			],
			fr: [
				/\bdelai de connexion depasse\b/,
				/\bconnexion (?:refusee|impossible|interrompue|perdue)\b/,
				/\bechec de la connexion\b/,
			],
			it: [
				/\bconnessione (?:rifiutata|scaduta|interrotta|persa|non riuscita)\b/,
				/\bimpossibile connettersi\b/,
			],
		},
	},
	{
		id: 'notaccept',
		actor: 'recipient',
		codes: ['4.3.2', '5.3.2', '5.1.10'],
		replies: ['521', '556'],
		patterns: {
			en: [
				/\bdoes not accept (?:any )?(?:mail|e-?mail|messages)\b/,
				/\bnot accepting (?:network )?(?:mail|messages)\b/,
				/\bnull mx\b/,
			],
			fr: [/\bn'accepte (?:aucun|pas de) (?:message|courrier)/],
			it: [/\bnon accetta (?:posta|messaggi)\b/],
		},
	},
	{
		id: 'expired',
		actor: 'recipient',
		codes: ['4.4.1', '4.4.7', '5.4.7'],
		microsoftCodes: ['5.4.300'],
		patterns: {
			en: [
				/\b(?:delivery time|message|queue) expired\b/,
				/\bexpired in queue\b/,
				/\b(?:could not be delivered|undelivered|in the queue) for too long\b/,
				/\bbeen in the queue too long\b/,
				/\bretry time(?:out)? (?:exceeded|reached)\b/,
				/\bmaximum (?:queue|retry) time\b/,
			],
			fr: [/\bdelai (?:de remise |de livraison )?(?:depasse|expire)\b/, /\bmessage expire\b/],
			it: [/\btempo (?:di consegna |massimo )?(?:scaduto|superato)\b/, /\bmessaggio scaduto\b/],
		},
	},
	{
		id: 'suppressed',
		actor: 'you',
		patterns: {
			en: [/\bsuppression list\b/, /\bsuppressed\b/],
			fr: [/\bliste de suppression\b/],
			it: [/\blista di soppressione\b/],
		},
	},
	{
		id: 'mailererror',
		actor: 'recipient',
		patterns: {
			en: [/\bmailer error\b/, /\b(?:procmail|maildrop|command died|program exited)\b/],
			fr: [/\berreur du programme de distribution\b/],
			it: [/\berrore del programma di consegna\b/],
		},
	},
	{
		id: 'syntaxerror',
		actor: 'provider',
		codes: ['5.5.2'],
		replies: ['500', '501', '502', '504'],
		patterns: {
			en: [
				/\bsyntax error\b/,
				/\b(?:command|parameter) (?:not recognized|unrecognized|not implemented)\b/,
			],
			fr: [/\berreur de syntaxe\b/],
			it: [/\berrore di sintassi\b/],
		},
	},
	/** Action `delivered`, `relayed` or `expanded` (RFC 3464 §2.3.3), or a class 2 code. */
	{ id: 'delivered', actor: 'nobody', patterns: { en: [], fr: [], it: [] } },
	/** The report says something, but nothing it says tells why (sisimai's "onhold"). */
	{ id: 'onhold', actor: 'provider', patterns: { en: [], fr: [], it: [] } },
	/** The report gives neither a code that names a reason nor any text to read. */
	{ id: 'undefined', actor: 'provider', patterns: { en: [], fr: [], it: [] } },
] as const satisfies readonly ReasonRule[];

export type ReasonId = (typeof REASONS)[number]['id'];

/** Every reason id, in the table's order (the content schema requires a text for each). */
export const REASON_IDS = REASONS.map((r) => r.id) as readonly ReasonId[] as readonly [
	ReasonId,
	...ReasonId[],
];
