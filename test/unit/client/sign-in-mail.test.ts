import { describe, expect, it } from 'vitest';
import {
  InvalidLinkError,
  NoSessionError,
  RateLimitedError,
  UploadRefusedError,
} from '../../../shared/domain/client/client-errors';
import { signInMail, signInUrl } from '../../../shared/domain/client/sign-in-mail';
import { ConfigError } from '../../../shared/domain/errors';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const desk = { address: 'support-reunion@exodata.fr', displayName: 'Service Desk Exodata – La Réunion' };

describe('the "Mes demandes" sign-in link', () => {
  it('puts the token in the fragment of /mes-demandes, never in the path or the query', () => {
    expect(signInUrl('https://portail.exodata.fr', TOKEN)).toBe(
      `https://portail.exodata.fr/mes-demandes#jeton=${TOKEN}`,
    );
    const url = new URL(signInUrl('https://portail.exodata.fr/client/?utm=1#old', TOKEN));
    expect(url.pathname).toBe('/client/mes-demandes');
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#jeton=${TOKEN}`);
  });

  it('drops every trailing slash of the base before adding the page', () => {
    expect(signInUrl('https://portail.exodata.fr/espace///', TOKEN)).toBe(
      `https://portail.exodata.fr/espace/mes-demandes#jeton=${TOKEN}`,
    );
  });

  it('says which setting is wrong when the portal base URL is not a URL', () => {
    expect(() => signInUrl('portail.exodata.fr', TOKEN)).toThrow(ConfigError);
    expect(() => signInUrl('portail.exodata.fr', TOKEN)).toThrow(
      /portal base URL "portail.exodata.fr" is not a URL/,
    );
    // The parser's own refusal is kept as the cause, for the logs.
    let thrown: unknown;
    try {
      signInUrl('portail.exodata.fr', TOKEN);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).cause).toBeInstanceOf(TypeError);
  });

  it('mails the link once, from the desk, in French then English, with its lifetime', () => {
    const mail = signInMail({
      desk,
      to: 'gerant@client.re',
      portalBaseUrl: 'https://portail.exodata.fr',
      token: TOKEN,
      key: 'k1',
    });
    expect(mail).toMatchObject({
      from: { name: desk.displayName, address: desk.address },
      replyTo: desk.address,
      to: { name: '', address: 'gerant@client.re' },
      subject: 'Votre lien de connexion à vos demandes / Your sign-in link',
      inReplyTo: null,
      references: [],
      headers: {},
      automatic: true,
      idempotencyKey: 'k1',
    });
    const link = `https://portail.exodata.fr/mes-demandes#jeton=${TOKEN}`;
    expect(mail.text).toContain(`\n\n${link}\n\n`);
    expect(mail.text).toMatch(/^Bonjour,\n\n.*une seule fois, pendant 15 minutes/);
    expect(mail.text).toContain(
      `\n\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message.\n\nHello,\n`,
    );
    expect(mail.text).toContain('It works once, for 15 minutes');
    expect(mail.text.endsWith(`${desk.displayName}\n`)).toBe(true);
    expect(mail.html).toContain(link);
    expect(mail.html).toContain('<html lang="fr"');
  });
});

describe('portal refusals', () => {
  it('each carries its code; a rate limit says when to retry', () => {
    expect(new InvalidLinkError('x').code).toBe('INVALID_LINK');
    expect(new NoSessionError('x').code).toBe('NO_SESSION');
    expect(new UploadRefusedError('x').code).toBe('UPLOAD_REFUSED');
    const limited = new RateLimitedError('trop de demandes', 42);
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.retryAfterSeconds).toBe(42);
    expect(limited.message).toBe('trop de demandes');
  });
});
