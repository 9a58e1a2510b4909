import type { PortalAuth } from '../../api-schemas';
import { el } from '../common/dom';
import { flash } from '../common/flash';
import { deskShortName } from '../common/labels';
import { session } from './api';

/**
 * Signing in: the dev login form locally, the Cognito hosted UI on AWS (authorization code with PKCE:
 * a public client, no secret in the page). docs/agents.md, "Authentication".
 */
type CognitoAuth = Extract<PortalAuth, { mode: 'cognito' }>;

const PKCE_KEY = 'exodata.pkce';

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function randomString(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function cognitoSignIn(auth: CognitoAuth): Promise<void> {
  const verifier = randomString(48);
  const stateParam = randomString(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state: stateParam }));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: `${location.origin}/`,
    scope: auth.scopes.join(' '),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: stateParam,
  });
  location.assign(`${auth.domain}/oauth2/authorize?${query}`);
}

/** Back from the hosted UI with `?code=…`: trade it for tokens, once, if the state matches ours. */
export async function cognitoCallback(auth: CognitoAuth): Promise<void> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return;
  history.replaceState(null, '', '/');
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  sessionStorage.removeItem(PKCE_KEY);
  if (!saved || saved.state !== params.get('state')) {
    flash('Connexion refusée : réponse inattendue du fournisseur d’identité.');
    return;
  }
  const response = await fetch(`${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: `${location.origin}/`,
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) {
    flash('Connexion impossible : le jeton a été refusé.');
    return;
  }
  const tokens = (await response.json()) as { access_token: string };
  session.set(tokens.access_token);
}

/** The sign-in panel for the configured mode, the desks offered in the dev login. */
export function renderSignIn(auth: PortalAuth, desks: ReadonlyArray<{ id: string; name: string }>): void {
  const dev = document.getElementById('dev-login');
  const cognito = document.getElementById('cognito-login');
  if (dev) dev.hidden = auth.mode !== 'dev';
  if (cognito) cognito.hidden = auth.mode !== 'cognito';
  document
    .getElementById('login-desk')
    ?.replaceChildren(...desks.map((d) => el('option', { value: d.id }, deskShortName(d.name))));
}
