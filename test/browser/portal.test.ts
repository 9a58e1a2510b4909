import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
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
import { axeViolations, describeViolations, installAxe } from './axe';

const CHROMIUM = '/usr/bin/chromium';
const reunion = (wallClock: string) => new Date(`${wallClock}:00+04:00`).toISOString();
const QUINCAILLERIE = 'Gérant <gerant@quincaillerie-du-port.re>';
/** The machine is shared: an answer may take seconds, not the one second expect.poll waits by default. */
const PATIENCE = { timeout: 15_000 };

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
  const refs: Record<'breached' | 'haute' | 'critique' | 'normale' | 'hostile', string> = {
    breached: '',
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
    // Its GTI (08:15) is long past at 09:12: the breached state of the queue and of the ticket page.
    refs.breached = await deliver(
      mail({ from: QUINCAILLERIE, subject: '[Critique] Réseau du magasin coupé' }),
      '2026-11-30T08:00',
    );
    // DMARC failed: the ticket carries the "unverified sender" flag the queue shows.
    refs.normale =
      (
        await intake.deliver(mail({ from: QUINCAILLERIE, subject: '[Normale] Question facture' }), {
          receivedAt: reunion('2026-11-30T08:30'),
          verdicts: { dmarc: 'FAIL' },
        })
      ).reference ?? '';
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
    // Kept aside by the intake (SES spam verdict): the suspended messages page has one to show.
    await intake.deliver(
      mail({ from: 'Promo <offres@grossiste-promo.example>', subject: 'Offre spéciale' }),
      {
        receivedAt: reunion('2026-11-30T08:45'),
        verdicts: { spam: 'FAIL' },
      },
    );
    // A forged follow-up of the "haute" ticket (DMARC FAIL): held for an agent, shown on the ticket.
    const held = await intake.deliver(
      mail({
        from: QUINCAILLERIE,
        subject: `Re: [${refs.haute}] Caisse en panne`,
        body: 'Priorité : normale\n\nLa caisse remarche <img src=x onerror="window.__pwned=1"> merci.',
      }),
      { receivedAt: reunion('2026-11-30T09:11'), verdicts: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL' } },
    );
    expect(held.outcome).toBe('held');
    intake.clock.set(reunion('2026-11-30T09:12'));
    // Reply files go from the page straight to the S3 emulator: its origin is in the CSP's connect-src.
    server = (await startAgentApi(intake, { uploadOrigin: services.s3.endpoint })).server;

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
    await installAxe(context);
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

  /** Zero WCAG 2.1 A/AA violations on the page as it is now; a failure names each element. */
  async function expectAccessible(state: string): Promise<void> {
    expect(describeViolations(await axeViolations(page)), `axe on ${state}`).toEqual([]);
  }

  /** Every control a finger may hit at least 44 px high; the page no wider than the viewport. */
  async function expectPhoneUsable(state: string): Promise<void> {
    const measures = await page.evaluate(() => {
      const small = Array.from(document.querySelectorAll<HTMLElement>('button, select, input, a.nav-link'))
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => ({
          what: `${e.tagName.toLowerCase()} "${e.textContent?.trim() ?? ''}"`,
          h: e.getBoundingClientRect().height,
        }))
        .filter((m) => m.h < 44)
        .map((m) => `${m.what} is ${m.h.toFixed(0)} px high`);
      const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter(
          (e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > window.innerWidth + 0.5,
        )
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${e.className} right=${e.getBoundingClientRect().right.toFixed(0)}`,
        );
      return { width: document.documentElement.scrollWidth, viewport: window.innerWidth, small, wide };
    });
    expect(
      measures.width,
      `${state}: page width at a ${measures.viewport} px viewport (${measures.wide.join(', ')})`,
    ).toBeLessThanOrEqual(measures.viewport);
    expect(measures.small, `${state}: touch targets`).toEqual([]);
  }

  it('serves the page under a strict Content-Security-Policy', async () => {
    const response = await page.goto(server.url);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('shows the sign-in, and a refused sign-in as a French message, without accessibility violations', async () => {
    await page.locator('#dev-login input[name=agent]').waitFor();
    await expectAccessible('the sign-in page');
    await page.locator('#dev-login input[name=agent]').fill('x!');
    await page.locator('#dev-login button[type=submit]').click();
    await expect.poll(() => page.locator('#flash').textContent(), PATIENCE).toMatch(/^Requête refusée/);
    await expectAccessible('the sign-in page with an error');
  });

  it('signs in and shows the queue sorted by deadline, with the desks and their local time', async () => {
    await page.locator('#dev-login input[name=agent]').fill('alice');
    await page.locator('#dev-login select[name=desk]').selectOption('reunion');
    await page.locator('#dev-login button[type=submit]').click();
    await page.locator('#queue-body tr[data-ref]').first().waitFor();
    const order = await page
      .locator('#queue-body tr[data-ref]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.ref));
    // GTI: breached 08:15, critique 09:25, haute 09:30 (GTR Tuesday), normale 09:30 (GTR next week), moyenne 09:50.
    expect(order).toEqual([refs.breached, refs.critique, refs.haute, refs.normale, refs.hostile]);
    expect(await page.locator(`tr[data-ref="${refs.breached}"]`).getAttribute('data-risk')).toBe('breached');
    expect(await page.locator(`tr[data-ref="${refs.critique}"]`).getAttribute('data-risk')).toBe('imminent');
    expect(await page.locator(`tr[data-ref="${refs.normale}"] .badge.warn`).textContent()).toBe(
      'expéditeur non vérifié',
    );
    await expect.poll(() => page.locator('#desks li').count(), PATIENCE).toBe(4);
    expect(await page.locator('#desks li[data-desk="reunion"]').textContent()).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(await page.locator('#desks li.on-duty').getAttribute('data-desk')).toBe('reunion');
    await expectAccessible('the queue with a breached deadline and an unverified sender');
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/portal-queue-1400.png', fullPage: true });
  });

  it('reports an unlabelled control (the accessibility check can fail, and names the element)', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('select');
      probe.id = 'axe-probe';
      probe.append(new Option('sans nom'));
      document.querySelector('main')?.append(probe);
    });
    try {
      const reported = describeViolations(await axeViolations(page));
      expect(reported.some((line) => line.startsWith('select-name (critical) at #axe-probe:'))).toBe(true);
    } finally {
      await page.evaluate(() => document.getElementById('axe-probe')?.remove());
    }
    await expectAccessible('the queue once the probe is gone');
  });

  it('moves keyboard focus in reading order and always shows it', async () => {
    await page.locator('h1').click();
    const visited: Array<{ index: number; outline: string; what: string }> = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      visited.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          const style = getComputedStyle(active);
          return {
            index: Array.from(document.querySelectorAll('*')).indexOf(active),
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            what: `${active.tagName.toLowerCase()} ${active.textContent?.trim().slice(0, 30) ?? ''}`,
          };
        }),
      );
    }
    const indexes = visited.map((v) => v.index);
    expect(indexes, visited.map((v) => v.what).join(' → ')).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes).size).toBe(indexes.length);
    for (const v of visited) expect(v.outline, v.what).toMatch(/^solid [3-9]px$/);
    expect(await page.locator('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])').count()).toBe(0);
  });

  it('claims a ticket from the queue', async () => {
    await page.locator(`tr[data-ref="${refs.critique}"] button[data-action=claim]`).click();
    await expect
      .poll(() => page.locator(`tr[data-ref="${refs.critique}"] td`).nth(7).textContent(), PATIENCE)
      .toBe('alice');
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
      .poll(() => page.frameLocator('iframe.mail-html').locator('body').textContent(), PATIENCE)
      .toContain('Bonjour, voici la capture.');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.frameLocator('iframe.mail-html').locator('body[data-pwned]').count()).toBe(0);
    expect(trackerHits).toBe(0);
    await expectAccessible('the ticket page with its HTML version open');
    await page.screenshot({ path: 'test-results/portal-ticket-1400.png', fullPage: true });
  });

  it('says everything on the ticket page in French, from the labels table', async () => {
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('Moyenne (déclarée par le client)');
    expect(facts).toContain('Nouveau');
    const text = await page.locator('main').textContent();
    for (const word of ['inferred', 'declared', 'ticket-created', 'acknowledgement', 'intake', 'phone'])
      expect(text, word).not.toMatch(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u'));
    expect(await page.locator('#audit li[data-type="ticket-created"]').textContent()).toMatch(
      /Ticket créé — réception automatique$/,
    );
  });

  it('records a first contact from the ticket view and shows it in the audit trail', async () => {
    await page.locator('form[data-action="first-contact"] button').click();
    await expect.poll(() => page.locator('#audit li[data-type="first-contact"]').count(), PATIENCE).toBe(1);
    expect(await page.locator('#ticket-head').getAttribute('data-status')).toBe('en cours');
  });

  it('previews the reply as the client will see it, attaches a file (a program refused), on a phone too', async () => {
    await page.locator('#reply-text').fill('Le technicien passe demain à 9 h.');
    await page.locator('#reply-files').setInputFiles({
      name: 'devis.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
    });
    const ready = page.locator('#reply-file-list li[data-state="ready"]');
    await expect.poll(() => ready.count(), PATIENCE).toBe(1);
    await page.locator('#reply-files').setInputFiles({
      name: 'outil.pdf.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    const refused = page.locator('#reply-file-list li[data-state="refused"]');
    await expect.poll(() => refused.count(), PATIENCE).toBe(1);
    expect(await refused.textContent()).toContain(
      'les fichiers .exe (programmes, scripts, raccourcis) ne sont pas acceptés',
    );
    await page.locator('#reply-preview-button').click();
    const preview = page.locator('#reply-preview-text');
    await expect.poll(() => preview.count(), PATIENCE).toBe(1);
    const text = (await preview.textContent()) ?? '';
    expect(text).toMatch(/^Bonjour Gérant,\n\nLe technicien passe demain à 9 h\.\n\nCordialement,/);
    expect(text).toContain(`Suivre votre demande ${refs.hostile} : `);
    expect(await page.locator('#reply-preview-subject').textContent()).toMatch(
      new RegExp(`^\\[${refs.hostile}\\] `),
    );
    expect(await page.locator('#reply-preview').textContent()).toContain('devis.pdf');
    await expectAccessible('the reply box with a preview and files');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expectPhoneUsable('reply box with a preview and files');
      await expectAccessible('the reply preview on a phone');
      await page.locator('#reply-form').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/portal-reply-preview-390.png', fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    // Sending waits for the refused file to go: the agent removes it.
    await page.locator('#reply-file-list button[aria-label="Retirer outil.pdf.exe"]').click();
    expect(await refused.count()).toBe(0);
  });

  it('sends a reply from the ticket view and shows it in the conversation with its state and file', async () => {
    await page.locator('#reply-form button[data-then=""]').click();
    const sent = page.locator('.conversation article.outbound');
    await expect.poll(() => sent.count(), PATIENCE).toBe(1);
    expect(await sent.getAttribute('data-state')).toBe('sent');
    expect(await sent.locator('.outbound-state').textContent()).toBe('envoyé');
    expect(await sent.locator('.new-text').textContent()).toBe('Le technicien passe demain à 9 h.');
    expect(await sent.locator('.attachments li').textContent()).toMatch(/devis\.pdf/);
    expect(await page.locator('#reply-text').inputValue()).toBe('');
    expect(await page.locator('#reply-file-list li').count()).toBe(0);
    await expectAccessible('the ticket page with a sent reply');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expectPhoneUsable('ticket with a reply');
      await expectAccessible('the reply box on a phone');
      await page.locator('#reply-form').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/portal-reply-390.png', fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('explains a refused action in French, without accessibility violations', async () => {
    await page.locator('form[data-action="resolve"] input[name=summary]').fill('   ');
    await page.locator('form[data-action="resolve"] button').click();
    await expect.poll(() => page.locator('#flash').textContent(), PATIENCE).toMatch(/^Requête refusée/);
    expect(await page.locator('#ticket-head').getAttribute('data-status')).toBe('en cours');
    await expectAccessible('the ticket page with an error');
  });

  it('shows a breached ticket without accessibility violations', async () => {
    await page.goto(`${server.url}/#/tickets/${refs.breached}`);
    await page.locator(`#ticket-head[data-ref="${refs.breached}"]`).waitFor();
    expect(await page.locator('.sla [data-clock="gti"]').getAttribute('class')).toContain('state-breached');
    expect(await page.locator('.sla [data-clock="gti"] .live').textContent()).toMatch(/^dépassé/);
    await expectAccessible('a breached ticket');
  });

  it('lists the suspended messages in French, without accessibility violations', async () => {
    await page.locator('#ticket-view a.nav-link').click();
    await page.locator('a.nav-link', { hasText: 'Messages suspendus' }).click();
    await page.locator('#suspended-list li[data-suspended]').first().waitFor();
    expect(await page.locator('#suspended-list li[data-class="spam"]').textContent()).toContain(
      'classé comme spam par la messagerie',
    );
    expect(await page.locator('#suspended-total').textContent()).toBe('2 messages suspendus');
    // The held follow-up is decided on its ticket, not here.
    expect(
      await page.locator('#suspended-list li[data-class="unverified-sender"] a').getAttribute('href'),
    ).toBe(`#/tickets/${refs.haute}`);
    await page.locator('#suspended-class').selectOption('spam');
    await expect
      .poll(() => page.locator('#suspended-total').textContent(), PATIENCE)
      .toBe('2 messages suspendus, dont 1 « classé comme spam par la messagerie »');
    expect(await page.locator('#suspended-list li[data-suspended]').count()).toBe(1);
    expect(
      await page.locator('#suspended-list li[data-class="spam"] button', { hasText: 'Ignorer' }).count(),
    ).toBe(1);
    await expectAccessible('the suspended messages filtered by class');
    // Away and back by the hash: the chosen class still filters, and « Tous » lifts it again.
    await page.goto(`${server.url}/#/`);
    await page.locator('#queue-view').waitFor();
    await page.goto(`${server.url}/#/suspended`);
    await expect.poll(() => page.locator('#suspended-list li[data-suspended]').count(), PATIENCE).toBe(1);
    await page.locator('#suspended-class').selectOption({ label: 'Tous' });
    await expect
      .poll(() => page.locator('#suspended-total').textContent(), PATIENCE)
      .toBe('2 messages suspendus');
    expect(await page.locator('#suspended-list li[data-suspended]').count()).toBe(2);
  });

  it('shows a held message on its ticket, escaped, with Accepter / Rejeter, and accepts it after a confirmation', async () => {
    await page.goto(`${server.url}/#/tickets/${refs.haute}`);
    const card = page.locator('#held article[data-held]');
    await card.waitFor();
    expect(await page.locator('#held-title').textContent()).toBe(
      'Messages retenus — 1 en attente de décision',
    );
    expect(await card.locator('header').textContent()).toContain('gerant@quincaillerie-du-port.re');
    expect(await card.locator('.held-why').textContent()).toBe(
      'Retenu : expéditeur non vérifié — DMARC échouée, SPF échouée, DKIM échouée.',
    );
    // The sender's markup is text: shown as written, never an element.
    expect(await card.locator('pre').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await card.locator('img').count()).toBe(0);
    expect(await card.locator('button[data-decide]').allTextContents()).toEqual([
      `Accepter : Re: [${refs.haute}] Caisse en panne`,
      `Rejeter : Re: [${refs.haute}] Caisse en panne`,
    ]);
    await expectAccessible('a ticket with a held message');
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expectPhoneUsable('ticket with a held message');
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/portal-held-390.png', fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    // Dismissing the confirmation does nothing; accepting it adds the message to the conversation.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await card.locator('button[data-decide="accept"]').click();
    expect(await page.locator('#held article[data-status="held"]').count()).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await card.locator('button[data-decide="accept"]').click();
    await expect.poll(() => page.locator('#held article[data-status="accepted"]').count(), PATIENCE).toBe(1);
    expect(await page.locator('#flash').textContent()).toBe('Message accepté : ajouté au ticket.');
    expect(await page.locator('#held-title').textContent()).toBe(
      'Messages retenus — 0 en attente de décision',
    );
    expect(await page.locator('.conversation article.message').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('La caisse remarche')]),
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await expectAccessible('a ticket with an accepted held message');
    // The phone check below starts on the suspended messages page.
    await page.goto(`${server.url}/#/suspended`);
    await page.locator('#suspended-list li[data-suspended]').first().waitFor();
  });

  it('fits a phone (390 × 844): no sideways scrolling, 44 px touch targets, no violations', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expectPhoneUsable('suspended messages');
      await expectAccessible('the suspended messages on a phone');

      await page.goto(`${server.url}/#/`);
      await page.locator('#queue-body tr[data-ref]').first().waitFor();
      await expectPhoneUsable('queue');
      await expectAccessible('the queue on a phone');
      await page.screenshot({ path: 'test-results/portal-queue-390.png', fullPage: true });

      await page.locator(`a[href="#/tickets/${refs.hostile}"]`).click();
      await page.locator(`#ticket-head[data-ref="${refs.hostile}"]`).waitFor();
      await page.locator('.message details summary', { hasText: 'Version HTML' }).click();
      await expectPhoneUsable('ticket');
      await expectAccessible('the ticket page on a phone');
      await page.screenshot({ path: 'test-results/portal-ticket-390.png', fullPage: true });

      await page.locator('#logout').click();
      await page.locator('#dev-login input[name=agent]').waitFor();
      await expectPhoneUsable('sign-in');
      await expectAccessible('the sign-in page on a phone');
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    expect(problems).toEqual([]);
  });
  it('shows « Rapports » on the seeded tickets: figures, breaches, charts with their figures, CSV, phone and desktop', async () => {
    // A step that cannot happen fails here with its locator, not as the test's timeout.
    page.setDefaultTimeout(10_000);
    // The phone check above signed out: an agent of another desk signs in (reports are open to all).
    await page.locator('#dev-login input[name=agent]').fill('mona');
    await page.locator('#dev-login select[name=desk]').selectOption('martinique');
    await page.locator('#dev-login button[type=submit]').click();
    await page.locator('#whoami').waitFor();
    await page.goto(`${server.url}/#/`);
    await page.locator('#queue-view').waitFor();
    await page.locator('a.nav-link', { hasText: 'Rapports' }).click();
    await page.locator('#report-figures').waitFor();
    // The month the server chose (all desks: UTC), shown in the form.
    expect(await page.locator('#report-from').inputValue()).toBe('2026-11-01');
    expect(await page.locator('#report-to').inputValue()).toBe('2026-11-30');
    const cell = (figure: string, priority: string) =>
      page
        .locator(`#report-figures tr[data-figure="${figure}"] td[data-priority="${priority}"]`)
        .textContent();
    // Two critique tickets: the one received at 08:00 missed its 08:15 GTI, the other still runs (09:25).
    expect(await cell('Reçus', 'critique')).toBe('2');
    expect(await cell('GTI tenue', 'critique')).toBe('0\u00a0% (0/1)');
    // The moyenne ticket was contacted at 09:12 (GTI 09:50) by the test above.
    expect(await cell('GTI tenue', 'moyenne')).toBe('100\u00a0% (1/1)');
    expect(await page.locator(`[data-breach="${refs.breached}:gti"] a`).getAttribute('href')).toBe(
      `#/tickets/${refs.breached}`,
    );
    // Three charts drawn by the shared module, each an image with a name and its figures a click away.
    expect(await page.locator('.report-chart svg[role="img"]').count()).toBe(3);
    const volume = page.locator('#rapport-volume-per-day');
    expect(await volume.locator('svg title').textContent()).toBe('Tickets reçus par jour et par centre');
    await volume.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await volume.locator('details').getAttribute('open')).not.toBeNull();
    const lastDay = volume.locator('tbody tr').last();
    expect(await lastDay.locator('th').textContent()).toBe('30 nov. 2026');
    const received = Number(await lastDay.locator('td').last().textContent());
    expect(received).toBeGreaterThanOrEqual(5);
    await expectAccessible("the reports page with a chart's figures open");

    // The tickets' CSV: one row per ticket of the report, downloaded with the session's token.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-csv="tickets"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'rapport-sla_mois_en-cours_tous-centres_tous-clients_tickets.csv',
    );
    const csvText = await readFile(await download.path(), 'utf8');
    expect(csvText.startsWith('\uFEFFreference,desk,')).toBe(true);
    expect(csvText.trimEnd().split('\r\n')).toHaveLength(1 + received);

    // A client chosen (only then): its monthly report, the printable page, downloaded the same way.
    expect(await page.locator('button[data-monthly]').count()).toBe(0);
    await page.goto(`${server.url}/#/reports?from=2026-11-01&to=2026-11-30&client=CLI-RE-0027`);
    const [monthly] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-monthly="2026-11"]').click(),
    ]);
    expect(monthly.suggestedFilename()).toBe('rapport-sla-CLI-RE-0027-2026-11.html');
    expect(await readFile(await monthly.path(), 'utf8')).toContain(
      '<h1>Rapport mensuel SLA — novembre 2026</h1>',
    );

    // A reversed period: the server's French reason, nothing drawn.
    await page.locator('#report-from').fill('2026-11-30');
    await page.locator('#report-to').fill('2026-11-01');
    await page.locator('#report-form button[type=submit]').click();
    await expect
      .poll(() => page.locator('#flash').textContent(), PATIENCE)
      .toMatch(/^Rapport refusé : la période finit \(2026-11-01\) avant de commencer/);
    await page.goto(`${server.url}/#/reports?from=2026-11-01&to=2026-11-30&desk=reunion`);
    await expect.poll(() => page.locator('#report-desk').inputValue(), PATIENCE).toBe('reunion');
    await page.locator('#report-figures').waitFor();
    expect(await cell('Reçus', 'critique')).toBe('2');
    await page.screenshot({ path: 'test-results/reports-desktop.png', fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expectPhoneUsable('reports');
      await expectAccessible('the reports page on a phone');
      await page.screenshot({ path: 'test-results/reports-390.png', fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    expect(problems).toEqual([]);
  });
});
