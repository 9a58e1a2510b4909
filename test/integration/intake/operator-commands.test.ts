import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryOf } from '../../../functions/cli/command';
import { createRedriveCommand } from '../../../functions/cli/commands/redrive';
import { createReprocessCommand } from '../../../functions/cli/commands/reprocess';
import { main } from '../../../functions/cli/main';
import { FileFailedEventQueue } from '../../../shared/adapters/local/file-failed-event-queue';
import { IntakeError } from '../../../shared/domain/errors';
import { errors } from './faults';
import { createIntake, type Intake, type Services, startServices, stopServices } from './harness';
import { fixture, mail } from './mail';

/** Runs one CLI command against the test's intake; stdout parsed as JSON lines. */
async function run(intake: Intake, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const commands = [
    createReprocessCommand(async () => ({ deps: intake.deps })),
    createRedriveCommand(async ({ file }) => ({
      deps: intake.deps,
      queue: new FileFailedEventQueue(file ?? ''),
    })),
  ].map(entryOf);
  const context = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    clock: intake.clock,
  };
  const code = await main(argv, context, commands);
  const lines = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, stderr };
}

describe('Commands: exo-intake reprocess and redrive (DynamoDB Local, s3rver, SES emulator)', () => {
  let services: Services;
  let intake: Intake;
  let dir: string;
  beforeAll(async () => {
    services = await startServices();
    intake = await createIntake(services, { tableName: 'operator' });
    dir = await mkdtemp(join(tmpdir(), 'redrive-'));
  });
  afterAll(async () => {
    intake?.destroy();
    await stopServices(services);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('Command: reprocess', () => {
    it('makes a ticket of a message quarantined by a parser failure once the parser works, and releases it', async () => {
      await services.ses.clear();
      const parser = intake.deps.parser;
      intake.deps.parser = {
        streamAttachments: (...args) => parser.streamAttachments(...args),
        parse: async () => {
          throw new IntakeError('PARSE_TIMEOUT', 'parsing took longer than 10000 ms');
        },
      };
      const quarantined = await intake.deliver(mail({ messageId: '<slow-parse@hotel-lagon-bleu.re>' }));
      intake.deps.parser = parser;
      expect(quarantined.outcome).toBe('quarantined');

      const { code, lines } = await run(intake, ['reprocess', '--delivery', quarantined.deliveryId]);

      expect(code).toBe(0);
      expect(lines).toEqual([
        expect.objectContaining({ ok: true, outcome: 'ticket-created', acknowledgementChanged: 'sent' }),
      ]);
      const record = await intake.store.getQuarantine('ses', quarantined.deliveryId);
      expect(record).toMatchObject({
        status: 'released',
        releasedOutcome: 'ticket-created',
        releasedReference: lines[0]?.reference,
      });
      expect((await intake.store.listQuarantine(100)).map((q) => q.deliveryId)).not.toContain(
        quarantined.deliveryId,
      );
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('reprocesses what is still quarantined, keeps what still fails there, and exits 1', async () => {
      const unparseable = await intake.deliver(fixture('unparseable-binary.eml'));
      const { code, lines } = await run(intake, ['reprocess', '--quarantined']);
      expect(code).toBe(1);
      expect(lines).toEqual([
        expect.objectContaining({ ok: false, outcome: 'quarantined', deliveryId: unparseable.deliveryId }),
      ]);
      expect((await intake.store.getQuarantine('ses', unparseable.deliveryId))?.status).toBe('quarantined');
    });

    it('runs a failed delivery again from its recorded receipt, and a second reprocess changes nothing', async () => {
      await services.ses.clear();
      const event = await intake.arrive(
        mail({ from: 'paul@quincaillerie-du-port.re', subject: 'Caisse bloquée' }),
      );
      const deliveryId = event.Records[0]?.ses.mail.messageId ?? '';
      intake.faults.failBefore('dynamodb', 'TransactWriteItemsCommand', errors.dynamoThrottled, 1000);
      await expect(intake.handler(event)).rejects.toThrow();
      intake.faults.clear();
      expect(await intake.store.getDelivery('ses', deliveryId)).toMatchObject({ outcome: 'failed' });

      const first = await run(intake, ['reprocess', '--delivery', deliveryId]);
      const second = await run(intake, ['reprocess', '--delivery', deliveryId]);

      expect(first.lines[0]).toMatchObject({ outcome: 'ticket-created', acknowledgement: { state: 'sent' } });
      expect(second.lines[0]).toMatchObject({ outcome: 'duplicate', reference: first.lines[0]?.reference });
      expect(await intake.store.getDelivery('ses', deliveryId)).toMatchObject({ outcome: 'ticket-created' });
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('says what to do when the delivery is unknown', async () => {
      const { code, lines } = await run(intake, ['reprocess', '--delivery', 'no-such-delivery']);
      expect(code).toBe(1);
      expect(lines[0]).toMatchObject({
        ok: false,
        error: expect.stringMatching(/no record of ses delivery .*exo-intake redrive/),
      });
      const again = await run(intake, ['reprocess']);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/either --delivery ID or --quarantined/);
    });
  });

  describe('Command: redrive', () => {
    it('runs the SES event of an on-failure record once, and a second redrive of it is a duplicate', async () => {
      await services.ses.clear();
      const event = await intake.arrive(mail({ from: 'lea@notaires.example', subject: 'Scanner en panne' }));
      const record = {
        version: '1.0',
        timestamp: '2026-11-30T06:03:00.000Z',
        requestContext: { requestId: 'req-1', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
        requestPayload: event,
        responseContext: { statusCode: 200, functionError: 'Unhandled' },
        responsePayload: { errorType: 'TransientError', errorMessage: 'SES throttled' },
      };
      const file = join(dir, 'failed.jsonl');
      await writeFile(file, `${JSON.stringify(record)}\n`);

      const dry = await run(intake, ['redrive', '--file', file, '--dry-run']);
      const first = await run(intake, ['redrive', '--file', file]);
      const second = await run(intake, ['redrive', '--file', file]);

      expect(dry.lines[0]).toMatchObject({
        ok: true,
        dryRun: true,
        failedWith: 'TransientError: SES throttled',
      });
      expect(first.code).toBe(0);
      expect(first.lines[0]).toMatchObject({
        ok: true,
        outcome: 'ticket-created',
        acknowledgementChanged: 'sent',
      });
      expect(second.lines[0]).toMatchObject({
        ok: true,
        outcome: 'duplicate',
        reference: first.lines[0]?.reference,
      });
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('reports a message that is not a failed intake event and exits 1', async () => {
      const file = join(dir, 'garbage.jsonl');
      await writeFile(file, '{"hello":"world"}\n');
      const { code, lines } = await run(intake, ['redrive', '--file', file]);
      expect(code).toBe(1);
      expect(lines[0]).toMatchObject({
        ok: false,
        error: expect.stringMatching(/not a failed SES intake event/),
      });
    });
  });
});
