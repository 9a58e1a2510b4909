import type { AuditEvent, Ticket } from '../../../../../domain/ticket/ticket';
import type {
  ClockView,
  HeldItem,
  InboundMessageView,
  OutboundMessageView,
  ReplyRequestBody,
} from '../../../api-schemas';
import { ApiError, explain } from '../../common/api-client';
import { button, byId, el, screenReaderOnly } from '../../common/dom';
import { flash } from '../../common/flash';
import { countdownText, formatAt, formatSize } from '../../common/format';
import { actorLabel, automatedLabel, deskShortName, LABELS, priorityLabel } from '../../common/labels';
import { api } from '../api';
import { deskZone, state } from '../state';
import { ReplyFiles } from './reply-files';
import { showReplyPreview } from './reply-preview';

/** The ticket page: deadlines, facts, the actions the rules allow now, the conversation and the audit trail. */
export async function openTicket(reference: string): Promise<void> {
  const details = await api.ticket(reference);
  state.ticket = details;
  state.ticketFetchedAt = Date.now();
  renderTicket();
}

function deskName(deskId: string): string {
  const desk = state.desks.find((d) => d.deskId === deskId);
  return desk ? deskShortName(desk.displayName) : deskId;
}

function renderTicket(): void {
  const details = state.ticket;
  if (!details) return;
  const { ticket, sla, messages, events } = details;
  const work = ticket.work;
  const zone = deskZone(ticket.deskOnDuty.deskId);
  const fact = (label: string, value: string | null | undefined) =>
    el('div', {}, el('dt', {}, label), el('dd', {}, value ?? '—'));
  byId('ticket').replaceChildren(
    el(
      'div',
      { class: 'ticket-head', id: 'ticket-head', 'data-ref': ticket.reference, 'data-status': ticket.status },
      el('h2', { id: 'ticket-title' }, `${ticket.reference} — ${ticket.subject || '(sans objet)'}`),
      el(
        'div',
        { class: 'sla' },
        clockBox('gti', 'GTI', sla.gti, zone),
        clockBox('gtr', 'GTR', sla.gtr, zone),
        el('div', { class: `risk-${sla.risk}` }, el('strong', {}, 'Risque '), LABELS.risk[sla.risk]),
      ),
      el(
        'dl',
        { class: 'facts' },
        fact('Statut', LABELS.status[ticket.status]),
        fact(
          'Priorité',
          `${priorityLabel(ticket.priority.level, ticket.priority.source)}${
            ticket.priority.confidence === 'low' && ticket.priority.source !== 'agent' ? ' — à confirmer' : ''
          }`,
        ),
        fact(
          'Client',
          `${ticket.client.name ?? 'client inconnu'} — contrat ${ticket.contract === 'premium' ? 'premium' : 'standard'}`,
        ),
        fact('Demandeur', ticket.requester ? `${ticket.requester.name} <${ticket.requester.address}>` : null),
        fact(
          'Centre',
          ticket.deskOnDuty.deskId !== ticket.desk
            ? `${deskName(ticket.desk)} → ${deskName(ticket.deskOnDuty.deskId)}`
            : deskName(ticket.desk),
        ),
        fact('Reçu', formatAt(ticket.receivedAt, zone)),
        fact('Assigné', work?.assignee?.name),
        fact(
          'Premier contact',
          work?.firstContact
            ? `${formatAt(work.firstContact.at, zone)} (${LABELS.contactChannel[work.firstContact.channel]}) — GTI ${work.firstContact.gtiMet ? 'respectée' : 'dépassée'}`
            : null,
        ),
      ),
      ticket.flags.unverifiedSender
        ? el('p', { class: 'warning' }, 'Expéditeur non vérifié : l’adresse a pu être usurpée.')
        : null,
      actionsBar(ticket),
    ),
    ...[heldSection(ticket.reference, details.held, zone), replyBox(ticket)].filter(
      (node): node is HTMLElement => node !== null,
    ),
    el(
      'section',
      { class: 'conversation', 'aria-label': 'Conversation' },
      ...[
        ...messages.map((m) => ({
          at: m.at,
          node: m.direction === 'in' ? messageCard(m, zone) : outboundCard(m, ticket.reference, zone),
        })),
        ...events.filter((e) => e.type === 'note-added').map((e) => ({ at: e.at, node: noteCard(e, zone) })),
      ]
        .sort((x, y) => x.at.localeCompare(y.at))
        .map((item) => item.node),
    ),
    el(
      'section',
      { class: 'audit', 'aria-labelledby': 'audit-title' },
      el('h3', { id: 'audit-title' }, 'Historique'),
      el(
        'ol',
        { id: 'audit' },
        ...events.map((e) =>
          el(
            'li',
            { 'data-type': e.type },
            `${formatAt(e.at, zone)} — ${LABELS.event[e.type]} — ${actorLabel(e.actor)}`,
            eventDetail(e),
          ),
        ),
      ),
    ),
  );
}

