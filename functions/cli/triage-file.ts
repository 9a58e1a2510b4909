import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { parseMail } from '../../shared/adapters/mailparser-mail-parser';
import { type Desk, deskById, type ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import { ExodataError } from '../../shared/domain/errors';
import { headerValue, type InboundEmail } from '../../shared/domain/mail/inbound-email';
import { NOT_CHECKED_VERDICTS, type Receipt, ReceiptSchema } from '../../shared/domain/mail/receipt';
import { type TriageContext, type TriageResult, triageEmail } from '../../shared/use-cases/triage-email';

export type TriagedFile =
  | { file: string; ok: true; email: InboundEmail; result: TriageResult }
  | { file: string; ok: false; error: string };

/**
 * Reads, parses and triages one .eml file as the CLI sees it: no SES verdicts (NOT_CHECKED), no
 * envelope recipients (the desk comes from To/Cc), the envelope sender taken from the Return-Path
 * header the delivering MTA wrote. Never throws: a failure is a result, so a batch goes on.
 */
export async function triageFile(file: string, receivedAt: Date, ctx: TriageContext): Promise<TriagedFile> {
  try {
    const raw = await readFile(file);
    const { email } = await parseMail(raw);
    const receipt = cliReceipt(raw, file, email, receivedAt);
    return { file, ok: true, email, result: triageEmail(email, receipt, ctx) };
  } catch (error) {
    return { file, ok: false, error: describeError(error) };
  }
}

function cliReceipt(raw: Buffer, file: string, email: InboundEmail, receivedAt: Date): Receipt {
  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return ReceiptSchema.parse({
    receivedAt: receivedAt.toISOString(),
    recipients: [],
    envelopeFrom: returnPathOf(email),
    verdicts: NOT_CHECKED_VERDICTS,
    dmarcPolicy: null,
    channel: 'cli',
    deliveryId: `cli-${basename(file)}-${digest}`,
  });
}

/** `Return-Path: <>` is the null sender of bounces (''); no header: unknown (null). */
function returnPathOf(email: InboundEmail): string | null {
  const value = headerValue(email, 'return-path');
  if (value === undefined) return null;
  const inside = /<([^<>]*)>/.exec(value)?.[1] ?? value;
  return inside.trim().toLowerCase();
}

function describeError(error: unknown): string {
  if (error instanceof ExodataError) return error.toUserMessage();
  if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') return 'file not found';
  if ((error as NodeJS.ErrnoException)?.code === 'EISDIR') return 'is a directory, not an .eml file';
  return error instanceof Error ? error.message : String(error);
}

/** ISO 8601 in the desk's own offset, e.g. 2026-11-30T08:05:00.000+04:00. */
export function inDeskZone(instant: Date, desk: Desk): string {
  const local = DateTime.fromJSDate(instant, { zone: desk.timeZone });
  return local.toISO() ?? instant.toISOString();
}

export function deskOrThrow(config: ServiceDeskConfig, deskId: string): Desk {
  const desk = deskById(config, deskId);
  if (!desk) throw new Error(`desk ${deskId} missing from configuration`);
  return desk;
}
