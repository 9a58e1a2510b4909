import { describe, expect, it } from 'vitest';
import { smtpReceipt } from '../../../shared/adapters/local/smtp-receipt';
import type { ServiceDeskConfig } from '../../../shared/domain/desk/service-desk-config';
import type { Ticket } from '../../../shared/domain/ticket/ticket';
import type { IntakeResult } from '../../../shared/use-cases/intake-email';
import { intakeLogLine } from '../../../shared/wiring/intake-log-line';

const config: ServiceDeskConfig = {
  defaultDeskId: 'reunion',
  contact: {
    portalBaseUrl: 'https://support.exodata.fr',
    emergencyPhone: '02 62 500 700',
    officePhone: '+262 (0) 262 977 955',
    officeAddress: '4 rue Émile Hugot, 97490 Sainte-Clotilde',
  },
  desks: [
    {
      id: 'reunion',
      address: 'reunion@exodata.fr',
      displayName: 'Service Desk Exodata – La Réunion',
      timeZone: 'Indian/Reunion',
      zoneLabelFr: 'heure de La Réunion',
      zoneLabelEn: 'Réunion time',
      holidays: { country: 'FR', state: 'RE' },
    },
  ],
} as ServiceDeskConfig;

const receipt = smtpReceipt(
  {
    mailFrom: 'jean.hoarau@quincaillerie-du-port.re',
    recipients: ['reunion@exodata.fr'],
    receivedAt: new Date('2026-11-27T19:50:00Z'),
    remoteAddress: '127.0.0.1',
    sessionId: 's1',
  },
  'd1',
);

const ticket: Ticket = {
  reference: 'EXO-2026-000007',
  desk: 'reunion',
  deskOnDuty: { deskId: 'reunion', onCall: false },
  client: { clientId: 'CLI-RE-0027', name: 'Quincaillerie du Port', matchedBy: 'domain' },
  contract: 'standard',
  requester: { address: 'jean.hoarau@quincaillerie-du-port.re', name: 'Jean Hoarau' },
  participants: ['jean.hoarau@quincaillerie-du-port.re'],
  subject: 'Plus aucune caisse ne fonctionne',
  language: 'fr',
  priority: {
    level: 'critique',
    source: 'inferred',
    evidence: ['Toutes les caisses du magasin sont bloquées', 'aucune solution de contournement', 'caisse'],
    inferredLevel: 'critique',
  },
  status: 'nouveau',
  receivedAt: '2026-11-27T19:50:00.000Z',
  gtiDueAt: '2026-11-30T04:05:00.000Z',
  gtrDueAt: '2026-11-30T07:50:00.000Z',
  flags: {
    unknownClient: false,
    unverifiedSender: false,
    priorityDisagreement: false,
    attachmentsSkipped: false,
  },
  acknowledgement: {
    state: 'sent',
    reason: null,
    sesMessageId: '<ses-1@eu-west-3.amazonses.com>',
    attemptId: null,
    leaseUntil: null,
    updatedAt: '2026-11-27T19:50:01.000Z',
  },
  machineAlert: false,
  linkedTo: null,
  mentionedReference: null,
  resolvedAt: null,
  createdAt: '2026-11-27T19:50:00.000Z',
  updatedAt: '2026-11-27T19:50:00.000Z',
  messageCount: 1,
  version: 1,
};

const created: IntakeResult = {
  outcome: 'ticket-created',
  originalOutcome: null,
  channel: 'smtp',
  deliveryId: 'd1',
  messageId: '<m1@quincaillerie-du-port.re>',
  deskId: 'reunion',
  reference: ticket.reference,
  linkedTo: null,
  priority: 'critique',
  gtiDueAt: ticket.gtiDueAt,
  gtrDueAt: ticket.gtrDueAt,
  acknowledgement: { state: 'sent', reason: null, sesMessageId: '<ses-1@eu-west-3.amazonses.com>' },
  acknowledgementChanged: 'sent',
  reason: null,
  attachments: 0,
  attachmentsSkipped: false,
};

describe('Function: intakeLogLine', () => {
  it('says reference, desk, priority and why, deadlines in desk time and the acknowledgement when a ticket is made', () => {
    const line = intakeLogLine(created, ticket, receipt, config);

    expect(line).toBe(
      'EXO-2026-000007 new ticket · desk reunion · Quincaillerie du Port, standard · ' +
        'critique (inferred: "Toutes les caisses du magasin sont bloquées", "aucune solution de contournement" +1) · ' +
        'GTI lun. 30 nov. 2026 08:05, GTR lun. 30 nov. 2026 11:50 (heure de La Réunion) · ' +
        'acknowledged to jean.hoarau@quincaillerie-du-port.re <ses-1@eu-west-3.amazonses.com> · ' +
        'from jean.hoarau@quincaillerie-du-port.re to reunion@exodata.fr · spam/virus/DMARC not checked',
    );
  });

  it('says why a new ticket was not acknowledged', () => {
    const suppressed = {
      ...created,
      acknowledgement: { state: 'suppressed' as const, reason: 'noreply sender', sesMessageId: null },
    };

    expect(intakeLogLine(suppressed, ticket, receipt, config)).toContain(
      '· not acknowledged: noreply sender ·',
    );
  });

  it('keeps a follow-up short: clocks unchanged, no new acknowledgement', () => {
    const followUp = { ...created, outcome: 'follow-up' as const, acknowledgementChanged: null };

    const line = intakeLogLine(followUp, { ...ticket, messageCount: 2 }, receipt, config);

    expect(line).toContain(
      'EXO-2026-000007 follow-up · desk reunion · ticket nouveau, 2 messages, critique, clocks unchanged',
    );
    expect(line).toContain('no new acknowledgement (follow-up)');
    expect(line).not.toContain('GTI');
  });

  it('names the null sender and the reason of a suspended message', () => {
    const suspended: IntakeResult = {
      ...created,
      outcome: 'suspended',
      reference: null,
      acknowledgement: null,
      reason: 'automated (auto-reply): Auto-Submitted: auto-replied',
    };

    const line = intakeLogLine(suspended, null, { ...receipt, envelopeFrom: '' }, config);

    expect(line).toBe(
      'suspended, no ticket · desk reunion · automated (auto-reply): Auto-Submitted: auto-replied · not acknowledged · ' +
        'from <> (null sender) to reunion@exodata.fr · spam/virus/DMARC not checked',
    );
  });
});
