import { DateTime } from 'luxon';
import * as z from 'zod';
import { deskById, type ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import { ExodataError } from '../../shared/domain/errors';
import { TicketSchema } from '../../shared/domain/ticket/ticket';
import { loadContext } from '../../shared/wiring/cli';
import { LOCAL_DEFAULTS } from '../../shared/wiring/local';
import {
  type LocalSendOutcome,
  localAcknowledgementMessageId,
  type RunningLocalStack,
  runningLocalStack,
  sendToLocalListener,
} from '../../shared/wiring/local-client';
import { table } from '../cli/local-stack-flags';
import {
  answerToReply,
  type DemoEmail,
  declaredPriority,
  englishRequest,
  followUp,
  OUTAGE,
  outage,
  outOfOffice,
} from './demo-emails';

/**
 * `npm run demo`: five realistic emails through the SMTP listener of a running `npm start` (a
 * critical outage, a declared priority, a reply to the first acknowledgement, an out-of-office, an
 * English request), an agent's reply to the first ticket and the client's answer to it (threaded by
 * In-Reply-To on the reply's SES Message-ID), then the tickets they made and where to read the mail.
 */
const out = (text = '') => process.stdout.write(`${text}\n`);

async function main(): Promise<number> {
  const dataDir = process.env.EXO_DATA_DIR ?? LOCAL_DEFAULTS.dataDir;
  const stack = await runningLocalStack(dataDir);
  if (!stack) {
    out(`npm run demo: no running local stack found (no live ${dataDir}/stack.json).`);
    out('Start it in another terminal with `npm start`, wait for its banner, then run `npm run demo` again.');
    return 1;
  }
  const { config } = await loadContext({ config: process.env.EXO_CONFIG });
  out(
    `Sending 6 emails (and one agent reply) to smtp://${stack.smtp.host}:${stack.smtp.port} (watch the \`npm start\` console)\n`,
  );

  const references: string[] = [];
  const first = await send(stack, 1, outage());
  const outageRef = referenceIn(first);
  if (outageRef) references.push(outageRef);

  const second = await send(stack, 2, declaredPriority());
  const secondRef = referenceIn(second);
  if (secondRef) references.push(secondRef);

  if (outageRef) {
    const ackId = await localAcknowledgementMessageId(stack, outageRef);
    if (ackId) await send(stack, 3, followUp(outageRef, ackId, first?.messageId ?? null));
    else out(`3. skipped: no acknowledgement of ${outageRef} found in the SES emulator`);
  } else {
    out('3. skipped: the first email made no ticket');
  }

  await send(stack, 4, outOfOffice());
  const fifth = referenceIn(await send(stack, 5, englishRequest()));
  if (fifth) references.push(fifth);

  if (outageRef) {
    const replied = await agentReply(stack, config, outageRef);
    if (replied) await send(stack, 7, answerToReply(outageRef, replied));
  }

  if (references.length === 0) {
    out(
      '\nNo ticket was made: the `npm start` console says why (a 451 means "try again": run the demo again).',
    );
    return 1;
  }
  out('\nTickets made by this demo:\n');
  out(await ticketTable(stack, config, references));
  out(
    `Acknowledgements: open ${stack.endpoints.sesViewer} (SES emulator viewer; ${OUTAGE.from} and the others).`,
  );
  if (stack.endpoints.api) out(`Agent portal: ${stack.endpoints.api}/ (dev login: any name, any desk)`);
  out('Raw mail, tickets and the audit trail are kept under the data directory until you delete it.');
  return 0;
}

async function send(stack: RunningLocalStack, n: number, email: DemoEmail): Promise<LocalSendOutcome | null> {
  out(`${n}. ${email.title}`);
  out(`   expected: ${email.expect}`);
  try {
    const result = await sendToLocalListener(stack.smtp, email.message);
    if (!result.accepted) {
      out(`   listener refused it: ${result.response}\n`);
      return null;
    }
    out(`   listener: ${result.response}\n`);
    return result;
  } catch (error) {
    out(`   listener refused it: ${describe(error)}\n`);
    return null;
  }
}

/** Demo step 6: an agent answers the first ticket from the agent API, as the portal's "Envoyer" does. */
async function agentReply(
  stack: RunningLocalStack,
  config: ServiceDeskConfig,
  reference: string,
): Promise<string | null> {
  out(`6. An agent replies to the client on ${reference} (POST /api/tickets/${reference}/replies)`);
  out(
    '   expected: one mail to the client from the desk, threaded, the first contact recorded (channel email)',
  );
  const api = stack.endpoints.api;
  if (!api) {
    out('   skipped: the agent API is not running\n');
    return null;
  }
  const token = await devLogin(api, config);
  const res = await fetch(`${api}/api/tickets/${reference}/replies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      text: 'Nous avons redémarré le service de réservation. Pouvez-vous vérifier de votre côté ?',
      idempotencyKey: `demo-reply-${reference}`,
    }),
  });
  const answer = (await res.json()) as {
    messageId?: string | null;
    state?: string;
    error?: { message: string };
  };
  if (!res.ok || !answer.messageId) {
    out(`   agent API: HTTP ${res.status} ${answer.error?.message ?? answer.state ?? ''}\n`);
    return null;
  }
  out(`   agent API: ${answer.state}, Message-ID ${answer.messageId}\n`);
  return answer.messageId;
}

async function devLogin(api: string, config: ServiceDeskConfig): Promise<string> {
  const login = await fetch(`${api}/api/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agent: 'demo', desk: config.desks.map((d) => d.id) }),
  });
  if (!login.ok) throw new Error(`agent API dev login: HTTP ${login.status}`);
  return z.object({ token: z.string() }).parse(await login.json()).token;
}

