import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import {
  InvalidLinkError,
  NoSessionError,
  RateLimitedError,
  UploadRefusedError,
} from '../../../domain/client/client-errors';
import type { ClientView } from '../../../domain/client/client-view';
import type { PriorityLevel } from '../../../domain/desk/service-desk-config';
import {
  ConflictError,
  ExodataError,
  InputError,
  NotFoundError,
  TransientError,
} from '../../../domain/errors';
import { REPORT_CSP_HEADER } from '../../../domain/report/report-html';
import type { ClientSession } from '../../../ports/client-access-store';
import {
  CLIENT_SESSION_COOKIE,
  ClientActionResponseSchema,
  type ClientErrorBody,
  type ClientErrorCode,
  ClientMessageRequestSchema,
  ClientMessageResponseSchema,
  ClientPriorityAnswerRequestSchema,
  ClientPriorityRequestSchema,
  ClientReportMonthsResponseSchema,
  ClientSessionResponseSchema,
  ClientTicketListResponseSchema,
  ClientTicketViewSchema,
  ClientUploadRequestSchema,
  ClientUploadResponseSchema,
  CSRF_HEADER,
  INVALID_LINK_BODY,
  LinkSessionRequestSchema,
  RedeemRequestSchema,
  SIGN_IN_MESSAGE,
  SignInRequestSchema,
  SignInResponseSchema,
} from '../client-api-schemas';
import type { ErrorLogger } from '../errors';
import { readableIssues } from '../errors';
import type { PortalAssets } from '../portal-assets';

/** A session just opened: the cookie's secret (its only copy), its CSRF token and its end. */
export type OpenedClientSession = { secret: string; csrfToken: string; expiresAt: Date };

export type ClientTicketSummaryOut = {
  reference: string;
  subject: string;
  status: ClientView['status'];
  updatedAt: string;
  priority: ClientView['priority']['level'];
};

/**
 * What the client app calls: the client-portal use cases, built and bound in shared/wiring/client.ts
 * (an HTTP adapter never imports a use case). `source` is the caller's address (rate limits).
 */
export type ClientPortalApi = {
  openTicketSession(
    input: { reference: string; secret: string },
    source: string,
  ): Promise<OpenedClientSession>;
  sessionOf(cookie: string | undefined): Promise<{ session: ClientSession; csrfToken: string } | null>;
  endSession(cookie: string | undefined): Promise<void>;
  viewTicket(session: ClientSession, reference: string): Promise<ClientView>;
  listTickets(session: ClientSession): Promise<ClientTicketSummaryOut[]>;
  requestSignIn(email: string, source: string): Promise<void>;
  redeemSignIn(token: string, source: string): Promise<OpenedClientSession>;
  addMessage(
    session: ClientSession,
    reference: string,
    input: { text: string; idempotencyKey: string; uploads?: string[] },
  ): Promise<{ id: string; at: string }>;
  declarePriority(session: ClientSession, reference: string, level: PriorityLevel): Promise<ClientView>;
  /** « Oui » / « Non » to one open priority question; a question not open → ConflictError. */
  answerPriority(
    session: ClientSession,
    reference: string,
    input: { fact: ClientView['questions'][number]['fact']; answer: boolean },
  ): Promise<ClientView>;
  confirmResolved(session: ClientSession, reference: string): Promise<ClientView>;
  /** A presigned POST for one file (key and size fixed by the server); a program → UploadRefusedError. */
  presignUpload(
    session: ClientSession,
    reference: string,
    input: { name: string; size: number; type: string },
  ): Promise<{ uploadId: string; url: string; fields: Record<string, string> }>;
  /** A short-lived presigned GET (Content-Disposition: attachment) of a public message's file. */
  attachmentLink(session: ClientSession, reference: string, attachmentId: string): Promise<string>;
  /** A client administrator's monthly reports (newest first); anyone else → InvalidLinkError. */
  reportMonths(session: ClientSession): Promise<Array<{ month: string; label: string }>>;
  /** One month's report page (the one reportHtml); not an administrator, or not a month of the list → InvalidLinkError. */
  monthlyReport(session: ClientSession, month: string): Promise<string>;
};

