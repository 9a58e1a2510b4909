import * as z from 'zod';
import type { DeliveryFeedback } from '../../domain/mail/delivery-feedback';

/**
 * SES sending feedback delivered through SNS: identity notifications (`notificationType`) or
 * configuration-set event publishing (`eventType`), same body shape for what we read.
 * https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html
 */
const Recipient = z.object({ emailAddress: z.string() }).loose();

const SesFeedbackSchema = z
  .object({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    mail: z.object({ messageId: z.string(), timestamp: z.string().optional() }).loose(),
    bounce: z
      .object({
        bounceType: z.string(),
        bounceSubType: z.string().optional(),
        bouncedRecipients: z.array(Recipient.extend({ diagnosticCode: z.string().optional() })),
        timestamp: z.string(),
      })
      .loose()
      .optional(),
    complaint: z
      .object({
        complainedRecipients: z.array(Recipient),
        complaintFeedbackType: z.string().optional(),
        timestamp: z.string(),
      })
      .loose()
      .optional(),
  })
  .loose()
  .refine((n) => n.notificationType !== undefined || n.eventType !== undefined, {
    message: 'neither notificationType nor eventType: not an SES notification',
  });
export type SesFeedback = z.infer<typeof SesFeedbackSchema>;

export const SnsEventSchema = z.object({
  Records: z
    .array(
      z
        .object({
          EventSource: z.literal('aws:sns'),
          Sns: z.object({ MessageId: z.string(), Message: z.string() }).loose(),
        })
        .loose(),
    )
    .min(1),
});

/** The SES notification inside one SNS record (its Message is a JSON string). */
export function parseSesFeedback(message: string): SesFeedback {
  return SesFeedbackSchema.parse(JSON.parse(message));
}

/** The SES notification in the intake's own terms. */
export function deliveryFeedbackOf(feedback: SesFeedback): DeliveryFeedback {
  const label = feedback.notificationType ?? feedback.eventType ?? 'unknown';
  const sentMessageId = feedback.mail.messageId;
  if (label === 'Bounce' && feedback.bounce) {
    const { bounce } = feedback;
    return {
      kind: 'bounce',
      label,
      permanent: bounce.bounceType === 'Permanent',
      recipients: bounce.bouncedRecipients.map((r) => ({
        address: r.emailAddress,
        detail: [bounce.bounceSubType, r.diagnosticCode].filter(Boolean).join(': ') || bounce.bounceType,
      })),
      sentMessageId,
    };
  }
  if (label === 'Complaint' && feedback.complaint) {
    const { complaint } = feedback;
    return {
      kind: 'complaint',
      label,
      permanent: true,
      recipients: complaint.complainedRecipients.map((r) => ({
        address: r.emailAddress,
        detail: complaint.complaintFeedbackType ?? 'complaint',
      })),
      sentMessageId,
    };
  }
  return { kind: 'other', label, permanent: false, recipients: [], sentMessageId };
}
