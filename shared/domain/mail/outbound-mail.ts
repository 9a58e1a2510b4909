/** An outbound message, already rendered. The adapter builds the MIME and sends it raw. */
export type OutboundMail = {
  from: { name: string; address: string };
  replyTo: string;
  to: { name: string; address: string };
  /** Copied recipients (an agent's reply: the Cc of the client's first message). Default none. */
  cc?: Array<{ name: string; address: string }>;
  subject: string;
  text: string;
  html: string;
  /** Client Message-ID we answer (with <>), for In-Reply-To; References = client's References + this. */
  inReplyTo: string | null;
  references: string[];
  /** Extra headers (Auto-Submitted, X-Auto-Response-Suppress, X-Exodata-Loop…). Values are sanitised. */
  headers: Record<string, string>;
  /**
   * An automatic message (acknowledgement, notification) gets Auto-Submitted and
   * X-Auto-Response-Suppress; a person's reply (false) gets neither, only the loop header. Default true.
   */
  automatic?: boolean;
  /**
   * Files mailed with it (an agent's reply), already checked by the attachment policy; their names
   * sanitised. The type is guessed from the name; the disposition is always `attachment`.
   */
  attachments?: Array<{ filename: string; content: Uint8Array }>;
  /** Idempotency token for logs and for adapters that support it (ticket ref + purpose). */
  idempotencyKey: string;
};
