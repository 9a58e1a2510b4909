import { type Context, Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { z } from 'zod';
import type { Agent } from '../../domain/desk/agent';
import type { ServiceDeskConfig } from '../../domain/desk/service-desk-config';
import { InputError, NotFoundError } from '../../domain/errors';
import { figuresCsv, ticketsCsv } from '../../domain/report/report-csv';
import { REPORT_CSP_HEADER } from '../../domain/report/report-html';
import { MonthlyReportRequestSchema } from '../../domain/report/report-period';
import { IdempotencyKeySchema, UploadIdSchema } from '../../domain/ticket/outbound-message';
import { QueueQuerySchema } from '../../domain/ticket/queue-query';
import { ReplyRequestSchema } from '../../domain/ticket/reply-effects';
import { NoteSchema, type TicketAction, TicketActionSchema } from '../../domain/ticket/ticket-action-schema';
import { assertMayAct, ForbiddenError } from '../../domain/ticket/ticket-actions';
import type { AgentTicketStore } from '../../ports/agent-ticket-store';
import type { Clock } from '../../ports/clock';
import type { AgentUseCases } from './agent-use-cases';
import {
  AcceptHeldResponseSchema,
  ActionResponseSchema,
  AttachmentLinkResponseSchema,
  ConfigResponseSchema,
  ConvertResponseSchema,
  DesksResponseSchema,
  DevLoginResponseSchema,
  DismissResponseSchema,
  MeResponseSchema,
  NoteResponseSchema,
  QueuePageSchema,
  RejectHeldResponseSchema,
  ReplyPreviewRequestSchema,
  ReplyPreviewResponseSchema,
  ReplyResponseSchema,
  ReplyUploadRequestSchema,
  ReplyUploadResponseSchema,
  type ReportResponse,
  ResendPathKeySchema,
  ResendRequestSchema,
  ResendResponseSchema,
  SuspendedListResponseSchema,
  TicketDetailsResponseSchema,
} from './api-schemas';
import { type AgentAuth, DevLoginSchema } from './auth';
import { RotateLinkResponseSchema } from './client-api-schemas';
import { body, type ErrorLogger, errorResponse, readableIssues, UnauthorizedError } from './errors';
import { isLoopbackHost } from './loopback-host';
import { messageView, outboundView } from './message-view';
import { loadPortalAssets, type PortalAssets } from './portal-assets';
import { reportQuerySchema } from './report-query';
import { decodeSuspendedCursor, encodeSuspendedCursor, SuspendedQuerySchema } from './suspended-query';

export type AgentAppDeps = {
  config: ServiceDeskConfig;
  clock: Clock;
  /** Reads the routes answer without a use case (the suspended list, a ticket before an action). */
  store: AgentTicketStore;
  auth: AgentAuth;
  /**
   * Everything the routes do, bound to its ports by shared/wiring/agent-use-cases.ts: an HTTP adapter
   * imports no use case (docs/architecture.md, "Use cases reach HTTP through deps").
   */
  cases: AgentUseCases;
  log?: ErrorLogger;
  /**
   * The origin browsers post reply files to (the mail bucket's S3 endpoint, or the local emulator):
   * allowed in the CSP's connect-src, nothing else is.
   */
  uploadOrigin?: string;
  /** The built portal; defaults to the files in ./portal/ next to the module (the Lambda bundle). */
  portal?: PortalAssets;
};

type AppEnv = { Variables: { agent: Agent } };

const REFERENCE = /^EXO-\d{4}-\d{6}$/;
const SUSPENDED_ID = /^[A-Za-z0-9._:@+=-]{1,300}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const MAX_BODY_BYTES = 64 * 1024;

/** The URL path segment of each action (`POST /api/tickets/{ref}/<segment>`). */
const ACTION_ROUTES: Record<string, TicketAction['type']> = {
  claim: 'claim',
  release: 'release',
  'first-contact': 'first-contact',
  wait: 'wait',
  resume: 'resume',
  resolve: 'resolve',
  reopen: 'reopen',
  priority: 'priority',
};

/**
 * The agents' HTTP app: the JSON API under /api and the portal at /. Ports and use cases are injected,
 * so the same app runs in Lambda (behind API Gateway) and in the local server. docs/agents.md is its reference.
 */
export function createAgentApp(deps: AgentAppDeps): Hono<AppEnv> {
  const log: ErrorLogger =
    deps.log ?? ((message, detail) => console.error(JSON.stringify({ message, ...detail })));
  const portal = deps.portal ?? loadPortalAssets();
  const cognitoOrigin = deps.auth.portal.mode === 'cognito' ? [deps.auth.portal.domain] : [];
  const app = new Hono<AppEnv>();
  const { cases } = deps;

  app.onError((err, c) => errorResponse(err, c, log));
  app.notFound((c) => c.json(body('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));

  app.use(
    '*',
    secureHeaders({
      // Message HTML is shown in a sandboxed srcdoc iframe, which inherits this policy: nothing remote loads.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...cognitoOrigin, ...(deps.uploadOrigin ? [deps.uploadOrigin] : [])],
        frameSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
      // A route that serves its own page (the monthly report: a CSP allowing its hashed style) keeps it.
      overwrite: false,
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // ---- portal (no data: the page signs in, then calls the API) ----
  const serve = (name: string) => (c: Context) => {
    const asset = portal.get(name);
    if (!asset) return c.json(body('NOT_FOUND', `portal file ${name} is missing`), 404);
    c.header('Content-Type', asset.contentType);
    return c.body(asset.body);
  };
  app.get('/', serve('index.html'));
  app.get('/portal/app.js', serve('app.js'));
  app.get('/portal/styles.css', serve('styles.css'));

  // ---- public API ----
  app.get('/api/health', (c) => c.json({ status: 'ok', at: deps.clock.now().toISOString() }));
  app.get('/api/config', (c) =>
    c.json(
      reply(ConfigResponseSchema, {
        auth: deps.auth.portal,
        desks: deps.config.desks.map((d) => ({ id: d.id, name: d.displayName })),
      }),
    ),
  );
  app.post('/api/dev-login', async (c) => {
    if (!deps.auth.devLogin) return c.json(body('NOT_FOUND', 'the dev login only exists in local mode'), 404);
    if (!isLoopbackHost(c.req.header('Host')))
      throw new ForbiddenError(
        `the dev login answers only on this machine (Host 127.0.0.1, localhost or [::1]), not Host "${(c.req.header('Host') ?? '').slice(0, 100)}"`,
        { hint: 'open the portal at http://127.0.0.1:<port>/ on the machine running npm start' },
      );
    const input = await readBody(c, DevLoginSchema);
    return c.json(reply(DevLoginResponseSchema, await deps.auth.devLogin(input)));
  });

  // ---- everything else needs a signed-in agent ----
  app.use('/api/*', async (c, next) => {
    const agent = await deps.auth.authenticate(c);
    if (!agent) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedError('sign in first: this API needs an agent token', {
        hint:
          deps.auth.portal.mode === 'dev'
            ? 'POST /api/dev-login {agent, desk}'
            : 'sign in through the portal',
      });
    }
    c.set('agent', agent);
    await next();
  });

  app.get('/api/me', (c) => {
    const agent = c.get('agent');
    return c.json(reply(MeResponseSchema, { agent, defaultDesk: cases.defaultDesk(agent) }));
  });
  app.get('/api/desks', (c) => c.json(reply(DesksResponseSchema, cases.desksOverview())));

  app.get('/api/tickets', async (c) => {
    const query = parse(QueueQuerySchema, c.req.query());
    return c.json(reply(QueuePageSchema, await cases.listQueue(query, c.get('agent'))));
  });

  app.get('/api/tickets/:ref', async (c) => {
    const details = await cases.getTicketDetails(reference(c));
    return c.json(
      reply(TicketDetailsResponseSchema, {
        ticket: details.ticket,
        sla: details.sla,
        // The conversation, by time: the client's messages (`in`) and what we sent (`out`).
        messages: [
          ...details.messages.map((m) => ({ direction: 'in' as const, at: m.receivedAt, ...messageView(m) })),
          ...details.outbound.map((m) => outboundView(m, deps.clock.now())),
        ].sort((x, y) => x.at.localeCompare(y.at)),
        events: details.events,
        held: details.held,
      }),
    );
  });

  // conversation.md §1: an unverified sender's follow-up, held for an agent.
  app.post('/api/tickets/:ref/held/:id/accept', async (c) => {
    const { ticket, message } = await cases.acceptHeld(reference(c), heldId(c), c.get('agent'));
    return c.json(reply(AcceptHeldResponseSchema, { ticket, message: messageView(message) }));
  });

  app.post('/api/tickets/:ref/held/:id/reject', async (c) => {
    const held = await cases.rejectHeld(reference(c), heldId(c), c.get('agent'));
    return c.json(reply(RejectHeldResponseSchema, { held }));
  });

  app.get('/api/tickets/:ref/messages/:messageId/attachments/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    if (!SHA256.test(sha256)) throw new InputError('an attachment is named by its sha256 (64 hex digits)');
    const link = await cases.attachmentLink({
      reference: reference(c),
      messageId: c.req.param('messageId'),
      sha256,
    });
    return c.json(reply(AttachmentLinkResponseSchema, link));
  });

  app.post('/api/tickets/:ref/notes', async (c) => {
    const { text } = await readBody(c, NoteSchema);
    await cases.addNote(reference(c), text, c.get('agent'));
    return c.json(reply(NoteResponseSchema, { added: true }), 201);
  });

  // A presigned POST for one file of a reply: the browser sends the bytes to S3, never through here.
  app.post('/api/tickets/:ref/reply-uploads', async (c) => {
    const request = await readBody(c, ReplyUploadRequestSchema);
    const answer = await cases.presignReplyUpload(reference(c), request, c.get('agent'));
    return c.json(reply(ReplyUploadResponseSchema, answer), 201);
  });

  // The mail as the client will see it, rendered by the code that sends it; nothing is written.
  app.post('/api/tickets/:ref/replies/preview', async (c) => {
    const request = await readBody(c, ReplyPreviewRequestSchema);
    return c.json(
      reply(ReplyPreviewResponseSchema, await cases.previewReply(reference(c), request, c.get('agent'))),
    );
  });

  app.get('/api/tickets/:ref/replies/:key/attachments/:uploadId', async (c) => {
    const key = parse(IdempotencyKeySchema, c.req.param('key'));
    const uploadId = parse(UploadIdSchema, c.req.param('uploadId'));
    const link = await cases.replyAttachmentLink({ reference: reference(c), key, uploadId });
    return c.json(reply(AttachmentLinkResponseSchema, link));
  });

  app.post('/api/tickets/:ref/replies', async (c) => {
    const request = await readBody(c, ReplyRequestSchema);
    const answer = await cases.replyToClient(reference(c), request, c.get('agent'));
    return c.json(
      reply(ReplyResponseSchema, { messageId: answer.messageId, state: answer.state, sentAt: answer.sentAt }),
      201,
    );
  });

  // Only on an agent's explicit request, after the portal warned that the client may get it twice.
  app.post('/api/tickets/:ref/messages/:key/resend', async (c) => {
    const key = parse(ResendPathKeySchema, c.req.param('key'));
    const { confirm } = await readJsonObject(c);
    if (!ResendRequestSchema.safeParse({ confirm }).success)
      throw new InputError('a resend may reach the client twice: send {"confirm": true} to confirm it');
    if (key === 'acknowledgement') {
      const ticket = await deps.store.getTicket(reference(c));
      if (!ticket) throw new NotFoundError(`ticket ${reference(c)} does not exist`);
      assertMayAct(ticket, c.get('agent'));
      const result = await cases.resendAcknowledgement(reference(c), c.get('agent').id);
      return c.json(
        reply(ResendResponseSchema, { messageId: result.sesMessageId, state: result.state, sentAt: null }),
      );
    }
    const answer = await cases.resendOutbound(reference(c), key, c.get('agent'));
    return c.json(
      reply(ResendResponseSchema, {
        messageId: answer.messageId,
        state: answer.state,
        sentAt: answer.sentAt,
      }),
    );
  });

  // Client portal "nouveau lien": every link mailed so far stops working; the next mail carries a new one.
  app.post('/api/tickets/:ref/client-link/rotate', async (c) => {
    const rotated = await cases.rotateClientLink(reference(c), c.get('agent'));
    return c.json(reply(RotateLinkResponseSchema, rotated));
  });

  app.post('/api/tickets/:ref/:action', async (c) => {
    const type = ACTION_ROUTES[c.req.param('action')];
    if (!type) return c.json(body('NOT_FOUND', `no action "${c.req.param('action')}"`), 404);
    const fields = await readJsonObject(c);
    const action = parse(TicketActionSchema, { ...fields, type });
    const before = type === 'priority' ? await deps.store.getTicket(reference(c)) : null;
    const result = await cases.actOnTicket(reference(c), action, c.get('agent'));
    if (result.changed && (type === 'resolve' || type === 'priority')) {
      // conversation.md §4: the client is told; a failure is logged and never undoes the action.
      const notice = await cases
        .notifyAfterAction(result.ticket, action, before ?? result.ticket, c.get('agent').id)
        .catch((err: unknown) => {
          log('client notification failed', { reference: result.ticket.reference, error: String(err) });
          return null;
        });
      return c.json(reply(ActionResponseSchema, { ...result, notification: notice }));
    }
    return c.json(reply(ActionResponseSchema, result));
  });

  app.get('/api/suspended', async (c) => {
    const query = parse(SuspendedQuerySchema, c.req.query());
    const suspendedClass = query.class ?? null;
    const cursor =
      query.cursor === undefined
        ? null
        : decodeSuspendedCursor(query.cursor, { desk: query.desk ?? null, suspendedClass });
    const page = await cases.listSuspended(
      {
        desk: query.desk ?? cursor?.list.desk ?? null,
        limit: query.limit,
        before: cursor?.position ?? null,
        suspendedClass,
      },
      c.get('agent'),
    );
    return c.json(
      reply(SuspendedListResponseSchema, {
        desk: page.desk,
        class: page.suspendedClass,
        items: page.items,
        nextCursor:
          page.next === null ? null : encodeSuspendedCursor(page.next, { desk: page.desk, suspendedClass }),
        total: page.total,
        classTotal: page.classTotal,
      }),
    );
  });

  // The monthly report of one client (docs/reports.md): the printable French page, as a download.
  app.get('/api/reports/monthly', async (c) => {
    const request = parse(MonthlyReportRequestSchema, {
      client: c.req.query('client'),
      month: c.req.query('month'),
    });
    const { html, filename } = await cases.monthlyReport(request, c.get('agent'));
    c.header('Content-Type', 'text/html; charset=utf-8');
    // The file name is [\w.-] (client id by the schema, month digits): nothing to quote in the header.
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    c.header('Content-Security-Policy', REPORT_CSP_HEADER);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(html);
  });

  app.post('/api/suspended/:id/dismiss', async (c) => {
    const dismissed = await cases.dismissSuspended(suspendedId(c), c.get('agent'));
    return c.json(
      reply(DismissResponseSchema, {
        id: dismissed.id,
        dismissedBy: dismissed.dismissedBy,
        dismissedAt: dismissed.dismissedAt,
      }),
    );
  });

  app.post('/api/suspended/:id/convert', async (c) => {
    const { ticket } = await cases.convertSuspended(suspendedId(c), c.get('agent'));
    return c.json(reply(ConvertResponseSchema, { reference: ticket.reference, ticket }), 201);
  });

  // ---- SLA reports (issue 18, docs/reports.md) ----
  // Every signed-in agent reads every desk's and client's report, as every ticket (docs/agents.md,
  // "Authentication": reading is open, desks cover each other). The figures are the CLI's use case.
  const reportQuery = reportQuerySchema(deps.config);
  const report = async (c: Context) => {
    const parsed = reportQuery.safeParse(c.req.query());
    if (!parsed.success)
      throw new InputError(parsed.error.issues.map((i) => i.message).join(' ; '), {
        hint: 'from=2026-11-01&to=2026-11-30&desk=reunion|all&client=CLI-…|all (from and to: both days included)',
      });
    const { from, to, desk, client } = parsed.data;
    return cases.slaReport({
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(desk ? { desk } : {}),
      ...(client ? { client } : {}),
    });
  };
  app.get('/api/reports', async (c) => {
    const { report: figures, series } = await report(c);
    return c.json({ report: figures, series } satisfies ReportResponse);
  });
  app.get('/api/reports/tickets.csv', async (c) => {
    const { report: figures, series, outcomes } = await report(c);
    return csv(c, ticketsCsv(outcomes), csvName(figures, series, 'tickets'));
  });
  app.get('/api/reports/figures.csv', async (c) => {
    const { report: figures, series } = await report(c);
    return csv(c, figuresCsv(figures), csvName(figures, series, 'chiffres'));
  });

  return app;
}

/**
 * A CSV download: UTF-8 with a byte order mark (a French spreadsheet then reads the accents right),
 * always an attachment, never shown inline.
 */
function csv(c: Context, text: string, filename: string): Response {
  return c.body(`\uFEFF${text}`, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  });
}

/** `rapport-sla_2026-11-01_2026-11-30_reunion_tous-clients_tickets.csv`: only characters safe in a header. */
function csvName(
  figures: ReportResponse['report'],
  series: ReportResponse['series'],
  what: 'tickets' | 'chiffres',
): string {
  const first = series.days[0]?.day ?? figures.period.from.slice(0, 10);
  const last = series.days.at(-1)?.day ?? figures.period.to.slice(0, 10);
  const parts = [
    'rapport-sla',
    first,
    last,
    figures.desk ?? 'tous-centres',
    figures.client ?? 'tous-clients',
    what,
  ];
  return `${parts.map((p) => p.replace(/[^\w.-]/g, '_')).join('_')}.csv`;
}

/**
 * What a route answers, checked at compile time against the response schema the portal reads its types
 * from (api-schemas.ts): a use case that changes its output shape fails `tsc` here, not in a browser.
 */
function reply<S extends z.ZodType>(_schema: S, value: z.input<S>): z.input<S> {
  return value;
}

function suspendedId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!SUSPENDED_ID.test(id)) throw new InputError('not a suspended message id');
  return id;
}

function heldId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!SUSPENDED_ID.test(id)) throw new InputError('not a held message id');
  return id;
}

function reference(c: Context): string {
  const ref = c.req.param('ref') ?? '';
  if (!REFERENCE.test(ref))
    throw new InputError(`"${ref}" is not a ticket reference`, {
      hint: 'references look like EXO-2026-000123',
    });
  return ref;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InputError(readableIssues(parsed.error));
  return parsed.data;
}

async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES)
    throw new InputError(`the request body is over ${MAX_BODY_BYTES / 1024} KiB`);
  if (text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError('the request body is not valid JSON', {
      hint: 'send Content-Type: application/json',
    });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InputError('the request body must be a JSON object');
  const { type: _ignored, ...fields } = json as Record<string, unknown>;
  return fields;
}

async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parse(schema, await readJsonObject(c));
}
