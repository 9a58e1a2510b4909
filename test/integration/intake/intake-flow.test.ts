import { createHash } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBounceRecorderHandler } from '../../../functions/bounce-recorder/handle-sns-event';
import {
  createIntake,
  type Intake,
  RecordingMetrics,
  type Services,
  setTicketStatus,
  startServices,
  stopServices,
} from './harness';
import { fixture, mail } from './mail';

const REQUESTER = 'marie.payet@hotel-lagon-bleu.re';

describe('Function: intake handler (SES event → S3 → intakeEmail, on DynamoDB Local, s3rver, SES emulator)', () => {
  let services: Services;
  beforeAll(async () => {
    services = await startServices();
  });
  afterAll(async () => {
    await stopServices(services);
  });

  describe('a request and its follow-ups', () => {
    let intake: Intake;
    let ackMessageId = '';
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'flow-thread' });
      await services.ses.clear();
    });
    afterAll(() => intake?.destroy());

    it('creates a ticket, stores message and attachments and sends one acknowledgement when a client writes', async () => {
      const result = await intake.deliver(fixture('printer-with-attachments.eml'));

      expect(result).toMatchObject({
        outcome: 'ticket-created',
        reference: 'EXO-2026-000001',
        deskId: 'reunion',
        priority: 'haute',
        // premium, haute: GTI 30 open minutes, GTR one 24-hour service day, from receipt (06:00Z).
        gtiDueAt: '2026-11-30T06:30:00.000Z',
        gtrDueAt: '2026-12-01T06:00:00.000Z',
        acknowledgementChanged: 'sent',
      });
      const ticket = await intake.store.getTicket('EXO-2026-000001');
      expect(ticket).toMatchObject({
        status: 'nouveau',
        desk: 'reunion',
        contract: 'premium',
        client: { clientId: 'CLI-RE-0012', matchedBy: 'domain' },
        requester: { address: REQUESTER, name: 'Marie Payet' },
        subject: "Imprimante en panne à l'accueil",
        flags: { unknownClient: false, unverifiedSender: false, attachmentsSkipped: false },
        acknowledgement: { state: 'sent' },
        messageCount: 1,
      });
      ackMessageId = ticket?.acknowledgement.sesMessageId ?? '';
      expect(ackMessageId).toMatch(/^<ses-\d+@eu-west-3\.amazonses\.com>$/);

      const mails = await intake.sentMails();
      expect(mails).toHaveLength(1);
      expect(mails[0]?.destination.to).toEqual([`"Marie Payet" <${REQUESTER}>`]);
      expect(mails[0]?.subject).toBe("[EXO-2026-000001] Imprimante en panne à l'accueil");
      expect(intake.metrics.recorded).toEqual(['TicketsCreated', 'AcknowledgementsSent']);

      const events = await intake.store.listAuditEvents('EXO-2026-000001');
      expect(events.map((e) => e.type).sort()).toEqual(['acknowledgement-sent', 'ticket-created']);
    });

    it('writes each attachment once under the desk, content-addressed, with a safe name and the inline content-id', async () => {
      const [message] = await intake.store.listMessages('EXO-2026-000001');
      expect(message?.attachmentsStored).toBe(true);
      const pdf = message?.attachments.find((a) => a.contentType === 'application/pdf');
      const logo = message?.attachments.find((a) => a.contentType === 'image/png');
      expect(logo).toMatchObject({ inline: true, contentId: 'logo@lagon-bleu' });
      const prefix = `${intake.env.ATTACHMENTS_PREFIX}reunion/`;
      expect(pdf?.key).toBe(`${prefix}${pdf?.sha256}/facture_ete_2026.pdf`);
      const keys = await intake.listObjects(prefix);
      expect(keys).toEqual([pdf?.key, logo?.key].sort());
      const stored = await intake.getObject(pdf?.key ?? '');
      expect(createHash('sha256').update(stored.body).digest('hex')).toBe(pdf?.sha256);
      expect(stored.contentType).toBe('application/pdf');
      expect(stored.disposition).toContain("filename*=UTF-8''facture%20%C3%A9t%C3%A9%202026.pdf");
    });

    it('records the verdicts and the raw location on the message, and the SES Message-ID of the acknowledgement for threading', async () => {
      const [message] = await intake.store.listMessages('EXO-2026-000001');
      expect(message?.verdicts).toEqual({
        spam: 'PASS',
        virus: 'PASS',
        spf: 'PASS',
        dkim: 'PASS',
        dmarc: 'PASS',
      });
      expect(message?.rawKey).toMatch(new RegExp(`^${intake.env.RAW_MAIL_PREFIX}ses-`));
      const records = await intake.store.findThreadRecords([ackMessageId]);
      expect(records).toEqual([
        expect.objectContaining({ kind: 'acknowledgement', reference: 'EXO-2026-000001' }),
      ]);
    });

    it('adds a reply to the acknowledgement (In-Reply-To its SES Message-ID) to the ticket, without a new acknowledgement', async () => {
      intake.clock.advance(10 * 60 * 1000);
      const result = await intake.deliver(
        mail({
          subject: 'Re: Imprimante',
          inReplyTo: ackMessageId,
          references: ackMessageId,
          body: 'Toujours en panne.',
        }),
      );

      expect(result).toMatchObject({
        outcome: 'follow-up',
        reference: 'EXO-2026-000001',
        acknowledgementChanged: null,
      });
      const ticket = await intake.store.getTicket('EXO-2026-000001');
      expect(ticket).toMatchObject({
        messageCount: 2,
        status: 'nouveau',
        gtiDueAt: '2026-11-30T06:30:00.000Z',
        gtrDueAt: '2026-12-01T06:00:00.000Z',
      });
      expect(await intake.sentMails()).toHaveLength(1);
    });

    it('threads a message whose subject carries the reference when the requester writes it', async () => {
      const result = await intake.deliver(
        mail({ subject: 'TR: [EXO-2026-000001] encore', body: 'Autre détail.' }),
      );
      expect(result).toMatchObject({ outcome: 'follow-up', reference: 'EXO-2026-000001' });
    });

    it('threads a subject reference from a colleague of the same client, who becomes a participant', async () => {
      const result = await intake.deliver(
        mail({
          from: 'Jean Hoarau <jean.hoarau@hotel-lagon-bleu.re>',
          subject: 'EXO-2026-000001 : même souci au bar',
        }),
      );
      expect(result).toMatchObject({ outcome: 'follow-up', reference: 'EXO-2026-000001' });
      const ticket = await intake.store.getTicket('EXO-2026-000001');
      expect(ticket?.participants).toContain('jean.hoarau@hotel-lagon-bleu.re');
    });

    it('opens a new ticket that mentions the reference when an unrelated sender quotes it', async () => {
      const result = await intake.deliver(
        mail({
          from: 'Intrus <someone@other-company.example>',
          subject: 'Re: [EXO-2026-000001] je veux voir',
          body: 'Bonjour.',
        }),
      );
      expect(result).toMatchObject({ outcome: 'ticket-created', reference: 'EXO-2026-000002' });
      const ticket = await intake.store.getTicket('EXO-2026-000002');
      expect(ticket).toMatchObject({ mentionedReference: 'EXO-2026-000001', flags: { unknownClient: true } });
      expect((await intake.store.getTicket('EXO-2026-000001'))?.messageCount).toBe(4);
    });

    it('stores an out-of-office answering the acknowledgement on the ticket, status and clocks unchanged, no acknowledgement', async () => {
      const before = await intake.store.getTicket('EXO-2026-000001');
      const result = await intake.deliver(fixture('out-of-office.eml', ackMessageId));
      expect(result).toMatchObject({ outcome: 'follow-up', reference: 'EXO-2026-000001' });
      const after = await intake.store.getTicket('EXO-2026-000001');
      expect(after).toMatchObject({
        status: before?.status,
        gtiDueAt: before?.gtiDueAt,
        gtrDueAt: before?.gtrDueAt,
      });
      const messages = await intake.store.listMessages('EXO-2026-000001');
      expect(messages.find((m) => m.messageId === '<ooo-1@hotel-lagon-bleu.re>')).toMatchObject({
        kind: 'automated',
        automated: { class: 'auto-reply' },
      });
      expect(after?.participants).toEqual(before?.participants);
    });

    it('processes the same SES event twice into one effect: the second run is a duplicate and sends nothing', async () => {
      const mailsBefore = (await intake.sentMails()).length;
      const event = await intake.arrive(
        mail({ messageId: '<twice@hotel-lagon-bleu.re>', subject: 'Badgeuse HS' }),
      );
      const [first] = await intake.handler(event);
      const [second] = await intake.handler(event);
      expect(first).toMatchObject({ outcome: 'ticket-created', reference: 'EXO-2026-000003' });
      expect(second).toMatchObject({
        outcome: 'duplicate',
        originalOutcome: 'ticket-created',
        reference: 'EXO-2026-000003',
      });
      expect(await intake.sentMails()).toHaveLength(mailsBefore + 1);
    });

    it('treats the same Message-ID at the same desk as the same message, and at another desk as another', async () => {
      const raw = mail({ messageId: '<cc-two-desks@hotel-lagon-bleu.re>', subject: 'Wifi' });
      const again = await intake.deliver(raw, { sesId: 'ses-second-delivery' });
      const atReunion = await intake.deliver(raw);
      const atMartinique = await intake.deliver(raw, { recipients: ['martinique@exodata.fr'] });
      expect(again.outcome).toBe('ticket-created');
      expect(atReunion).toMatchObject({ outcome: 'duplicate', reference: again.reference });
      expect(atMartinique).toMatchObject({ outcome: 'ticket-created', deskId: 'martinique' });
      expect(atMartinique.reference).not.toBe(again.reference);
      const delivery = await intake.store.getDelivery('ses', atReunion.deliveryId);
      expect(delivery).toMatchObject({ outcome: 'duplicate', reference: again.reference });
    });
  });

  describe('automated and suspect mail', () => {
    let intake: Intake;
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'flow-automated' });
      await services.ses.clear();
    });
    afterAll(() => intake?.destroy());

    it('suspends an out-of-office that answers nothing we know', async () => {
      const result = await intake.deliver(fixture('out-of-office.eml', '<unknown@nowhere.example>'));
      expect(result).toMatchObject({ outcome: 'suspended', reference: null });
      const suspended = await intake.store.getSuspended(`ses-${result.deliveryId}`);
      expect(suspended).toMatchObject({ automatedClass: 'auto-reply', deskId: 'reunion' });
    });

    it('suspends a bounce and a newsletter, nothing acknowledged', async () => {
      const bounce = await intake.deliver(fixture('bounce-dsn.eml'), { source: '' });
      const bulk = await intake.deliver(fixture('newsletter-bulk.eml'));
      expect(bounce.outcome).toBe('suspended');
      expect(bulk.outcome).toBe('suspended');
      expect((await intake.store.getSuspended(`ses-${bounce.deliveryId}`))?.automatedClass).toBe('bounce');
      expect((await intake.store.getSuspended(`ses-${bulk.deliveryId}`))?.automatedClass).toBe('bulk');
      expect(await intake.sentMails()).toHaveLength(0);
    });

    it('keeps only the raw mail of a loop (our own acknowledgement coming back)', async () => {
      const result = await intake.deliver(fixture('loop-own-acknowledgement.eml'));
      expect(result).toMatchObject({ outcome: 'loop-ignored', reference: null });
      expect(await intake.store.getSuspended(`ses-${result.deliveryId}`)).toBeNull();
      expect(await intake.listObjects(`${intake.env.RAW_MAIL_PREFIX}${result.deliveryId}`)).toHaveLength(1);
      expect(intake.metrics.recorded).toContain('LoopsIgnored');
    });

    it('makes a ticket without acknowledgement of a machine alert from a known client, and suspends one from a stranger', async () => {
      const known = await intake.deliver(fixture('machine-alert.eml'));
      expect(known).toMatchObject({ outcome: 'ticket-created', acknowledgement: { state: 'suppressed' } });
      const ticket = await intake.store.getTicket(known.reference ?? '');
      expect(ticket).toMatchObject({ machineAlert: true, acknowledgement: { state: 'suppressed' } });

      const stranger = fixture('machine-alert.eml')
        .toString('latin1')
        .replace('monitoring@hotel-lagon-bleu.re', 'nagios@stranger.example')
        .replace('<alert-4711@', '<alert-4712@');
      expect((await intake.deliver(stranger)).outcome).toBe('suspended');
      expect(await intake.sentMails()).toHaveLength(0);
    });

    it('quarantines a message whose virus verdict is FAIL: raw kept, no ticket, no acknowledgement', async () => {
      const result = await intake.deliver(mail({ subject: 'Facture' }), { verdicts: { virus: 'FAIL' } });
      expect(result).toMatchObject({ outcome: 'quarantined', reference: null });
      const record = await intake.store.getQuarantine('ses', result.deliveryId);
      expect(record).toMatchObject({ reason: 'virus', status: 'quarantined' });
      expect(await intake.listObjects(record?.rawKey ?? '-')).toHaveLength(1);
      expect(intake.metrics.recorded).toContain('Quarantined');
    });

    it('suspends a message whose spam verdict is FAIL, without acknowledgement', async () => {
      const result = await intake.deliver(mail({ subject: 'Gagnez un iPhone' }), {
        verdicts: { spam: 'FAIL' },
      });
      expect(result.outcome).toBe('suspended');
      expect((await intake.store.getSuspended(`ses-${result.deliveryId}`))?.reason).toMatch(/spam/);
      expect(await intake.sentMails()).toHaveLength(0);
    });

    it('flags the ticket of a DMARC-failing sender unverified, does not acknowledge it, and keeps every verdict', async () => {
      const result = await intake.deliver(mail({ subject: 'Changement de RIB' }), {
        verdicts: { dmarc: 'FAIL', spf: 'FAIL', dkim: 'GRAY' },
        dmarcPolicy: 'reject',
      });
      expect(result).toMatchObject({ outcome: 'ticket-created', acknowledgement: { state: 'suppressed' } });
      const ticket = await intake.store.getTicket(result.reference ?? '');
      expect(ticket?.flags.unverifiedSender).toBe(true);
      const [message] = await intake.store.listMessages(result.reference ?? '');
      expect(message).toMatchObject({
        verdicts: { spam: 'PASS', virus: 'PASS', spf: 'FAIL', dkim: 'GRAY', dmarc: 'FAIL' },
        dmarcPolicy: 'reject',
      });
      expect(await intake.sentMails()).toHaveLength(0);
    });

    it('quarantines an unparseable message with its error, keeps the raw mail and counts it', async () => {
      const result = await intake.deliver(fixture('unparseable-binary.eml'));
      expect(result.outcome).toBe('quarantined');
      const record = await intake.store.getQuarantine('ses', result.deliveryId);
      expect(record).toMatchObject({ reason: 'unparseable', errorCode: 'UNPARSEABLE' });
      expect((await intake.store.listQuarantine(10)).map((q) => q.deliveryId)).toContain(result.deliveryId);
    });

    it('makes a ticket of an oversized message without extracting its attachments, and the acknowledgement says so', async () => {
      await services.ses.clear();
      const result = await intake.deliver(
        mail({
          from: 'Paul Grondin <paul@quincaillerie-du-port.re>',
          subject: 'Logs du serveur',
          attachmentBytes: 300 * 1024,
        }),
      );
      expect(result).toMatchObject({
        outcome: 'ticket-created',
        attachmentsSkipped: true,
        acknowledgementChanged: 'sent',
      });
      const ticket = await intake.store.getTicket(result.reference ?? '');
      expect(ticket?.flags.attachmentsSkipped).toBe(true);
      const [message] = await intake.store.listMessages(result.reference ?? '');
      // The agent sees what was attached; the bytes stay in the raw mail.
      expect(message).toMatchObject({
        attachments: [{ filename: 'journal.bin', size: 300 * 1024 }],
        attachmentsSkipped: true,
        attachmentsStored: false,
      });
      const stored = await intake.listObjects(intake.env.ATTACHMENTS_PREFIX);
      expect(message?.attachments[0]?.key).toMatch(/journal\.bin$/);
      expect(stored).not.toContain(message?.attachments[0]?.key);
      expect(message?.text).toContain('ne fonctionne plus');
      const [ack] = await intake.sentMails();
      expect(ack?.body.text).toContain('Pièces jointes non traitées');
    });
  });

  describe('the audit trail of a long thread', () => {
    let intake: Intake;
    const first = '<long-thread@hotel-lagon-bleu.re>';
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'flow-long-thread' });
    });
    afterAll(() => intake?.destroy());

    it('keeps the intake events of the first 20 messages on the ticket item and later ones as items of their own, and lists them all in order', async () => {
      const created = await intake.deliver(mail({ messageId: first, subject: 'Sauvegardes' }));
      for (let i = 1; i <= 21; i++) {
        intake.clock.advance(60 * 1000);
        const reply = await intake.deliver(
          mail({ inReplyTo: first, subject: 'Re: Sauvegardes', body: `Relance ${i}.` }),
        );
        expect(reply.outcome).toBe('follow-up');
      }
      const reference = created.reference ?? '';

      const events = await intake.store.listAuditEvents(reference);
      expect(events.map((e) => e.type)).toEqual([
        'ticket-created',
        'acknowledgement-sent',
        ...Array.from({ length: 21 }, () => 'follow-up-added'),
      ]);
      expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());
      const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
      const items = await intake.clients.doc.send(
        new QueryCommand({
          TableName: intake.env.TABLE_NAME,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `TICKET#${reference}` },
        }),
      );
      const ticketItem = items.Items?.find((i) => i.sk === '#TICKET');
      expect(ticketItem?.intakeEvents).toHaveLength(2 + 19);
      expect(items.Items?.filter((i) => String(i.sk).startsWith('EVENT#'))).toHaveLength(2);
    }, 60_000);
  });

  describe('resolved and closed tickets', () => {
    let intake: Intake;
    const first = '<resolved-1@hotel-lagon-bleu.re>';
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'flow-resolved' });
      await intake.deliver(mail({ messageId: first, subject: 'Messagerie lente' }));
    });
    afterAll(() => intake?.destroy());

    it('reopens a resolved ticket when a follow-up arrives within 7 days of resolution, without acknowledgement', async () => {
      await setTicketStatus(intake, 'EXO-2026-000001', 'résolu', '2026-11-30T08:00:00.000Z');
      intake.clock.set('2026-12-07T07:59:00.000Z');
      const result = await intake.deliver(mail({ inReplyTo: first, subject: 'Re: Messagerie lente' }));
      expect(result).toMatchObject({
        outcome: 'reopened',
        reference: 'EXO-2026-000001',
        acknowledgementChanged: null,
      });
      expect(await intake.store.getTicket('EXO-2026-000001')).toMatchObject({
        status: 'en cours',
        resolvedAt: null,
        reopenedAt: ['2026-12-07T07:59:00.000Z'],
      });
      expect(intake.metrics.recorded).toContain('TicketsReopened');
    });

    it('opens a new ticket linked to the resolved one when the follow-up comes more than 7 days after resolution', async () => {
      await setTicketStatus(intake, 'EXO-2026-000001', 'résolu', '2026-12-07T08:00:00.000Z');
      intake.clock.set('2026-12-14T08:01:00.000Z');
      const result = await intake.deliver(mail({ inReplyTo: first, subject: 'Re: Messagerie lente' }));
      expect(result).toMatchObject({
        outcome: 'ticket-created',
        reference: 'EXO-2026-000002',
        linkedTo: 'EXO-2026-000001',
      });
      expect(result.acknowledgement?.state).toBe('sent');
      expect((await intake.store.getTicket('EXO-2026-000001'))?.status).toBe('résolu');
    });

    it('never reopens a closed ticket: a follow-up opens a new linked ticket', async () => {
      await setTicketStatus(intake, 'EXO-2026-000002', 'fermé', '2026-12-14T09:00:00.000Z');
      const result = await intake.deliver(mail({ subject: 'Re: [EXO-2026-000002] Messagerie lente' }));
      expect(result).toMatchObject({ outcome: 'ticket-created', linkedTo: 'EXO-2026-000002' });
    });
  });

  describe('acknowledgement limits and bounces', () => {
    let intake: Intake;
    beforeAll(async () => {
      intake = await createIntake(services, { tableName: 'flow-limits' });
      await services.ses.clear();
    });
    afterAll(() => intake?.destroy());

    it('sends at most 2 acknowledgements for the same subject to a sender in 3 hours, and records the suppression', async () => {
      const from = 'Loop Bot <robot@loopy.example>';
      const results = [];
      for (let i = 0; i < 3; i++)
        results.push(await intake.deliver(mail({ from, subject: `RE: Alerte imprimante` })));
      expect(results.map((r) => r.acknowledgement?.state)).toEqual(['sent', 'sent', 'suppressed']);
      const third = await intake.store.getTicket(results[2]?.reference ?? '');
      expect(third?.acknowledgement.reason).toMatch(/same subject/);
      expect(intake.metrics.recorded.filter((m) => m === 'AcknowledgementsSuppressed')).toHaveLength(1);
    });

    it('sends at most 10 acknowledgements to a sender in 3 hours, then again once the window has passed', async () => {
      const from = 'Busy <busy@many-requests.example>';
      const states: string[] = [];
      for (let i = 1; i <= 11; i++) {
        const r = await intake.deliver(mail({ from, subject: `Demande ${i}` }));
        states.push(r.acknowledgement?.state ?? '');
      }
      expect(states.filter((s) => s === 'sent')).toHaveLength(10);
      expect(states[10]).toBe('suppressed');
      intake.clock.advance(3 * 60 * 60 * 1000 + 1000);
      expect((await intake.deliver(mail({ from, subject: 'Demande 12' }))).acknowledgement?.state).toBe(
        'sent',
      );
    });

    it('skips the acknowledgement of an address SES reported as a hard bounce (bounce recorder)', async () => {
      const recorder = createBounceRecorderHandler(
        { tickets: intake.store, clock: intake.clock },
        {
          logger: new Logger({ logLevel: 'SILENT' }),
          metrics: new RecordingMetrics({ namespace: 'Exodata/IntakeTest' }),
        },
      );
      const notification = {
        notificationType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [
            { emailAddress: 'Gone@Former-Client.example', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
          ],
          timestamp: '2026-11-30T06:00:00.000Z',
        },
        mail: { messageId: '0100018c-ack', timestamp: '2026-11-30T05:59:00.000Z' },
      };
      const transient = { ...notification, bounce: { ...notification.bounce, bounceType: 'Transient' } };
      const results = await recorder({
        Records: [
          { EventSource: 'aws:sns', Sns: { MessageId: 'sns-1', Message: JSON.stringify(transient) } },
          { EventSource: 'aws:sns', Sns: { MessageId: 'sns-2', Message: JSON.stringify(notification) } },
        ],
      });
      expect(results.map((r) => r.suppressed)).toEqual([[], ['gone@former-client.example']]);

      const result = await intake.deliver(mail({ from: 'gone@former-client.example', subject: 'Bonjour' }));
      expect(result.acknowledgement).toMatchObject({
        state: 'suppressed',
        reason: expect.stringMatching(/suppression list/),
      });
    });
  });
});
