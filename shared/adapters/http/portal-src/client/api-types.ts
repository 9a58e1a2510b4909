import type { PriorityLevel } from '../../../../domain/desk/service-desk-config';
import type { Language } from '../../../../domain/mail/inbound-email';
import type { TicketStatus } from '../../../../domain/ticket/ticket';

/**
 * The client API's shapes as the pages use them (docs/client-portal.md; /work/notes/client-contract.md).
 * PROVISIONAL: written from the contract until the server side commits client-api-schemas.ts; then
 * these become re-exports of its `z.infer` types, so the server's shapes and the pages' meet at tsc.
 */
export type ClientSession = {
  kind: 'ticket' | 'address';
  reference?: string;
  email?: string;
  administrator: boolean;
  csrfToken: string;
};

export type ClientPrioritySource = 'inferred' | 'declared' | 'agent';

export type ClientAttachment = { id: string; name: string; size: number };

export type ClientMessage = {
  id: string;
  kind: 'client' | 'agent';
  author: string;
  at: string;
  text: string;
  attachments: ClientAttachment[];
};

export type ClientTicketView = {
  reference: string;
  subject: string;
  language: Language;
  status: TicketStatus;
  receivedAt: string;
  priority: { level: PriorityLevel; source: ClientPrioritySource; why: string };
  gti: { deadline: string; met: boolean | null; metAt?: string };
  gtr: { deadline: string; met: boolean | null };
  deskTimeZone: string;
  desk: { id: string; name: string };
  conversation: ClientMessage[];
  can: { reply: boolean; declarePriority: boolean; confirmResolved: boolean };
};

export type ClientTicketSummary = {
  reference: string;
  subject: string;
  status: TicketStatus;
  updatedAt: string;
  priority: PriorityLevel;
};

export type ClientTicketList = { tickets: ClientTicketSummary[] };
export type SignInAnswer = { message: string };
export type PostedMessage = { id: string; at: string };
export type PresignedUpload = { uploadId: string; url: string; fields: Record<string, string> };
export type ClientErrorBody = { error: { code: string; message: string } };
