import { byId } from '../common/dom';
import { flash } from '../common/flash';
import { ClientApiError, clientApi, explain } from './api';
import type { ClientSession } from './api-types';
import { CLIENT_LABELS } from './labels';
import { type Route, routeOf } from './router';
import { renderHeader } from './views/header';
import { showRequests, showSignInForm } from './views/requests';
import { openTicket } from './views/ticket';

/**
 * The client portal (docs/client-portal-pages.md). One static shell for every path; this script reads the
 * path, exchanges a secret from the fragment for a session cookie at once and removes it from the
 * address bar (so it stays out of the history, of a shared screenshot and of any Referer), then shows
 * one view. No framework; the DOM is built with text nodes only (common/dom.ts).
 */
const VIEWS = ['ticket-view', 'requests-view', 'invalid-view'] as const;

function show(view: (typeof VIEWS)[number]): void {
  for (const id of VIEWS) byId(id).hidden = id !== view;
  byId('loading').hidden = true;
}

/** The same page whatever went wrong: it never tells whether a reference exists. */
function showInvalid(): void {
  renderHeader(CLIENT_LABELS.fr, false);
  document.documentElement.lang = 'fr';
  document.title = `Lien invalide — ${CLIENT_LABELS.fr.text.brand}`;
  show('invalid-view');
}

const refusedLink = (error: unknown) =>
  error instanceof ClientApiError && (error.status === 404 || error.status === 401);

async function currentSession(): Promise<ClientSession | null> {
  try {
    return await clientApi.session();
  } catch (error) {
    if (error instanceof ClientApiError && error.status === 401) return null;
    throw error;
  }
}

async function start(route: Route): Promise<void> {
  if (route.kind === 'invalid') return showInvalid();

  if (route.kind === 'ticket') {
    if (route.secret !== null) {
      try {
        await clientApi.linkSession(route.reference, route.secret);
      } catch (error) {
        if (refusedLink(error)) return showInvalid();
        throw error;
      }
    }
    const session = await currentSession();
    if (!session) return showInvalid();
    try {
      show('ticket-view');
      await openTicket(route.reference);
    } catch (error) {
      if (refusedLink(error)) return showInvalid();
      throw error;
    }
    return;
  }

  if (route.token !== null) {
    try {
      await clientApi.redeem(route.token);
    } catch (error) {
      if (refusedLink(error)) return showInvalid();
      throw error;
    }
  }
  const session = await currentSession();
  show('requests-view');
  if (session?.kind === 'address') await showRequests(session);
  else showSignInForm(session);
}

// A newer link opened in the same tab (the mail app reuses it) changes only the fragment: start again.
window.addEventListener('hashchange', () => location.reload());

const route = routeOf(location.pathname, location.hash);
// The secret leaves the address bar before anything else happens (and before any request).
if (location.hash) history.replaceState(null, '', location.pathname + location.search);
start(route).catch((error: unknown) => {
  byId('loading').hidden = true;
  flash(explain(error, CLIENT_LABELS.fr));
});
