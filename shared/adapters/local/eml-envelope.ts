import { headerValue, type InboundEmail } from '../../domain/mail/inbound-email';

/**
 * The envelope a delivering server would have used for a stored message: sender from `Return-Path`
 * (`<>` is the null sender of bounces and auto-replies), else `From`; recipients from To and Cc.
 */
export function envelopeOf(email: InboundEmail): { from: string; to: string[] } {
  const returnPath = headerValue(email, 'return-path');
  const from =
    returnPath !== undefined
      ? (/<([^<>]*)>/.exec(returnPath)?.[1] ?? returnPath).trim().toLowerCase()
      : (email.from?.address.toLowerCase() ?? '');
  const to = [...new Set([...email.to, ...email.cc].map((a) => a.address.toLowerCase()))];
  return { from, to };
}
