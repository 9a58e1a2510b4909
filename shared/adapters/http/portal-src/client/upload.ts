import { ClientApiError, clientApi, explain } from './api';
import { formatSize } from './format';
import type { ClientLabels } from './labels';

/** The server's limits (docs/client-portal.md): checked here first so a client hears it at once. */
export const MAX_FILES = 10;
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export type UploadState = 'uploading' | 'done' | 'failed';

/** One file the client chose: its upload to S3 and what became of it. */
export type Upload = {
  file: File;
  state: UploadState;
  /** 0..1 */
  progress: number;
  uploadId: string | null;
  error: string | null;
  abort: () => void;
};

/** Why a file cannot go at all (too big, one too many), before asking the server; null when it may. */
export function refusalBeforeUpload(
  file: Pick<File, 'size'>,
  alreadyChosen: number,
  labels: ClientLabels,
): string | null {
  if (alreadyChosen >= MAX_FILES) return labels.text.tooMany(MAX_FILES);
  if (file.size > MAX_FILE_BYTES) return labels.text.tooBig(formatSize(MAX_FILE_BYTES, labels));
  if (file.size === 0) return labels.text.emptyFile;
  return null;
}

/**
 * Asks the server for a presigned POST (it fixes the key, the type and the maximum size, and refuses a
 * program), then sends the file straight to S3 with it, reporting progress. Resolves with the upload's
 * state set; never throws.
 */
export async function startUpload(
  reference: string,
  upload: Upload,
  labels: ClientLabels,
  changed: () => void,
): Promise<void> {
  const fail = (message: string) => {
    upload.state = 'failed';
    upload.error = message;
    changed();
  };
  try {
    const presigned = await clientApi.presignUpload(reference, {
      name: upload.file.name,
      size: upload.file.size,
      type: upload.file.type || 'application/octet-stream',
    });
    await postToStorage(presigned.url, presigned.fields, upload, () => changed());
    upload.uploadId = presigned.uploadId;
    upload.state = 'done';
    upload.progress = 1;
    changed();
  } catch (error) {
    if (error instanceof StorageRefusal)
      fail(
        error.tooLarge ? labels.text.tooBig(formatSize(MAX_FILE_BYTES, labels)) : labels.text.storageFailed,
      );
    else if (error instanceof ClientApiError || error instanceof TypeError) fail(explain(error, labels));
    else if (!(error instanceof UploadAborted)) fail(labels.trouble.unexpected);
  }
}

class StorageRefusal extends Error {
  constructor(readonly tooLarge: boolean) {
    super('storage refused the file');
  }
}

class UploadAborted extends Error {}

/** S3's POST upload: the policy's fields first, the file last (S3 ignores fields after it). */
function postToStorage(
  url: string,
  fields: Record<string, string>,
  upload: Upload,
  onProgress: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', upload.file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable) return;
      upload.progress = event.loaded / event.total;
      onProgress();
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new StorageRefusal(/EntityTooLarge/.test(xhr.responseText)));
    });
    xhr.addEventListener('error', () => reject(new TypeError('network')));
    xhr.addEventListener('abort', () => reject(new UploadAborted()));
    upload.abort = () => xhr.abort();
    xhr.send(form);
  });
}
