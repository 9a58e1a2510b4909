import { describe, expect, it } from 'vitest';
import { ConfigError, type ExodataError } from '../../../shared/domain/errors';
import { ticketOutcome } from '../../../shared/domain/report/ticket-outcome';
import { NO_WORK } from '../../../shared/domain/ticket/ticket-work';
import { aTicket, config, reunionAt } from '../ticket/fixtures';

const NOW = reunionAt('2026-12-10T12:00');

describe('ticketOutcome: data a report must survive', () => {
  it('counts 0 minutes to a first contact logged before the receipt (a skewed clock), not an error', () => {
    const ticket = aTicket({
      status: 'en cours',
      work: {
        ...NO_WORK,
        firstContact: {
          at: reunionAt('2026-11-30T08:55').toISOString(),
          channel: 'phone',
          agentId: 'alice@exodata.fr',
          gtiMet: true,
          implicit: false,
        },
      },
    });
    expect(ticketOutcome(ticket, NOW, config).gti).toMatchObject({
      outcome: 'met',
      openMinutes: 0,
      wallMinutes: 0,
    });
  });

  it('says which desk is missing from the configuration and what to do', () => {
    try {
      ticketOutcome(aTicket({ desk: 'tahiti' }), NOW, config);
      expect.unreachable('a ticket of an unconfigured desk must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ExodataError).toUserMessage()).toBe(
        'ticket EXO-2026-000042 belongs to desk "tahiti", not configured (report with the service-desk configuration the tickets were written with)',
      );
    }
  });
});
