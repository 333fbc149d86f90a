/**
 * The words that say a message is a bounce, and that say a delivery is only delayed, in the
 * languages bounces come in (English, French, Italian; the French and Italian forms are those of
 * Exchange, Postfix and the big providers' reports). Matched on normalized text (normalizeText).
 */
import { normalizeText } from './normalizeText';

/** Subjects of reports: "Undeliverable:", "Mail delivery failed", "Non remis :", "Non recapitabile:". */
const SUBJECT =
	/\b(?:undeliver|undelivered|returned mail|delivery (?:status notification|failure|failed|has failed|delayed|incomplete)|mail delivery (?:failed|failure|system|subsystem)|failure notice|non-?delivery|delayed mail|warning: (?:message|could not)|could not be delivered|message not delivered|non remis|non distribu|echec de (?:la )?(?:remise|distribution)|remise differee|avis de non-remise|notification d'etat de (?:la )?(?:remise|distribution)|mancato recapito|non recapitabile|non recapitato|impossibile recapitare|recapito (?:non riuscito|ritardato)|notifica (?:sullo )?stato (?:del )?recapito)/;

/** Sentences of a report's text. */
const PHRASE =
	/\b(?:could ?n[o']t be delivered|undeliverable|delivery (?:to the following recipients? )?(?:has )?failed|failed permanently|permanent (?:fatal )?errors?|did not reach the following recipient|was ?n[o']t able to deliver|unable to deliver|has been delayed|not yet been delivered|returned to sender|delivery status notification|echec de la remise|la remise a echoue|n'a pas (?:pu etre|ete) (?:remis|distribue|delivre)|n'a pas encore pu etre remis|impossible de (?:remettre|distribuer)|non e stato (?:possibile )?recapitat|il recapito non e riuscito|impossibile recapitare|non e stato ancora recapitato|mancato recapito)/;

/** A delay notice: delivery goes on being tried (Postfix, Exim, Exchange, Outlook.com, OVHcloud). */
const DELAY =
	/\b(?:has been delayed|have been delayed|not yet been delivered|not been delivered yet|will (?:be )?retr(?:y|ied)|will continue (?:to try|trying)|still (?:being )?(?:retried|trying)|warning message only|warning only|do not need to resend|delayed mail|delivery delayed|\(delay\)|remise differee|n'a pas encore pu etre remis|reessaiera|nouvelle tentative|consegna ritardata|recapito ritardato|non e ancora stato recapitato|ritentera|verra ritentat)/;

export const hasBounceSubject = (subject: string) => SUBJECT.test(normalizeText(subject));
export const hasBouncePhrase = (text: string) => PHRASE.test(normalizeText(text));
export const hasDelayPhrase = (text: string) => DELAY.test(normalizeText(text));
