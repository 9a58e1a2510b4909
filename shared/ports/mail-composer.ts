/**
 * A client's message written in the portal, as the raw RFC 5322 mail the intake reads: the portal's
 * messages take the e-mail follow-up's own path (docs/client-portal.md, "Writing").
 */
export type PortalMessageMail = {
  from: { name: string; address: string };
  /** The desk address the ticket belongs to. */
  to: string;
  subject: string;
  /** Plain text, as the client typed it. */
  text: string;
  /** `<…@portal.exodata.invalid>`, derived from the idempotency key: a retried request is a duplicate. */
  messageId: string;
  date: Date;
  /** The client's files, verified (client-uploads.ts): attached as a mailed file is. */
  attachments?: ReadonlyArray<{ filename: string; content: Uint8Array }>;
};

export type ComposePortalMail = (mail: PortalMessageMail) => Promise<Uint8Array>;
