import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransientError } from '../../../shared/domain/errors';
import type { IntakeResult } from '../../../shared/use-cases/intake-email';
import { errors } from './faults';
import { createIntake, type Intake, type Services, startServices, stopServices } from './harness';
import { mail } from './mail';

/** The write that records the acknowledgement as sent: the ticket update to state `sent`. */
function recordsSent(input: Record<string, unknown>): boolean {
  const values = input.ExpressionAttributeValues as
    | Record<string, { M?: { state?: { S?: string } } }>
    | undefined;
  return values?.[':to']?.M?.state?.S === 'sent';
}

async function counter(intake: Intake): Promise<number> {
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const out = await intake.clients.doc.send(
    new GetCommand({
      TableName: intake.env.TABLE_NAME,
      Key: { pk: 'COUNTER#REFERENCE#2026', sk: '#COUNTER' },
    }),
  );
  return Number(out.Item?.seq ?? 0);
}

describe('Function: intakeEmail, exactly-once effects (DynamoDB Local, s3rver, SES emulator)', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await stopServices(services);
  });

  describe('concurrent deliveries', () => {
    let intake: Intake;
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'once-concurrent' });
      await services.ses.clear();
    });
    afterAll(() => intake?.destroy());

    it('makes one ticket and one acknowledgement of the same event delivered 10 times at once', async () => {
      const event = await intake.arrive(mail({ messageId: '<ten-at-once@hotel-lagon-bleu.re>' }));
      const results = (await Promise.all(Array.from({ length: 10 }, () => intake.handler(event)))).flat();

      const outcomes = results.map((r) => r.outcome).sort();
      expect(outcomes.filter((o) => o === 'ticket-created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9);
      expect(new Set(results.map((r) => r.reference))).toEqual(new Set(['EXO-2026-000001']));
      expect(results.every((r) => r.acknowledgement?.state === 'sent')).toBe(true);
      expect(await intake.sentMails()).toHaveLength(1);
      expect(await counter(intake)).toBe(1);
      expect(intake.metrics.recorded.filter((m) => m === 'AcknowledgementsSent')).toHaveLength(1);
      expect(intake.metrics.recorded.filter((m) => m === 'TicketsCreated')).toHaveLength(1);
    });
  });

  describe('many messages at once', () => {
    let intake: Intake;
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'once-parallel' });
      await services.ses.clear();
    });
    afterAll(() => intake?.destroy());

    it('gives 200 distinct messages processed in parallel 200 tickets with 200 distinct references, none burnt', async () => {
      const events = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          intake.arrive(
            mail({ from: `user${i}@client${i}.example`, messageId: `<parallel-${i}@client${i}.example>` }),
          ),
        ),
      );
      const started = Date.now();
      const results = (await Promise.all(events.map((e) => intake.handler(e)))).flat();
      const elapsed = Date.now() - started;

      expect(results.every((r) => r.outcome === 'ticket-created')).toBe(true);
      const states = results.map((r) => `${r.acknowledgement?.state}:${r.acknowledgement?.reason}`);
      expect(states.filter((s) => s !== 'sent:null')).toEqual([]);
      const references = results.map((r) => r.reference ?? '').sort();
      const expected = Array.from({ length: 200 }, (_, i) => `EXO-2026-${String(i + 1).padStart(6, '0')}`);
      expect(references).toEqual(expected);
      expect(await counter(intake)).toBe(200);
      expect(await intake.sentMails()).toHaveLength(200);
      console.info(
        `200 parallel intakes: ${elapsed} ms, ${intake.faults.count('dynamodb', 'TransactWriteItemsCommand')} transactions`,
      );
    }, 120_000);
  });

  describe('two processes on one table (Lambda instances)', () => {
    let first: Intake;
    let second: Intake;
    beforeAll(async () => {
      first = await createIntake(services, { tableName: 'once-two-processes' });
      second = await createIntake(services, { tableName: 'once-two-processes' });
      await services.ses.clear();
    });
    afterAll(() => {
      first?.destroy();
      second?.destroy();
    });

    it('races for the counter without giving a reference twice or skipping one, and makes one ticket of a message both receive', async () => {
      const distinct = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          first.arrive(
            mail({ from: `racer${i}@race${i}.example`, messageId: `<race-${i}@race${i}.example>` }),
          ),
        ),
      );
      const shared = await first.arrive(
        mail({ messageId: '<both@hotel-lagon-bleu.re>', subject: 'Les deux' }),
      );
      const runs = [
        ...distinct.map((event, i) => (i % 2 === 0 ? first : second).handler(event)),
        ...[first, second, first, second].map((intake) => intake.handler(shared)),
      ];
      const results = (await Promise.all(runs)).flat();

      const created = results.filter((r) => r.outcome === 'ticket-created');
      expect(created).toHaveLength(31);
      expect(results.filter((r) => r.outcome === 'duplicate')).toHaveLength(3);
      const expected = Array.from({ length: 31 }, (_, i) => `EXO-2026-${String(i + 1).padStart(6, '0')}`);
      expect(created.map((r) => r.reference).sort()).toEqual(expected);
      expect(await counter(first)).toBe(31);
      expect(await first.sentMails()).toHaveLength(31);
      const transactions = [first, second].map((i) =>
        i.faults.count('dynamodb', 'TransactWriteItemsCommand'),
      );
      console.info(`two processes, 31 tickets: ${transactions.join(' + ')} transactions`);
    }, 120_000);
  });

  describe('faults in AWS calls, then the retries Lambda makes', () => {
    let intake: Intake;
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'once-faults' });
    });
    afterAll(() => intake?.destroy());
    const newMail = (tag: string) =>
      mail({ from: `${tag}@faults.example`, subject: `Panne ${tag}`, messageId: `<${tag}@faults.example>` });

    async function deliverWithRetries(
      event: unknown,
    ): Promise<{ result: IntakeResult; failures: unknown[] }> {
      const failures: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        try {
          const [result] = await intake.handler(event);
          if (result) return { result, failures };
        } catch (error) {
          failures.push(error);
        }
      }
      throw new Error(`still failing after 3 deliveries: ${failures.map(String).join(' | ')}`);
    }

    /** A fault that lasts longer than every retry of one run: the run fails (Lambda will retry it), then it ends. */
    async function outage(event: unknown, inject: () => void): Promise<void> {
      inject();
      try {
        await expect(intake.handler(event)).rejects.toBeInstanceOf(TransientError);
      } finally {
        intake.faults.clear();
      }
    }

    it('rides out DynamoDB throttling inside the SDK retries', async () => {
      await services.ses.clear();
      intake.faults.failBefore('dynamodb', 'TransactWriteItemsCommand', errors.dynamoThrottled, 2);
      const { result, failures } = await deliverWithRetries(await intake.arrive(newMail('throttle-2')));
      expect(failures).toEqual([]);
      expect(result).toMatchObject({ outcome: 'ticket-created', reference: 'EXO-2026-000001' });
    });

    it('fails the run with a TransientError when throttling outlasts the SDK retries, and the retry creates the ticket once, no number burnt', async () => {
      await services.ses.clear();
      const event = await intake.arrive(newMail('throttle-long'));
      await outage(event, () =>
        intake.faults.failBefore('dynamodb', 'TransactWriteItemsCommand', errors.dynamoThrottled, 1000),
      );
      const [result] = await intake.handler(event);
      expect(result).toMatchObject({ outcome: 'ticket-created', reference: 'EXO-2026-000002' });
      expect(await counter(intake)).toBe(2);
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('recognises its own commit when the response of the ticket transaction is lost, and allocates no second number', async () => {
      await services.ses.clear();
      intake.faults.failAfter('dynamodb', 'TransactWriteItemsCommand', errors.timeout, 1);
      const { result, failures } = await deliverWithRetries(await intake.arrive(newMail('lost-response')));
      expect(failures).toEqual([]);
      expect(result).toMatchObject({ outcome: 'ticket-created', reference: 'EXO-2026-000003' });
      expect(await counter(intake)).toBe(3);
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('recognises its own commit from its Message-ID record when every commit response is lost: one ticket, one acknowledgement', async () => {
      await services.ses.clear();
      const event = await intake.arrive(newMail('all-lost'));
      intake.faults.failAfter('dynamodb', 'TransactWriteItemsCommand', errors.timeout, 1000);
      const [result] = await intake.handler(event);
      intake.faults.clear();
      expect(result).toMatchObject({
        outcome: 'ticket-created',
        reference: 'EXO-2026-000004',
        acknowledgementChanged: 'sent',
      });
      const [again] = await intake.handler(event);
      expect(again).toMatchObject({ outcome: 'duplicate', reference: 'EXO-2026-000004' });
      expect(again?.acknowledgementChanged).toBeNull();
      expect(await counter(intake)).toBe(4);
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('never sends when a run died between its commit (which leased the acknowledgement) and SES: the next deliveries wait out the lease, then record it unconfirmed', async () => {
      await services.ses.clear();
      const event = await intake.arrive(newMail('dead-after-commit'));
      // The commit lands but its response is lost, and the run cannot read its record to tell.
      let recordReads = 0;
      const laterRecordReads = (input: Record<string, unknown>) =>
        JSON.stringify(input.Key ?? {}).includes('MSGID#<dead-after-commit@') && ++recordReads > 1;
      await outage(event, () => {
        intake.faults.failAfter('dynamodb', 'TransactWriteItemsCommand', errors.timeout, 1000);
        intake.faults.failBefore(
          'dynamodb',
          'GetItemCommand',
          errors.dynamoThrottled,
          1000,
          laterRecordReads,
        );
      });
      expect((await ticketOf(intake, 'dead-after-commit'))?.acknowledgement.state).toBe('sending');

      await expect(intake.handler(event)).rejects.toThrow(/being sent by another run/);
      intake.clock.advance(3 * 60 * 1000);
      const [late] = await intake.handler(event);
      expect(late).toMatchObject({ outcome: 'duplicate', acknowledgement: { state: 'unconfirmed' } });
      expect(await intake.sentMails()).toHaveLength(0);
      expect(await counter(intake)).toBe(5);
    });

    it('retries a raw-mail read that S3 keeps refusing on the next delivery', async () => {
      const event = await intake.arrive(newMail('s3-slow'));
      await outage(event, () => intake.faults.failBefore('s3', 'GetObjectCommand', errors.s3SlowDown, 1000));
      const [result] = await intake.handler(event);
      expect(result?.outcome).toBe('ticket-created');
    });

    it('sends the acknowledgement once when SES throttles it briefly (retried within the run)', async () => {
      await services.ses.clear();
      intake.faults.failBefore('ses', 'SendRawEmailCommand', errors.sesThrottled, 1);
      const { result, failures } = await deliverWithRetries(await intake.arrive(newMail('ses-throttle-1')));
      expect(failures).toEqual([]);
      expect(result.acknowledgement?.state).toBe('sent');
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('leaves the acknowledgement pending and fails the run when SES keeps throttling; the retry sends it once', async () => {
      await services.ses.clear();
      const event = await intake.arrive(newMail('ses-throttle-long'));
      await outage(event, () =>
        intake.faults.failBefore('ses', 'SendRawEmailCommand', errors.sesThrottled, 1000),
      );
      const pending = await ticketOf(intake, 'ses-throttle-long');
      expect(pending?.acknowledgement.state).toBe('pending');
      expect(await intake.sentMails()).toHaveLength(0);

      const [retried] = await intake.handler(event);
      expect(retried).toMatchObject({ outcome: 'duplicate', acknowledgementChanged: 'sent' });
      const [again] = await intake.handler(event);
      expect(again).toMatchObject({ outcome: 'duplicate', acknowledgementChanged: null });
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('never resends when SES took the mail but the response was lost: the acknowledgement is unconfirmed', async () => {
      await services.ses.clear();
      intake.faults.failAfter('ses', 'SendRawEmailCommand', errors.timeout, 1);
      const event = await intake.arrive(newMail('ses-lost'));
      const [result] = await intake.handler(event);
      expect(result).toMatchObject({ outcome: 'ticket-created', acknowledgementChanged: 'unconfirmed' });
      const [retried] = await intake.handler(event);
      expect(retried?.acknowledgement?.state).toBe('unconfirmed');
      expect(await intake.sentMails()).toHaveLength(1);
      expect(intake.metrics.recorded).toContain('AcknowledgementsUnconfirmed');
    });

    it('takes an SES 500 as an unknown outcome (unconfirmed, never resent) and an SES rejection as failed', async () => {
      await services.ses.clear();
      const calls = () => intake.faults.count('ses', 'SendRawEmailCommand');
      const before = calls();
      intake.faults.failAfter('ses', 'SendRawEmailCommand', errors.internalFailure, 1);
      const event = await intake.arrive(newMail('ses-500'));
      const [first] = await intake.handler(event);
      const [retried] = await intake.handler(event);
      expect(first).toMatchObject({ acknowledgementChanged: 'unconfirmed' });
      expect(retried?.acknowledgement?.state).toBe('unconfirmed');
      // One call: a 5xx is not retried within the run either (SES may have queued the mail).
      expect(calls() - before).toBe(1);
      expect(await intake.sentMails()).toHaveLength(1);

      await services.ses.clear();
      intake.faults.failBefore('ses', 'SendRawEmailCommand', errors.messageRejected, 1);
      const rejectedEvent = await intake.arrive(newMail('ses-rejected'));
      const [rejected] = await intake.handler(rejectedEvent);
      const [again] = await intake.handler(rejectedEvent);
      expect(rejected?.acknowledgement).toMatchObject({
        state: 'failed',
        reason: expect.stringMatching(/rejected/),
      });
      expect(again?.acknowledgement?.state).toBe('failed');
      expect(await intake.sentMails()).toHaveLength(0);
      expect(intake.metrics.recorded).toContain('AcknowledgementsFailed');
    });

    it('hands the lease back when the run has too little time left: SES not called, the retry sends once', async () => {
      await services.ses.clear();
      const calls = () => intake.faults.count('ses', 'SendRawEmailCommand');
      const before = calls();
      const event = await intake.arrive(newMail('short-deadline'));

      await expect(intake.handler(event, 5_000)).rejects.toThrow(/less than \d+ ms left/);
      const handedBack = await ticketOf(intake, 'short-deadline');
      expect(handedBack?.acknowledgement.state).toBe('pending');
      expect(calls() - before).toBe(0);

      // A retry that is short of time too does not claim it either.
      await expect(intake.handler(event, 5_000)).rejects.toThrow(/less than \d+ ms left/);
      expect((await ticketOf(intake, 'short-deadline'))?.acknowledgement.state).toBe('pending');

      // Hours later, whatever the lease said, nothing was left unconfirmed without SES being called.
      intake.clock.advance(3 * 60 * 1000);
      const [retried] = await intake.handler(event, 60_000);
      expect(retried).toMatchObject({ outcome: 'duplicate', acknowledgementChanged: 'sent' });
      const [again] = await intake.handler(event, 60_000);
      expect(again).toMatchObject({ acknowledgementChanged: null, acknowledgement: { state: 'sent' } });
      expect(calls() - before).toBe(1);
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('does not resend when the run crashed after SES took the mail and before it was recorded', async () => {
      await services.ses.clear();
      const event = await intake.arrive(newMail('crash-after-send'));
      await outage(event, () =>
        intake.faults.failBefore('dynamodb', 'UpdateItemCommand', errors.dynamoThrottled, 1000, recordsSent),
      );
      expect(await intake.sentMails()).toHaveLength(1);
      expect((await ticketOf(intake, 'crash-after-send'))?.acknowledgement.state).toBe('sending');

      // Lambda's retry comes while the lease still runs: the run asks to be retried later.
      await expect(intake.handler(event)).rejects.toThrow(/being sent by another run/);
      intake.clock.advance(3 * 60 * 1000);
      const [late] = await intake.handler(event);
      expect(late?.acknowledgement?.state).toBe('unconfirmed');
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('lets a slow sender record its send after its lease was given up on, and nobody sends twice', async () => {
      await services.ses.clear();
      const held = intake.faults.hold('ses', 'SendRawEmailCommand');
      const event = await intake.arrive(newMail('slow-sender'));
      const slow = intake.handler(event);
      await waitFor(async () => (await ticketOf(intake, 'slow-sender'))?.acknowledgement.state === 'sending');

      intake.clock.advance(3 * 60 * 1000);
      const [giveUp] = await intake.handler(event);
      expect(giveUp?.acknowledgement?.state).toBe('unconfirmed');
      held.release();
      await slow;

      const ticket = await ticketOf(intake, 'slow-sender');
      expect(ticket?.acknowledgement).toMatchObject({
        state: 'sent',
        sesMessageId: expect.stringMatching(/^<ses-/),
      });
      expect(await intake.sentMails()).toHaveLength(1);
    });
  });
});

async function ticketOf(intake: Intake, tag: string) {
  const record = await intake.store.findMessageRecord('reunion', `<${tag}@faults.example>`);
  return record?.reference ? intake.store.getTicket(record.reference) : null;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
