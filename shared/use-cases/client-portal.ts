import { InvalidLinkError, NoSessionError, RateLimitedError } from '../domain/client/client-errors';
import {
  closedTooLong,
  csrfTokenOf,
  expiryAfter,
  isSecret,
  linkGenerationOf,
  linkRefusal,
  SECRET_BYTES,
  SESSION_HOURS,
  SIGN_IN_TOKEN_MINUTES,
  secretFrom,
  secretHash,
} from '../domain/client/client-link';
import { type ClientView, clientView } from '../domain/client/client-view';
import { type ClientRateLimits, type RateRule, rateWindow } from '../domain/client/rate-limit';
import { signInMail } from '../domain/client/sign-in-mail';
import type { Agent } from '../domain/desk/agent';
import type { ClientEntry } from '../domain/desk/client-directory';
import { deskById, type ServiceDeskConfig } from '../domain/desk/service-desk-config';
import { ConflictError, NotFoundError } from '../domain/errors';
import type { Ticket } from '../domain/ticket/ticket';
import { agentEvent, assertMayAct } from '../domain/ticket/ticket-actions';
import type { AgentTicketStore, TicketView } from '../ports/agent-ticket-store';
import type { ClientAccessStore, ClientSession } from '../ports/client-access-store';
import type { Clock } from '../ports/clock';
import type { MailSender } from '../ports/mail-sender';
import type { ReportStore } from '../ports/report-store';

/**
 * The client portal's reading side and its access (docs/client-portal.md, conversation.md §5): a ticket
 * link exchanged for a session, "Mes demandes" sign-in, the sessions, the ticket view and list, and the
 * agents' "nouveau lien". Every refusal of a link, token or ticket is the same InvalidLinkError; the
 * reason goes to `log` (never a secret: only references and reasons).
 */
export type ClientPortalDeps = {
  config: ServiceDeskConfig;
  clock: Clock;
  access: ClientAccessStore;
  tickets: Pick<AgentTicketStore, 'getTicket' | 'getTicketView' | 'updateTicket'>;
  /** The client directory (a cached read): who is a client administrator. */
  directory: () => Promise<readonly ClientEntry[]>;
  mailSender: MailSender;
  randomBytes: (size: number) => Uint8Array;
  newId: () => string;
  limits: ClientRateLimits;
  log: (message: string, detail: Record<string, unknown>) => void;
  /** The SLA reports' index: a client administrator's monthly reports (client-reports.ts). */
  reports: ReportStore;
};

/** A new session: the cookie's secret (the only copy) and its CSRF token. */
export type OpenedSession = { secret: string; csrfToken: string; expiresAt: Date };

export type SessionInfo = { session: ClientSession; csrfToken: string };

