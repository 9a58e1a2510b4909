import * as z from 'zod';
import { DeskIdSchema, PriorityLevelSchema } from '../../domain/desk/service-desk-config';
import { LanguageSchema } from '../../domain/mail/inbound-email';
import { TicketStatusSchema, UncertainFactSchema } from '../../domain/ticket/ticket';

/**
 * The client portal's API (docs/client-portal.md), stated once: the server checks what it sends against
 * these schemas and parses what it receives with them; the client pages take their types from here
 * (`import type` only: zod stays out of the browser bundle). Changes: a commit message starting
 * "client-contract:" (the contract between the server and the pages, /work/notes/client-contract.md).
 */

/** Every `error.code` the client API sends; the pages have a French sentence for each. */
export const ClientErrorCodeSchema = z.enum([
  /** Any wrong link, token, reference or ticket outside the session: byte-identical bodies. */
  'INVALID_LINK',
  'RATE_LIMITED',
  'NO_SESSION',
  /** A write without the session's X-CSRF-Token, or from another Origin. */
  'CSRF',
  'INPUT_INVALID',
  /** An upload refused by the attachment policy (type, size, count): the message says which. */
  'UPLOAD_REFUSED',
  /** The ticket's state forbids it (priority set by an agent, not resolved, closed…). */
  'CONFLICT',
  'TRANSIENT',
  'INTERNAL',
]);
export type ClientErrorCode = z.infer<typeof ClientErrorCodeSchema>;

/** `{ error: { code, message } }`, message in French (the ticket's language when the ticket is known). */
export const ClientErrorBodySchema = z.object({
  error: z.object({ code: ClientErrorCodeSchema, message: z.string() }),
});
export type ClientErrorBody = z.infer<typeof ClientErrorBodySchema>;

/** The one answer for every invalid link (unknown reference, wrong/expired/revoked secret…). */
export const INVALID_LINK_BODY: ClientErrorBody = {
  error: { code: 'INVALID_LINK', message: "Ce lien n'est pas valide." },
};

const Reference = z.string().regex(/^EXO-\d{4}-\d{6}$/);
/** base64url of 24 random bytes = 32 characters; a little slack for a future longer secret. */
const Secret = z.string().regex(/^[A-Za-z0-9_-]{22,86}$/);

// ---- Sessions -------------------------------------------------------------------------------------

/** `POST /api/client/link-session` → 204 + cookie; anything wrong → 404 INVALID_LINK. */
export const LinkSessionRequestSchema = z.object({ reference: Reference, secret: Secret });

/** `POST /api/client/sign-in` → 202 with the same message whether or not the address is known. */
export const SignInRequestSchema = z.object({ email: z.string().trim().min(3).max(254) });
export const SIGN_IN_MESSAGE =
  "Si des demandes existent pour cette adresse, un lien de connexion vient d'y être envoyé.";
export const SignInResponseSchema = z.object({ message: z.literal(SIGN_IN_MESSAGE) });
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

/** `POST /api/client/sign-in/redeem` → 204 + cookie (address session); invalid/used/expired → 404 INVALID_LINK. */
export const RedeemRequestSchema = z.object({ token: Secret });

/** `GET /api/client/session`; no session → 401 NO_SESSION. */
export const ClientSessionResponseSchema = z.object({
  kind: z.enum(['ticket', 'address']),
  /** A ticket session: its ticket. */
  reference: Reference.optional(),
  /** An address session: the address signed in. */
  email: z.string().optional(),
  /** An address session of a client administrator (the client directory): sees all the client's tickets. */
  administrator: z.boolean(),
  /** Send it back in `X-CSRF-Token` on every write. */
  csrfToken: z.string(),
});
export type ClientSessionResponse = z.infer<typeof ClientSessionResponseSchema>;

// ---- Reading --------------------------------------------------------------------------------------

/** The client's priority view: `default` is shown as `inferred`. */
export const ClientPrioritySourceSchema = z.enum(['inferred', 'declared', 'agent', 'answered']);

/** `GET /api/client/tickets` (address session), newest first. */
export const ClientTicketSummarySchema = z.object({
  reference: Reference,
  subject: z.string(),
  status: TicketStatusSchema,
  updatedAt: z.string(),
  priority: PriorityLevelSchema,
});
export const ClientTicketListResponseSchema = z.object({ tickets: z.array(ClientTicketSummarySchema) });
export type ClientTicketListResponse = z.infer<typeof ClientTicketListResponseSchema>;

/** `GET /api/client/reports` (a client administrator): the monthly reports, newest first. */
export const ClientReportMonthsResponseSchema = z.object({
  months: z.array(
    z.object({
      /** `2026-11`: the page is `/rapports/2026-11`. */
      month: z.string().regex(/^\d{4}-\d{2}$/),
      label: z.string(),
    }),
  ),
});
export type ClientReportMonthsResponse = z.infer<typeof ClientReportMonthsResponseSchema>;

