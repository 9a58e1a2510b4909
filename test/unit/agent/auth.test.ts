import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  type AgentAuth,
  createCognitoClaimsAuth,
  createDevAuth,
  groupsOf,
} from '../../../shared/adapters/http/auth';
import { InputError } from '../../../shared/domain/errors';
import { fixedClock } from '../../support/clock';
import { config } from '../ticket/fixtures';

function whoami(auth: AgentAuth, env?: unknown) {
  const app = new Hono();
  app.get('/whoami', async (c) => c.json({ agent: await auth.authenticate(c) }));
  return async (headers: Record<string, string> = {}) => {
    const res = await app.request('/whoami', { headers }, env);
    return ((await res.json()) as { agent: unknown }).agent;
  };
}

describe('Function: createDevAuth', () => {
  const clock = fixedClock('2026-11-30T06:00:00Z');

  it('signs in an agent of a configured desk and recognises the token it issued', async () => {
    const auth = createDevAuth({ config, clock });
    const session = await auth.devLogin!({ agent: 'alice', desk: ['reunion', 'martinique'] });
    expect(session.expiresAt).toBe('2026-11-30T18:00:00.000Z');
    const agent = await whoami(auth)({ authorization: `Bearer ${session.token}` });
    expect(agent).toEqual({ id: 'alice', name: 'alice', desks: ['reunion', 'martinique'] });
  });

  it('refuses an unknown desk at sign-in', async () => {
    const auth = createDevAuth({ config, clock });
    await expect(auth.devLogin!({ agent: 'alice', desk: 'paris' })).rejects.toThrow(InputError);
  });

  it('rejects no token, a token from another process (secret), a tampered token and an expired one', async () => {
    const auth = createDevAuth({ config, clock });
    const other = createDevAuth({ config, clock });
    const ask = whoami(auth);
    const { token } = await auth.devLogin!({ agent: 'alice', desk: 'reunion' });
    const foreign = (await other.devLogin!({ agent: 'alice', desk: 'reunion' })).token;
    expect(await ask()).toBeNull();
    expect(await ask({ authorization: `Bearer ${foreign}` })).toBeNull();
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p!, 'base64url').toString()),
        desks: ['nouvelle-caledonie'],
      }),
    ).toString('base64url');
    expect(await ask({ authorization: `Bearer ${h}.${forged}.${s}` })).toBeNull();
    const later = createDevAuth({
      config,
      clock: fixedClock('2026-11-30T18:00:00Z'),
      secret: new Uint8Array(32),
    });
    const early = createDevAuth({ config, clock, secret: new Uint8Array(32) });
    const old = (await early.devLogin!({ agent: 'alice', desk: 'reunion' })).token;
    expect(await whoami(later)({ authorization: `Bearer ${old}` })).toBeNull();
    expect(await whoami(early)({ authorization: `Bearer ${old}` })).not.toBeNull();
  });
});

describe('Function: createCognitoClaimsAuth', () => {
  const auth = createCognitoClaimsAuth({
    config,
    cognito: { domain: 'https://exodata.auth.eu-west-3.amazoncognito.com', clientId: 'abc' },
  });
  const event = (claims: Record<string, unknown> | undefined) => ({
    event: { requestContext: { authorizer: claims ? { jwt: { claims } } : undefined } },
  });

  it('reads the agent and its desks from the JWT authorizer claims (HTTP API stringifies arrays)', async () => {
    const agent = await whoami(
      auth,
      event({ username: 'alice', 'cognito:groups': '[reunion admins martinique]' }),
    )();
    expect(agent).toEqual({ id: 'alice', name: 'alice', desks: ['reunion', 'martinique'] });
  });

  it('is anonymous without authorizer claims', async () => {
    expect(await whoami(auth, event(undefined))()).toBeNull();
    expect(await whoami(auth)({ authorization: 'Bearer whatever' })).toBeNull();
  });
});

describe('Function: groupsOf', () => {
  it('accepts arrays and the bracketed string forms', () => {
    expect(groupsOf(['reunion'])).toEqual(['reunion']);
    expect(groupsOf('[reunion, guadeloupe]')).toEqual(['reunion', 'guadeloupe']);
    expect(groupsOf('reunion')).toEqual(['reunion']);
    expect(groupsOf(undefined)).toEqual([]);
  });
});