const REFERENCE = /^EXO-\d{4}-\d{6}$/;
const EMAIL = /^[^\s@<>()",;:]{1,64}@[^\s@<>()",;:]{1,253}\.[^\s@<>()",;:]{2,63}$/;

/** `POST /api/client/link-session`: the ticket's link (reference + secret) → a ticket session. */
export async function openTicketSession(
  input: { reference: string; secret: string },
  source: string,
  deps: ClientPortalDeps,
): Promise<OpenedSession> {
  await limit('link', source, deps.limits.linkPerSource, deps);
  const now = deps.clock.now();
  const wellFormed = REFERENCE.test(input.reference) && isSecret(input.secret);
  const link = wellFormed ? await deps.access.getLink(secretHash(input.secret)) : null;
  const ticket = link ? await deps.tickets.getTicket(input.reference) : null;
  const refusal = wellFormed ? linkRefusal(link, ticket, now) : 'unknown';
  if (refusal !== null || !ticket) {
    deps.log('client link refused', {
      reason: refusal ?? 'unknown',
      reference: input.reference.slice(0, 20),
    });
    throw invalid();
  }
  return openSession(
    {
      kind: 'ticket',
      reference: ticket.reference,
      linkGeneration: linkGenerationOf(ticket),
      createdAt: now.toISOString(),
      expiresAt: expiryAfter(now, { hours: SESSION_HOURS }).toISOString(),
    },
    deps,
  );
}

/** The session of a cookie, or null (unknown, expired, revoked by "nouveau lien", its ticket expired). */
export async function sessionOf(
  cookie: string | undefined,
  deps: ClientPortalDeps,
): Promise<SessionInfo | null> {
  if (!cookie || !isSecret(cookie)) return null;
  const now = deps.clock.now();
  const session = await deps.access.getSession(secretHash(cookie), now);
  if (!session) return null;
  if (session.kind === 'ticket') {
    const ticket = await deps.tickets.getTicket(session.reference);
    if (!ticket || linkGenerationOf(ticket) !== session.linkGeneration || closedTooLong(ticket, now))
      return null;
  }
  return { session, csrfToken: csrfTokenOf(cookie) };
}

/** `POST /api/client/sign-out`. */
export async function endSession(cookie: string | undefined, deps: ClientPortalDeps): Promise<void> {
  if (!cookie || !isSecret(cookie)) return;
  await deps.access.endSession(secretHash(cookie), deps.clock.now());
}

/**
 * The ticket if this session may see it, else InvalidLinkError (same answer as a wrong link: a
 * session never learns whether another reference exists).
 */
export async function ticketOfSession(
  session: ClientSession,
  reference: string,
  deps: Pick<ClientPortalDeps, 'tickets' | 'log'>,
): Promise<TicketView> {
  const view = REFERENCE.test(reference) ? await deps.tickets.getTicketView(reference) : null;
  if (!view || !sessionMaySee(session, view.ticket)) {
    deps.log('client ticket refused', { reason: view ? 'outside-session' : 'unknown', kind: session.kind });
    throw invalid();
  }
  return view;
}

/** A ticket session sees its ticket; an address session the tickets it is requester or participant of, or (administrator) its client's. */
export function sessionMaySee(session: ClientSession, ticket: Ticket): boolean {
  if (session.kind === 'ticket') return ticket.reference === session.reference;
  const email = session.email.toLowerCase();
  if (ticket.requester?.address.toLowerCase() === email) return true;
  if (ticket.participants.includes(email)) return true;
  return session.administrator && session.clientId !== null && ticket.client.clientId === session.clientId;
}

/** `GET /api/client/tickets/{ref}`. */
export async function viewTicket(
  session: ClientSession,
  reference: string,
  deps: ClientPortalDeps,
): Promise<ClientView> {
  const view = await ticketOfSession(session, reference, deps);
  return clientView(view, deps.clock.now(), deps.config);
}

export type TicketSummary = Pick<Ticket, 'reference' | 'subject' | 'status' | 'updatedAt'> & {
  priority: Ticket['priority']['level'];
};

/** `GET /api/client/tickets` (address session): newest first. */
export async function listSessionTickets(
  session: ClientSession,
  deps: ClientPortalDeps,
): Promise<TicketSummary[]> {
  if (session.kind !== 'address')
    throw new NoSessionError('this session opens one ticket: sign in with your address');
  const tickets = await ticketsOfAddress(
    session.email,
    session.administrator ? session.clientId : null,
    deps,
  );
  return tickets
    .filter((t) => sessionMaySee(session, t))
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
    .map((t) => ({
      reference: t.reference,
      subject: t.subject,
      status: t.status,
      updatedAt: t.updatedAt,
      priority: t.priority.level,
    }));
}

/**
 * `POST /api/client/sign-in`: mails a single-use, 15-minute sign-in link when the address has tickets.
 * The caller answers the same whatever happens here (rate limits apart, counted alike for every address).
 */
export async function requestSignIn(email: string, source: string, deps: ClientPortalDeps): Promise<void> {
  const address = email.trim().toLowerCase();
  await limit('signin-source', source, deps.limits.signInPerSource, deps);
  await limit('signin-address', address, deps.limits.signInPerAddress, deps);
  if (!EMAIL.test(address)) return;
  const admin = await administratorOf(address, deps);
  const tickets = (await ticketsOfAddress(address, admin?.clientId ?? null, deps)).filter((t) =>
    sessionMaySee(
      {
        kind: 'address',
        email: address,
        clientId: admin?.clientId ?? null,
        administrator: admin !== null,
        createdAt: '',
        expiresAt: '',
      },
      t,
    ),
  );
  if (tickets.length === 0) {
    deps.log('client sign-in: no ticket for the address', {});
    return;
  }
  const latest = [...tickets].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0]!;
  const desk = deskById(deps.config, latest.desk) ?? deps.config.desks[0];
  if (!desk) return;
  const now = deps.clock.now();
  const token = secretFrom(deps.randomBytes(SECRET_BYTES));
  await deps.access.saveSignInToken(secretHash(token), {
    email: address,
    createdAt: now.toISOString(),
    expiresAt: expiryAfter(now, { minutes: SIGN_IN_TOKEN_MINUTES }).toISOString(),
  });
  await deps.mailSender.send(
    signInMail({
      desk,
      to: address,
      portalBaseUrl: deps.config.contact.portalBaseUrl,
      token,
      key: `signin:${deps.newId()}`,
    }),
  );
}

