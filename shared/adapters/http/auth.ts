import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { sign, verify } from 'hono/jwt';
import * as z from 'zod';
import { type Agent, AgentSchema } from '../../domain/desk/agent';
import { DeskIdSchema, type ServiceDeskConfig } from '../../domain/desk/service-desk-config';
import { InputError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';

/** What the portal needs to know to sign an agent in (served to it unauthenticated). */
type PortalAuthConfig =
  | { mode: 'dev' }
  | { mode: 'cognito'; domain: string; clientId: string; scopes: string[] };

/**
 * Who is calling. On AWS the API Gateway JWT authorizer has already checked the Cognito token and the
 * function only reads its claims; locally a dev login signs tokens with a per-process secret.
 */
export interface AgentAuth {
  readonly portal: PortalAuthConfig;
  /** Null: not signed in (401). */
  authenticate(c: Context): Promise<Agent | null>;
  /** Local mode only: absent on AWS, where the route answers 404. */
  devLogin?(input: DevLogin): Promise<{ token: string; expiresAt: string; agent: Agent }>;
}

export const DevLoginSchema = z.object({
  agent: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .regex(/^[\p{L}\p{N}._@ -]+$/u, 'an agent name is letters, digits, spaces, dots, dashes, @'),
  /** One desk id or several. */
  desk: z.union([DeskIdSchema, z.array(DeskIdSchema).min(1).max(10)]),
});
type DevLogin = z.infer<typeof DevLoginSchema>;

const DEV_ISSUER = 'exodata-dev-login';
const DEV_AUDIENCE = 'exodata-agent-api';
const DEV_TOKEN_HOURS = 12;

const DevClaimsSchema = z.object({
  sub: z.string(),
  name: z.string(),
  desks: z.array(z.string()),
  exp: z.number(),
});

/**
 * Local sign-in for `npm start` and tests (docs/agents.md, "Authentication"): anyone on the machine
 * may sign in as any agent of any configured desk, so it is never wired on AWS. Tokens are HS256 JWTs
 * signed with a secret drawn at process start: a restart signs everybody out.
 */
export function createDevAuth(deps: {
  config: ServiceDeskConfig;
  clock: Clock;
  secret?: Uint8Array;
}): AgentAuth {
  const secret = Buffer.from(deps.secret ?? randomBytes(32)).toString('base64');
  const known = new Set(deps.config.desks.map((d) => d.id));
  return {
    portal: { mode: 'dev' },
    async authenticate(c) {
      const token = bearerToken(c);
      if (!token) return null;
      try {
        // Expiry is checked below against the injected clock (tests run at fixed instants).
        const payload = await verify(token, secret, {
          alg: 'HS256',
          iss: DEV_ISSUER,
          aud: DEV_AUDIENCE,
          exp: false,
          nbf: false,
          iat: false,
        });
        const claims = DevClaimsSchema.parse(payload);
        if (claims.exp * 1000 <= deps.clock.now().getTime()) return null;
        return AgentSchema.parse({ id: claims.sub, name: claims.name, desks: claims.desks });
      } catch {
        return null;
      }
    },
    async devLogin(input) {
      const desks = [...new Set(Array.isArray(input.desk) ? input.desk : [input.desk])];
      const unknown = desks.filter((d) => !known.has(d));
      if (unknown.length > 0)
        throw new InputError(`unknown desk ${unknown.join(', ')}`, { hint: `use ${[...known].join(', ')}` });
      const now = deps.clock.now();
      const exp = Math.floor(now.getTime() / 1000) + DEV_TOKEN_HOURS * 3600;
      const agent: Agent = { id: input.agent, name: input.agent, desks };
      const token = await sign(
        { sub: agent.id, name: agent.name, desks, iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp },
        secret,
        'HS256',
      );
      return { token, expiresAt: new Date(exp * 1000).toISOString(), agent };
    },
  };
}

type LambdaJwtContext = {
  event?: { requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } };
};

/**
 * On AWS: API Gateway (HTTP API, JWT authorizer on the Cognito user pool) verified signature, issuer,
 * audience/client_id and expiry before invoking us; the claims arrive in the event. Groups are desk
 * ids; other groups are ignored. No claims (a route mistakenly left without authorizer) = 401.
 */
export function createCognitoClaimsAuth(deps: {
  config: ServiceDeskConfig;
  cognito: { domain: string; clientId: string; scopes?: string[] };
}): AgentAuth {
  const known = new Set(deps.config.desks.map((d) => d.id));
  return {
    portal: {
      mode: 'cognito',
      domain: deps.cognito.domain,
      clientId: deps.cognito.clientId,
      scopes: deps.cognito.scopes ?? ['openid', 'email', 'profile'],
    },
    async authenticate(c) {
      const claims = (c.env as LambdaJwtContext | undefined)?.event?.requestContext?.authorizer?.jwt?.claims;
      if (!claims) return null;
      const id = firstString(claims.username, claims['cognito:username'], claims.email, claims.sub);
      if (!id) return null;
      const desks = groupsOf(claims['cognito:groups']).filter((g) => known.has(g));
      const name = firstString(claims.name, claims.email, id) ?? id;
      const parsed = AgentSchema.safeParse({ id, name, desks });
      return parsed.success ? parsed.data : null;
    },
  };
}

/** HTTP API hands array claims over as a string, `[reunion martinique]`; a REST API or test may give an array. */
export function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.map(String);
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .map((g) => g.replace(/^"|"$/g, ''))
    .filter((g) => g !== '');
}

function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}
