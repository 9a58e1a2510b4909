import { describe, expect, it } from 'vitest';
import { metricsOf } from '../../../functions/intake/intake-metrics';
import type { IntakeResult } from '../../../shared/use-cases/intake-email';

const base: IntakeResult = {
  outcome: 'ticket-created',
  originalOutcome: null,
  channel: 'ses',
  deliveryId: 'd',
  messageId: '<m@x>',
  deskId: 'reunion',
  reference: 'EXO-2026-000001',
  linkedTo: null,
  priority: 'normale',
  gtiDueAt: null,
  gtrDueAt: null,
  acknowledgement: null,
  acknowledgementChanged: null,
  reason: null,
  attachments: 0,
  attachmentsSkipped: false,
};

describe('Function: metricsOf', () => {
  it('counts a created ticket and the acknowledgement this run sent', () => {
    expect(metricsOf({ ...base, acknowledgementChanged: 'sent' })).toEqual([
      'TicketsCreated',
      'AcknowledgementsSent',
    ]);
  });

  it('counts a reopening as a follow-up and a reopening', () => {
    expect(metricsOf({ ...base, outcome: 'reopened' })).toEqual(['FollowUps', 'TicketsReopened']);
  });

  it('counts a duplicate as such, plus the acknowledgement it finished sending, never a second ticket', () => {
    expect(metricsOf({ ...base, outcome: 'duplicate', acknowledgementChanged: 'sent' })).toEqual([
      'DuplicateDeliveries',
      'AcknowledgementsSent',
    ]);
  });

  it('counts suspended, quarantined and loop messages, and suppressed, failed or unconfirmed acknowledgements', () => {
    expect(metricsOf({ ...base, outcome: 'suspended' })).toEqual(['Suspended']);
    expect(metricsOf({ ...base, outcome: 'quarantined' })).toEqual(['Quarantined']);
    expect(metricsOf({ ...base, outcome: 'loop-ignored' })).toEqual(['LoopsIgnored']);
    expect(metricsOf({ ...base, acknowledgementChanged: 'suppressed' })).toContain(
      'AcknowledgementsSuppressed',
    );
    expect(metricsOf({ ...base, acknowledgementChanged: 'failed' })).toContain('AcknowledgementsFailed');
    expect(metricsOf({ ...base, acknowledgementChanged: 'unconfirmed' })).toContain(
      'AcknowledgementsUnconfirmed',
    );
  });
});