/**
 * conversation.md §1: what unverified senders sent as follow-ups of this ticket, held until an agent
 * accepts one onto the ticket or rejects it. Nothing here changed the ticket. Their text is shown as
 * text (never parsed as HTML), as every other message.
 */
function heldSection(reference: string, held: HeldItem[], zone: string): HTMLElement | null {
  if (held.length === 0) return null;
  const waiting = held.filter((h) => h.status === 'held').length;
  return el(
    'section',
    { class: 'held', id: 'held', 'aria-labelledby': 'held-title', 'data-waiting': String(waiting) },
    el('h3', { id: 'held-title' }, `Messages retenus — ${waiting} en attente de décision`),
    el(
      'p',
      { class: 'small' },
      'L’expéditeur de ces messages n’a pas pu être authentifié : ils n’ont rien changé au ticket. Acceptez-en un seulement si vous êtes sûr qu’il vient du client.',
    ),
    ...[...held]
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
      .map((h) => heldCard(reference, h, zone)),
  );
}

function heldCard(reference: string, held: HeldItem, zone: string): HTMLElement {
  const from = held.from
    ? `${held.from.name || held.from.address} <${held.from.address}>`
    : 'expéditeur inconnu';
  const { spf, dkim, dmarc } = held.receipt.verdicts;
  const card = el(
    'article',
    { class: 'message held-message', 'data-held': held.id, 'data-status': held.status },
    el(
      'header',
      {},
      el('span', { class: 'from' }, from),
      el('span', {}, `${formatAt(held.receivedAt, zone)} · ${LABELS.heldStatus[held.status]}`),
    ),
    el('strong', {}, held.subject || '(sans objet)'),
    el(
      'p',
      { class: 'warning held-why' },
      `Retenu : expéditeur non vérifié — DMARC ${LABELS.verdict[dmarc]}, SPF ${LABELS.verdict[spf]}, DKIM ${LABELS.verdict[dkim]}.`,
    ),
    el('pre', { class: 'new-text' }, held.excerpt || '(pas de texte)'),
  );
  if (held.status !== 'held') {
    card.append(
      el(
        'p',
        { class: 'small' },
        `${held.status === 'accepted' ? 'Accepté' : 'Rejeté'} par ${held.decidedBy ?? '?'}${held.decidedAt ? ` le ${formatAt(held.decidedAt, zone)}` : ''}.`,
      ),
    );
    return card;
  }
  const subject = held.subject || '(sans objet)';
  const accept = el(
    'button',
    { type: 'button', 'data-decide': 'accept' },
    'Accepter',
    screenReaderOnly(` : ${subject}`),
  );
  const reject = el(
    'button',
    { type: 'button', class: 'secondary', 'data-decide': 'reject' },
    'Rejeter',
    screenReaderOnly(` : ${subject}`),
  );
  const decide = async (decision: 'accept' | 'reject') => {
    const question =
      decision === 'accept'
        ? `Accepter « ${subject} » sur le ticket ${reference} ? Il sera traité comme un message du client (priorité déclarée, reprise, réouverture).`
        : `Rejeter « ${subject} » ? Il ne sera jamais ajouté au ticket.`;
    if (!confirm(question)) return;
    accept.disabled = true;
    reject.disabled = true;
    try {
      if (decision === 'accept') await api.acceptHeld(reference, held.id);
      else await api.rejectHeld(reference, held.id);
      flash(decision === 'accept' ? 'Message accepté : ajouté au ticket.' : 'Message rejeté.', 'info');
    } catch (error) {
      flash(
        error instanceof ApiError && error.status === 409
          ? 'Un autre agent a déjà accepté ou rejeté ce message : le ticket est rechargé.'
          : explain(error),
      );
      accept.disabled = false;
      reject.disabled = false;
    }
    await openTicket(reference).catch((error: unknown) => flash(explain(error)));
  };
  accept.addEventListener('click', () => void decide('accept'));
  reject.addEventListener('click', () => void decide('reject'));
  card.append(el('div', { class: 'held-actions' }, accept, reject));
  return card;
}

