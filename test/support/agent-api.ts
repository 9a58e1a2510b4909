import MailComposer from 'nodemailer/lib/mail-composer';
import type { AgentAppDeps } from '../../shared/adapters/http/app';
import { createDevAuth } from '../../shared/adapters/http/auth';
import type { PortalAssets } from '../../shared/adapters/http/portal-assets';
import { buildPortal } from '../../shared/adapters/http/portal-build';
import { type AgentServer, startAgentServer } from '../../shared/adapters/http/server';
import type { ServiceDeskConfig } from '../../shared/domain/desk/service-desk-config';
import type { AttachmentLinks } from '../../shared/ports/attachment-links';
import { type AgentMailSettings, createAgentAppDeps } from '../../shared/wiring/agent';
import { BUCKET, type Intake } from '../integration/intake/harness';

/**
 * The agent app wired as `npm start` wires it (DynamoDB, s3rver, dev login), on the intake's own table,
 * bucket and clock, served on a free port. Tickets come from the real intake (`intake.deliver`).
 */
export async function startAgentApi(
  intake: Intake,
  overrides: { links?: AttachmentLinks; portal?: PortalAssets } = {},
  mail: Partial<AgentMailSettings> = {},
): Promise<{
  server: AgentServer;
  deps: AgentAppDeps;
  login: (agent: string, desk: string | string[]) => Promise<string>;
}> {
  const config: ServiceDeskConfig = intake.env.SERVICE_DESK_CONFIG;
  const deps: AgentAppDeps = {
    ...createAgentAppDeps({
      config,
      clients: intake.clients,
      storage: {
        tableName: intake.env.TABLE_NAME,
        bucket: BUCKET,
        rawMailPrefix: intake.env.RAW_MAIL_PREFIX,
        attachmentsPrefix: intake.env.ATTACHMENTS_PREFIX,
        maxAttachmentBytes: intake.env.MAX_ATTACHMENT_BYTES,
      },
      mail: {
        region: intake.env.AWS_REGION,
        // Real waits, ten times shorter, as the intake harness does.
        sleep: (ms) => new Promise((r) => setTimeout(r, ms / 10)),
        ...mail,
      },
      auth: createDevAuth({ config, clock: intake.clock }),
      clock: intake.clock,
      log: () => {},
      ...(overrides.links ? { links: overrides.links } : {}),
    }),
    // Built from its TypeScript source as `npm start` builds it (about 100 ms).
    portal: overrides.portal ?? (await buildPortal('agent')),
  };
  const server = await startAgentServer({ port: 0, deps });
  const login = async (agent: string, desk: string | string[]) => {
    const res = await fetch(`${server.url}/api/dev-login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ agent, desk }),
    });
    if (!res.ok) throw new Error(`dev login failed: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  return { server, deps, login };
}

export type ApiAnswer<T = unknown> = { status: number; body: T };

/** One JSON call to the agent API. */
export async function call<T = Record<string, unknown>>(
  server: AgentServer,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['Content-Type'] = 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A client's message built by nodemailer (HTML alternative, attachments), as raw RFC 5322 bytes. */
export async function composeMail(spec: {
  from: string;
  to?: string;
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}): Promise<Buffer> {
  const composer = new MailComposer({
    from: spec.from,
    to: spec.to ?? 'reunion@exodata.fr',
    subject: spec.subject,
    text: spec.text,
    ...(spec.html ? { html: spec.html } : {}),
    ...(spec.messageId ? { messageId: spec.messageId } : {}),
    ...(spec.headers ? { headers: spec.headers } : {}),
    ...(spec.attachments ? { attachments: spec.attachments } : {}),
    date: new Date('2026-11-30T05:00:00Z'),
  });
  return composer.compile().build();
}
