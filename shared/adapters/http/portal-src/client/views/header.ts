import { byId, el } from '../../common/dom';
import { flash } from '../../common/flash';
import { clientApi, explain } from '../api';
import type { ClientLabels } from '../labels';

/** The top bar in the page's language: the brand, "Mes demandes", and "Se déconnecter" when signed in. */
export function renderHeader(labels: ClientLabels, signedIn: boolean): void {
  const t = labels.text;
  byId('brand').textContent = t.brand;
  const nav = byId('nav');
  nav.setAttribute('aria-label', t.brand);
  const signOut = el('button', { type: 'button', id: 'sign-out', class: 'link' }, t.signOut);
  signOut.addEventListener('click', async () => {
    try {
      await clientApi.signOut();
      location.assign('/mes-demandes');
    } catch (error) {
      flash(explain(error, labels));
    }
  });
  nav.replaceChildren(
    el('a', { href: '/mes-demandes', class: 'nav-link', id: 'nav-requests' }, t.myRequests),
    ...(signedIn ? [signOut] : []),
  );
}
