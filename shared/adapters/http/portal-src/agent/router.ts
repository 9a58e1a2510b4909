import { explain } from '../common/api-client';
import { byId } from '../common/dom';
import { flash } from '../common/flash';
import { api, session } from './api';
import { renderSignIn } from './sign-in';
import { state, type View } from './state';
import { loadDesks } from './views/desks';
import { loadQueue } from './views/queue';
import { openReports } from './views/reports';
import { openSuspended } from './views/suspended';
import { openTicket } from './views/ticket';

/**
 * Hash routes: `#/` the queue, `#/tickets/EXO-…` a ticket, `#/suspended` the suspended messages,
 * `#/reports?from=…&to=…&desk=…&client=…` the SLA reports (a link to a report can be shared). No
 * token: the sign-in. Each view is a section of index.html shown alone.
 */
const VIEWS: Record<View, string> = {
  login: 'login',
  queue: 'queue-view',
  ticket: 'ticket-view',
  suspended: 'suspended-view',
  reports: 'reports-view',
};

export function show(view: View): void {
  const changed = state.view !== view;
  // A message belongs to the page it was about: another page starts without it.
  if (changed) byId('flash').hidden = true;
  state.view = view;
  for (const [name, id] of Object.entries(VIEWS)) byId(id).hidden = name !== view;
  byId('whoami').hidden = view === 'login';
  if (view === 'login' && state.config) renderSignIn(state.config.auth, state.config.desks);
  if (changed) window.scrollTo(0, 0);
}

export function signOut(): void {
  session.clear();
  state.me = null;
  show('login');
}

const TICKET_ROUTE = /^#\/tickets\/(EXO-\d{4}-\d{6})$/;

export async function route(): Promise<void> {
  if (!session.token) {
    show('login');
    return;
  }
  try {
    if (!state.me) {
      state.me = await api.me();
      byId('agent-name').textContent = `${state.me.agent.name} (${state.me.agent.desks.join(', ')})`;
    }
    if (state.desks.length === 0) await loadDesks();
    const ticket = TICKET_ROUTE.exec(location.hash);
    if (ticket?.[1]) {
      show('ticket');
      await openTicket(ticket[1]);
      focusHeading('ticket-title');
    } else if (location.hash === '#/reports' || location.hash.startsWith('#/reports?')) {
      show('reports');
      await openReports(new URLSearchParams(location.hash.slice('#/reports'.length + 1)));
      focusHeading('reports-title');
    } else if (location.hash === '#/suspended') {
      show('suspended');
      await openSuspended();
      focusHeading('suspended-title');
    } else {
      show('queue');
      await loadQueue();
    }
  } catch (error) {
    flash(explain(error));
  }
}

/** After a page change, keyboard and screen-reader users start at the new page's title. */
function focusHeading(id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}
