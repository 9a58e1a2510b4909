import { el } from '../../common/dom';
import { flash } from '../../common/flash';
import { ClientApiError, clientApi, explain } from '../api';
import type { ClientTicketView } from '../api-types';
import type { ClientLabels } from '../labels';

type Question = ClientTicketView['questions'][number];

/**
 * « Priorité à confirmer » (issue 11): the acknowledgement's questions the triage could not settle, each
 * answered by one click on « Oui » or « Non ». Every button of the card is disabled while an answer is
 * on its way (one answer may settle the other question too); the page redraws from the server's answer.
 * A question closed in the meantime (a second tab, a double tap that got through) is the server's 409:
 * its message is shown and the page asks for the ticket again. Null when nothing is to confirm.
 */
export function priorityQuestions(
  ticket: ClientTicketView,
  labels: ClientLabels,
  saved: (ticket: ClientTicketView) => void,
  stale: () => void,
): HTMLElement | null {
  if (!ticket.can.answerPriority || ticket.questions.length === 0) return null;
  const t = labels.text;
  const buttons: HTMLButtonElement[] = [];
  const send = async (question: Question, answer: boolean) => {
    if (buttons.some((b) => b.disabled)) return;
    for (const b of buttons) b.disabled = true;
    card.setAttribute('aria-busy', 'true');
    try {
      const { ticket: updated } = await clientApi.answerPriority(ticket.reference, question.fact, answer);
      const level = labels.priority[updated.priority.level];
      if (updated.priority.level !== ticket.priority.level) flash(t.priorityMoved(level), 'info');
      else if (updated.questions.length === 0) flash(t.priorityConfirmed(level), 'info');
      else flash(t.answerNoted, 'info');
      saved(updated);
    } catch (error) {
      flash(explain(error, labels));
      if (error instanceof ClientApiError && error.code === 'CONFLICT') return stale();
      for (const b of buttons) b.disabled = false;
      card.removeAttribute('aria-busy');
    }
  };
  const choice = (question: Question, answer: boolean) => {
    const word = answer ? t.yes : t.no;
    // Named by its visible word, then the question (WCAG 2.5.3): "Oui — Êtes-vous plusieurs… ?". Both
    // answers look alike: neither is the expected one.
    const button = el(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-answer': answer ? 'yes' : 'no',
        'aria-label': t.answerName(word, question.text),
      },
      word,
    );
    button.addEventListener('click', () => void send(question, answer));
    buttons.push(button);
    return button;
  };
  const card = el(
    'section',
    { id: 'priority-questions', class: 'card questions', 'aria-labelledby': 'questions-title' },
    el('h2', { id: 'questions-title' }, t.questionsTitle),
    el('p', { class: 'hint' }, t.questionsWhy),
    ...ticket.questions.map((question) =>
      el(
        'fieldset',
        { class: 'question', 'data-fact': question.fact },
        el('legend', {}, question.text),
        el('div', { class: 'yes-no' }, choice(question, true), choice(question, false)),
      ),
    ),
  );
  return card;
}
