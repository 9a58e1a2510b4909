import type { ClockView, QueueItem } from '../../../api-schemas';
import { explain } from '../../common/api-client';
import { byId, el, screenReaderOnly } from '../../common/dom';
import { flash } from '../../common/flash';
import { countdownText, formatAt } from '../../common/format';
import { deskShortName, LABELS } from '../../common/labels';
import { api } from '../api';
import { deskZone, state } from '../state';

/**
 * The queue: a table on a wide screen, one card per ticket on a phone (styles.css turns the rows into
 * cards; each cell carries its column's name in `data-label` for that layout).
 */
const FILTERS = ['desk', 'status', 'priority', 'assignee'] as const;

/** The filter selects, filled from the labels table (so a new status is offered without touching the page). */
export function fillFilters(desks: ReadonlyArray<{ id: string; name: string }>): void {
  byId('filter-desk').replaceChildren(
    el('option', { value: '' }, 'Centre de garde'),
    el('option', { value: 'all' }, 'Tous'),
    ...desks.map((d) => el('option', { value: d.id }, deskShortName(d.name))),
  );
  byId('filter-status').replaceChildren(
    el('option', { value: '' }, 'Ouverts'),
    ...Object.entries(LABELS.status).map(([value, label]) => el('option', { value }, label)),
  );
  byId('filter-priority').replaceChildren(
    el('option', { value: '' }, 'Toutes'),
    ...Object.entries(LABELS.priority).map(([value, label]) => el('option', { value }, label)),
  );
  byId('filter-assignee').replaceChildren(
    ...Object.entries(LABELS.assigneeFilter).map(([value, label]) => el('option', { value }, label)),
  );
}

function filters(): URLSearchParams {
  const form = new FormData(byId('filters', HTMLFormElement));
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.get(name);
    if (typeof value === 'string' && value !== '') query.set(name, value);
  }
  return query;
}

export async function loadQueue(): Promise<void> {
  const query = filters();
  if (state.cursor) query.set('cursor', state.cursor);
  state.queue = await api.queue(query);
  state.queueFetchedAt = Date.now();
  renderQueue();
}

export function renderQueue(): void {
  const page = state.queue;
  if (!page) return;
  const deskName = state.desks.find((d) => d.deskId === page.desk)?.displayName;
  byId('queue-desk').textContent =
    page.desk === 'all' ? '— tous les centres' : `— ${deskName ? deskShortName(deskName) : page.desk}`;
  const deskFilter = byId('filter-desk', HTMLSelectElement);
  if (deskFilter.value === '' && page.desk) deskFilter.value = page.desk;
  byId('queue-body').replaceChildren(...page.items.map(queueRow));
  byId('queue-empty').hidden = page.items.length > 0;
  byId('queue-total').textContent = `${page.total} ticket(s)${page.truncated ? ' — liste tronquée' : ''}`;
  byId('queue-next').hidden = !page.nextCursor;
  byId('queue-first').hidden = !state.cursor;
}

function queueRow(item: QueueItem): HTMLTableRowElement {
  const mine = item.assignee?.agentId === state.me?.agent.id;
  const cell = (label: string, ...children: Array<Node | string | null>) =>
    el('td', { 'data-label': label }, ...children);
  return el(
    'tr',
    { class: `risk-${item.sla.risk}`, 'data-ref': item.reference, 'data-risk': item.sla.risk },
    cell('Réf.', el('a', { href: `#/tickets/${item.reference}`, class: 'ref-link' }, item.reference)),
    cell('Priorité', el('span', { class: `badge ${item.priority}` }, LABELS.priority[item.priority])),
    cell(
      'Sujet',
      el('span', { class: 'subject' }, item.subject || '(sans objet)'),
      item.clientAnswered ? el('span', { class: 'badge' }, 'réponse du client') : null,
      item.flags.unverifiedSender ? el('span', { class: 'badge warn' }, 'expéditeur non vérifié') : null,
      item.flags.priorityChangeRequested ? el('span', { class: 'badge' }, 'priorité demandée') : null,
      // The triage left the level open and asked the client (issue 11).
      item.priorityToConfirm ? el('span', { class: 'badge' }, 'priorité à confirmer') : null,
    ),
    cell(
      'Client',
      item.client ?? item.requester ?? '—',
      el('div', { class: 'small' }, item.contract === 'premium' ? 'contrat premium' : 'contrat standard'),
    ),
    cell('Statut', LABELS.status[item.status], el('div', { class: 'small' }, LABELS.risk[item.sla.risk])),
    countdownCell('GTI', item.sla.gti, item.deskOnDuty.deskId, 'gti'),
    countdownCell('GTR', item.sla.gtr, item.deskOnDuty.deskId, 'gtr'),
    cell('Assigné', item.assignee ? item.assignee.name : '—'),
    el(
      'td',
      { class: 'row-action' },
      item.assignee ? null : claimButton(item.reference),
      mine ? el('span', { class: 'small' }, 'à moi') : null,
    ),
  );
}

function claimButton(reference: string): HTMLButtonElement {
  const node = el(
    'button',
    { type: 'button', 'data-action': 'claim' },
    'Prendre',
    screenReaderOnly(` ${reference}`),
  );
  node.addEventListener('click', () => void claim(node, reference));
  return node;
}

function countdownCell(label: string, clock: ClockView, deskId: string, name: 'gti' | 'gtr') {
  return el(
    'td',
    { class: 'countdown', 'data-clock': name, 'data-label': label },
    el(
      'span',
      { class: 'live', 'data-state': clock.state },
      countdownText(clock, Date.now() - state.queueFetchedAt),
    ),
    el('div', { class: 'small' }, `échéance ${formatAt(clock.dueAt, deskZone(deskId))}`),
  );
}

async function claim(node: HTMLButtonElement, reference: string): Promise<void> {
  node.disabled = true;
  try {
    await api.act(reference, 'claim', {});
    flash(`${reference} est à vous.`, 'info');
  } catch (error) {
    flash(explain(error));
  }
  await loadQueue().catch((error: unknown) => flash(explain(error)));
}

/** Every second: the countdowns move without a request. */
export function tickQueue(): void {
  const page = state.queue;
  if (!page) return;
  const elapsed = Date.now() - state.queueFetchedAt;
  for (const row of byId('queue-body').querySelectorAll<HTMLTableRowElement>('tr[data-ref]')) {
    const item = page.items.find((i) => i.reference === row.dataset.ref);
    if (!item) continue;
    for (const cell of row.querySelectorAll<HTMLElement>('td.countdown')) {
      const live = cell.querySelector('.live');
      const clock = cell.dataset.clock === 'gtr' ? item.sla.gtr : item.sla.gti;
      if (live) live.textContent = countdownText(clock, elapsed);
    }
  }
}

export function wireQueue(): void {
  const reload = () => loadQueue().catch((error: unknown) => flash(explain(error)));
  byId('filters').addEventListener('change', () => {
    state.cursor = null;
    void reload();
  });
  byId('queue-next').addEventListener('click', () => {
    state.cursor = state.queue?.nextCursor ?? null;
    void reload();
  });
  byId('queue-first').addEventListener('click', () => {
    state.cursor = null;
    void reload();
  });
}