export const ClientAttachmentSchema = z.object({
  /** Pass to `GET /api/client/tickets/{ref}/attachments/{id}` (a 302 to a short-lived download). */
  id: z.string(),
  name: z.string(),
  size: z.number(),
});

/** One public message: the client's (mail or portal) or an agent's reply/notification. Plain text. */
export const ClientConversationItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['client', 'agent']),
  /** The client's display name or address; for an agent, the agent's name. */
  author: z.string(),
  at: z.string(),
  /** Plain text, never HTML: the pages put it in the DOM as text. */
  text: z.string(),
  attachments: z.array(ClientAttachmentSchema),
});

/** `GET /api/client/tickets/{ref}`: only what the client may see; no notes, no audit internals. */
export const ClientTicketViewSchema = z.object({
  reference: Reference,
  subject: z.string(),
  language: LanguageSchema,
  status: TicketStatusSchema,
  receivedAt: z.string(),
  priority: z.object({
    level: PriorityLevelSchema,
    source: ClientPrioritySourceSchema,
    /** Why this level, in the ticket's language (one or two sentences). */
    why: z.string(),
  }),
  /** Instants (ISO, with offset); shown in `deskTimeZone`. `met` null while still running. */
  gti: z.object({ deadline: z.string(), met: z.boolean().nullable(), metAt: z.string().optional() }),
  gtr: z.object({ deadline: z.string(), met: z.boolean().nullable() }),
  /** IANA zone of the desk handling the ticket now (follow the sun). */
  deskTimeZone: z.string(),
  desk: z.object({ id: DeskIdSchema, name: z.string() }),
  conversation: z.array(ClientConversationItemSchema),
  /**
   * The priority questions still open (issue 11), each in the ticket's language; answer one with
   * `POST …/priority-answer`. Empty when nothing is to confirm.
   */
  questions: z.array(z.object({ fact: UncertainFactSchema, text: z.string() })),
  can: z.object({
    reply: z.boolean(),
    declarePriority: z.boolean(),
    confirmResolved: z.boolean(),
    /** `questions` is not empty. */
    answerPriority: z.boolean(),
  }),
});
export type ClientTicketView = z.infer<typeof ClientTicketViewSchema>;
export type ClientConversationItem = z.infer<typeof ClientConversationItemSchema>;

// ---- Writing (cookie + X-CSRF-Token + same-origin Origin; else 403 CSRF) --------------------------------

/** `POST /api/client/tickets/{ref}/messages` → 201. `uploads`: uploadIds of verified uploads. */
export const ClientMessageRequestSchema = z.object({
  text: z.string().trim().min(1).max(50_000),
  /** One per compose (a UUID): a retried request gives one message. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  uploads: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/))
    .max(10)
    .optional(),
});
export const ClientMessageResponseSchema = z.object({ id: z.string(), at: z.string() });
export type ClientMessageResponse = z.infer<typeof ClientMessageResponseSchema>;

/** `POST /api/client/tickets/{ref}/uploads` → 201: POST the file to `url` with `fields` (multipart, file last). */
export const ClientUploadRequestSchema = z.object({
  name: z.string().trim().min(1).max(255),
  size: z.number().int().positive(),
  type: z.string().max(255),
});
export const ClientUploadResponseSchema = z.object({
  uploadId: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
});
export type ClientUploadResponse = z.infer<typeof ClientUploadResponseSchema>;

/** `POST /api/client/tickets/{ref}/priority` → 200; an agent's choice stands → 409 CONFLICT. */
export const ClientPriorityRequestSchema = z.object({ level: PriorityLevelSchema });

/**
 * `POST /api/client/tickets/{ref}/priority-answer` → 200 `{ticket}`: « Oui » (true) or « Non » (false) to
 * one open question; a question not open (answered already, level fixed by an agent or declared,
 * ticket resolved) → 409 CONFLICT. Strict: any other field is a 400.
 */
export const ClientPriorityAnswerRequestSchema = z.strictObject({
  fact: UncertainFactSchema,
  answer: z.boolean(),
});

/** The answer of the ticket actions: the ticket as the client now sees it. */
export const ClientActionResponseSchema = z.object({ ticket: ClientTicketViewSchema });
export type ClientActionResponse = z.infer<typeof ClientActionResponseSchema>;

// ---- Agents' side ------------------------------------------------------------------------------------

/** `POST /api/tickets/{ref}/client-link/rotate` (agents' API, "nouveau lien"). */
export const RotateLinkResponseSchema = z.object({ linkGeneration: z.number().int().positive() });
export type RotateLinkResponse = z.infer<typeof RotateLinkResponseSchema>;

/** Names the pages and the server share (the pages copy the values: `import type` only, no zod in the bundle). */
export const CSRF_HEADER = 'X-CSRF-Token';
export const CLIENT_SESSION_COOKIE = 'exo_client';
