import { readFile } from 'node:fs/promises';
import { loadClientDirectory, loadServiceDeskConfig } from '../adapters/local/config-files';
import { envelopeOf } from '../adapters/local/eml-envelope';
import { parseMail } from '../adapters/mailparser-mail-parser';
import type { ClientEntry } from '../domain/desk/client-directory';
import type { ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { headerValue, type InboundEmail } from '../domain/mail/inbound-email';
import { NOT_CHECKED_VERDICTS, type Receipt, ReceiptSchema } from '../domain/mail/receipt';

/**
 * What the CLI commands (functions/cli) need from the adapters, composed here so that a command
 * never imports an adapter: configuration files, .eml files parsed and given a CLI receipt.
 */

/** The service-desk configuration (default config/service-desk.json) and the client directory, if any. */
export async function loadContext(flags: {
  config?: string | undefined;
  clients?: string | undefined;
}): Promise<{ config: ServiceDeskConfig; clients: ClientEntry[] }> {
  const config = await loadServiceDeskConfig(flags.config);
  const clients = flags.clients ? await loadClientDirectory(flags.clients) : [];
  return { config, clients };
}

/**
 * A raw message as the CLI sees it: parsed, with a receipt whose verdicts are NOT_CHECKED (unless the
 * caller gives them: `ingest --verdicts`) and whose
 * envelope sender is the Return-Path header the delivering MTA wrote (`<>`: the null sender '' of
 * bounces; no header: unknown, null). The caller says when it arrived, to whom, and its delivery id.
 */
export async function cliMail(
  raw: Uint8Array,
  arrival: { receivedAt: string; recipients: string[]; deliveryId: string; verdicts?: Receipt['verdicts'] },
): Promise<{ email: InboundEmail; receipt: Receipt }> {
  const { email } = await parseMail(raw);
  const returnPath = headerValue(email, 'return-path');
  const receipt = ReceiptSchema.parse({
    receivedAt: arrival.receivedAt,
    recipients: arrival.recipients,
    envelopeFrom:
      returnPath === undefined
        ? null
        : (/<([^<>]*)>/.exec(returnPath)?.[1] ?? returnPath).trim().toLowerCase(),
    verdicts: arrival.verdicts ?? NOT_CHECKED_VERDICTS,
    dmarcPolicy: null,
    channel: 'cli',
    deliveryId: arrival.deliveryId,
  });
  return { email, receipt };
}

/**
 * An .eml file ready for `exo-intake send`: its bytes and the envelope a delivering server would use
 * (Return-Path, else From; To and Cc), the recipients replaced by `to` when given.
 */
export async function readEmlForSending(
  file: string,
  to?: string[],
): Promise<{ raw: Buffer; envelope: { from: string; to: string[] } }> {
  const raw = await readFile(file);
  const { email } = await parseMail(raw);
  const found = envelopeOf(email);
  return { raw, envelope: { from: found.from, to: to ?? found.to } };
}
