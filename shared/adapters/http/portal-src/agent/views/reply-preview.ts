import type { ReplyPreviewRequestBody, ReplyPreviewResponse } from '../../../api-schemas';
import { explain } from '../../common/api-client';
import { el } from '../../common/dom';
import { api } from '../api';

/**
 * "Aperçu": the mail as the client will receive it (subject, recipients, greeting, the agent's words,
 * signature, portal link), rendered by the server with the code that sends it. Shown as plain text
 * (textContent): nothing of it is parsed as HTML by the page.
 */
export async function showReplyPreview(
  reference: string,
  body: ReplyPreviewRequestBody,
  attachmentNames: string[],
  region: HTMLElement,
): Promise<void> {
  region.replaceChildren(el('p', { class: 'small' }, 'Préparation de l’aperçu…'));
  let preview: ReplyPreviewResponse;
  try {
    preview = await api.previewReply(reference, body);
  } catch (error) {
    region.replaceChildren(el('p', { class: 'error', role: 'alert' }, explain(error)));
    return;
  }
  const who = (a: { name: string; address: string }) => (a.name ? `${a.name} <${a.address}>` : a.address);
  region.replaceChildren(
    el('h4', { id: 'reply-preview-title' }, 'Aperçu : le message tel que le client le recevra'),
    el(
      'dl',
      { class: 'preview-head' },
      el('div', {}, el('dt', {}, 'Objet'), el('dd', { id: 'reply-preview-subject' }, preview.subject)),
      el('div', {}, el('dt', {}, 'À'), el('dd', {}, who(preview.to))),
      preview.cc.length > 0
        ? el('div', {}, el('dt', {}, 'Cc'), el('dd', {}, preview.cc.map(who).join(', ')))
        : null,
      attachmentNames.length > 0
        ? el('div', {}, el('dt', {}, 'Pièces jointes'), el('dd', {}, attachmentNames.join(', ')))
        : null,
    ),
    el('pre', { id: 'reply-preview-text', class: 'preview-text', tabindex: 0 }, preview.text),
  );
}