function clockBox(name: 'gti' | 'gtr', label: string, clock: ClockView, zone: string): HTMLElement {
  return el(
    'div',
    { class: `risk-${clock.risk ?? 'none'} state-${clock.state}`, 'data-clock': name },
    el('strong', {}, `${label} `),
    el('span', { class: 'live' }, countdownText(clock, Date.now() - state.ticketFetchedAt)),
    el('div', { class: 'small' }, `échéance ${formatAt(clock.dueAt, zone)}`),
  );
}

/**
 * What a person wrote in an event (a note, a resolution, a reason an agent gave) or what changed; the
 * intake's and watcher's own reasons are technical English and stay out of the page.
 */
function eventDetail(event: AuditEvent): HTMLElement | null {
  const d = event.detail;
  const written = (key: string) => (typeof d[key] === 'string' && d[key] !== '' ? String(d[key]) : null);
  const text =
    event.type === 'note-added'
      ? written('text')
      : event.type === 'ticket-resolved'
        ? written('summary')
        : event.type === 'waiting-on-client' || (event.type === 'ticket-reopened' && event.actor !== 'intake')
          ? written('reason')
          : event.type === 'priority-changed'
            ? [
                d.from && d.to ? `${String(d.from)} → ${String(d.to)}` : null,
                event.actor !== 'intake' ? written('reason') : null,
              ]
                .filter(Boolean)
                .join(' — ') || null
            : event.type === 'desk-on-duty-changed' && typeof d.to === 'string'
              ? `vers ${deskName(d.to)}`
              : null;
  return text ? el('div', { class: 'small' }, text) : null;
}

type FormField = HTMLInputElement | HTMLSelectElement;

/** A labelled field: the label is visible, so a phone user and a screen reader both know what it asks. */
function field(label: string, control: FormField): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

function input(name: string, required = true): HTMLInputElement {
  return el('input', { name, required, maxlength: 2000, autocomplete: 'off' });
}

function select(name: string, options: Record<string, string>, selected?: string): HTMLSelectElement {
  return el(
    'select',
    { name },
    ...Object.entries(options).map(([value, label]) =>
      el('option', { value, selected: value === selected }, label),
    ),
  );
}

type ActionName =
  | 'claim'
  | 'release'
  | 'first-contact'
  | 'wait'
  | 'resume'
  | 'resolve'
  | 'reopen'
  | 'priority'
  | 'notes';

function actionsBar(ticket: Ticket): HTMLElement {
  const work = ticket.work;
  const open =
    ticket.status === 'nouveau' || ticket.status === 'en cours' || ticket.status === 'en attente client';
  const mine = work?.assignee?.agentId === state.me?.agent.id;
  const act = (
    action: ActionName,
    label: string,
    fields: Array<[string, FormField]> = [],
    secondary = false,
  ) => {
    const form = el(
      'form',
      { 'data-action': action, 'aria-label': label },
      ...fields.map(([text, control]) => field(text, control)),
      el('button', { type: 'submit', class: secondary ? 'secondary' : null }, label),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data: Record<string, string> = {};
      for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v !== '') data[k] = v;
      void runAction(ticket.reference, action, data);
    });
    return form;
  };
  const forms: HTMLFormElement[] = [];
  if (open && !work?.assignee) forms.push(act('claim', 'Prendre'));
  if (open && mine) forms.push(act('release', 'Libérer', [], true));
  if (open && !work?.firstContact)
    forms.push(
      act('first-contact', 'Premier contact', [['Canal', select('channel', LABELS.contactChannel)]]),
    );
  if (open && ticket.status !== 'en attente client' && work?.firstContact)
    forms.push(act('wait', 'Attente client', [['Question posée', input('reason', false)]], true));
  if (ticket.status === 'en attente client') forms.push(act('resume', 'Reprendre'));
  if (open) forms.push(act('resolve', 'Résoudre', [['Solution apportée', input('summary')]]));
  if (ticket.status === 'résolu') forms.push(act('reopen', 'Rouvrir', [['Motif', input('reason')]]));
  if (open)
    forms.push(
      act(
        'priority',
        'Changer la priorité',
        [
          ['Nouvelle priorité', select('level', LABELS.priority, ticket.priority.level)],
          ['Motif du changement', input('reason')],
        ],
        true,
      ),
    );
  forms.push(act('notes', 'Ajouter une note', [['Note interne', input('text')]], true));
  const rotate = button('Nouveau lien client', () => void rotateClientLink(ticket.reference), {
    class: 'secondary',
  });
  return el('div', { class: 'actions' }, ...forms, rotate);
}