/** `POST /api/client/sign-in/redeem`: a sign-in token, once, within 15 minutes → an address session. */
export async function redeemSignIn(
  token: string,
  source: string,
  deps: ClientPortalDeps,
): Promise<OpenedSession> {
  await limit('redeem', source, deps.limits.redeemPerSource, deps);
  const now = deps.clock.now();
  const redeemed = isSecret(token) ? await deps.access.redeemSignInToken(secretHash(token), now) : null;
  if (!redeemed) {
    deps.log('client sign-in token refused', { reason: 'unknown, used or expired' });
    throw invalid();
  }
  const admin = await administratorOf(redeemed.email, deps);
  return openSession(
    {
      kind: 'address',
      email: redeemed.email,
      clientId: admin?.clientId ?? null,
      administrator: admin !== null,
      createdAt: now.toISOString(),
      expiresAt: expiryAfter(now, { hours: SESSION_HOURS }).toISOString(),
    },
    deps,
  );
}

/**
 * Agents' "nouveau lien": the ticket's link generation goes up by one, so every link mailed before
 * (and every session opened with one) stops working; the next mail carries a link of the new generation.
 */
export async function rotateClientLink(
  reference: string,
  agent: Agent,
  deps: Pick<ClientPortalDeps, 'clock' | 'tickets'>,
): Promise<{ linkGeneration: number }> {
  for (let round = 0; round < 5; round++) {
    const ticket = await deps.tickets.getTicket(reference);
    if (!ticket) throw new NotFoundError(`ticket ${reference} does not exist`);
    assertMayAct(ticket, agent);
    const now = deps.clock.now();
    const linkGeneration = linkGenerationOf(ticket) + 1;
    const updated = await deps.tickets.updateTicket({
      ticket: { ...ticket, linkGeneration, version: ticket.version + 1, updatedAt: now.toISOString() },
      expectedVersion: ticket.version,
      events: [agentEvent(reference, 'client-link-rotated', now, agent.id, { linkGeneration })],
    });
    if (updated === 'updated') return { linkGeneration };
  }
  throw new ConflictError(`ticket ${reference} kept changing`, { hint: 'try again' });
}

async function openSession(session: ClientSession, deps: ClientPortalDeps): Promise<OpenedSession> {
  const secret = secretFrom(deps.randomBytes(SECRET_BYTES));
  await deps.access.saveSession(secretHash(secret), session);
  return { secret, csrfToken: csrfTokenOf(secret), expiresAt: new Date(session.expiresAt) };
}

export async function administratorOf(address: string, deps: ClientPortalDeps): Promise<ClientEntry | null> {
  const clients = await deps.directory();
  return clients.find((c) => c.administrators?.includes(address)) ?? null;
}

async function ticketsOfAddress(
  address: string,
  adminClientId: string | null,
  deps: ClientPortalDeps,
): Promise<Ticket[]> {
  const entries = await deps.access.listIndexed({ address });
  if (adminClientId !== null) entries.push(...(await deps.access.listIndexed({ clientId: adminClientId })));
  return deps.access.getTickets(entries.slice(0, 300).map((e) => e.reference));
}

export async function limit(
  scope: string,
  key: string,
  rule: RateRule,
  deps: ClientPortalDeps,
): Promise<void> {
  const window = rateWindow(scope, key, rule, deps.clock.now());
  const count = await deps.access.increment(window.counter, window.expiresAt);
  if (count > rule.limit) {
    deps.log('client portal rate limit', { scope });
    throw new RateLimitedError(`too many attempts (${scope})`, window.retryAfterSeconds);
  }
}

export function invalid(): InvalidLinkError {
  return new InvalidLinkError("Ce lien n'est pas valide.");
}
