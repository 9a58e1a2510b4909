/** What the mail service reported about one message we sent (SES bounce/complaint notification). */
export type DeliveryFeedback = {
  kind: 'bounce' | 'complaint' | 'other';
  /** Label for logs: Bounce, Complaint, Delivery… */
  label: string;
  /** A bounce that will not go away (unknown user, domain) as opposed to a full mailbox. */
  permanent: boolean;
  recipients: Array<{ address: string; detail: string }>;
  sentMessageId: string | null;
};
