import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/aws/dynamodb/keys';
import type { AgentServer } from '../../shared/adapters/http/server';
import {
  createIntake,
  type Intake,
  type Services,
  startServices,
  stopServices,
} from '../integration/intake/harness';
import { mail } from '../integration/intake/mail';
import { composeMail, startAgentApi } from '../support/agent-api';

const CHROMIUM = '/usr/bin/chromium';
const reunion = (wallClock: string) => new Date(`${wallClock}:00+04:00`).toISOString();
const QUINCAILLERIE = 'Gérant <gerant@quincaillerie-du-port.re>';

if (!existsSync(CHROMIUM)) {
  console.warn(`portal browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
}

describe.skipIf(!existsSync(CHROMIUM))('Portal (Chromium, headless)', () => {
  let services: Services;
  let intake: Intake;
  let server: AgentServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let tracker: Server;
  let trackerHits = 0;
  let trackerUrl = '';
  const refs: Record<'haute' | 'critique' | 'normale' | 'hostile', string> = {
    haute: '',
    critique: '',
    normale: '',
    hostile: '',
  };
  const problems: string[] = [];

  beforeAll(async () => {
    // A "remote" server an e-mail could try to load images from: it must never be asked.
    tracker = createServer((_req, res) => {
      trackerHits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => tracker.listen(0, '127.0.0.1', resolve));
    const address = tracker.address();
    trackerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/pixel.gif`;

    services = await startServices();
    intake = await createIntake(services, { tableName: 'portal', start: reunion('2026-11-30T09:00') });
    const deliver = async (raw: string | Buffer, wallClock: string) =>
      (await intake.deliver(raw, { receivedAt: reunion(wallClock) })).reference ?? '';
    refs.normale = await deliver(
      mail({ from: QUINCAILLERIE, subject: '[Normale] Question facture' }),
      '2026-11-30T08:30',
    );
    refs.haute = await deliver(
      mail({ from: QUINCAILLERIE, subject: '[Haute] Caisse en panne' }),
      '2026-11-30T09:00',
    );
    refs.critique = await deliver(
      mail({ from: QUINCAILLERIE, subject: '[Critique] Serveur arrêté' }),
      '2026-11-30T09:10',
    );
    const payload = [
      '<p>Bonjour, voici la capture.</p>',
      '<script>window.__pwned = "script"; parent.__pwned = "script";</script>',
      `<img src="x" onerror="window.__pwned='onerror'; document.body.setAttribute('data-pwned','1')">`,
      `<img src="${trackerUrl}" alt="pixel">`,
      '<a href="javascript:window.__pwned=1">lien</a>',
    ].join('\n');
    refs.hostile = await deliver(
      await composeMail({
        from: QUINCAILLERIE,
        subject: '[Moyenne] Message avec pièce piégée',
        text: 'Bonjour, voici la capture.',
        html: payload,
      }),
      '2026-11-30T09:05',
    );
    // A parser regression, simulated: the stored HTML is the raw hostile payload. The portal must hold alone.
    const messages = await intake.store.listMessages(refs.hostile);
    await intake.clients.doc.send(
      new UpdateCommand({
        TableName: intake.env.TABLE_NAME,
        Key: keys.message(refs.hostile, messages[0]!.id),
        UpdateExpression: 'SET html = :html',
        ExpressionAttributeValues: { ':html': payload },
      }),
    );
    intake.clock.set(reunion('2026-11-30T09:12'));
    server = (await startAgentApi(intake)).server;

    profile = await mkdtemp(join(tmpdir(), 'portal-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1400, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (
        message.type() === 'error' &&
        !/Content Security Policy|Failed to load resource/.test(message.text())
      )
        problems.push(`console: ${message.text()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    intake?.destroy();
    await stopServices(services);
    await new Promise<void>((resolve) => (tracker ? tracker.close(() => resolve()) : resolve()));
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('serves the page under a strict Content-Security-Policy', async () => {
    const response = await page.goto(server.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('signs in and shows the queue sorted by deadline, with the desks and their local time', async () => {
    await page.locator('#dev-login input[name=agent]').fill('alice');
    await page.locator('#dev-login select[name=desk]').selectOption('reunion');
    await page.locator('#dev-login button[type=submit]').click();
    await page.locator('#queue-body tr[data-ref]').first().waitFor();
    const order = await page
      .locator('#queue-body tr[data-ref]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.ref));
    // GTI: critique 09:25, haute 09:30 (GTR Tuesday), normale 09:30 (GTR next week), moyenne 09:50.
    expect(order).toEqual([refs.critique, refs.haute, refs.normale, refs.hostile]);
    expect(await page.locator(`tr[data-ref="${refs.critique}"]`).getAttribute('data-risk')).toBe('imminent');
    await expect.poll(() => page.locator('#desks li').count()).toBe(4);
    expect(await page.locator('#desks li[data-desk="reunion"]').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await page.locator('#desks li.on-duty').getAttribute('data-desk')).toBe('reunion');
  });

  it('claims a ticket from the queue', async () => {
    await page.locator(`tr[data-ref="${refs.critique}"] button[data-action=claim]`).click();
    await expect
      .poll(() => page.locator(`tr[data-ref="${refs.critique}"] td`).nth(7).textContent())
      .toBe('alice');
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/portal.png', fullPage: true });
  });

  it('opens a ticket and shows hostile message HTML without running any of it or loading remote content', async () => {
    await page.locator(`a[href="#/tickets/${refs.hostile}"]`).click();
    await page.locator(`#ticket-head[data-ref="${refs.hostile}"]`).waitFor();
    await page.locator('.message details summary', { hasText: 'Version HTML' }).click();
    const frame = page.locator('iframe.mail-html');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const srcdoc = (await frame.evaluate((f) => (f as HTMLIFrameElement).srcdoc)) ?? '';
    expect(srcdoc).toContain('Bonjour, voici la capture.');
    expect(srcdoc).not.toMatch(/<script|onerror|javascript:|pixel\.gif/i);
    await expect
      .poll(() => page.frameLocator('iframe.mail-html').locator('body').textContent())
      .toContain('Bonjour, voici la capture.');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.frameLocator('iframe.mail-html').locator('body[data-pwned]').count()).toBe(0);
    expect(trackerHits).toBe(0);
    await page.screenshot({ path: 'test-results/portal-ticket.png', fullPage: true });
  });

  it('records a first contact from the ticket view and shows it in the audit trail', async () => {
    await page.locator('form[data-action="first-contact"] button').click();
    await expect.poll(() => page.locator('#audit li[data-type="first-contact"]').count()).toBe(1);
    expect(await page.locator('#ticket-head').getAttribute('data-status')).toBe('en cours');
    expect(problems).toEqual([]);
  });
});
