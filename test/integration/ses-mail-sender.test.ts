import { SESClient, type SendRawEmailCommandInput } from '@aws-sdk/client-ses';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SesMailSender } from '../../shared/adapters/aws/ses-mail-sender';
import {
  EMULATOR_REGION,
  type SesEmulator,
  startSesEmulator,
} from '../../shared/adapters/local/services/ses-emulator';
import { buildAcknowledgement } from '../../shared/domain/acknowledgement/acknowledgement';
import { acknowledgementMail } from '../../shared/domain/acknowledgement/acknowledgement-mail';
import { TransientError } from '../../shared/domain/errors';
import { ackInput, desk } from '../unit/acknowledgement/support';

const mail = acknowledgementMail({
  reference: 'EXO-2026-000123',
  desk: desk('reunion'),
  requester: { name: 'Marie Payet', address: 'marie.payet@client.re' },
  inbound: { messageId: '<msg-42@client.re>', references: ['<root@client.re>'] },
  content: buildAcknowledgement(ackInput()),
});

describe('Class: SesMailSender (against the SES emulator)', () => {
  let ses: SesEmulator;
  let client: SESClient;
  const sentInputs: SendRawEmailCommandInput[] = [];

  beforeAll(async () => {
    ses = await startSesEmulator();
    client = new SESClient({ ...ses.clientConfig, maxAttempts: 1 });
    // Records what the adapter asks SES to do (the emulator does not keep Source or Destinations).
    client.middlewareStack.add(
      (next) => async (args) => {
        sentInputs.push(args.input as SendRawEmailCommandInput);
        return next(args);
      },
      { step: 'initialize' },
    );
  });
  afterAll(async () => {
    client?.destroy();
    await ses?.stop();
  });
  beforeEach(async () => {
    sentInputs.length = 0;
    await ses.clear();
  });

  describe('Method: send', () => {
    it('delivers the acknowledgement and returns the Message-ID SES gives it', async () => {
      const sender = new SesMailSender({ client, region: EMULATOR_REGION });
      const sent = await sender.send(mail);

      const stored = await ses.store();
      expect(stored).toHaveLength(1);
      const [email] = stored;
      expect(sent.messageId).toBe(`<${email?.messageId}@eu-west-3.amazonses.com>`);
      expect(email?.from).toBe('"Service Desk Exodata – La Réunion" <reunion@exodata.fr>');
      expect(email?.replyTo).toEqual(['reunion@exodata.fr']);
      expect(email?.destination).toEqual({ to: ['"Marie Payet" <marie.payet@client.re>'], cc: [], bcc: [] });
      expect(email?.subject).toBe('[EXO-2026-000123] Serveur de fichiers inaccessible');
      expect(email?.body.text).toBe(mail.text);
      expect(email?.body.html).toBe(mail.html);
    });

    it('sends from the desk address to the requester only, with the configuration set', async () => {
      const sender = new SesMailSender({ client, region: EMULATOR_REGION, configurationSet: 'exodata-acks' });
      const sent = await sender.send(mail);
      expect(sentInputs).toHaveLength(1);
      expect(sentInputs[0]?.Source).toBe('reunion@exodata.fr');
      expect(sentInputs[0]?.Destinations).toEqual(['marie.payet@client.re']);
      expect(sentInputs[0]?.ConfigurationSetName).toBe('exodata-acks');
      expect(Buffer.from(sentInputs[0]?.RawMessage?.Data ?? []).equals(sent.raw)).toBe(true);
    });

    it('returns the raw MIME with the headers the emulator does not keep', async () => {
      const sent = await new SesMailSender({ client, region: EMULATOR_REGION }).send(mail);
      const parsed = await simpleParser(sent.raw);
      expect(parsed.inReplyTo).toBe('<msg-42@client.re>');
      expect(parsed.references).toEqual(['<root@client.re>', '<msg-42@client.re>']);
      expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
      expect(parsed.headers.get('x-exodata-loop')).toBe('EXO-2026-000123');
    });
  });
});

describe('Class: SesMailSender (SES unreachable)', () => {
  it('throws a TransientError when the endpoint refuses the connection', async () => {
    const ses = await startSesEmulator();
    const config = ses.clientConfig;
    await ses.stop();
    const client = new SESClient({ ...config, maxAttempts: 1 });
    try {
      const sender = new SesMailSender({ client, region: EMULATOR_REGION });
      await expect(sender.send(mail)).rejects.toBeInstanceOf(TransientError);
    } finally {
      client.destroy();
    }
  });
});

describe('Function: startSesEmulator', () => {
  it('refuses a second in-process emulator while one runs, and allows one after stop', async () => {
    const first = await startSesEmulator();
    try {
      await expect(startSesEmulator()).rejects.toThrow(/child-process/);
    } finally {
      await first.stop();
      await first.stop();
    }
    const again = await startSesEmulator();
    expect(await again.store()).toEqual([]);
    await again.stop();
  });

  it('runs an isolated emulator in a child process and kills it on stop', async () => {
    const ses = await startSesEmulator({ mode: 'child-process' });
    const client = new SESClient({ ...ses.clientConfig, maxAttempts: 1 });
    try {
      await new SesMailSender({ client, region: EMULATOR_REGION }).send(mail);
      expect((await ses.store()).map((e) => e.subject)).toEqual([mail.subject]);
      await ses.clear();
      expect(await ses.store()).toEqual([]);
    } finally {
      client.destroy();
      await ses.stop();
    }
    await expect(fetch(`${ses.endpoint}/store`)).rejects.toThrow();
  });
});
