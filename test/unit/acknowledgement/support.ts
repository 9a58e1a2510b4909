import serviceDeskJson from '../../../config/service-desk.json';
import type { AcknowledgementInput } from '../../../shared/domain/acknowledgement/acknowledgement';
import { type Desk, ServiceDeskConfigSchema } from '../../../shared/domain/desk/service-desk-config';

/** The repository's own desk configuration, validated as the service validates it. */
const serviceDesk = ServiceDeskConfigSchema.parse(serviceDeskJson);

export function desk(id: string): Desk {
  const found = serviceDesk.desks.find((d) => d.id === id);
  if (!found) throw new Error(`no desk ${id} in config/service-desk.json`);
  return found;
}

/**
 * service-desk.md worked example: standard, Réunion, received Friday 2026-11-27 23:50 local,
 * critique → GTI Monday 30 November 08:05, GTR Monday 11:50 (UTC+4).
 */
export function ackInput(overrides: Partial<AcknowledgementInput> = {}): AcknowledgementInput {
  return {
    reference: 'EXO-2026-000123',
    desk: desk('reunion'),
    contact: serviceDesk.contact,
    language: 'fr',
    contract: 'standard',
    priority: {
      level: 'critique',
      source: 'inferred',
      evidence: ['personne ne peut', 'aucune solution de contournement'],
    },
    gtiDueAt: new Date('2026-11-30T04:05:00Z'),
    gtrDueAt: new Date('2026-11-30T07:50:00Z'),
    originalSubject: 'RE: Serveur de fichiers inaccessible',
    attachmentsSkipped: false,
    linkSecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    ...overrides,
  };
}
