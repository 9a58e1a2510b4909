import type { SuspendedClass } from '../../../../../domain/mail/suspension';
import type { SuspendedItem, SuspendedListResponse } from '../../../api-schemas';
import { ApiError, explain } from '../../common/api-client';
import { byId, el, screenReaderOnly } from '../../common/dom';
import { flash } from '../../common/flash';
import { formatAt } from '../../common/format';
import { deskShortName, LABELS, suspendedCount, suspendedReasonLabel } from '../../common/labels';
import { api } from '../api';
import { deskZone, state } from '../state';

/**
 * Messages the intake kept aside at a desk (automated mail, spam verdict, unverified senders' held
 * follow-ups), newest first, a page at a time ("Charger plus" asks for the next, older page of the
 * same filter), with how many wait. An agent may make a ticket of one or dismiss it ("Ignorer"); a
 * held follow-up is decided on its ticket.
 */
export async function openSuspended(): Promise<void> {
  const chosen = byId('filter-desk', HTMLSelectElement).value;
  const deskFilter = chosen && chosen !== 'all' ? chosen : null;
  const classes = classSelect();
  const mine = ++shown;
  const list = await api.suspended(deskFilter, selectedClass(classes));
  // A filter changed while this page loaded: the later request's answer is the one to show.
  if (mine !== shown) return;
  const desk = state.desks.find((d) => d.deskId === list.desk);
  byId('suspended-desk').textContent = `— ${desk ? deskShortName(desk.displayName) : list.desk}`;
  showTotal(list);
  const items = list.items.map((s) => suspendedItem(s, deskZone(list.desk)));
  byId('suspended-list').replaceChildren(...(items.length > 0 ? items : [emptyItem()]));
  showMore(list.desk, list.class, list.nextCursor);
}

/** Which openSuspended call the page shows (the latest one asked). */
let shown = 0;

/** The class filter, filled once from the labels table (typed against the domain's classes). */
function classSelect(): HTMLSelectElement {
  const select = byId('suspended-class', HTMLSelectElement);
  if (select.options.length === 0) {
    select.append(
      el('option', { value: '' }, 'Tous'),
      ...Object.entries(LABELS.suspendedClass).map(([value, label]) => el('option', { value }, label)),
    );
    select.addEventListener(
      'change',
      () => void openSuspended().catch((error: unknown) => flash(explain(error))),
    );
  }
  return select;
}

function selectedClass(select: HTMLSelectElement): SuspendedClass | null {
  const value = select.value;
  return value !== '' && value in LABELS.suspendedClass ? (value as SuspendedClass) : null;
}

/** "12 messages suspendus", and when filtered "… dont 3 « envoi en nombre »". */
function showTotal(list: Pick<SuspendedListResponse, 'total' | 'class' | 'classTotal'>): void {
  const node = byId('suspended-total');
  node.textContent =
    list.class !== null && list.classTotal !== null
      ? `${suspendedCount(list.total)}, dont ${list.classTotal} « ${LABELS.suspendedClass[list.class]} »`
      : suspendedCount(list.total);
}

function emptyItem(): HTMLLIElement {
  return el('li', {}, 'Aucun message suspendu.');
}

function showMore(desk: string, suspendedClass: SuspendedClass | null, cursor: string | null): void {
  const old = byId('suspended-more', HTMLButtonElement);
  // A fresh button each time: the previous page's listener must not fetch with a stale cursor.
  const more = old.cloneNode(true) as HTMLButtonElement;
  old.replaceWith(more);
  more.hidden = cursor === null;
  more.disabled = false;
  if (cursor === null) return;
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await api.suspended(desk, suspendedClass, cursor);
      showTotal(page);
      byId('suspended-list').append(...page.items.map((s) => suspendedItem(s, deskZone(desk))));
      showMore(desk, suspendedClass, page.nextCursor);
    } catch (error) {
      more.disabled = false;
      flash(explain(error));
    }
  });
}

function suspendedItem(s: SuspendedItem, zone: string): HTMLLIElement {
  const item = el(
    'li',
    { 'data-suspended': s.id, 'data-class': s.suspendedClass },
    el('strong', {}, s.subject || '(sans objet)'),
    el(
      'div',
      { class: 'small' },
      `${s.from?.address ?? 'expéditeur inconnu'} — ${formatAt(s.receivedAt, zone)} — ${suspendedReasonLabel(s)}`,
    ),
    el('p', { class: 'excerpt' }, s.excerpt),
  );
  if (s.heldFor) {
    // Held for a ticket: accepted or rejected there, where the agent sees the conversation.
    item.append(
      el('a', { href: `#/tickets/${s.heldFor}`, class: 'nav-link' }, `Décider sur le ticket ${s.heldFor}`),
    );
    return item;
  }
  const convert = el('button', { type: 'button' }, 'Créer un ticket', screenReaderOnly(` : ${s.subject}`));
  const dismiss = el(
    'button',
    { type: 'button', class: 'secondary', 'data-dismiss': s.id },
    'Ignorer',
    screenReaderOnly(` : ${s.subject}`),
  );
  const busy = (on: boolean) => {
    convert.disabled = on;
    dismiss.disabled = on;
  };
  convert.addEventListener('click', async () => {
    busy(true);
    try {
      const created = await api.convert(s.id);
      location.hash = `#/tickets/${created.reference}`;
    } catch (error) {
      busy(false);
      flash(handledElsewhere(error) ?? explain(error));
    }
  });
  dismiss.addEventListener('click', async () => {
    if (!confirm(`Ignorer le message « ${s.subject || '(sans objet)'} » ? Il quitte la liste pour de bon.`))
      return;
    busy(true);
    try {
      const done = await api.dismiss(s.id);
      item.remove();
      flash(`Message ignoré (${done.dismissedBy}).`, 'info');
      await openSuspended();
    } catch (error) {
      busy(false);
      const elsewhere = handledElsewhere(error);
      flash(elsewhere ?? explain(error));
      if (elsewhere) void openSuspended().catch(() => {});
    }
  });
  item.append(el('div', { class: 'suspended-actions' }, convert, dismiss));
  return item;
}

/** A 409 here: another agent dismissed the message or made a ticket of it first. */
function handledElsewhere(error: unknown): string | null {
  return error instanceof ApiError && error.status === 409
    ? 'Un autre agent a déjà traité ce message (ignoré ou transformé en ticket) : la liste est rechargée.'
    : null;
}
