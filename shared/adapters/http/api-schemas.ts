import * as z from 'zod';
import { AgentSchema } from '../../domain/desk/agent';
import { ContractSchema, DeskIdSchema, PriorityLevelSchema } from '../../domain/desk/service-desk-config';
import { MailAddressSchema } from '../../domain/mail/inbound-email';
import { SuspendedClassSchema } from '../../domain/mail/suspension';
import {
  IdempotencyKeySchema,
  OutboundKindSchema,
  OutboundStateSchema,
  ReplyThenSchema,
} from '../../domain/ticket/outbound-message';
import {
  ReplyPreviewRequestSchema,
  ReplyRequestSchema,
  ReplyUploadRequestSchema,
} from '../../domain/ticket/reply-effects';
import {
  AcknowledgementStateSchema,
  AuditEventSchema,
  MessageKindSchema,
  TicketFlagsSchema,
  TicketMessageSchema,
  TicketSchema,
  TicketStatusSchema,
} from '../../domain/ticket/ticket';
import { HeldMessageSchema, SuspendedMessageSchema } from '../../ports/ticket-store';

/**
 * The agent API's responses, stated once. The server checks at compile time that what it sends fits
 * (`reply(schema, value)` in app.ts), the portal takes its types from here (`z.infer`, type imports only:
 * zod stays out of the browser bundle), and the API tests parse real answers with them.
 * docs/agents.md, "API reference", describes each route.
 */

/** Every `error.code` the API sends: the portal's labels table has a French sentence for each. */
export const ApiErrorCodeSchema = z.enum([
  'INPUT_INVALID',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TRANSIENT',
  /** A reply SES refused or never took: nothing left; compose again. */
  'REPLY_NOT_SENT',
  'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** `{ error: { code, message, hint } }`: what was wrong and what to do (errors.ts builds it). */
export const ErrorBodySchema = z.object({
  error: z.object({ code: ApiErrorCodeSchema, message: z.string(), hint: z.string().optional() }),
});

export const PortalAuthSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('dev') }),
  z.object({
    mode: z.literal('cognito'),
    domain: z.string(),
    clientId: z.string(),
    scopes: z.array(z.string()),
  }),
]);

export const ConfigResponseSchema = z.object({
  auth: PortalAuthSchema,
  desks: z.array(z.object({ id: DeskIdSchema, name: z.string() })),
});

export const DevLoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  agent: AgentSchema,
});

export const MeResponseSchema = z.object({ agent: AgentSchema, defaultDesk: DeskIdSchema });

export const DeskOverviewSchema = z.object({
  deskId: DeskIdSchema,
  iso: z.string(),
  time: z.string(),
  staffed: z.boolean(),
  displayName: z.string(),
  zoneLabelFr: z.string(),
  timeZone: z.string(),
  onDuty: z.boolean(),
});
export const DesksResponseSchema = z.object({ at: z.string(), desks: z.array(DeskOverviewSchema) });

export const RiskSchema = z.enum(['ok', 'at-risk', 'imminent', 'breached']);
export const ClockStateSchema = z.enum(['running', 'paused', 'met', 'breached']);
export const TicketRiskSchema = z.enum([...RiskSchema.options, 'paused', 'done']);

export const ClockViewSchema = z.object({
  dueAt: z.string(),
  state: ClockStateSchema,
  risk: RiskSchema.nullable(),
  remainingMs: z.number().nullable(),
  remainingOpenMinutes: z.number().nullable(),
  targetOpenMinutes: z.number(),
});
export const TicketSlaSchema = z.object({
  gti: ClockViewSchema,
  gtr: ClockViewSchema,
  risk: TicketRiskSchema,
  nextDueAt: z.string().nullable(),
});

const PrioritySourceSchema = TicketSchema.shape.priority.shape.source;

export const QueueItemSchema = z.object({
  reference: z.string(),
  subject: z.string(),
  desk: DeskIdSchema,
  deskOnDuty: TicketSchema.shape.deskOnDuty,
  client: z.string().nullable(),
  contract: ContractSchema,
  requester: z.string().nullable(),
  status: TicketStatusSchema,
  priority: PriorityLevelSchema,
  prioritySource: PrioritySourceSchema,
  receivedAt: z.string(),
  gtiDueAt: z.string(),
  gtrDueAt: z.string(),
  sla: TicketSlaSchema,
  assignee: z.object({ agentId: z.string(), name: z.string() }).nullable(),
  flags: TicketFlagsSchema,
  machineAlert: z.boolean(),
  messageCount: z.number(),
  clientAnswered: z.boolean(),
  /** The triage left the level open and asked the client (issue 11): "priorité à confirmer". */
  priorityToConfirm: z.boolean(),
});
export const QueuePageSchema = z.object({
  desk: z.union([DeskIdSchema, z.literal('all')]),
  items: z.array(QueueItemSchema),
  total: z.number(),
  nextCursor: z.string().nullable(),
  truncated: z.boolean(),
});
/** The assignee filter of `GET /api/tickets` (QueueQuerySchema in domain/ticket/queue-query.ts validates it). */
export const AssigneeFilterSchema = z.enum(['any', 'me', 'none']);

