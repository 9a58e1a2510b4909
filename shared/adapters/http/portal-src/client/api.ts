import type { PriorityLevel } from '../../../../domain/desk/service-desk-config';
import type {
  ClientActionResponse,
  ClientErrorBody,
  ClientErrorCode,
  ClientReportMonths,
  ClientSession,
  ClientTicketList,
  ClientTicketView,
  PostedMessage,
  PresignedUpload,
  SignInAnswer,
} from './api-types';
import type { ClientLabels } from './labels';

/** A client API answer that was not 2xx: the status, the server's code and its French message. */
export class ClientApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The client API (docs/client-portal.md) as typed calls, over fetch to the page's own origin (the CSP's
 * connect-src 'self'). The session is an HttpOnly cookie the page never sees; writes add the session's
 * CSRF token as a header (the browser adds Origin), as the server requires.
 */
let csrfToken: string | null = null;

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    cache: 'no-store',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return json as T;
  const error = (json as Partial<ClientErrorBody> | null)?.error;
  throw new ClientApiError(response.status, error?.code ?? null, error?.message ?? `HTTP ${response.status}`);
}

const ticketPath = (reference: string) => `/api/client/tickets/${encodeURIComponent(reference)}`;

export const clientApi = {
  linkSession: (reference: string, secret: string) =>
    request<void>('POST', '/api/client/link-session', { reference, secret }),
  signIn: (email: string) => request<SignInAnswer>('POST', '/api/client/sign-in', { email }),
  redeem: (token: string) => request<void>('POST', '/api/client/sign-in/redeem', { token }),
  async session(): Promise<ClientSession> {
    const session = await request<ClientSession>('GET', '/api/client/session');
    csrfToken = session.csrfToken;
    return session;
  },
  async signOut(): Promise<void> {
    await request<void>('POST', '/api/client/sign-out', {});
    csrfToken = null;
  },
  tickets: () => request<ClientTicketList>('GET', '/api/client/tickets'),
  reportMonths: () => request<ClientReportMonths>('GET', '/api/client/reports'),
  ticket: (reference: string) => request<ClientTicketView>('GET', ticketPath(reference)),
  postMessage: (reference: string, text: string, idempotencyKey: string, uploads: string[]) =>
    request<PostedMessage>('POST', `${ticketPath(reference)}/messages`, {
      text,
      idempotencyKey,
      ...(uploads.length > 0 ? { uploads } : {}),
    }),
  presignUpload: (reference: string, file: { name: string; size: number; type: string }) =>
    request<PresignedUpload>('POST', `${ticketPath(reference)}/uploads`, file),
  declarePriority: (reference: string, level: PriorityLevel) =>
    request<ClientActionResponse>('POST', `${ticketPath(reference)}/priority`, { level }),
  answerPriority: (reference: string, fact: ClientTicketView['questions'][number]['fact'], answer: boolean) =>
    request<ClientActionResponse>('POST', `${ticketPath(reference)}/priority-answer`, { fact, answer }),
  confirmResolved: (reference: string) =>
    request<ClientActionResponse>('POST', `${ticketPath(reference)}/confirm-resolved`, {}),
  attachmentUrl: (reference: string, id: string) =>
    `${ticketPath(reference)}/attachments/${encodeURIComponent(id)}`,
};

/**
 * What to tell the client: the table's words for the codes it knows (in the ticket's language), the
 * server's French message for the others (a refused file, a priority an agent fixed), never a stack.
 */
export function explain(error: unknown, labels: ClientLabels): string {
  if (!(error instanceof ClientApiError)) {
    console.warn('client portal error', error);
    return error instanceof TypeError ? labels.trouble.network : labels.trouble.unexpected;
  }
  // The code comes from the server: typed, but checked against the table in case the server is newer.
  const code = error.code as ClientErrorCode | null;
  if (code === 'UPLOAD_REFUSED' || code === 'CONFLICT') return error.message || labels.error[code];
  if (code && code in labels.error) return labels.error[code];
  return labels.trouble.unexpected;
}
