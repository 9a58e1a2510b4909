import { byId, el } from '../../common/dom';
import { flash } from '../../common/flash';
import { clientApi, explain } from '../api';
import type { ClientMessage, ClientTicketView } from '../api-types';
import { deadlineState, deadlineText, formatAt, formatSize } from '../format';
import { type ClientLabels, labelsFor } from '../labels';
import { composeForm } from './compose';
import { renderHeader } from './header';
import { priorityForm } from './priority';
import { priorityQuestions } from './questions';

/**
 * A ticket's page (docs/client-portal-pages.md, "Screens"): what it is, where it stands, our
 * commitments and the public conversation, then what the client may do now. Every value from the API
 * goes in as text (common/dom.ts): a message is shown exactly as written, never parsed as HTML.
 */
let current: ClientTicketView | null = null;

// Back on the tab (a phone user who switched to the mail app): the page asks again, without a word.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refresh();
});

export async function openTicket(reference: string): Promise<void> {
  const ticket = await clientApi.ticket(reference);
  const labels = labelsFor(ticket.language);
  document.documentElement.lang = ticket.language;
  document.title = `${ticket.reference} — ${labels.text.brand}`;
  // Signed in either way (the link or "Mes demandes"): "Se déconnecter" ends it on a shared phone.
  renderHeader(labels, true);
  current = ticket;
  byId('ticket-view').replaceChildren(
    el('div', { id: 'ticket-summary' }),
    el('section', { id: 'ticket-conversation', 'aria-labelledby': 'conversation-title' }),
    el('div', { id: 'ticket-actions' }),
    el('div', { id: 'ticket-questions' }),
    composeForm(ticket.reference, labels, () => refresh()),
    el('div', { id: 'ticket-priority' }),
  );
  render(ticket, labels);
}

/** Asks the API again and redraws all but the message being written (its text and files stay). */
export async function refresh(announce = false): Promise<void> {
  if (!current) return;
  const labels = labelsFor(current.language);
  try {
    const ticket = await clientApi.ticket(current.reference);
    current = ticket;
    render(ticket, labels);
    if (announce) flash(labels.text.refreshed, 'info');
  } catch (error) {
    flash(explain(error, labels));
  }
}

/** The ticket as an action's answer gave it. */
function redraw(ticket: ClientTicketView): void {
  current = ticket;
  render(ticket, labelsFor(ticket.language));
}

/**
 * An answer to a priority question: the page redraws from it; keyboard focus goes to the next open
 * question, or back to the top of the ticket (the new priority is there) once the card is gone.
 */
function answered(ticket: ClientTicketView): void {
  redraw(ticket);
  const next = document.querySelector<HTMLButtonElement>('#priority-questions button');
  (next ?? byId('ticket-title')).focus();
}

function render(ticket: ClientTicketView, labels: ClientLabels): void {
  byId('ticket-summary').replaceChildren(summary(ticket, labels));
  byId('ticket-conversation').replaceChildren(...conversation(ticket, labels));
  byId('ticket-actions').replaceChildren(...actions(ticket, labels));
  byId('ticket-questions').replaceChildren(
    priorityQuestions(ticket, labels, answered, () => void refresh()) ?? '',
  );
  byId('ticket-priority').replaceChildren(priorityForm(ticket, labels, (updated) => redraw(updated)));
  byId('compose').hidden = !ticket.can.reply;
}

function summary(ticket: ClientTicketView, labels: ClientLabels): HTMLElement {
  const t = labels.text;
  const zone = ticket.deskTimeZone;
  const fact = (label: string, ...value: Array<Node | string>) =>
    el('div', {}, el('dt', {}, label), el('dd', {}, ...value));
  const deadline = (name: 'gti' | 'gtr', label: string) => {
    const clock = ticket[name];
    const state = deadlineState(clock.met);
    return el(
      'li',
      { 'data-deadline': name, 'data-state': state, class: `deadline ${state}` },
      el('span', { class: 'deadline-name' }, label),
      el('span', { class: 'deadline-when' }, deadlineText(clock, zone, labels)),
    );
  };
  return el(
    'div',
    { class: 'ticket-head', 'data-ref': ticket.reference, 'data-status': ticket.status },
    el('p', { class: 'ref' }, `${t.reference} `, el('strong', {}, ticket.reference)),
    el('h1', { id: 'ticket-title', tabindex: -1 }, ticket.subject || '—'),
    el(
      'dl',
      { class: 'facts' },
      fact(
        t.statusLabel,
        el('span', { class: `status status-${statusClass(ticket.status)}` }, labels.status[ticket.status]),
      ),
      fact(
        t.priorityLabel,
        el('strong', {}, labels.priority[ticket.priority.level]),
        ` — ${labels.prioritySource[ticket.priority.source]}`,
      ),
      ticket.priority.why ? fact(t.why, el('span', { class: 'why' }, ticket.priority.why)) : '',
      fact(t.desk, ticket.desk.name),
      fact(t.receivedAt, formatAt(ticket.receivedAt, zone, labels)),
    ),
    el(
      'section',
      { class: 'deadlines', 'aria-labelledby': 'deadlines-title' },
      el('h2', { id: 'deadlines-title' }, t.deadlines),
      el('ul', {}, deadline('gti', t.gti), deadline('gtr', t.gtr)),
    ),
  );
}