export const MessageViewSchema = z.object({
  id: z.string(),
  kind: MessageKindSchema,
  receivedAt: z.string(),
  channel: TicketMessageSchema.shape.channel,
  from: TicketMessageSchema.shape.from,
  to: TicketMessageSchema.shape.to,
  cc: TicketMessageSchema.shape.cc,
  subject: z.string(),
  /** What the sender wrote in this message. */
  newText: z.string(),
  /** The rest of the text: quoted history, forwarded part, signature. */
  history: z.string(),
  /** Sanitised again by the server (message-view.ts); the portal shows it only in a sandboxed frame. */
  html: z.string().nullable(),
  bodyTruncated: z.boolean(),
  automated: TicketMessageSchema.shape.automated,
  verdicts: TicketMessageSchema.shape.verdicts,
  attachments: z.array(
    z.object({
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      inline: z.boolean(),
      downloadable: z.boolean(),
    }),
  ),
  attachmentsSkipped: z.boolean(),
  warnings: z.array(z.string()),
});

/** A client's message in the conversation: `at` is when it was received. */
export const InboundMessageViewSchema = MessageViewSchema.extend({
  direction: z.literal('in'),
  at: z.string(),
});

/** A message we sent (an agent's reply, a notification), as the conversation shows it (outboundView). */
export const OutboundMessageViewSchema = z.object({
  direction: z.literal('out'),
  /** Sent at, or created at while not sent. */
  at: z.string(),
  /** The idempotency key: what `…/messages/{key}/resend` takes. */
  id: z.string(),
  kind: OutboundKindSchema,
  author: z.object({ id: z.string(), name: z.string() }),
  /** A `sending` past its lease shows as `unconfirmed`. */
  state: OutboundStateSchema,
  /** "envoyé", "non confirmé", "rejeté", "rebond"… */
  stateLabel: z.string(),
  reason: z.string().nullable(),
  messageId: z.string().nullable(),
  sentAt: z.string().nullable(),
  to: z.array(MailAddressSchema),
  cc: z.array(MailAddressSchema),
  subject: z.string(),
  /** What the agent wrote, and the full text as mailed (greeting, signature, portal link). */
  text: z.string(),
  body: z.string(),
  afterwards: ReplyThenSchema.nullable(),
  /** The files mailed with it; `…/replies/{id}/attachments/{uploadId}` gives a download link. */
  attachments: z.array(z.object({ uploadId: z.string(), filename: z.string(), size: z.number() })),
  resends: z.number(),
  /** Only an unconfirmed message may be resent, after the portal's warning. */
  resendable: z.boolean(),
});

export const ConversationItemSchema = z.discriminatedUnion('direction', [
  InboundMessageViewSchema,
  OutboundMessageViewSchema,
]);

export const TicketDetailsResponseSchema = z.object({
  ticket: TicketSchema,
  sla: TicketSlaSchema,
  /** The conversation by time: the client's messages (`in`) and what we sent (`out`). */
  messages: z.array(ConversationItemSchema),
  events: z.array(AuditEventSchema),
  /** Unverified senders' would-be follow-ups held for this ticket (conversation.md §1). */
  held: z.array(HeldMessageSchema),
});

/** `POST /api/tickets/{ref}/replies` (the domain's schema: one statement of the body). */
export { ReplyRequestSchema };
export const ReplyResponseSchema = z.object({
  messageId: z.string().nullable(),
  state: OutboundStateSchema,
  sentAt: z.string().nullable(),
});

/** `POST /api/tickets/{ref}/replies/preview`: the mail as the client will see it (nothing is sent). */
export { ReplyPreviewRequestSchema, ReplyUploadRequestSchema };
export const ReplyPreviewResponseSchema = z.object({
  subject: z.string(),
  to: MailAddressSchema,
  cc: z.array(MailAddressSchema),
  text: z.string(),
  html: z.string(),
});

/**
 * `POST /api/tickets/{ref}/reply-uploads`: a presigned POST for one file. The browser posts `fields`
 * then the file (field `file`) to `url`, then names `uploadId` in the reply's `attachments`.
 */
export const ReplyUploadResponseSchema = z.object({
  uploadId: z.string(),
  filename: z.string(),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  maxBytes: z.number(),
  expiresAt: z.string(),
});

/** `POST /api/tickets/{ref}/messages/{key}/resend`: `{confirm: true}` after the portal's warning. */
export const ResendRequestSchema = z.object({ confirm: z.literal(true) });
export const ResendPathKeySchema = z.union([z.literal('acknowledgement'), IdempotencyKeySchema]);
export const ResendResponseSchema = z.object({
  messageId: z.string().nullable(),
  /** An outbound message's state, or the acknowledgement's for `acknowledgement`. */
  state: z.union([OutboundStateSchema, AcknowledgementStateSchema]),
  sentAt: z.string().nullable(),
});

