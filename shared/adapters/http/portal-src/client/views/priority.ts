import { el } from '../../common/dom';
import { flash } from '../../common/flash';
import { clientApi, explain } from '../api';
import type { ClientTicketView } from '../api-types';
import { type ClientLabels, LEVELS_HIGH_FIRST } from '../labels';

/**
 * The four definitions of the brochure, always shown: as a radio group the client may use to declare
 * the priority (the `Priorité :` rule: never over an agent's choice, which the server enforces too),
 * or as a plain list once an agent fixed it.
 */
export function priorityForm(
  ticket: ClientTicketView,
  labels: ClientLabels,
  saved: (ticket: ClientTicketView) => void,
): HTMLElement {
  const t = labels.text;
  if (!ticket.can.declarePriority) {
    return el(
      'section',
      { class: 'card priorities', 'aria-labelledby': 'priority-title' },
      el('h2', { id: 'priority-title' }, t.priorityLabel),
      el(
        'dl',
        { class: 'definitions' },
        ...LEVELS_HIGH_FIRST.map((level) =>
          el('div', {}, el('dt', {}, labels.priority[level]), el('dd', {}, labels.definition[level])),
        ),
      ),
      ticket.priority.source === 'agent' ? el('p', { class: 'hint' }, t.priorityFixedByAgent) : null,
    );
  }
  const submit = el('button', { type: 'submit', class: 'wide' }, t.declare);
  const form = el(
    'form',
    { id: 'priority-form', class: 'card priorities', 'aria-labelledby': 'priority-title' },
    el('h2', { id: 'priority-title' }, t.priorityTitle),
    el(
      'fieldset',
      {},
      el('legend', {}, t.priorityHint),
      ...LEVELS_HIGH_FIRST.map((level) =>
        el(
          'label',
          { class: 'choice' },
          el('input', {
            type: 'radio',
            name: 'level',
            value: level,
            checked: level === ticket.priority.level,
          }),
          el('span', {}, el('strong', {}, labels.priority[level]), ` — ${labels.definition[level]}`),
        ),
      ),
    ),
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const level = LEVELS_HIGH_FIRST.find((l) => l === new FormData(form).get('level'));
    if (!level) return;
    submit.disabled = true;
    try {
      const answer = await clientApi.declarePriority(ticket.reference, level);
      flash(t.declared, 'info');
      saved(answer.ticket);
    } catch (error) {
      flash(explain(error, labels));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