export type ClientAppDeps = {
  api: ClientPortalApi;
  /** The built client pages (portal-build.ts, `client`); null: a minimal placeholder shell. */
  shell: PortalAssets | null;
  /** The portal's own origin (from portalBaseUrl): a write must come with exactly this Origin. */
  origin: string;
  /** Secure cookies (AWS: https); false only for http://127.0.0.1 locally. */
  secureCookie: boolean;
  /** The caller's source address (API Gateway's sourceIp, the socket's address locally). */
  sourceOf: (c: Context) => string;
  /** Origins the pages may send uploads to (the bucket's presigned POST endpoint). */
  uploadOrigins?: readonly string[];
  log: ErrorLogger;
};

type Env = { Variables: { session: ClientSession; csrfToken: string } };

const SESSION_SECONDS = 12 * 60 * 60;
const MAX_BODY_BYTES = 64 * 1024;

/** The placeholder page until the client pages are built (portal-src/client): no data, no script. */
const PLACEHOLDER_SHELL = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Exodata — vos demandes</title><link rel="stylesheet" href="/client/app.css"></head>
<body><main id="app"><h1>Exodata — vos demandes</h1><p>Chargement…</p></main>
<script type="module" src="/client/app.js"></script></body></html>
`;

/**
 * The client portal's HTTP app (docs/client-portal.md): the pages' static shell for every page path and
 * the JSON API under /api/client. No account: a ticket's link or a "Mes demandes" sign-in opens a
 * session cookie (HttpOnly, SameSite=Strict, 12 h); writes also need the session's X-CSRF-Token and
 * the portal's own Origin. Every invalid link, token or ticket gets the same bytes.
 */
export function createClientApp(deps: ClientAppDeps): Hono<Env> {
  const app = new Hono<Env>();
  const { api } = deps;

  app.onError((err, c) => clientErrorResponse(err, c, deps.log));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(deps.uploadOrigins ?? [])],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
      // The monthly report page keeps its own CSP (its hashed <style>), set by its route.
      overwrite: false,
      strictTransportSecurity: deps.secureCookie ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // Every POST: the portal's own Origin (login CSRF too: no other site may open a session in the browser).
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.header('Origin') !== deps.origin) {
      return error(c, 403, 'CSRF', 'Requête refusée : elle ne vient pas du portail.');
    }
    await next();
  });

  // ---- sessions ----
  app.post('/api/client/link-session', async (c) => {
    const body = LinkSessionRequestSchema.safeParse(await readJsonLoosely(c));
    // Malformed is answered as a wrong link (the use case's uniform 404), never as a telling 400.
    const opened = await api.openTicketSession(
      body.success ? body.data : { reference: '', secret: '' },
      deps.sourceOf(c),
    );
    setSessionCookie(c, opened, deps.secureCookie);
    return c.body(null, 204);
  });

  app.post('/api/client/sign-in', async (c) => {
    const body = SignInRequestSchema.safeParse(await readJsonLoosely(c));
    // Malformed still counts against the rate limits and gets the same 202 as any address.
    await api.requestSignIn(body.success ? body.data.email : '', deps.sourceOf(c));
    return c.json(SignInResponseSchema.parse({ message: SIGN_IN_MESSAGE }), 202);
  });

  app.post('/api/client/sign-in/redeem', async (c) => {
    const body = RedeemRequestSchema.safeParse(await readJsonLoosely(c));
    const opened = await api.redeemSignIn(body.success ? body.data.token : '', deps.sourceOf(c));
    setSessionCookie(c, opened, deps.secureCookie);
    return c.body(null, 204);
  });

  app.post('/api/client/sign-out', async (c) => {
    await api.endSession(getCookie(c, CLIENT_SESSION_COOKIE));
    deleteCookie(c, CLIENT_SESSION_COOKIE, {
      path: '/',
      secure: deps.secureCookie,
      httpOnly: true,
      sameSite: 'Strict',
    });
    return c.body(null, 204);
  });

  // ---- everything below needs a session ----
  app.use('/api/client/*', async (c, next) => {
    const found = await api.sessionOf(getCookie(c, CLIENT_SESSION_COOKIE));
    if (!found)
      return error(c, 401, 'NO_SESSION', 'Votre session a expiré : rouvrez le lien reçu par e-mail.');
    c.set('session', found.session);
    c.set('csrfToken', found.csrfToken);
    // Writes: the session's CSRF token in the header (SameSite=Strict and Origin already checked).
    if (c.req.method === 'POST' && c.req.header(CSRF_HEADER) !== found.csrfToken) {
      return error(c, 403, 'CSRF', 'Requête refusée : rechargez la page et réessayez.');
    }
    await next();
  });

  app.get('/api/client/session', (c) => {
    const session = c.get('session');
    return c.json(
      ClientSessionResponseSchema.parse({
        kind: session.kind,
        ...(session.kind === 'ticket' ? { reference: session.reference } : { email: session.email }),
        administrator: session.kind === 'address' && session.administrator,
        csrfToken: c.get('csrfToken'),
      }),
    );
  });

  app.get('/api/client/tickets', async (c) => {
    const tickets = await api.listTickets(c.get('session'));
    return c.json(ClientTicketListResponseSchema.parse({ tickets }));
  });

  app.get('/api/client/reports', async (c) => {
    const months = await api.reportMonths(c.get('session'));
    return c.json(ClientReportMonthsResponseSchema.parse({ months }));
  });

  app.get('/api/client/tickets/:ref/attachments/:id', async (c) => {
    const url = await api.attachmentLink(c.get('session'), c.req.param('ref'), c.req.param('id'));
    return c.redirect(url, 302);
  });

  app.get('/api/client/tickets/:ref', async (c) => {
    const view = await api.viewTicket(c.get('session'), c.req.param('ref'));
    return c.json(ClientTicketViewSchema.parse(view));
  });

  // ---- writes (cookie + X-CSRF-Token + Origin, checked above) ----
  app.post('/api/client/tickets/:ref/messages', async (c) => {
    const input = ClientMessageRequestSchema.parse(await readJson(c));
    const added = await api.addMessage(c.get('session'), c.req.param('ref'), input);
    return c.json(ClientMessageResponseSchema.parse(added), 201);
  });

  app.post('/api/client/tickets/:ref/uploads', async (c) => {
    const input = ClientUploadRequestSchema.parse(await readJson(c));
    const presigned = await api.presignUpload(c.get('session'), c.req.param('ref'), input);
    return c.json(ClientUploadResponseSchema.parse(presigned), 201);
  });

  app.post('/api/client/tickets/:ref/priority', async (c) => {
    const { level } = ClientPriorityRequestSchema.parse(await readJson(c));
    const ticket = await api.declarePriority(c.get('session'), c.req.param('ref'), level);
    return c.json(ClientActionResponseSchema.parse({ ticket }));
  });

  app.post('/api/client/tickets/:ref/priority-answer', async (c) => {
    const input = ClientPriorityAnswerRequestSchema.parse(await readJson(c));
    const ticket = await api.answerPriority(c.get('session'), c.req.param('ref'), input);
    return c.json(ClientActionResponseSchema.parse({ ticket }));
  });

  app.post('/api/client/tickets/:ref/confirm-resolved', async (c) => {
    const ticket = await api.confirmResolved(c.get('session'), c.req.param('ref'));
    return c.json(ClientActionResponseSchema.parse({ ticket }));
  });

  app.all('/api/*', (c) => error(c, 404, 'INVALID_LINK', INVALID_LINK_BODY.error.message));

  // ---- the pages: one static shell for every path (the page reads the fragment, then calls the API) ----
  const asset = (name: string, fallback: { body: string; contentType: string } | null) => (c: Context) => {
    const found = deps.shell?.get(name) ?? fallback;
    if (!found) return c.body('', 404);
    c.header('Content-Type', found.contentType);
    c.header('Cache-Control', name === 'index.html' ? 'no-cache' : 'public, max-age=300');
    return c.body(found.body);
  };
  // A client administrator's monthly report: a page of its own (no script), under the report's CSP.
  // Anyone else gets exactly what an unknown path gets (the shell, which says "lien invalide").
  app.get('/rapports/:month', async (c, next) => {
    const found = await api.sessionOf(getCookie(c, CLIENT_SESSION_COOKIE));
    let html: string | null = null;
    try {
      html = found ? await api.monthlyReport(found.session, c.req.param('month').slice(0, 20)) : null;
    } catch (err) {
      if (!(err instanceof InvalidLinkError)) throw err;
    }
    if (html === null) return next();
    c.header('Content-Type', 'text/html; charset=utf-8');
    c.header('Content-Security-Policy', REPORT_CSP_HEADER);
    c.header('Cache-Control', 'no-store');
    return c.body(html);
  });
  app.get('/client/app.js', asset('app.js', { body: '', contentType: 'text/javascript; charset=utf-8' }));
  app.get('/client/app.css', asset('styles.css', { body: '', contentType: 'text/css; charset=utf-8' }));
  app.get('/client/styles.css', asset('styles.css', { body: '', contentType: 'text/css; charset=utf-8' }));
  app.get('*', asset('index.html', { body: PLACEHOLDER_SHELL, contentType: 'text/html; charset=utf-8' }));
  return app;
}

function setSessionCookie(c: Context, opened: OpenedClientSession, secure: boolean): void {
  setCookie(c, CLIENT_SESSION_COOKIE, opened.secret, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    maxAge: SESSION_SECONDS,
  });
}

function error(c: Context, status: ContentfulStatusCode, code: ClientErrorCode, message: string): Response {
  if (code === 'INVALID_LINK') return invalidLink(c);
  const payload: ClientErrorBody = { error: { code, message } };
  return c.json(payload, status);
}

/** The one answer for every invalid link, token or ticket: same status, same bytes. */
function invalidLink(c: Context): Response {
  c.header('Content-Type', 'application/json');
  return c.body(JSON.stringify(INVALID_LINK_BODY), 404);
}

/** Typed errors to statuses and French messages; anything unexpected is a 500 whose detail stays in the log. */
export function clientErrorResponse(err: unknown, c: Context, log: ErrorLogger): Response {
  if (err instanceof InvalidLinkError || err instanceof NotFoundError) return invalidLink(c);
  if (err instanceof RateLimitedError) {
    c.header('Retry-After', String(err.retryAfterSeconds));
    return error(c, 429, 'RATE_LIMITED', 'Trop de tentatives : réessayez dans quelques minutes.');
  }
  if (err instanceof NoSessionError) return error(c, 401, 'NO_SESSION', err.message);
  if (err instanceof UploadRefusedError) return error(c, 400, 'UPLOAD_REFUSED', err.message);
  if (err instanceof z.ZodError)
    return error(c, 400, 'INPUT_INVALID', `Demande invalide : ${readableIssues(err)}`);
  if (err instanceof InputError) return error(c, 400, 'INPUT_INVALID', err.message);
  if (err instanceof ConflictError) return error(c, 409, 'CONFLICT', err.message);
  if (err instanceof TransientError) {
    c.header('Retry-After', '2');
    return error(c, 503, 'TRANSIENT', 'Service momentanément indisponible : réessayez.');
  }
  log('client API request failed', {
    method: c.req.method,
    path: c.req.path.replace(/\/t\/[^/]+/, '/t/…'),
    error:
      err instanceof Error
        ? { name: err.name, message: err.message, code: err instanceof ExodataError ? err.code : undefined }
        : String(err),
  });
  return error(c, 500, 'INTERNAL', 'Une erreur est survenue de notre côté : réessayez plus tard.');
}

/** The body as JSON for a write: anything but a JSON object under 64 KiB is a 400. */
async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) throw new InputError('Le message est trop long.');
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new InputError('Demande invalide : le corps doit être du JSON.');
  }
}

/** A JSON object, or {} for anything else (a malformed link-session is an invalid link, not a 400). */
async function readJsonLoosely(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) return {};
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