/** A CSS-safe name for a status (the domain's words have spaces and accents). */
function statusClass(status: ClientTicketView['status']): string {
  return {
    nouveau: 'new',
    'en cours': 'open',
    'en attente client': 'waiting',
    résolu: 'resolved',
    fermé: 'closed',
  }[status];
}

function conversation(ticket: ClientTicketView, labels: ClientLabels): Node[] {
  const t = labels.text;
  const toolbar = el(
    'div',
    { class: 'section-head' },
    el('h2', { id: 'conversation-title' }, t.conversation),
    el('button', { type: 'button', id: 'refresh', class: 'secondary' }, t.refresh),
  );
  toolbar.querySelector('button')?.addEventListener('click', () => void refresh(true));
  if (ticket.conversation.length === 0) return [toolbar, el('p', { class: 'hint' }, t.noMessages)];
  return [
    toolbar,
    el(
      'ol',
      { id: 'conversation', class: 'conversation' },
      ...ticket.conversation.map((m) => message(ticket, m, labels)),
    ),
  ];
}

function message(ticket: ClientTicketView, m: ClientMessage, labels: ClientLabels): HTMLElement {
  const author =
    m.kind === 'client' ? labels.messageKind.client : `${m.author} — ${labels.messageKind.agent}`;
  return el(
    'li',
    { class: `message ${m.kind}`, 'data-kind': m.kind, 'data-id': m.id },
    el(
      'p',
      { class: 'message-meta' },
      el('strong', { class: 'author' }, author),
      ' ',
      el('time', { datetime: m.at }, formatAt(m.at, ticket.deskTimeZone, labels)),
    ),
    el('p', { class: 'message-text' }, m.text),
    m.attachments.length > 0
      ? el(
          'ul',
          { class: 'attachments', 'aria-label': labels.text.attachments },
          ...m.attachments.map((a) =>
            el(
              'li',
              {},
              // A download, never shown in the page: the server answers with Content-Disposition: attachment.
              el(
                'a',
                {
                  href: clientApi.attachmentUrl(ticket.reference, a.id),
                  download: a.name,
                  'aria-label': labels.text.download(a.name, formatSize(a.size, labels)),
                },
                a.name,
              ),
              el('span', { class: 'size' }, ` (${formatSize(a.size, labels)})`),
            ),
          ),
        )
      : null,
  );
}

function actions(ticket: ClientTicketView, labels: ClientLabels): Node[] {
  const t = labels.text;
  if (ticket.can.confirmResolved) {
    const confirm = el(
      'button',
      { type: 'button', id: 'confirm-resolved', class: 'wide' },
      t.confirmResolved,
    );
    confirm.addEventListener('click', async () => {
      confirm.disabled = true;
      try {
        const answer = await clientApi.confirmResolved(ticket.reference);
        flash(t.confirmed, 'info');
        redraw(answer.ticket);
        // The button is gone with the card: keyboard focus goes back to the top of the ticket.
        byId('ticket-title').focus();
      } catch (error) {
        flash(explain(error, labels));
        confirm.disabled = false;
      }
    });
    return [
      el(
        'section',
        { class: 'card resolved', 'aria-labelledby': 'resolved-title' },
        el('h2', { id: 'resolved-title' }, t.resolvedTitle),
        el('p', {}, t.resolvedHint),
        confirm,
      ),
    ];
  }
  if (ticket.status === 'fermé') return [el('p', { class: 'card hint' }, t.closedHint)];
  return [];
}