function referenceIn(result: LocalSendOutcome | null): string | null {
  return result ? (/EXO-\d{4}-\d{6}/.exec(result.response)?.[0] ?? null) : null;
}

/** The tickets as an agent sees them: through the agent API, signed in with the local dev login. */
async function ticketTable(
  stack: RunningLocalStack,
  config: ServiceDeskConfig,
  references: string[],
): Promise<string> {
  const api = stack.endpoints.api;
  if (!api) return '(the agent API is not running: no ticket to show)\n';
  const token = await devLogin(api, config);
  const rows: string[][] = [];
  for (const reference of references) {
    const res = await fetch(`${api}/api/tickets/${reference}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`agent API GET /api/tickets/${reference}: HTTP ${res.status}`);
    const { ticket, messages } = TicketViewSchema.parse(await res.json());
    rows.push([
      ticket.reference,
      ticket.desk,
      ticket.client.name ?? 'unknown client',
      `${ticket.priority.level} (${ticket.priority.source})`,
      deskTime(ticket.gtiDueAt, ticket.desk, config),
      deskTime(ticket.gtrDueAt, ticket.desk, config),
      String(messages.filter((m) => m.direction === 'in').length),
      String(messages.filter((m) => m.direction === 'out').length),
      ticket.acknowledgement.state,
    ]);
  }
  return table(
    ['reference', 'desk', 'client', 'priority', 'GTI (desk time)', 'GTR (desk time)', 'in', 'out', 'ack'],
    rows,
  );
}

/** The part of GET /api/tickets/{ref} the demo prints. */
const TicketViewSchema = z.object({
  ticket: TicketSchema.pick({
    reference: true,
    desk: true,
    client: true,
    priority: true,
    gtiDueAt: true,
    gtrDueAt: true,
    acknowledgement: true,
  }),
  messages: z.array(z.object({ direction: z.enum(['in', 'out']) })),
});

function deskTime(iso: string, deskId: string, config: ServiceDeskConfig): string {
  const desk = deskById(config, deskId);
  const local = DateTime.fromISO(iso, { zone: desk?.timeZone ?? 'UTC' });
  return local.setLocale('fr-FR').toFormat('ccc d LLL HH:mm');
}

function describe(error: unknown): string {
  if (error instanceof ExodataError) return error.toUserMessage();
  return error instanceof Error ? error.message : String(error);
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`npm run demo: ${describe(error)}\n`);
  return 1;
});
