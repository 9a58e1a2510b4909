import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DateTime } from 'luxon';
import { type Desk, deskById, type ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import { ExodataError } from '../../shared/domain/errors';
import type { InboundEmail } from '../../shared/domain/mail/inbound-email';
import { type TriageContext, type TriageResult, triageEmail } from '../../shared/use-cases/triage-email';
import { cliMail } from '../../shared/wiring/cli';

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
    const digest = createHash('sha256').update(raw).digest('hex').slice(0, 16);
    const { email, receipt } = await cliMail(raw, {
      receivedAt: receivedAt.toISOString(),
      recipients: [],
      deliveryId: `cli-${basename(file)}-${digest}`,
    });
    return { file, ok: true, email, result: triageEmail(email, receipt, ctx) };
  } catch (error) {
    return { file, ok: false, error: describeError(error) };
  }
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