/** "Nouveau lien": the client's portal links stop working; the next mail to the client carries a new one. */
async function rotateClientLink(reference: string): Promise<void> {
  const sure = confirm(
    'Les liens du portail déjà envoyés au client pour ce ticket cesseront de fonctionner ; le prochain e-mail en portera un nouveau. Continuer ?',
  );
  if (!sure) return;
  try {
    await api.rotateClientLink(reference);
    flash('Nouveau lien : les anciens liens ne fonctionnent plus.', 'info');
  } catch (error) {
    flash(explain(error));
  }
  await openTicket(reference).catch((err: unknown) => flash(explain(err)));
}

async function runAction(reference: string, action: ActionName, data: Record<string, string>): Promise<void> {
  try {
    if (action === 'notes') await api.note(reference, data.text ?? '');
    else await api.act(reference, action, data);
    flash('Enregistré.', 'info');
  } catch (error) {
    flash(explain(error));
  }
  await openTicket(reference).catch((error: unknown) => flash(explain(error)));
}

/** The sandboxed document of a message: its own CSP on top of the page's (which it inherits). */
function mailDocument(html: string): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:">',
    '</head><body>',
    html,
    '</body></html>',
  ].join('');
}

/** A message we sent: who, when, what became of it (envoyé, non confirmé, rejeté, rebond). */
function outboundCard(message: OutboundMessageView, reference: string, zone: string): HTMLElement {
  return el(
    'article',
    {
      class: `message outbound state-${message.state}`,
      'data-outbound': message.id,
      'data-state': message.state,
    },
    el(
      'header',
      {},
      el(
        'span',
        { class: 'from' },
        `${message.author.name} → ${message.to.map((a) => a.address).join(', ')}`,
      ),
      el('span', {}, `${formatAt(message.at, zone)} · ${LABELS.outboundKind[message.kind]}`),
      el('span', { class: 'outbound-state' }, LABELS.outboundState[message.state]),
    ),
    el('pre', { class: 'new-text' }, message.text),
    message.attachments.length > 0
      ? el(
          'ul',
          { class: 'attachments', 'aria-label': 'Pièces jointes envoyées' },
          ...message.attachments.map((a) =>
            el(
              'li',
              {},
              button(
                `📎 ${a.filename} (${formatSize(a.size)})`,
                () => void downloadSent(reference, message.id, a.uploadId),
                { class: 'secondary' },
              ),
            ),
          ),
        )
      : null,
    message.reason && message.state !== 'sent'
      ? el('p', { class: 'small' }, `Motif : ${message.reason}`)
      : null,
    message.resendable
      ? button('Renvoyer', () => void resend(reference, message.id), { class: 'secondary' })
      : null,
  );
}

/** An internal note, in the conversation but marked as never sent to the client. */
function noteCard(event: AuditEvent, zone: string): HTMLElement {
  const text = typeof event.detail.text === 'string' ? event.detail.text : '';
  return el(
    'article',
    { class: 'message internal-note', 'data-note': event.at },
    el(
      'header',
      {},
      el('span', { class: 'from' }, `Note interne — ${actorLabel(event.actor)}`),
      el('span', {}, `${formatAt(event.at, zone)} · non envoyée au client`),
    ),
    el('pre', { class: 'new-text' }, text),
  );
}

