// The agents' portal: plain ES module, no dependency, no inline script or style (the page's CSP forbids
// them). Every value from the API goes into the DOM as text (textContent), never as markup; message
// HTML goes only into a sandboxed iframe without scripts (srcdoc), under its own CSP.

const TOKEN_KEY = 'exodata.agent.token';

const STATUS_LABEL = {
  nouveau: 'Nouveau',
  'en cours': 'En cours',
  'en attente client': 'En attente client',
  résolu: 'Résolu',
  fermé: 'Fermé',
};
const RISK_LABEL = {
  ok: 'dans les temps',
  'at-risk': 'à surveiller',
  imminent: 'imminent',
  breached: 'dépassé',
  paused: 'en pause',
  done: 'terminé',
};
const EVENT_LABEL = {
  'ticket-created': 'Ticket créé',
  'follow-up-added': 'Relance du client',
  'automated-message-added': 'Message automatique',
  'ticket-reopened': 'Ticket rouvert',
  'acknowledgement-sent': 'Accusé de réception envoyé',
  'acknowledgement-suppressed': 'Accusé de réception non envoyé',
  'acknowledgement-failed': "Échec de l'accusé de réception",
  'acknowledgement-unconfirmed': 'Accusé de réception incertain',
  'ticket-claimed': 'Pris en charge',
  'ticket-released': 'Libéré',
  'first-contact': 'Premier contact',
  'waiting-on-client': 'En attente du client',
  'ticket-resumed': 'Reprise',
  'ticket-resolved': 'Résolu',
  'priority-changed': 'Priorité modifiée',
  'priority-change-requested': 'Priorité demandée par le client',
  'note-added': 'Note interne',
  'desk-on-duty-changed': 'Transféré (follow the sun)',
  'sla-warning': 'Alerte SLA',
  'sla-breached': 'SLA dépassé',
};

const state = {
  config: null,
  token: sessionStorage.getItem(TOKEN_KEY),
  me: null,
  desks: [],
  desksFetchedAt: 0,
  desksServerAt: 0,
  queue: null,
  queueFetchedAt: 0,
  cursor: null,
  view: 'queue',
  ticket: null,
  ticketFetchedAt: 0,
};

const $ = (id) => document.getElementById(id);

/** Builds an element; children are nodes or strings (always text, never parsed as HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function')
      node.addEventListener(name.slice(2), value);
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function flash(message, kind = 'error') {
  const node = $('flash');
  node.textContent = message;
  node.className = kind === 'error' ? 'flash' : 'flash info';
  node.hidden = false;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => {
    node.hidden = true;
  }, 6000);
}

class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.hint = body?.error?.hint;
  }
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json' };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const body = await response.json().catch(() => null);
  if (response.status === 401 && !path.startsWith('/api/dev-login')) {
    signOut();
    throw new ApiError(401, body);
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function explain(error) {
  if (!(error instanceof ApiError)) return `Erreur : ${error.message}`;
  const prefix =
    error.status === 409 ? 'Conflit' : error.status === 400 ? 'Requête refusée' : `Erreur ${error.status}`;
  return `${prefix} : ${error.message}${error.hint ? ` (${error.hint})` : ''}`;
}

// ---------- time ----------

function formatDuration(ms) {
  const negative = ms < 0;
  let minutes = Math.floor(Math.abs(ms) / 60000);
  const seconds = Math.floor((Math.abs(ms) % 60000) / 1000);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  let text;
  if (days > 0) text = `${days} j ${hours} h`;
  else if (hours > 0) text = `${hours} h ${String(minutes).padStart(2, '0')}`;
  else text = `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return negative ? `dépassé de ${text}` : text;
}

function formatOpenMinutes(minutes) {
  if (minutes === null || minutes === undefined) return '';
  const m = Math.round(minutes);
  if (m >= 60) return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} ouvrées`;
  return `${m} min ouvrées`;
}

function deskZone(deskId) {
  return state.desks.find((d) => d.deskId === deskId)?.timeZone ?? 'UTC';
}

function formatAt(iso, deskId) {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: deskZone(deskId),
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Live countdown: the remaining time the API gave, minus what has elapsed since it answered. */
function countdownText(clock, fetchedAt) {
  if (clock.state === 'met') return 'respectée';
  if (clock.state === 'paused') return `en pause (${formatOpenMinutes(clock.remainingOpenMinutes)})`;
  if (clock.remainingMs === null) return clock.state === 'breached' ? 'dépassée' : '';
  return formatDuration(clock.remainingMs - (Date.now() - fetchedAt));
}

