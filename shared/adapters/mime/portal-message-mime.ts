import MailComposer from 'nodemailer/lib/mail-composer';
import { stripControlCharacters } from '../../domain/acknowledgement/subject';
import type { PortalMessageMail } from '../../ports/mail-composer';
import { plainAddress } from './acknowledgement-mime';

/**
 * A portal message as a plain-text mail (UTF-8, quoted-printable as needed): no Auto-Submitted and no
 * loop header, so the intake reads it as the person's follow-up it is. Names and subject are stripped
 * of CR/LF and control characters; addresses must be plain mailboxes (no header injection).
 */
export async function composePortalMessage(mail: PortalMessageMail): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: { name: stripControlCharacters(mail.from.name), address: plainAddress(mail.from.address, 'from') },
    to: plainAddress(mail.to, 'to'),
    subject: stripControlCharacters(mail.subject),
    text: mail.text,
    messageId: mail.messageId,
    date: mail.date,
    headers: { 'X-Exodata-Channel': 'portal' },
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: stripControlCharacters(a.filename),
      content: Buffer.from(a.content),
      contentType: 'application/octet-stream',
    })),
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
