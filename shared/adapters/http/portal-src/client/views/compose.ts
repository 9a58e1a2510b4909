import { el } from '../../common/dom';
import { flash } from '../../common/flash';
import { clientApi, explain } from '../api';
import { formatSize } from '../format';
import type { ClientLabels } from '../labels';
import { refusalBeforeUpload, startUpload, type Upload } from '../upload';

/**
 * "Ajouter un message": a text and files. Each file goes to S3 as soon as it is chosen (presigned POST),
 * shown with its progress or, when refused, why; the message is sent with the uploads that arrived.
 * The idempotency key is kept until the server accepted the message, so a retry after a lost answer
 * never adds it twice.
 */
export function composeForm(reference: string, labels: ClientLabels, sent: () => Promise<void>): HTMLElement {
  const t = labels.text;
  const uploads: Upload[] = [];
  let idempotencyKey = crypto.randomUUID();

  const text = el('textarea', {
    id: 'message-text',
    name: 'text',
    rows: 5,
    maxlength: 20000,
    'aria-describedby': 'compose-error',
  });
  const files = el('input', {
    id: 'message-files',
    type: 'file',
    name: 'files',
    multiple: true,
    'aria-describedby': 'files-hint',
  });
  const list = el('ul', { id: 'file-list', class: 'file-list', 'aria-label': t.filesLabel });
  const error = el('p', { id: 'compose-error', class: 'field-error', hidden: true });
  const submit = el('button', { type: 'submit', class: 'wide' }, t.send);

  const draw = () => {
    list.replaceChildren(...uploads.map((u) => fileRow(u)));
    list.hidden = uploads.length === 0;
  };
  const fileRow = (upload: Upload): HTMLElement => {
    const remove = el(
      'button',
      { type: 'button', class: 'secondary', 'aria-label': t.removeFile(upload.file.name) },
      '✕',
    );
    remove.addEventListener('click', () => {
      upload.abort();
      uploads.splice(uploads.indexOf(upload), 1);
      draw();
      files.focus();
    });
    const size = formatSize(upload.file.size, labels);
    return el(
      'li',
      { 'data-state': upload.state, class: `file ${upload.state}` },
      el(
        'div',
        { class: 'file-line' },
        el('span', { class: 'file-name' }, upload.file.name),
        el('span', { class: 'size' }, size),
        remove,
      ),
      upload.state === 'uploading'
        ? el('progress', {
            max: 100,
            value: Math.round(upload.progress * 100),
            'aria-label': t.uploadProgress(upload.file.name),
          })
        : upload.state === 'done'
          ? el('span', { class: 'file-state' }, t.uploaded)
          : el('span', { class: 'file-state error' }, t.uploadFailed(upload.error ?? '')),
    );
  };

  files.addEventListener('change', () => {
    const chosen = Array.from(files.files ?? []);
    files.value = '';
    const refusals: string[] = [];
    for (const file of chosen) {
      const refusal = refusalBeforeUpload(file, uploads.length, labels);
      const upload: Upload = {
        file,
        state: refusal ? 'failed' : 'uploading',
        progress: 0,
        uploadId: null,
        error: refusal,
        abort: () => {},
      };
      uploads.push(upload);
      if (refusal) refusals.push(`${file.name} : ${refusal}`);
      else
        void startUpload(reference, upload, labels, () => {
          draw();
          if (upload.state === 'failed') flash(`${file.name} : ${upload.error ?? ''}`);
        });
    }
    draw();
    if (refusals.length > 0) flash(refusals.join(' '));
  });

  const form = el(
    'form',
    { id: 'compose', class: 'card compose', 'aria-labelledby': 'compose-title', novalidate: true },
    el('h2', { id: 'compose-title' }, t.addMessage),
    el('label', { for: 'message-text' }, t.messageLabel),
    text,
    error,
    el('label', { for: 'message-files', class: 'files-label' }, t.filesLabel),
    el('p', { id: 'files-hint', class: 'hint' }, t.filesHint),
    files,
    list,
    submit,
  );
  list.hidden = true;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const showError = (message: string) => {
      error.textContent = message;
      error.hidden = false;
      flash(message);
    };
    error.hidden = true;
    if (text.value.trim() === '') {
      showError(t.emptyMessage);
      text.focus();
      return;
    }
    if (uploads.some((u) => u.state !== 'done')) {
      showError(t.waitUploads);
      return;
    }
    submit.disabled = true;
    submit.textContent = t.sending;
    try {
      await clientApi.postMessage(
        reference,
        text.value,
        idempotencyKey,
        uploads.map((u) => u.uploadId ?? ''),
      );
      idempotencyKey = crypto.randomUUID();
      text.value = '';
      uploads.splice(0);
      draw();
      flash(t.sent, 'info');
      await sent();
    } catch (failure) {
      showError(explain(failure, labels));
    } finally {
      submit.disabled = false;
      submit.textContent = t.send;
    }
  });
  return form;
}
