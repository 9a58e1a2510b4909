import { byId, el } from '../../common/dom';
import { flash } from '../../common/flash';
import { clientApi, explain } from '../api';
import type { ClientSession } from '../api-types';
import { formatAt } from '../format';
import { CLIENT_LABELS } from '../labels';
import { renderHeader } from './header';

/**
 * "Mes demandes" (docs/client-portal-pages.md): without an address session, a form that asks for an e-mail
 * address and says the same thing whether or not it is known; with one, the tickets of that address
 * (or of the whole client for an administrator), newest first, each a link to its page.
 */
const labels = CLIENT_LABELS.fr;

export function showSignInForm(session: ClientSession | null): void {
  renderHeader(labels, session !== null);
  byId('requests-list').hidden = true;
  byId('sign-in').hidden = false;
  const form = byId('sign-in-form', HTMLFormElement);
  const answer = byId('sign-in-answer');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = byId('sign-in-email', HTMLInputElement);
    if (!input.checkValidity()) {
      flash('Saisissez une adresse e-mail complète, par exemple nom@entreprise.fr.');
      input.focus();
      return;
    }
    const submit = form.querySelector('button');
    if (submit) submit.disabled = true;
    try {
      const { message } = await clientApi.signIn(input.value.trim());
      answer.textContent = message;
      answer.hidden = false;
      byId('flash').hidden = true;
    } catch (error) {
      answer.hidden = true;
      flash(explain(error, labels));
    } finally {
      if (submit) submit.disabled = false;
    }
  });
}

export async function showRequests(session: ClientSession): Promise<void> {
  renderHeader(labels, true);
  byId('sign-in').hidden = true;
  const { tickets } = await clientApi.tickets();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  byId('signed-in-as').textContent = session.administrator
    ? `Connecté avec ${session.email ?? ''} (administrateur : toutes les demandes de votre société).`
    : `Connecté avec ${session.email ?? ''}.`;
  const list = byId('tickets');
  list.replaceChildren(
    ...tickets.map((ticket) =>
      el(
        'li',
        { 'data-ref': ticket.reference },
        el(
          'a',
          { href: `/t/${encodeURIComponent(ticket.reference)}` },
          el('strong', {}, ticket.reference),
          ' — ',
          ticket.subject || '—',
        ),
        el(
          'p',
          { class: 'small' },
          `${labels.status[ticket.status]} · priorité ${labels.priority[ticket.priority].toLowerCase()} · mise à jour ${formatAt(ticket.updatedAt, zone, labels)}`,
        ),
      ),
    ),
  );
  byId('no-tickets').hidden = tickets.length > 0;
  byId('requests-list').hidden = false;
  if (session.administrator) await showReports();
}

/** "Rapports mensuels" (an administrator only): each month a link to its printable page. */
async function showReports(): Promise<void> {
  const { months } = await clientApi.reportMonths();
  byId('report-months').replaceChildren(
    ...months.map((m) =>
      el(
        'li',
        {},
        el('a', { href: `/rapports/${encodeURIComponent(m.month)}`, 'data-month': m.month }, m.label),
      ),
    ),
  );
  byId('reports').hidden = months.length === 0;
}
