import type { Desk } from '../desk/service-desk-config';
import { ConfigError } from '../errors';
import type { OutboundMail } from '../mail/outbound-mail';
import { textToHtml } from '../ticket/reply-mail';
import { SIGN_IN_TOKEN_MINUTES } from './client-link';

/** `${portalBaseUrl}/mes-demandes#jeton=${token}`: the token in the fragment, never in a log or Referer. */
export function signInUrl(portalBaseUrl: string, token: string): string {
  let url: URL;
  try {
    url = new URL(portalBaseUrl);
  } catch (cause) {
    throw new ConfigError(`portal base URL "${portalBaseUrl}" is not a URL`, { cause });
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/mes-demandes`;
  url.search = '';
  url.hash = `jeton=${token}`;
  return url.toString();
}

/** The "Mes demandes" sign-in mail (French, then English: the address may have tickets in both). */
export function signInMail(input: {
  desk: Pick<Desk, 'address' | 'displayName'>;
  to: string;
  portalBaseUrl: string;
  token: string;
  /** One per mail: logs and the loop header only (never the token). */
  key: string;
}): OutboundMail {
  const url = signInUrl(input.portalBaseUrl, input.token);
  const subject = 'Votre lien de connexion à vos demandes / Your sign-in link';
  const text = [
    'Bonjour,',
    `Voici votre lien pour consulter vos demandes. Il fonctionne une seule fois, pendant ${SIGN_IN_TOKEN_MINUTES} minutes :`,
    url,
    "Si vous n'avez rien demandé, ignorez ce message.",
    `Hello,\nHere is your link to your requests. It works once, for ${SIGN_IN_TOKEN_MINUTES} minutes (same link as above). If you did not ask for it, ignore this message.`,
    input.desk.displayName,
  ].join('\n\n');
  return {
    from: { name: input.desk.displayName, address: input.desk.address },
    replyTo: input.desk.address,
    to: { name: '', address: input.to },
    subject,
    text: `${text}\n`,
    html: textToHtml(text, 'fr', subject),
    inReplyTo: null,
    references: [],
    headers: {},
    automatic: true,
    idempotencyKey: input.key,
  };
}
