import { explain } from '../common/api-client';
import { byId } from '../common/dom';
import { flash } from '../common/flash';
import { api, session, whenSignedOut } from './api';
import { route, signOut } from './router';
import { cognitoCallback, cognitoSignIn } from './sign-in';
import { state } from './state';
import { loadDesks, renderDesks } from './views/desks';
import { fillFilters, loadQueue, tickQueue, wireQueue } from './views/queue';
import { tickTicket } from './views/ticket';

/**
 * The agents' portal (docs/agents.md, "The portal"). No framework: a few typed views that build the DOM
 * with text nodes (common/dom.ts), under a CSP without inline script or style; message HTML is shown
 * only in a sandboxed frame.
 */
async function start(): Promise<void> {
  const config = await api.config();
  state.config = config;
  fillFilters(config.desks);
  whenSignedOut(signOut);
  if (config.auth.mode === 'cognito') await cognitoCallback(config.auth);

  byId('dev-login', HTMLFormElement).addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    try {
      const signedIn = await api.devLogin(String(form.get('agent') ?? ''), String(form.get('desk') ?? ''));
      session.set(signedIn.token);
      await route();
    } catch (error) {
      flash(explain(error));
    }
  });
  byId('cognito-button').addEventListener('click', () => {
    if (config.auth.mode === 'cognito') void cognitoSignIn(config.auth);
  });
  byId('logout').addEventListener('click', signOut);
  wireQueue();
  window.addEventListener('hashchange', () => void route());

  setInterval(() => {
    if (state.desks.length > 0) renderDesks();
    if (state.view === 'queue') tickQueue();
    if (state.view === 'ticket') tickTicket();
  }, 1000);
  // Fresh data every 30 s (deadlines move when agents act); desks' staffed state every minute.
  setInterval(() => {
    if (state.view === 'queue' && session.token) loadQueue().catch(() => {});
  }, 30_000);
  setInterval(() => {
    if (session.token) loadDesks().catch(() => {});
  }, 60_000);
  await route();
}

start().catch((error: unknown) => flash(explain(error)));
