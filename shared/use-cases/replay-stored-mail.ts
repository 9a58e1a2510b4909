import type { Receipt } from '../domain/mail/receipt';
import type { IntakeDependencies } from './intake-email';
import type { IntakeContext } from './intake-records';
import { type TriageResult, triageEmail } from './triage-email';

/** What replaying a kept message needs: the intake's own parser, triage inputs and stores. */
export type StoredMailDeps = Pick<
  IntakeDependencies,
  'config' | 'clients' | 'parser' | 'tickets' | 'rawMail' | 'attachments' | 'clock' | 'newId'
> & { maxAttachmentBytes: number };

/**
 * A message the intake kept aside (a suspended message, a held follow-up) read again from its raw
 * bytes, parsed and triaged as at its receipt, so that an agent's decision builds the ticket or the
 * follow-up with the intake's own builders. `sender` overrides the sender's trust verdict when the
 * agent vouches for it.
 */
export async function replayStoredMail(
  stored: { receipt: Receipt; rawKey: string; deskId: string },
  deps: StoredMailDeps,
  sender?: TriageResult['sender'],
): Promise<IntakeContext> {
  const raw = await deps.rawMail.get(stored.rawKey);
  const parsed = await deps.parser.parse(raw, { maxAttachmentBytes: deps.maxAttachmentBytes });
  const triage = triageEmail(parsed.email, stored.receipt, {
    config: deps.config,
    clients: await deps.clients(),
  });
  return {
    receipt: stored.receipt,
    parsed,
    raw,
    triage: sender ? { ...triage, sender } : triage,
    rawKey: stored.rawKey,
    commitToken: deps.newId(),
    now: deps.clock.now(),
    ourAddresses: deps.config.desks.map((d) => d.address),
    attachmentKey: (sha256, filename) => deps.attachments.keyFor(stored.deskId, sha256, filename),
  };
}