async function resend(reference: string, key: string): Promise<void> {
  const warned = confirm(
    'Ce message n’est pas confirmé : il est peut-être déjà arrivé chez le client. Le renvoyer peut lui faire recevoir deux fois. Renvoyer quand même ?',
  );
  if (!warned) return;
  try {
    const answer = await api.resend(reference, key);
    flash(`Renvoyé : ${stateWord(answer.state)}.`, 'info');
  } catch (error) {
    flash(explain(error));
  }
  await openTicket(reference).catch((error: unknown) => flash(explain(error)));
}

function stateWord(value: string): string {
  return value in LABELS.outboundState
    ? LABELS.outboundState[value as keyof typeof LABELS.outboundState]
    : value;
}

/** One key per compose: a double click or a retried request sends one mail; a new compose, a new key. */
let composeKey = crypto.randomUUID();
let composeRef = '';

/** The reply box: plain text (the server adds greeting, signature and the portal link in the ticket's language). */
function replyBox(ticket: Ticket): HTMLFormElement | null {
  const open =
    ticket.status === 'nouveau' || ticket.status === 'en cours' || ticket.status === 'en attente client';
  if (!open || !ticket.requester) return null;
  if (composeRef !== ticket.reference) {
    composeRef = ticket.reference;
    composeKey = crypto.randomUUID();
  }
  const text = el('textarea', { id: 'reply-text', name: 'text', rows: 6, maxlength: 20000, required: true });
  const summary = el('input', { id: 'reply-summary', name: 'summary', maxlength: 5000, autocomplete: 'off' });
  const files = new ReplyFiles(ticket.reference);
  const previewRegion = el('section', {
    id: 'reply-preview',
    class: 'reply-preview',
    'aria-live': 'polite',
    'aria-labelledby': 'reply-preview-title',
  });
  const previewButton = button(
    'Aperçu du message',
    () => {
      if (text.value.trim() === '') {
        flash('Écrivez la réponse avant d’en voir l’aperçu.');
        text.focus();
        return;
      }
      // With a solution written, the preview is that of « Envoyer et résoudre » (its closing paragraph).
      const resolving = summary.value.trim() !== '';
      void showReplyPreview(
        ticket.reference,
        {
          text: text.value,
          ...(resolving ? Object.fromEntries([['then', 'resolve']]) : {}),
          ...(resolving ? { summary: summary.value } : {}),
        },
        files.names(),
        previewRegion,
      );
    },
    { class: 'secondary', id: 'reply-preview-button' },
  );
  const send = (label: string, then: '' | 'wait' | 'resolve', secondary: boolean) =>
    el(
      'button',
      { type: 'submit', value: then, 'data-then': then, class: secondary ? 'secondary' : null },
      label,
    );
  const form = el(
    'form',
    { id: 'reply-form', class: 'reply', 'aria-labelledby': 'reply-title' },
    el('h3', { id: 'reply-title' }, 'Répondre au client'),
    el(
      'label',
      { class: 'field', for: 'reply-text' },
      el(
        'span',
        {},
        `Réponse à ${ticket.requester.name || ticket.requester.address} (texte brut ; formule d’appel, signature et lien du ticket ajoutés, en ${ticket.language === 'en' ? 'anglais' : 'français'})`,
      ),
    ),
    text,
    el(
      'label',
      { class: 'field', for: 'reply-summary' },
      el('span', {}, 'Solution apportée (demandée pour « Envoyer et résoudre »)'),
    ),
    summary,
    files.element,
    el(
      'div',
      { class: 'reply-buttons' },
      previewButton,
      send('Envoyer', '', false),
      ticket.status !== 'en attente client'
        ? send('Envoyer et mettre en attente client', 'wait', true)
        : null,
      send('Envoyer et résoudre', 'resolve', true),
    ),
    previewRegion,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter;
    const then = submitter instanceof HTMLButtonElement ? submitter.value : '';
    if (then === 'resolve' && summary.value.trim() === '') {
      flash('Indiquez la solution apportée avant « Envoyer et résoudre ».');
      summary.focus();
      return;
    }
    const attached = files.attachments();
    if ('wait' in attached) {
      flash(attached.wait);
      return;
    }
    void sendReply(ticket.reference, form, files, {
      text: text.value,
      idempotencyKey: composeKey,
      ...(attached.uploadIds.length > 0
        ? { attachments: attached.uploadIds.map((uploadId) => ({ uploadId })) }
        : {}),
      ...(then === 'wait' || then === 'resolve' ? { then } : {}),
      ...(then === 'resolve' ? { summary: summary.value } : {}),
    });
  });
  return form;
}

