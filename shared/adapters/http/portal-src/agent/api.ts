import type { SuspendedClass } from '../../../../domain/mail/suspension';
import type { TicketAction } from '../../../../domain/ticket/ticket-actions';
import type {
  AcceptHeldResponse,
  ActionResponse,
  AttachmentLinkResponse,
  ConfigResponse,
  ConvertResponse,
  DesksResponse,
  DevLoginResponse,
  DismissResponse,
  MeResponse,
  NoteResponse,
  QueuePage,
  RejectHeldResponse,
  ReplyPreviewRequestBody,
  ReplyPreviewResponse,
  ReplyRequestBody,
  ReplyResponse,
  ReplyUploadResponse,
  ReportResponse,
  ResendResponse,
  SuspendedListResponse,
  TicketDetailsResponse,
} from '../../api-schemas';
import type { RotateLinkResponse } from '../../client-api-schemas';
import { ApiClient } from '../common/api-client';
import { Session } from '../common/session';

/** The agent API's routes as typed calls (docs/agents.md, "API reference"). */
export const session = new Session('exodata.agent.token');

let onSignedOut: () => void = () => {};
/** What to do when the API says the session is over (the router shows the sign-in). */
export function whenSignedOut(callback: () => void): void {
  onSignedOut = callback;
}

const client = new ApiClient({
  token: () => session.token,
  onUnauthorized: () => {
    session.clear();
    onSignedOut();
  },
});

const ref = (reference: string) => `/api/tickets/${encodeURIComponent(reference)}`;

export const api = {
  config: () => client.get<ConfigResponse>('/api/config'),
  devLogin: (agent: string, desk: string) => client.post<DevLoginResponse>('/api/dev-login', { agent, desk }),
  me: () => client.get<MeResponse>('/api/me'),
  desks: () => client.get<DesksResponse>('/api/desks'),
  queue: (query: URLSearchParams) => client.get<QueuePage>(`/api/tickets?${query}`),
  ticket: (reference: string) => client.get<TicketDetailsResponse>(ref(reference)),
  /** An action's fields as the form gave them (strings): the server validates them (TicketActionSchema). */
  act: (reference: string, action: TicketAction['type'], fields: Record<string, string> = {}) =>
    client.post<ActionResponse>(`${ref(reference)}/${action}`, fields),
  note: (reference: string, text: string) => client.post<NoteResponse>(`${ref(reference)}/notes`, { text }),
  /** A reply mailed to the client; the same `idempotencyKey` again sends nothing more. */
  reply: (reference: string, body: ReplyRequestBody) =>
    client.post<ReplyResponse>(`${ref(reference)}/replies`, body),
  /** The mail a reply would send, rendered by the server's sending code; nothing is sent. */
  previewReply: (reference: string, body: ReplyPreviewRequestBody) =>
    client.post<ReplyPreviewResponse>(`${ref(reference)}/replies/preview`, body),
  /** A presigned POST for one file of the reply (the browser then posts the file to storage). */
  replyUpload: (reference: string, file: { filename: string; size: number }) =>
    client.post<ReplyUploadResponse>(`${ref(reference)}/reply-uploads`, file),
  replyAttachment: (reference: string, key: string, uploadId: string) =>
    client.get<AttachmentLinkResponse>(
      `${ref(reference)}/replies/${encodeURIComponent(key)}/attachments/${encodeURIComponent(uploadId)}`,
    ),
  /** Only after the agent confirmed that the client may receive it twice. */
  resend: (reference: string, key: string) =>
    client.post<ResendResponse>(`${ref(reference)}/messages/${encodeURIComponent(key)}/resend`, {
      confirm: true,
    }),
  attachment: (reference: string, messageId: string, sha256: string) =>
    client.get<AttachmentLinkResponse>(
      `${ref(reference)}/messages/${encodeURIComponent(messageId)}/attachments/${sha256}`,
    ),
  suspended: (desk: string | null, suspendedClass: SuspendedClass | null, cursor: string | null = null) => {
    const query = new URLSearchParams();
    if (desk) query.set('desk', desk);
    if (suspendedClass) query.set('class', suspendedClass);
    if (cursor) query.set('cursor', cursor);
    const text = query.toString();
    return client.get<SuspendedListResponse>(`/api/suspended${text ? `?${text}` : ''}`);
  },
  /** "Nouveau lien": every client portal link mailed so far stops working (docs/client-portal.md). */
  rotateClientLink: (reference: string) =>
    client.post<RotateLinkResponse>(`${ref(reference)}/client-link/rotate`),
  convert: (id: string) => client.post<ConvertResponse>(`/api/suspended/${encodeURIComponent(id)}/convert`),
  dismiss: (id: string) => client.post<DismissResponse>(`/api/suspended/${encodeURIComponent(id)}/dismiss`),
  acceptHeld: (reference: string, id: string) =>
    client.post<AcceptHeldResponse>(`${ref(reference)}/held/${encodeURIComponent(id)}/accept`),
  /** Issue 18: the SLA figures and chart series of a period, desk and client (empty fields: all). */
  report: (query: URLSearchParams) => client.get<ReportResponse>(`/api/reports?${query}`),
  /** A CSV export as text (the bearer token cannot ride on a plain link: the page saves it itself). */
  reportCsv: (what: 'tickets' | 'figures', query: URLSearchParams) =>
    client.text(`/api/reports/${what}.csv?${query}`),
  /** The monthly report of one client (the printable French page), as text to save. */
  reportMonthly: (client_: string, month: string) =>
    client.text(`/api/reports/monthly?${new URLSearchParams({ client: client_, month })}`),
  rejectHeld: (reference: string, id: string) =>
    client.post<RejectHeldResponse>(`${ref(reference)}/held/${encodeURIComponent(id)}/reject`),
};