/** The client notification a resolve or a priority change sends (null when it failed, see the log). */
export const NotificationSchema = z
  .union([
    z.object({
      key: z.string(),
      messageId: z.string().nullable(),
      state: OutboundStateSchema,
      sentAt: z.string().nullable(),
      reason: z.string().nullable(),
    }),
    z.object({ skipped: z.string() }),
  ])
  .nullable();

export const ActionResponseSchema = z.object({
  ticket: TicketSchema,
  sla: TicketSlaSchema,
  changed: z.boolean(),
  /** Present after a resolve or a priority change that changed something. */
  notification: NotificationSchema.optional(),
});
export const NoteResponseSchema = z.object({ added: z.literal(true) });
export const AttachmentLinkResponseSchema = z.object({
  url: z.string(),
  expiresAt: z.string(),
  filename: z.string(),
});
/**
 * One page of a desk's suspended list (of one class when `class` is set), newest received first;
 * `nextCursor` asks for the next (older) page of the same list, null at the end. `total`: how many
 * wait at the desk; `classTotal`: how many of the class (null when not filtered). Expired messages
 * are neither listed nor counted (issue 13 §5).
 */
export const SuspendedListResponseSchema = z.object({
  desk: DeskIdSchema,
  class: SuspendedClassSchema.nullable(),
  items: z.array(SuspendedMessageSchema.extend({ suspendedClass: SuspendedClassSchema })),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
  classTotal: z.number().int().nonnegative().nullable(),
});
export const ConvertResponseSchema = z.object({ reference: z.string(), ticket: TicketSchema });
/** `POST /api/suspended/{id}/dismiss` ("Ignorer"): who set it aside, and when. */
export const DismissResponseSchema = z.object({
  id: z.string(),
  dismissedBy: z.string(),
  dismissedAt: z.string(),
});
/** `POST /api/tickets/{ref}/held/{id}/accept`: the ticket after the follow-up, and the message added. */
export const AcceptHeldResponseSchema = z.object({ ticket: TicketSchema, message: MessageViewSchema });
/** `POST /api/tickets/{ref}/held/{id}/reject`: the held message, now rejected. */
export const RejectHeldResponseSchema = z.object({ held: HeldMessageSchema });

export type ConfigResponse = z.infer<typeof ConfigResponseSchema>;
export type PortalAuth = z.infer<typeof PortalAuthSchema>;
export type DevLoginResponse = z.infer<typeof DevLoginResponseSchema>;
export type MeResponse = z.infer<typeof MeResponseSchema>;
export type DeskOverview = z.infer<typeof DeskOverviewSchema>;
export type DesksResponse = z.infer<typeof DesksResponseSchema>;
export type ClockView = z.infer<typeof ClockViewSchema>;
export type TicketRisk = z.infer<typeof TicketRiskSchema>;
export type QueueItem = z.infer<typeof QueueItemSchema>;
export type QueuePage = z.infer<typeof QueuePageSchema>;
export type AssigneeFilter = z.infer<typeof AssigneeFilterSchema>;
export type MessageView = z.infer<typeof MessageViewSchema>;
export type InboundMessageView = z.infer<typeof InboundMessageViewSchema>;
export type OutboundMessageView = z.infer<typeof OutboundMessageViewSchema>;
export type TicketDetailsResponse = z.infer<typeof TicketDetailsResponseSchema>;
export type ReplyRequestBody = z.input<typeof ReplyRequestSchema>;
export type ReplyResponse = z.infer<typeof ReplyResponseSchema>;
export type ReplyPreviewRequestBody = z.input<typeof ReplyPreviewRequestSchema>;
export type ReplyPreviewResponse = z.infer<typeof ReplyPreviewResponseSchema>;
export type ReplyUploadResponse = z.infer<typeof ReplyUploadResponseSchema>;
export type ResendResponse = z.infer<typeof ResendResponseSchema>;
export type ActionResponse = z.infer<typeof ActionResponseSchema>;
export type NoteResponse = z.infer<typeof NoteResponseSchema>;
export type AttachmentLinkResponse = z.infer<typeof AttachmentLinkResponseSchema>;
export type SuspendedListResponse = z.infer<typeof SuspendedListResponseSchema>;
export type SuspendedItem = SuspendedListResponse['items'][number];
export type ConvertResponse = z.infer<typeof ConvertResponseSchema>;
export type DismissResponse = z.infer<typeof DismissResponseSchema>;
export type AcceptHeldResponse = z.infer<typeof AcceptHeldResponseSchema>;
export type RejectHeldResponse = z.infer<typeof RejectHeldResponseSchema>;
export type HeldItem = TicketDetailsResponse['held'][number];
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
export type PrioritySource = z.infer<typeof PrioritySourceSchema>;
