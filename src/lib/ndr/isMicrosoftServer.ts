/**
 * Whether a Microsoft mail system (Exchange Server, Exchange Online, Outlook.com) wrote a status
 * code: Microsoft gives some registry codes its own meaning (codes.json `vendor-microsoft`
 * sources: 5.1.10 is "recipient not found" there, a null MX in RFC 7505), so the meaning to
 * explain depends on who wrote the code.
 */

/** Exchange Online, Outlook.com and Hotmail hosts (their MX, relays and generating servers). */
const MICROSOFT_HOST =
	/(?:^|\.)(?:outlook\.com|protection\.outlook\.com|outlook\.office365\.com|office365\.com|exchangelabs\.com|hotmail\.com|live\.com|msn\.com)$/i;

/*
 * What Exchange writes in its replies: component tokens (RESOLVER.ADR.RecipNotFound,
 * STOREDRV.Submission.Exception, SMTPSEND.DNS.NonExistentDomain, ROUTING.*, CAT.*) and Exchange
 * Online Protection's rule ids "(AS16012609)".
 */
const EXCHANGE_REPLY =
	/\b(?:RESOLVER|STOREDRV|SMTPSEND|ROUTING|QUEUE|CAT|AGENT)\.[A-Z][A-Za-z]+\.[A-Za-z]|\(AS\d{6,}\)/;

export const isMicrosoftHost = (host: string | undefined) =>
	Boolean(host && MICROSOFT_HOST.test(host.replace(/\.$/, '')));

/**
 * A Microsoft server wrote this recipient's code: the server that refused the message (Remote-MTA)
 * is Microsoft's, or, with no Remote-MTA, the server that wrote the report is; or the reply has
 * Exchange's own tokens.
 */
export function isMicrosoftServer(
	remoteMta: string | undefined,
	reportingMta: string | undefined,
	reply: string
): boolean {
	if (EXCHANGE_REPLY.test(reply)) return true;
	if (remoteMta) return isMicrosoftHost(remoteMta);
	return isMicrosoftHost(reportingMta);
}
