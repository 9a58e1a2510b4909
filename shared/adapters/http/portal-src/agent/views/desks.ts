import { byId, el } from '../../common/dom';
import { formatClockTime } from '../../common/format';
import { deskShortName } from '../../common/labels';
import { api } from '../api';
import { state } from '../state';

/** The header's strip: each desk's local time, staffed or closed, and the desk on duty. */
export async function loadDesks(): Promise<void> {
  const overview = await api.desks();
  state.desks = overview.desks;
  state.desksFetchedAt = Date.now();
  state.desksServerAt = Date.parse(overview.at);
  renderDesks();
}

export function renderDesks(): void {
  const now = new Date(state.desksServerAt + (Date.now() - state.desksFetchedAt));
  byId('desks').replaceChildren(
    ...state.desks.map((d) =>
      el(
        'li',
        {
          class: [d.staffed ? 'staffed' : 'closed', d.onDuty ? 'on-duty' : ''].join(' ').trim(),
          'data-desk': d.deskId,
          title: d.zoneLabelFr,
        },
        `${deskShortName(d.displayName)} `,
        el('span', { class: 'time' }, formatClockTime(now, d.timeZone)),
        d.onDuty
          ? el('span', { class: 'badge' }, 'de garde')
          : d.staffed
            ? null
            : el('span', { class: 'badge' }, 'fermé'),
      ),
    ),
  );
}
