import type { ReplyUploadResponse } from '../../../api-schemas';
import { ApiError, explain } from '../../common/api-client';
import { button, el } from '../../common/dom';
import { api } from '../api';

/** The agent limits (attachment-policy.ts AGENT_REPLY_LIMITS): checked here for a quick answer, again by the server. */
const MAX_FILES = 10;
const MAX_TOTAL_BYTES = 20 * 1024 * 1024;

type PickedFile = {
  id: number;
  name: string;
  size: number;
  state: 'uploading' | 'ready' | 'refused';
  progress: number;
  uploadId: string | null;
  reason: string | null;
};

/**
 * The reply box's file picker: each chosen file gets a presigned POST from the API (a program's name
 * is refused there at once), then goes straight to storage with its progress shown; the reply names
 * the uploads that are ready. The server checks the stored files again when the reply is sent.
 */
export class ReplyFiles {
  readonly element: HTMLElement;
  private files: PickedFile[] = [];
  private sequence = 0;
  private readonly list: HTMLUListElement;
  private readonly input: HTMLInputElement;

  constructor(private readonly reference: string) {
    this.input = el('input', { type: 'file', id: 'reply-files', name: 'files', multiple: true });
    this.input.addEventListener('change', () => {
      const chosen = [...(this.input.files ?? [])];
      this.input.value = '';
      for (const file of chosen) this.add(file);
    });
    this.list = el('ul', { id: 'reply-file-list', class: 'reply-files', 'aria-live': 'polite' });
    this.element = el(
      'div',
      { class: 'reply-attachments' },
      el(
        'label',
        { class: 'field', for: 'reply-files' },
        el(
          'span',
          {},
          'Pièces jointes (facultatif : 10 fichiers et 20 Mo en tout au plus ; programmes et scripts refusés)',
        ),
      ),
      this.input,
      this.list,
    );
  }

  /** The uploads to name in the reply, or a French sentence saying why the reply must wait. */
  attachments(): { uploadIds: string[] } | { wait: string } {
    if (this.files.some((f) => f.state === 'uploading'))
      return { wait: 'Attendez la fin de l’envoi des pièces jointes.' };
    if (this.files.some((f) => f.state === 'refused'))
      return { wait: 'Retirez les pièces jointes refusées avant d’envoyer.' };
    return { uploadIds: this.files.map((f) => f.uploadId!).filter(Boolean) };
  }

  names(): string[] {
    return this.files.filter((f) => f.state === 'ready').map((f) => f.name);
  }

  /** After a refusal by the server at send time: its French reason, shown beside the files. */
  showServerRefusal(error: unknown): boolean {
    if (!(error instanceof ApiError) || !/^Pièces jointes/.test(error.message)) return false;
    this.list.append(el('li', { class: 'error', role: 'alert' }, error.message));
    return true;
  }

  private add(file: File): void {
    const picked: PickedFile = {
      id: ++this.sequence,
      name: file.name,
      size: file.size,
      state: 'uploading',
      progress: 0,
      uploadId: null,
      reason: null,
    };
    this.files.push(picked);
    const kept = this.files.filter((f) => f.state !== 'refused');
    const total = kept.reduce((sum, f) => sum + f.size, 0);
    if (kept.length > MAX_FILES) this.refuse(picked, `${MAX_FILES} fichiers au plus par réponse`);
    else if (total > MAX_TOTAL_BYTES) this.refuse(picked, '20 Mo au plus en tout par réponse');
    else void this.upload(picked, file);
    this.render();
  }

  private refuse(file: PickedFile, reason: string): void {
    file.state = 'refused';
    file.reason = reason;
  }

  private async upload(picked: PickedFile, file: File): Promise<void> {
    let presigned: ReplyUploadResponse;
    try {
      presigned = await api.replyUpload(this.reference, { filename: file.name, size: file.size });
    } catch (error) {
      // The server's refusal of a file is a French sentence: shown as it is.
      const reason = error instanceof ApiError && error.status === 400 ? error.message : explain(error);
      this.refuse(picked, reason.replace(/^« .* » refusé : /, ''));
      this.render();
      return;
    }
    try {
      await postForm(presigned, file, (fraction) => {
        picked.progress = fraction;
        this.render();
      });
      picked.state = 'ready';
      picked.uploadId = presigned.uploadId;
    } catch {
      this.refuse(picked, 'l’envoi du fichier a échoué : retirez-le et joignez-le de nouveau');
    }
    this.render();
  }

  private remove(id: number): void {
    this.files = this.files.filter((f) => f.id !== id);
    this.render();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.files.map((f) =>
        el(
          'li',
          { class: f.state === 'refused' ? 'error' : null, 'data-file': f.name, 'data-state': f.state },
          el('span', { class: 'file-name' }, f.name),
          ` (${sizeText(f.size)}) `,
          f.state === 'uploading'
            ? el('progress', {
                max: 100,
                value: Math.round(f.progress * 100),
                'aria-label': `Envoi de ${f.name}`,
              })
            : null,
          el(
            'span',
            { class: 'file-state' },
            f.state === 'uploading'
              ? ` envoi ${Math.round(f.progress * 100)} %`
              : f.state === 'ready'
                ? ' prêt'
                : ` refusé : ${f.reason}`,
          ),
          ' ',
          button('Retirer', () => this.remove(f.id), {
            class: 'secondary small',
            'aria-label': `Retirer ${f.name}`,
          }),
        ),
      ),
    );
  }
}

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.ceil(bytes / 1024))} Ko`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} Mo`;
}

/** The browser's form POST to storage (fields first, the file last), with upload progress. */
function postForm(
  presigned: ReplyUploadResponse,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(presigned.fields)) form.append(name, value);
  form.append('file', file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', presigned.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(new Error(`storage answered ${request.status}`)),
    );
    request.addEventListener('error', () => reject(new Error('storage could not be reached')));
    request.send(form);
  });
}
