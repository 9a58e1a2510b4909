import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendToListener } from '../../shared/adapters/local/smtp-client';
import { type LocalStack, startLocalStack } from '../../shared/wiring/local';
import { agentApi } from '../e2e/support';
import { composeMail } from '../support/agent-api';
import { axeViolations, describeViolations, installAxe } from './axe';

/**
 * The client portal in Debian's Chromium at a phone's 360 × 740, against `npm start`'s own stack
 * (startLocalStack on free ports): a mail through the SMTP listener, the link taken from the
 * acknowledgement in the SES emulator, the ticket page, a message with a file, the agents' side, an
 * agent's reply, the invalid-link page, "Mes demandes", an English ticket; axe-core (WCAG 2.1 A/AA) on
 * every page and state, injected through the browser context (the page's CSP stays strict).
 */
const CHROMIUM = '/usr/bin/chromium';
const PATIENCE = { timeout: 15_000 };
const PHONE = { width: 360, height: 740 };
const CLIENT = 'Jean Hoarau <jean.hoarau@quincaillerie-du-port.re>';
const XSS = '<img src=x onerror="window.__pwned=1;document.body.dataset.pwned=1">';
/** The client administrator of Quincaillerie du Port (the example directory, plus administrators[]). */
const ADMIN = 'direction@quincaillerie-du-port.re';

