import * as z from 'zod';
import { MailAddressSchema } from '../mail/inbound-email';

const IsoInstant = z.iso.datetime({ offset: true });

/**
 * A message we send on a ticket (conversation.md §3–§4): an agent's reply, or a notification to the
 * client (resolution, priority change). Its life follows the acknowledgement's protocol:
 * `sending` (a lease: someone is calling SES) → `sent` with SES's Message-ID; `unconfirmed` when the
 * outcome is unknown (never resent on its own); `rejected` when SES refused it for good (nothing left);
 * `bounced` / `complained` when SES reported so after sending.
 */
export const OutboundStateSchema = z.enum([
  'sending',
  'sent',
  'unconfirmed',
  'rejected',
  'bounced',
  'complained',
]);
export type OutboundState = z.infer<typeof OutboundStateSchema>;

export const OutboundKindSchema = z.enum(['reply', 'resolution-notice', 'priority-notice']);
export type OutboundKind = z.infer<typeof OutboundKindSchema>;

/** What the agent asked after sending: nothing, wait on the client (GTR paused), or resolve. */
export const ReplyThenSchema = z.enum(['wait', 'resolve']);
export type ReplyThen = z.infer<typeof ReplyThenSchema>;

/** Idempotency keys are the caller's (a UUID per compose in the portal): printable, bounded, key-safe. */
export const IdempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'use 8 to 100 letters, digits, "-" or "_" (a UUID per compose)');

/** The id the server gave an agent's upload (`POST …/reply-uploads`): a UUID, safe in an object key. */
export const UploadIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'an upload id is the UUID the upload route gave',
  );

/** A file mailed with a reply, kept where it was uploaded (under the ticket). */
export const OutboundAttachmentSchema = z.object({
  uploadId: UploadIdSchema,
  key: z.string(),
  /** Sanitised (attachment-policy.ts): safe in a header and an object key. */
  filename: z.string(),
  size: z.number().int().nonnegative(),
});
export type OutboundAttachment = z.infer<typeof OutboundAttachmentSchema>;

export const OutboundMessageSchema = z.object({
  reference: z.string(),
  /** The caller's idempotency key (replies) or `<purpose>-<event>` (notifications): one mail per key. */
  key: z.string().min(1),
  kind: OutboundKindSchema,
  /** Agent id (or `service` for notifications). */
  author: z.string().min(1),
  authorName: z.string(),
  createdAt: IsoInstant,
  state: OutboundStateSchema,
  /** Set while `sending`: who holds the lease and until when. */
  attemptId: z.string().nullable(),
  leaseUntil: IsoInstant.nullable(),
  /** `<MessageId@REGION.amazonses.com>`: what the client's answer carries in In-Reply-To. */
  messageId: z.string().nullable(),
  sentAt: IsoInstant.nullable(),
  /** Why it is unconfirmed, rejected or bounced. */
  reason: z.string().nullable(),
  to: MailAddressSchema,
  cc: z.array(MailAddressSchema),
  subject: z.string(),
  /** What the agent wrote (without greeting and signature), and the full text as mailed. */
  text: z.string(),
  body: z.string(),
  afterwards: ReplyThenSchema.nullable(),
  /** The files mailed with it (replies only; none on messages written before attachments existed). */
  attachments: z.array(OutboundAttachmentSchema).default([]),
  /** A digest of the request: the same key with another request is refused rather than ignored. */
  requestDigest: z.string(),
  /** How many times an agent resent it explicitly after `unconfirmed` ("renvoyer"). */
  resends: z.number().int().nonnegative(),
  updatedAt: IsoInstant,
});
export type OutboundMessage = z.infer<typeof OutboundMessageSchema>;

/** French labels of the states, as the portal shows them (conversation.md §3). */
export const OUTBOUND_STATE_LABEL: Record<OutboundState, string> = {
  sending: 'envoi en cours',
  sent: 'envoyé',
  unconfirmed: 'non confirmé',
  rejected: 'rejeté',
  bounced: 'rebond',
  complained: 'plainte',
};
