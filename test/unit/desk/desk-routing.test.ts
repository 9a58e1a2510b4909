import { describe, expect, it } from 'vitest';
import { routeToDesk } from '../../../shared/domain/desk/desk-routing';
import type { MailAddress } from '../../../shared/domain/mail/inbound-email';
import { config } from '../sla/fixtures';

const addr = (address: string): MailAddress => ({ address, name: '' });

describe('Function: routeToDesk (service-desk-rules.md, "Desks")', () => {
  it('routes by the envelope first: a desk in Bcc only (envelope) wins over another desk in To', () => {
    expect(routeToDesk(config, ['martinique@exodata.fr'], [addr('guadeloupe@exodata.fr')], [])).toEqual({
      deskId: 'martinique',
      matchedBy: 'envelope',
    });
  });

  it('routes by To when the envelope names no desk, before Cc', () => {
    expect(
      routeToDesk(
        config,
        ['someone@client.example'],
        [addr('client@client.example'), addr('guadeloupe@exodata.fr')],
        [addr('martinique@exodata.fr')],
      ),
    ).toEqual({ deskId: 'guadeloupe', matchedBy: 'to' });
  });

  it('routes by Cc when neither the envelope nor To names a desk', () => {
    expect(
      routeToDesk(config, [], [addr('client@client.example')], [addr('nouvelle-caledonie@exodata.fr')]),
    ).toEqual({ deskId: 'nouvelle-caledonie', matchedBy: 'cc' });
  });

  it('takes the first desk address of a list when it names two desks', () => {
    expect(routeToDesk(config, ['guadeloupe@exodata.fr', 'martinique@exodata.fr'], [], [])).toEqual({
      deskId: 'guadeloupe',
      matchedBy: 'envelope',
    });
  });

  it('matches an address written in capitals or with spaces around it', () => {
    expect(routeToDesk(config, ['  Martinique@ExoData.FR '], [], [])).toEqual({
      deskId: 'martinique',
      matchedBy: 'envelope',
    });
  });

  it('falls back to the configured default desk when no desk address appears anywhere', () => {
    const routed = routeToDesk(config, ['x@client.example'], [addr('y@client.example')], []);
    expect(routed).toEqual({ deskId: config.defaultDeskId, matchedBy: 'default' });
  });

  it('does not take an address that only contains a desk address for the desk', () => {
    expect(
      routeToDesk(config, ['notmartinique@exodata.fr', 'martinique@exodata.fr.evil.example'], [], []),
    ).toEqual({ deskId: config.defaultDeskId, matchedBy: 'default' });
  });
});
