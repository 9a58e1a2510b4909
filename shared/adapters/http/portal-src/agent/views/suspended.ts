import type { SuspendedItem } from '../../../api-schemas';
import { explain } from '../../common/api-client';
import { byId, el, screenReaderOnly } from '../../common/dom';
import { flash } from '../../common/flash';
import { formatAt } from '../../common/format';
import { deskShortName, suspendedReasonLabel } from '../../common/labels';
import { api } from '../api';
import { deskZone, state } from '../state';

/**
 * Messages the intake kept aside at a desk (automated mail, spam verdict), newest first, a page at a
 * time ("Charger plus" asks for the next, older page): an agent may make a ticket of one.
 */
export async function openSuspended(): Promise<void> {
  const chosen = byId('filter-desk', HTMLSelectElement).value;
  const deskFilter = chosen && chosen !== 'all' ? chosen : null;
  const list = await api.suspended(deskFilter);
  const desk = state.desks.find((d) => d.deskId === list.desk);
  byId('suspended-desk').textContent = `— ${desk ? deskShortName(desk.displayName) : list.desk}`;
  const items = list.items.map((s) => suspendedItem(s, deskZone(list.desk)));
  byId('suspended-list').replaceChildren(
    ...(items.length > 0 ? items : [el('li', {}, 'Aucun message suspendu.')]),
  );
  showMore(list.desk, list.nextCursor);
}

function showMore(desk: string, cursor: string | null): void {
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
      const page = await api.suspended(desk, cursor);
      byId('suspended-list').append(...page.items.map((s) => suspendedItem(s, deskZone(desk))));
      showMore(desk, page.nextCursor);
    } catch (error) {
      more.disabled = false;
      flash(explain(error));
    }
  });
}

function suspendedItem(s: SuspendedItem, zone: string): HTMLLIElement {
  const convert = el('button', { type: 'button' }, 'Créer un ticket', screenReaderOnly(` : ${s.subject}`));
  convert.addEventListener('click', async () => {
    convert.disabled = true;
    try {
      const created = await api.convert(s.id);
      location.hash = `#/tickets/${created.reference}`;
    } catch (error) {
      convert.disabled = false;
      flash(explain(error));
    }
  });
  return el(
    'li',
    { 'data-suspended': s.id },
    el('strong', {}, s.subject || '(sans objet)'),
    el(
      'div',
      { class: 'small' },
      `${s.from?.address ?? 'expéditeur inconnu'} — ${formatAt(s.receivedAt, zone)} — ${suspendedReasonLabel(s)}`,
    ),
    el('p', { class: 'excerpt' }, s.excerpt),
    convert,
  );
}