if (!existsSync(CHROMIUM)) {
  console.warn(`client portal browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
}

describe.skipIf(!existsSync(CHROMIUM))('Client portal (Chromium, headless, 360 × 740)', () => {
  let dataDir: string;
  let profile: string;
  let stack: LocalStack;
  let clientUrl: string;
  let context: BrowserContext;
  let page: Page;
  let agent: Awaited<ReturnType<typeof agentApi>>;
  let reference = '';
  let link = '';
  const problems: string[] = [];

  /** The link to the client portal in the newest mail the SES emulator holds for this subject. */
  async function linkInMail(subject: RegExp, path: RegExp): Promise<string> {
    let found = '';
    await expect
      .poll(async () => {
        const mails = await stack.ses.emulator.store();
        const mail = mails.filter((m) => subject.test(m.subject)).at(-1);
        const text = `${mail?.body.text ?? ''} ${mail?.body.html ?? ''}`;
        found = text.match(new RegExp(`${escapeRegExp(clientUrl)}${path.source}`))?.[0] ?? '';
        return found;
      }, PATIENCE)
      .not.toBe('');
    return found;
  }

  async function expectAccessible(state: string): Promise<void> {
    expect(describeViolations(await axeViolations(page)), `axe on ${state}`).toEqual([]);
  }

  /** No sideways scrolling at 360 px; every control a finger may hit at least 44 px (a radio's row counts). */
  async function expectPhoneUsable(state: string): Promise<void> {
    const measures = await page.evaluate(() => {
      const small = Array.from(document.querySelectorAll<HTMLElement>('button, input, textarea, a'))
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => {
          const target = (e as HTMLInputElement).type === 'radio' ? (e.closest('label') ?? e) : e;
          return {
            what: `${e.tagName.toLowerCase()} "${e.textContent?.trim() ?? ''}"`,
            h: target.getBoundingClientRect().height,
          };
        })
        .filter((m) => m.h < 44)
        .map((m) => `${m.what} is ${m.h.toFixed(0)} px high`);
      return { width: document.documentElement.scrollWidth, viewport: window.innerWidth, small };
    });
    expect(measures.width, `${state}: page width`).toBeLessThanOrEqual(measures.viewport);
    expect(measures.small, `${state}: touch targets`).toEqual([]);
  }

  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: `test-results/client-${name}-360.png`, fullPage: true });
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'client-portal-'));
    // The example directory, with a client administrator at Quincaillerie du Port (monthly reports).
    const directory = JSON.parse(await readFile('config/clients.example.json', 'utf8')) as {
      clients: Array<{ clientId: string; administrators?: string[] }>;
    };
    for (const entry of directory.clients)
      if (entry.clientId === 'CLI-RE-0027') entry.administrators = [ADMIN];
    await writeFile(join(dataDir, 'clients.json'), JSON.stringify(directory));
    stack = await startLocalStack({
      host: '127.0.0.1',
      dataDir,
      ports: { smtp: 0, api: 0, ses: 0, client: 0 },
      maxMessageBytes: 1024 * 1024,
      clientsPath: join(dataDir, 'clients.json'),
      tableName: 'exodata-client-portal',
      bucket: 'exodata-client-portal',
      slaIntervalMs: null,
      log: () => {},
    });
    clientUrl = stack.clientUrl;
    agent = await agentApi(stack.apiUrl, ['reunion']);
    profile = await mkdtemp(join(tmpdir(), 'client-portal-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
      viewport: PHONE,
      locale: 'fr-FR',
      hasTouch: true,
    });
    await installAxe(context);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await mkdir('test-results', { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await stack?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('opens the ticket from the acknowledgement’s link: reference, status, deadlines; the secret leaves the address bar', async () => {
    const raw = await composeMail({
      from: CLIENT,
      subject: 'Plus aucune caisse ne fonctionne',
      text: 'Bonjour,\n\nToutes les caisses du magasin sont bloquées, aucune solution de contournement.\n\nJean',
      attachments: [
        { filename: 'journal-caisse.txt', content: Buffer.from('erreur 42\n'), contentType: 'text/plain' },
      ],
    });
    const sent = await sendToListener(stack.smtp, {
      raw,
      envelope: { from: 'jean.hoarau@quincaillerie-du-port.re', to: ['reunion@exodata.fr'] },
    });
    reference = /EXO-\d{4}-\d{6}/.exec(sent.response)?.[0] ?? '';
    expect(reference).not.toBe('');
    link = await linkInMail(new RegExp(reference), /\/t\/EXO-\d{4}-\d{6}#k=[A-Za-z0-9_-]+/);
    expect(link).toContain(`/t/${reference}#k=`);

    await page.goto(link);
    const head = page.locator(`.ticket-head[data-ref="${reference}"]`);
    await head.waitFor(PATIENCE);
    expect(page.url()).toBe(`${clientUrl}/t/${reference}`);
    expect(await page.locator('.ref strong').textContent()).toBe(reference);
    expect(await page.locator('#ticket-title').textContent()).toBe('Plus aucune caisse ne fonctionne');
    expect(await page.locator('.status').textContent()).toBe('reçue');
    expect(await page.locator('[data-deadline="gti"] .deadline-when').textContent()).toMatch(
      /^au plus tard .+, \d{2}:\d{2} UTC\+4/,
    );
    expect(await page.locator('[data-deadline="gtr"]').getAttribute('data-state')).toBe('pending');
    expect(await page.locator('.facts').textContent()).toContain('Critique');
    expect(await page.locator('input[name=level]').count()).toBe(4);
    // A level the mail settles (several tills blocked, no workaround): nothing to confirm, no card.
    expect(await page.locator('#priority-questions').count()).toBe(0);
    expect(await page.locator('.message.client .message-text').first().textContent()).toContain(
      'Toutes les caisses du magasin sont bloquées',
    );
    // The mail's attachment: a download link (never shown inline), named and sized.
    const attachment = page.locator('.message.client .attachments a').first();
    expect(await attachment.textContent()).toBe('journal-caisse.txt');
    expect(await attachment.getAttribute('download')).toBe('journal-caisse.txt');
    expect(await attachment.getAttribute('href')).toMatch(
      new RegExp(`^/api/client/tickets/${reference}/attachments/[^/]+$`),
    );
    expect(await page.locator('.message img, .message iframe').count()).toBe(0);
    await expectAccessible('the ticket page');
    await expectPhoneUsable('the ticket page');
    await screenshot('ticket');
  });

  it('moves keyboard focus in reading order and always shows it', async () => {
    await page.locator('#brand').click();
    const visited: Array<{ index: number; outline: string; what: string }> = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      visited.push(
        await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          const style = getComputedStyle(active);
          return {
            index: Array.from(document.querySelectorAll('*')).indexOf(active),
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            what: `${active.tagName.toLowerCase()}#${active.id} ${active.textContent?.trim().slice(0, 20) ?? ''}`,
          };
        }),
      );
    }
    const indexes = visited.map((v) => v.index);
    expect(indexes, visited.map((v) => v.what).join(' → ')).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes).size).toBe(indexes.length);
    for (const v of visited) expect(v.outline, v.what).toMatch(/^solid [3-9]px$/);
  });

  it('refuses an empty file at once with a French reason, next to it and in the live region', async () => {
    await page.setInputFiles('#message-files', {
      name: 'vide.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(0),
    });
    const refused = page.locator('#file-list li[data-state="failed"]');
    await refused.waitFor(PATIENCE);
    expect(await refused.textContent()).toContain('refusé : Ce fichier est vide.');
    expect(await page.locator('#flash').textContent()).toBe('vide.txt : Ce fichier est vide.');
    expect(await page.locator('#flash').getAttribute('role')).toBe('status');
    await expectAccessible('the ticket page with a refused file');
    await expectPhoneUsable('the ticket page with a refused file');
    await screenshot('refused-file');
    await refused.locator('button').click();
    expect(await page.locator('#file-list li').count()).toBe(0);
  });

  it('posts a message with an attachment, seen on the page and on the agents’ side', async () => {
    await page.locator('#message-text').fill('Voici le relevé des caisses.');
    await page.setInputFiles('#message-files', {
      name: 'releve-caisses.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('caisse;total\n1;1520,40\n2;980,10\n'),
    });
    await page.locator('#file-list li[data-state="done"]').waitFor(PATIENCE);
    await page.locator('#compose button[type=submit]').click();
    const mine = page.locator('.message.client', { hasText: 'Voici le relevé des caisses.' });
    await mine.waitFor(PATIENCE);
    // The file is offered as a download of that message, never shown inline.
    const download = mine.locator('a[download="releve-caisses.csv"]');
    await download.waitFor(PATIENCE);
    expect(await mine.locator('img, iframe, object, embed').count()).toBe(0);
    await screenshot('message-with-file');
    expect(await page.locator('#message-text').inputValue()).toBe('');
    expect(await page.locator('#flash').textContent()).toBe(
      'Message envoyé : il est ajouté à votre demande.',
    );

    const view = (await agent.get(`/api/tickets/${reference}`)) as { messages: Array<{ direction: string }> };
    const inbound = view.messages.filter((m) => m.direction === 'in');
    expect(inbound).toHaveLength(2);
    expect(JSON.stringify(inbound[1])).toContain('Voici le relevé des caisses.');
    expect(JSON.stringify(inbound[1])).toContain('releve-caisses.csv');
  });

  it('shows a client’s HTML as inert text in both portals', async () => {
    await page.locator('#message-text').fill(XSS);
    await page.locator('#compose button[type=submit]').click();
    const hostile = page.locator('.message.client .message-text', { hasText: '<img src=x' });
    await hostile.waitFor(PATIENCE);
    expect(await hostile.textContent()).toBe(XSS);
    expect(await page.locator('.conversation img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

    const agents = await context.newPage();
    try {
      await agents.goto(stack.apiUrl);
      await agents.locator('#dev-login input[name=agent]').fill('alice');
      await agents.locator('#dev-login select[name=desk]').selectOption('reunion');
      await agents.locator('#dev-login button[type=submit]').click();
      // Signed in once the queue shows — not once it has a row: at night (UTC) the queue opens on the
      // desk on duty, which may have no ticket.
      await agents.locator('#queue-view').waitFor({ state: 'visible', ...PATIENCE });
      await agents.goto(`${stack.apiUrl}/#/tickets/${reference}`);
      await agents.locator(`#ticket-head[data-ref="${reference}"]`).waitFor(PATIENCE);
      await expect.poll(() => agents.locator('#ticket').textContent(), PATIENCE).toContain('<img src=x');
      expect(await agents.locator('#ticket img').count()).toBe(0);
      expect(await agents.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await agents.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    } finally {
      await agents.close();
    }
  });

  it('shows an agent’s reply once the client refreshes the page', async () => {
    const replied = await agent.post(`/api/tickets/${reference}/replies`, {
      text: 'Nous redémarrons le serveur des caisses.',
      idempotencyKey: 'client-portal-reply-1',
    });
    expect(replied.status).toBe(201);
    await page.locator('#refresh').click();
    const reply = page.locator('.message.agent', { hasText: 'Nous redémarrons le serveur des caisses.' });
    await reply.waitFor(PATIENCE);
    expect(await reply.locator('.author').textContent()).toMatch(/— Exodata$/);
    await expectAccessible('the ticket page with an agent’s reply');
    await expectPhoneUsable('the ticket page with an agent’s reply');
    await screenshot('ticket-reply');
  });

  it('declares a priority with the four definitions', async () => {
    await page.locator('input[name=level][value=haute]').check();
    await page.locator('#priority-form button[type=submit]').click();
    await expect.poll(() => page.locator('#flash').textContent(), PATIENCE).toBe('Priorité enregistrée.');
    expect(await page.locator('.facts').textContent()).toContain('Haute — déclarée par vous');
  });

  it('shows the same "lien invalide" page for a wrong secret, an unknown reference and a malformed path', async () => {
    const texts: string[] = [];
    for (const url of [
      `${clientUrl}/t/${reference}#k=${'A'.repeat(32)}`,
      `${clientUrl}/t/EXO-2026-999999#k=${'A'.repeat(32)}`,
      `${clientUrl}/nimporte/quoi`,
    ]) {
      await context.clearCookies();
      await page.goto(url);
      await page.locator('#invalid-view:not([hidden])').waitFor(PATIENCE);
      expect(new URL(page.url()).hash).toBe('');
      texts.push((await page.locator('main').textContent()) ?? '');
    }
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain('Ce lien n’est pas valide.');
    expect(texts[0]).not.toContain(reference);
    await expectAccessible('the invalid-link page');
    await expectPhoneUsable('the invalid-link page');
    await screenshot('invalid-link');
  });

  it('"Mes demandes": the same answer for any address, then the sign-in link lists the tickets', async () => {
    await page.goto(`${clientUrl}/mes-demandes`);
    await page.locator('#sign-in-email').waitFor(PATIENCE);
    await expectAccessible('the "Mes demandes" form');
    await page.locator('#sign-in-form button').click();
    await expect
      .poll(() => page.locator('#flash').textContent(), PATIENCE)
      .toMatch(/adresse e-mail complète/);
    await expectAccessible('the "Mes demandes" form with an error');
    await screenshot('requests-error');

    await page.locator('#sign-in-email').fill('jean.hoarau@quincaillerie-du-port.re');
    await page.locator('#sign-in-form button').click();
    await page.locator('#sign-in-answer:not([hidden])').waitFor(PATIENCE);
    expect(await page.locator('#sign-in-answer').textContent()).toBe(
      "Si des demandes existent pour cette adresse, un lien de connexion vient d'y être envoyé.",
    );
    await expectAccessible('the "Mes demandes" answer');
    await expectPhoneUsable('the "Mes demandes" form');
    await screenshot('requests-form');

    const signIn = await linkInMail(/connexion|Mes demandes/i, /\/mes-demandes#jeton=[A-Za-z0-9_-]+/);
    await page.goto(signIn);
    const row = page.locator(`#tickets li[data-ref="${reference}"]`);
    await row.waitFor(PATIENCE);
    expect(page.url()).toBe(`${clientUrl}/mes-demandes`);
    await expectAccessible('the list of tickets');
    await expectPhoneUsable('the list of tickets');
    await screenshot('requests-list');
    await row.locator('a').click();
    await page.locator(`.ticket-head[data-ref="${reference}"]`).waitFor(PATIENCE);
    await page.locator('#sign-out').click();
    await page.locator('#sign-in-email').waitFor(PATIENCE);

    await page.goto(signIn);
    await page.locator('#invalid-view:not([hidden])').waitFor(PATIENCE);
  });

  it('"Rapports mensuels": a client administrator opens the month’s report, printable on one A4 page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${clientUrl}/mes-demandes`);
    await page.locator('#sign-in-email').fill(ADMIN);
    await page.locator('#sign-in-form button').click();
    await page.locator('#sign-in-answer:not([hidden])').waitFor(PATIENCE);
    let signIn = '';
    await expect
      .poll(async () => {
        const mail = (await stack.ses.emulator.store())
          .filter((m) => m.destination.to.includes(ADMIN))
          .at(-1);
        signIn = mail?.body.text?.match(/http:\/\/[^\s]+\/mes-demandes#jeton=[A-Za-z0-9_-]+/)?.[0] ?? '';
        return signIn;
      }, PATIENCE)
      .not.toBe('');
    await page.goto(signIn);
    await page.locator('#reports:not([hidden])').waitFor(PATIENCE);
    // The whole client's tickets (Jean's among them), then the last 12 months, the current one first.
    expect(await page.locator(`#tickets li[data-ref="${reference}"]`).count()).toBe(1);
    const months = page.locator('#report-months a');
    expect(await months.count()).toBe(12);
    expect(await months.first().textContent()).toMatch(/^\p{L}+ \d{4} \(en cours\)$/u);
    await expectAccessible('"Mes demandes" with the monthly reports');
    await expectPhoneUsable('"Mes demandes" with the monthly reports');

    const month = (await months.first().getAttribute('data-month')) ?? '';
    await months.first().click();
    await page.locator('h1').filter({ hasText: 'Rapport mensuel SLA' }).waitFor(PATIENCE);
    expect(page.url()).toBe(`${clientUrl}/rapports/${month}`);
    expect(await page.locator('header .scope strong').textContent()).toBe(
      'Quincaillerie du Port (CLI-RE-0027) — contrat standard',
    );
    expect(await page.locator('figure.report-chart svg[role="img"]').count()).toBe(3);
    // Jean's tickets count in the month's figures (received, per priority).
    const received = await page.locator('#par-priorite + .wide tbody td:first-of-type').allTextContents();
    expect(received).toHaveLength(4);
    expect(received.reduce((sum, n) => sum + Number(n), 0)).toBeGreaterThanOrEqual(1);
    await expectAccessible('the monthly report');
    await expectPhoneUsable('the monthly report');
    await page.screenshot({ path: 'test-results/client-monthly-report-390.png', fullPage: true });

    // Printed: one A4 sheet, the screen-only link gone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('a.back').isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: 'test-results/client-monthly-report-print.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    await writeFile('test-results/client-monthly-report.pdf', pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(PHONE);

    await page.goBack();
    await page.locator('#reports:not([hidden])').waitFor(PATIENCE);
    await page.locator('#sign-out').click();
    await page.locator('#sign-in-email').waitFor(PATIENCE);
    // Signed out, the same address gets what an unknown path gets.
    await page.goto(`${clientUrl}/rapports/${month}`);
    await page.locator('#invalid-view:not([hidden])').waitFor(PATIENCE);
  });

  it('answers « Priorité à confirmer » in one click: buttons off while sending, the card gone, the new level shown', async () => {
    const sent = await sendToListener(stack.smtp, {
      from: CLIENT,
      to: ['reunion@exodata.fr'],
      subject: 'Terminal de paiement',
      text: 'Bonjour,\n\nLe terminal de paiement ne répond plus depuis 10h.\n',
    });
    const tie = /EXO-\d{4}-\d{6}/.exec(sent.response)?.[0] ?? '';
    const tieLink = await linkInMail(new RegExp(tie), /\/t\/EXO-\d{4}-\d{6}#k=[A-Za-z0-9_-]+/);
    await context.clearCookies();
    await page.goto(tieLink);
    await page.locator(`.ticket-head[data-ref="${tie}"]`).waitFor(PATIENCE);
    const card = page.locator('#priority-questions');
    await card.waitFor(PATIENCE);
    expect(await card.locator('h2').textContent()).toBe('Priorité à confirmer');
    expect(await card.locator('.hint').textContent()).toContain('votre réponse fixe nos délais');
    expect(await card.locator('legend').allTextContents()).toEqual([
      'Êtes-vous plusieurs à être bloqués ?',
      'Pouvez-vous continuer à travailler autrement en attendant ?',
    ]);
    // Above « Corriger la priorité », as the page reads.
    expect(
      await page.evaluate(() => {
        const questions = document.querySelector('#priority-questions');
        const form = document.querySelector('#priority-form');
        return Boolean(questions && form && questions.compareDocumentPosition(form) & 4);
      }),
    ).toBe(true);
    expect(await page.locator('.facts').textContent()).toContain('Critique');
    await expectAccessible('the ticket page with its priority questions');
    await expectPhoneUsable('the ticket page with its priority questions');
    await screenshot('priority-questions');
    // The card alone, at full size: the full page is too tall to read the card's words in a viewer.
    await card.screenshot({ path: 'test-results/client-priority-card-360.png' });

    // Held on its way: every button of the card is off, and a second tap sends nothing.
    let posts = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/priority-answer', async (route) => {
      posts++;
      await held;
      await route.continue();
    });
    const no = page.getByRole('button', { name: 'Non — Êtes-vous plusieurs à être bloqués ?' });
    await no.click();
    await expect.poll(() => card.locator('button:disabled').count(), PATIENCE).toBe(4);
    await no.click({ force: true });
    release();
    await card.waitFor({ state: 'detached', ...PATIENCE });
    await page.unroute('**/priority-answer');
    expect(posts).toBe(1);
    expect(await page.locator('#flash').textContent()).toBe(
      'Merci : la priorité passe à Haute, nos délais sont recalculés.',
    );
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('Haute — ajustée selon votre réponse');
    expect(facts).toContain("Ajustée d'après votre réponse : « Êtes-vous plusieurs à être bloqués ? Non ».");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ticket-title');
    await expectAccessible('the ticket page once the priority is answered');
    await expectPhoneUsable('the ticket page once the priority is answered');
    await screenshot('priority-answered');

    // The agents' side: one priority change, by the client, from the portal.
    const view = (await agent.get(`/api/tickets/${tie}`)) as {
      ticket: { priority: { level: string } };
      events: Array<{ type: string; detail: { evidence?: string } }>;
    };
    expect(view.ticket.priority.level).toBe('haute');
    expect(view.events.filter((e) => e.type === 'priority-changed')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          evidence: 'Êtes-vous plusieurs à être bloqués ? Non (portail client)',
        }),
      }),
    ]);

    // In English: the card's words and the buttons' names from the English table.
    const english = await sendToListener(stack.smtp, {
      from: CLIENT,
      to: ['reunion@exodata.fr'],
      subject: 'Card terminal down',
      text: 'Hello,\n\nCard payment terminal not responding since 10am. Nothing else works for payments.\n',
    });
    const en = /EXO-\d{4}-\d{6}/.exec(english.response)?.[0] ?? '';
    await context.clearCookies();
    await page.goto(await linkInMail(new RegExp(en), /\/t\/EXO-\d{4}-\d{6}#k=[A-Za-z0-9_-]+/));
    await page.locator(`.ticket-head[data-ref="${en}"]`).waitFor(PATIENCE);
    await card.waitFor(PATIENCE);
    expect(await card.locator('h2').textContent()).toBe('Priority to confirm');
    await page.getByRole('button', { name: 'Yes — Are several of you blocked?' }).waitFor(PATIENCE);
    await expectAccessible('an English ticket with its priority questions');
    await card.screenshot({ path: 'test-results/client-priority-card-en-360.png' });
  });

  it('shows an English ticket in English', async () => {
    const sent = await sendToListener(stack.smtp, {
      from: CLIENT,
      to: ['reunion@exodata.fr'],
      subject: 'The printer on the second floor is broken',
      text: 'Hello,\n\nThe printer on the second floor does not print any more; we can use the one downstairs.\n\nThanks,\nJean',
    });
    const english = /EXO-\d{4}-\d{6}/.exec(sent.response)?.[0] ?? '';
    const englishLink = await linkInMail(new RegExp(english), /\/t\/EXO-\d{4}-\d{6}#k=[A-Za-z0-9_-]+/);
    await context.clearCookies();
    await page.goto(englishLink);
    await page.locator(`.ticket-head[data-ref="${english}"]`).waitFor(PATIENCE);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.status').textContent()).toBe('received');
    expect(await page.locator('#compose-title').textContent()).toBe('Add a message');
    expect(await page.locator('[data-deadline="gti"] .deadline-when').textContent()).toMatch(/^by /);
    await expectAccessible('an English ticket');
    await expectPhoneUsable('an English ticket');
    await screenshot('ticket-en');
    expect(problems).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