// ---------- sign in ----------

function signOut() {
  state.token = null;
  state.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
  show('login');
}

function setToken(token) {
  state.token = token;
  sessionStorage.setItem(TOKEN_KEY, token);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function randomString(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Cognito hosted UI, authorization code with PKCE: no client secret in the page. */
async function cognitoSignIn(auth) {
  const verifier = randomString(48);
  const stateParam = randomString(16);
  sessionStorage.setItem('exodata.pkce', JSON.stringify({ verifier, state: stateParam }));
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

async function cognitoCallback(auth) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return;
  history.replaceState(null, '', '/');
  const saved = JSON.parse(sessionStorage.getItem('exodata.pkce') ?? 'null');
  sessionStorage.removeItem('exodata.pkce');
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
  const tokens = await response.json();
  setToken(tokens.access_token);
}

function showLogin() {
  const auth = state.config.auth;
  $('dev-login').hidden = auth.mode !== 'dev';
  $('cognito-login').hidden = auth.mode !== 'cognito';
  const select = $('login-desk');
  select.replaceChildren(...state.config.desks.map((d) => el('option', { value: d.id }, d.name)));
}

// ---------- views ----------

function show(view) {
  state.view = view;
  $('login').hidden = view !== 'login';
  $('queue-view').hidden = view !== 'queue';
  $('ticket-view').hidden = view !== 'ticket';
  $('suspended-view').hidden = view !== 'suspended';
  $('whoami').hidden = view === 'login';
  if (view === 'login') showLogin();
}

async function loadDesks() {
  const overview = await api('/api/desks');
  state.desks = overview.desks;
  state.desksFetchedAt = Date.now();
  state.desksServerAt = Date.parse(overview.at);
  renderDesks();
}

function renderDesks() {
  const now = new Date(state.desksServerAt + (Date.now() - state.desksFetchedAt));
  $('desks').replaceChildren(
    ...state.desks.map((d) => {
      const time = new Intl.DateTimeFormat('fr-FR', {
        timeZone: d.timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(now);
      return el(
        'li',
        {
          class: [d.staffed ? 'staffed' : 'closed', d.onDuty ? 'on-duty' : ''].join(' ').trim(),
          'data-desk': d.deskId,
          title: d.zoneLabelFr,
        },
        `${d.displayName.replace(/^Service Desk Exodata – /, '')} `,
        el('span', { class: 'time' }, time),
        d.onDuty
          ? el('span', { class: 'badge' }, 'de garde')
          : d.staffed
            ? ''
            : el('span', { class: 'badge' }, 'fermé'),
      );
    }),
  );
}

function filters() {
  const form = new FormData($('filters'));
  const query = new URLSearchParams();
  for (const name of ['desk', 'status', 'priority', 'assignee']) {
    const value = form.get(name);
    if (value) query.set(name, String(value));
  }
  return query;
}

async function loadQueue() {
  const query = filters();
  if (state.cursor) query.set('cursor', state.cursor);
  const page = await api(`/api/tickets?${query}`);
  state.queue = page;
  state.queueFetchedAt = Date.now();
  renderQueue();
}

function renderQueue() {
  const page = state.queue;
  if (!page) return;
  $('queue-desk').textContent =
    page.desk === 'all'
      ? '— tous les centres'
      : `— ${state.desks.find((d) => d.deskId === page.desk)?.displayName ?? page.desk}`;
  if ($('filter-desk').value === '' && page.desk) $('filter-desk').value = page.desk;
  $('queue-body').replaceChildren(...page.items.map(queueRow));
  $('queue-empty').hidden = page.items.length > 0;
  $('queue-total').textContent = `${page.total} ticket(s)${page.truncated ? ' — liste tronquée' : ''}`;
  $('queue-next').hidden = !page.nextCursor;
  $('queue-first').hidden = !state.cursor;
}

function queueRow(item) {
  const mine = item.assignee?.agentId === state.me?.agent.id;
  return el(
    'tr',
    { class: `risk-${item.sla.risk}`, 'data-ref': item.reference, 'data-risk': item.sla.risk },
    el('td', {}, el('a', { href: `#/tickets/${item.reference}`, class: 'ref-link' }, item.reference)),
    el('td', {}, el('span', { class: `badge ${item.priority}` }, item.priority)),
    el(
      'td',
      {},
      item.subject || '(sans objet)',
      item.clientAnswered ? el('span', { class: 'badge' }, 'réponse du client') : '',
      item.flags.unverifiedSender ? el('span', { class: 'badge' }, 'expéditeur non vérifié') : '',
      item.flags.priorityChangeRequested ? el('span', { class: 'badge' }, 'priorité demandée') : '',
      // Issue 11: the triage left the level open and asked the client.
      item.priorityToConfirm ? el('span', { class: 'badge' }, 'priorité à confirmer') : '',
    ),
    el('td', {}, item.client ?? item.requester ?? '—', el('div', { class: 'small' }, item.contract)),
    el(
      'td',
      {},
      STATUS_LABEL[item.status] ?? item.status,
      el('div', { class: 'small' }, RISK_LABEL[item.sla.risk] ?? ''),
    ),
    countdownCell(item.sla.gti, item.deskOnDuty.deskId, 'gti'),
    countdownCell(item.sla.gtr, item.deskOnDuty.deskId, 'gtr'),
    el('td', {}, item.assignee ? item.assignee.name : '—'),
    el(
      'td',
      {},
      item.assignee
        ? ''
        : el(
            'button',
            {
              type: 'button',
              'data-action': 'claim',
              onclick: (event) => claimFromQueue(event, item.reference),
            },
            'Prendre',
          ),
      mine ? el('span', { class: 'small' }, 'à moi') : '',
    ),
  );
}

function countdownCell(clock, deskId, name) {
  return el(
    'td',
    { class: 'countdown', 'data-clock': name, title: `échéance ${formatAt(clock.dueAt, deskId)}` },
    el('span', { class: 'live', 'data-state': clock.state }, countdownText(clock, state.queueFetchedAt)),
    el('div', { class: 'small' }, formatAt(clock.dueAt, deskId)),
  );
}

async function claimFromQueue(event, reference) {
  event.target.disabled = true;
  try {
    await api(`/api/tickets/${reference}/claim`, { method: 'POST', body: {} });
    flash(`${reference} est à vous.`, 'info');
  } catch (error) {
    flash(explain(error));
  }
  await loadQueue().catch((error) => flash(explain(error)));
}

function tick() {
  if (state.desks.length > 0) renderDesks();
  if (state.view === 'queue' && state.queue) {
    for (const row of $('queue-body').children) {
      const item = state.queue.items.find((i) => i.reference === row.dataset.ref);
      if (!item) continue;
      for (const cell of row.querySelectorAll('td.countdown')) {
        const clock = item.sla[cell.dataset.clock];
        cell.querySelector('.live').textContent = countdownText(clock, state.queueFetchedAt);
      }
    }
  }
  if (state.view === 'ticket' && state.ticket) {
    for (const name of ['gti', 'gtr']) {
      const node = document.querySelector(`.sla [data-clock="${name}"] .live`);
      if (node) node.textContent = countdownText(state.ticket.sla[name], state.ticketFetchedAt);
    }
  }
}

// ---------- ticket ----------

async function openTicket(reference) {
  show('ticket');
  const details = await api(`/api/tickets/${reference}`);
  state.ticket = details;
  state.ticketFetchedAt = Date.now();
  renderTicket();
}

function renderTicket() {
  const { ticket, sla, messages, events } = state.ticket;
  const work = ticket.work ?? {};
  const deskId = ticket.deskOnDuty.deskId;
  const fact = (label, value) => el('div', {}, el('dt', {}, label), el('dd', {}, value ?? '—'));
  const clockBox = (name, label, clock) =>
    el(
      'div',
      { class: `risk-${clock.risk ?? 'none'} state-${clock.state}`, 'data-clock': name },
      el('strong', {}, `${label} `),
      el('span', { class: 'live' }, countdownText(clock, state.ticketFetchedAt)),
      el('div', { class: 'small' }, `échéance ${formatAt(clock.dueAt, deskId)}`),
    );
  $('ticket').replaceChildren(
    el(
      'div',
      { class: 'ticket-head', id: 'ticket-head', 'data-ref': ticket.reference, 'data-status': ticket.status },
      el('h2', {}, `${ticket.reference} — ${ticket.subject || '(sans objet)'}`),
      el(
        'div',
        { class: 'sla' },
        clockBox('gti', 'GTI', sla.gti),
        clockBox('gtr', 'GTR', sla.gtr),
        el('div', {}, el('strong', {}, 'Risque '), RISK_LABEL[sla.risk] ?? sla.risk),
      ),
      el(
        'dl',
        { class: 'facts' },
        fact('Statut', STATUS_LABEL[ticket.status] ?? ticket.status),
        fact(
          'Priorité',
          `${ticket.priority.level} (${ticket.priority.source})${
            ticket.priority.confidence === 'low' && ticket.priority.source !== 'agent' ? ' — à confirmer' : ''
          }`,
        ),
        fact('Client', `${ticket.client.name ?? 'client inconnu'} — ${ticket.contract}`),
        fact('Demandeur', ticket.requester ? `${ticket.requester.name} <${ticket.requester.address}>` : null),
        fact(
          'Centre',
          `${ticket.desk}${ticket.deskOnDuty.deskId !== ticket.desk ? ` → ${ticket.deskOnDuty.deskId}` : ''}`,
        ),
        fact('Reçu', formatAt(ticket.receivedAt, deskId)),
        fact('Assigné', work.assignee?.name),
        fact(
          'Premier contact',
          work.firstContact
            ? `${formatAt(work.firstContact.at, deskId)} (${work.firstContact.channel}) — GTI ${work.firstContact.gtiMet ? 'respectée' : 'dépassée'}`
            : null,
        ),
      ),
      actionsBar(ticket, work),
    ),
    el('section', { class: 'conversation', 'aria-label': 'Conversation' }, ...messages.map(messageCard)),
    el(
      'section',
      { class: 'audit' },
      el('h3', {}, 'Historique'),
      el(
        'ol',
        { id: 'audit' },
        ...events.map((e) =>
          el(
            'li',
            { 'data-type': e.type },
            `${formatAt(e.at, deskId)} — ${EVENT_LABEL[e.type] ?? e.type} — ${e.actor}`,
            describeDetail(e),
          ),
        ),
      ),
    ),
  );
}

function describeDetail(event) {
  const d = event.detail ?? {};
  const text = d.text ?? d.reason ?? d.summary ?? (d.to && d.from ? `${d.from} → ${d.to}` : null);
  return text ? el('div', { class: 'small' }, String(text)) : '';
}

function actionsBar(ticket, work) {
  const open = ['nouveau', 'en cours', 'en attente client'].includes(ticket.status);
  const mine = work.assignee?.agentId === state.me?.agent.id;
  const act = (action, label, fields = [], extra = {}) => {
    const form = el(
      'form',
      {
        'data-action': action,
        onsubmit: async (event) => {
          event.preventDefault();
          const data = Object.fromEntries(new FormData(event.target));
          for (const [k, v] of Object.entries(data)) if (v === '') delete data[k];
          await runAction(ticket.reference, action, data);
        },
      },
      ...fields,
      el('button', { type: 'submit', class: extra.secondary ? 'secondary' : '' }, label),
    );
    return form;
  };
  const input = (name, placeholder, required = true) =>
    el('input', { name, placeholder, required, maxlength: 2000 });
  const buttons = [];
  if (open && !work.assignee) buttons.push(act('claim', 'Prendre'));
  if (open && mine) buttons.push(act('release', 'Libérer', [], { secondary: true }));
  if (open && !work.firstContact)
    buttons.push(
      act('first-contact', 'Premier contact', [
        el(
          'select',
          { name: 'channel' },
          el('option', { value: 'phone' }, 'téléphone'),
          el('option', { value: 'email' }, 'e-mail'),
          el('option', { value: 'other' }, 'autre'),
        ),
      ]),
    );
  if (open && ticket.status !== 'en attente client' && work.firstContact)
    buttons.push(
      act('wait', 'Attente client', [input('reason', 'question posée', false)], { secondary: true }),
    );
  if (ticket.status === 'en attente client') buttons.push(act('resume', 'Reprendre'));
  if (open) buttons.push(act('resolve', 'Résoudre', [input('summary', 'solution apportée')]));
  if (ticket.status === 'résolu') buttons.push(act('reopen', 'Rouvrir', [input('reason', 'motif')]));
  if (open)
    buttons.push(
      act(
        'priority',
        'Changer la priorité',
        [
          el(
            'select',
            { name: 'level' },
            ...['critique', 'haute', 'moyenne', 'normale'].map((l) =>
              el('option', { value: l, selected: l === ticket.priority.level }, l),
            ),
          ),
          input('reason', 'motif'),
        ],
        { secondary: true },
      ),
    );
  buttons.push(act('notes', 'Ajouter une note', [input('text', 'note interne')], { secondary: true }));
  return el('div', { class: 'actions' }, ...buttons);
}

async function runAction(reference, action, data) {
  try {
    await api(`/api/tickets/${reference}/${action}`, { method: 'POST', body: data });
    flash('Enregistré.', 'info');
  } catch (error) {
    flash(explain(error));
  }
  await openTicket(reference).catch((error) => flash(explain(error)));
}

/** The sandboxed document of a message: its own CSP on top of the page's (which it inherits). */
function mailDocument(html) {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:">',
    '</head><body>',
    html,
    '</body></html>',
  ].join('');
}

function messageCard(message) {
  const from = message.from
    ? `${message.from.name || message.from.address} <${message.from.address}>`
    : 'expéditeur inconnu';
  const card = el(
    'article',
    { class: 'message', 'data-message': message.id },
    el(
      'header',
      {},
      el('span', {}, from),
      el(
        'span',
        {},
        `${formatAt(message.receivedAt, state.ticket.ticket.deskOnDuty.deskId)} · ${message.kind}`,
      ),
    ),
    message.automated
      ? el('div', { class: 'small' }, `message automatique (${message.automated.class})`)
      : '',
    el('pre', { class: 'new-text' }, message.newText || '(pas de texte nouveau)'),
    message.history
      ? el('details', {}, el('summary', {}, 'Historique cité'), el('pre', {}, message.history))
      : '',
  );
  if (message.html) {
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
        { class: 'attachments' },
        ...message.attachments.map((a) =>
          el(
            'li',
            {},
            el(
              'button',
              {
                type: 'button',
                class: 'secondary',
                disabled: !a.downloadable,
                onclick: () => download(message.id, a),
              },
              `📎 ${a.filename} (${Math.ceil(a.size / 1024)} Ko)`,
            ),
          ),
        ),
      ),
    );
  }
  if (message.attachmentsSkipped)
    card.append(el('p', { class: 'small' }, 'Pièces jointes trop volumineuses : voir le message brut.'));
  return card;
}

async function download(messageId, attachment) {
  try {
    const reference = state.ticket.ticket.reference;
    const link = await api(
      `/api/tickets/${reference}/messages/${encodeURIComponent(messageId)}/attachments/${attachment.sha256}`,
    );
    location.assign(link.url);
  } catch (error) {
    flash(explain(error));
  }
}

// ---------- suspended ----------

async function openSuspended() {
  show('suspended');
  const desk = $('filter-desk').value && $('filter-desk').value !== 'all' ? $('filter-desk').value : '';
  const list = await api(`/api/suspended${desk ? `?desk=${encodeURIComponent(desk)}` : ''}`);
  $('suspended-desk').textContent = `— ${list.desk}`;
  $('suspended-list').replaceChildren(
    ...list.items.map((s) =>
      el(
        'li',
        { 'data-suspended': s.id },
        el('strong', {}, s.subject || '(sans objet)'),
        ` — ${s.from?.address ?? 'expéditeur inconnu'} — ${s.reason}`,
        el('div', { class: 'small' }, s.excerpt),
        el(
          'button',
          {
            type: 'button',
            onclick: async () => {
              try {
                const created = await api(`/api/suspended/${encodeURIComponent(s.id)}/convert`, {
                  method: 'POST',
                  body: {},
                });
                location.hash = `#/tickets/${created.reference}`;
              } catch (error) {
                flash(explain(error));
              }
            },
          },
          'Créer un ticket',
        ),
      ),
    ),
  );
  if (list.items.length === 0) $('suspended-list').append(el('li', {}, 'Aucun message suspendu.'));
}

// ---------- routing ----------

async function route() {
  if (!state.token) {
    show('login');
    return;
  }
  try {
    if (!state.me) {
      state.me = await api('/api/me');
      $('agent-name').textContent = `${state.me.agent.name} (${state.me.agent.desks.join(', ')})`;
    }
    if (state.desks.length === 0) await loadDesks();
    const match = /^#\/tickets\/(EXO-\d{4}-\d{6})$/.exec(location.hash);
    if (match) await openTicket(match[1]);
    else if (location.hash === '#/suspended') await openSuspended();
    else {
      show('queue');
      await loadQueue();
    }
  } catch (error) {
    flash(explain(error));
  }
}

function fillDeskFilter() {
  $('filter-desk').replaceChildren(
    el('option', { value: '' }, 'Centre de garde'),
    el('option', { value: 'all' }, 'Tous'),
    ...state.config.desks.map((d) => el('option', { value: d.id }, d.name)),
  );
}

async function start() {
  state.config = await (await fetch('/api/config')).json();
  fillDeskFilter();
  if (state.config.auth.mode === 'cognito') await cognitoCallback(state.config.auth);
  $('dev-login').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const session = await api('/api/dev-login', {
        method: 'POST',
        body: { agent: form.get('agent'), desk: form.get('desk') },
      });
      setToken(session.token);
      await route();
    } catch (error) {
      flash(explain(error));
    }
  });
  $('cognito-button').addEventListener('click', () => cognitoSignIn(state.config.auth));
  $('logout').addEventListener('click', signOut);
  $('filters').addEventListener('change', () => {
    state.cursor = null;
    loadQueue().catch((error) => flash(explain(error)));
  });
  $('queue-next').addEventListener('click', () => {
    state.cursor = state.queue?.nextCursor ?? null;
    loadQueue().catch((error) => flash(explain(error)));
  });
  $('queue-first').addEventListener('click', () => {
    state.cursor = null;
    loadQueue().catch((error) => flash(explain(error)));
  });
  $('show-suspended').addEventListener('click', () => {
    location.hash = '#/suspended';
  });
  for (const back of document.querySelectorAll('.back')) {
    back.addEventListener('click', () => {
      location.hash = '#/';
    });
  }
  window.addEventListener('hashchange', route);
  setInterval(tick, 1000);
  // Fresh data every 30 s (deadlines move when agents act); desks' staffed state every minute.
  setInterval(() => {
    if (state.view === 'queue' && state.token) loadQueue().catch(() => {});
  }, 30_000);
  setInterval(() => {
    if (state.token) loadDesks().catch(() => {});
  }, 60_000);
  await route();
}

start().catch((error) => flash(explain(error)));