async function sendReply(
  reference: string,
  form: HTMLFormElement,
  files: ReplyFiles,
  body: ReplyRequestBody,
): Promise<void> {
  const buttons = [...form.querySelectorAll('button')];
  for (const b of buttons) b.disabled = true;
  try {
    const answer = await api.reply(reference, body);
    composeKey = crypto.randomUUID();
    flash(`Réponse au client : ${stateWord(answer.state)}.`, answer.state === 'sent' ? 'info' : undefined);
  } catch (error) {
    // A definite refusal ends this compose; anything else (503, lost answer) keeps the key, so sending
    // again cannot mail the client twice.
    if (error instanceof ApiError && (error.status < 500 || error.code === 'REPLY_NOT_SENT'))
      composeKey = crypto.randomUUID();
    // A file refused at send time (checked on what was stored): the server's French reason, by the files.
    flash(
      files.showServerRefusal(error) ? 'Réponse non envoyée : une pièce jointe est refusée.' : explain(error),
    );
    for (const b of buttons) b.disabled = false;
    return;
  }
  await openTicket(reference).catch((error: unknown) => flash(explain(error)));
}

function messageCard(message: InboundMessageView, zone: string): HTMLElement {
  const from = message.from
    ? `${message.from.name || message.from.address} <${message.from.address}>`
    : 'expéditeur inconnu';
  const card = el(
    'article',
    { class: 'message', 'data-message': message.id },
    el(
      'header',
      {},
      el('span', { class: 'from' }, from),
      el('span', {}, `${formatAt(message.receivedAt, zone)} · ${LABELS.messageKind[message.kind]}`),
    ),
    message.automated
      ? el('div', { class: 'small' }, `message automatique (${automatedLabel(message.automated.class)})`)
      : null,
    el('pre', { class: 'new-text' }, message.newText || '(pas de texte nouveau)'),
    message.history
      ? el('details', {}, el('summary', {}, 'Historique cité'), el('pre', {}, message.history))
      : null,
  );
  if (message.html !== null) {
    const frame = el('iframe', {
      class: 'mail-html',
      title: `Version HTML du message de ${from}`,
      sandbox: '',
      referrerpolicy: 'no-referrer',
      loading: 'lazy',
    });
    // A property, not markup: the page never parses the message HTML itself.
    frame.srcdoc = mailDocument(message.html);
    card.append(el('details', {}, el('summary', {}, 'Version HTML (affichage protégé)'), frame));
  }
  if (message.attachments.length > 0) {
    card.append(
      el(
        'ul',
        { class: 'attachments', 'aria-label': 'Pièces jointes' },
        ...message.attachments.map((a) => {
          const node = el(
            'button',
            { type: 'button', class: 'secondary', disabled: !a.downloadable },
            `📎 ${a.filename} (${formatSize(a.size)})`,
          );
          node.addEventListener('click', () => void download(message.id, a.sha256));
          return el('li', {}, node);
        }),
      ),
    );
  }
  if (message.attachmentsSkipped)
    card.append(el('p', { class: 'small' }, 'Pièces jointes trop volumineuses : voir le message brut.'));
  return card;
}

async function download(messageId: string, sha256: string): Promise<void> {
  const reference = state.ticket?.ticket.reference;
  if (!reference) return;
  try {
    const link = await api.attachment(reference, messageId, sha256);
    location.assign(link.url);
  } catch (error) {
    flash(explain(error));
  }
}

async function downloadSent(reference: string, key: string, uploadId: string): Promise<void> {
  try {
    const link = await api.replyAttachment(reference, key, uploadId);
    location.assign(link.url);
  } catch (error) {
    flash(explain(error));
  }
}

/** Every second: the two countdowns of the open ticket. */
export function tickTicket(): void {
  const details = state.ticket;
  if (!details) return;
  for (const name of ['gti', 'gtr'] as const) {
    const node = document.querySelector(`.sla [data-clock="${name}"] .live`);
    if (node) node.textContent = countdownText(details.sla[name], Date.now() - state.ticketFetchedAt);
  }
}
