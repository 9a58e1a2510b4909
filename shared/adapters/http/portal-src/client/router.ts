/**
 * What a path and fragment ask for (pure; test/unit/portal/client-portal.test.ts). The server serves the
 * same shell for every path: `/t/{reference}#k={secret}` a ticket (the secret is optional: a session
 * cookie may already open it), `/mes-demandes#jeton={token}` or `/` the list, anything else "lien
 * invalide". A malformed reference or secret goes no further than here: the page is the same as for
 * a wrong one.
 */
export type Route =
  | { kind: 'ticket'; reference: string; secret: string | null }
  | { kind: 'requests'; token: string | null }
  | { kind: 'invalid' };

const REFERENCE = /^\/t\/(EXO-\d{4}-\d{6})\/?$/;
/** base64url, as minted (24 bytes → 32 characters), with the server's bounds (client-api-schemas.ts). */
const SECRET = /^[A-Za-z0-9_-]{22,86}$/;

function fragmentValue(hash: string, name: string): string | null | 'malformed' {
  if (hash === '' || hash === '#') return null;
  const params = new URLSearchParams(hash.slice(1));
  const value = params.get(name);
  if (value === null || !SECRET.test(value)) return 'malformed';
  return value;
}

export function routeOf(pathname: string, hash: string): Route {
  const ticket = REFERENCE.exec(pathname);
  if (ticket?.[1]) {
    const secret = fragmentValue(hash, 'k');
    if (secret === 'malformed') return { kind: 'invalid' };
    return { kind: 'ticket', reference: ticket[1], secret };
  }
  if (pathname === '/' || pathname === '/mes-demandes' || pathname === '/mes-demandes/') {
    const token = fragmentValue(hash, 'jeton');
    if (token === 'malformed') return { kind: 'invalid' };
    return { kind: 'requests', token };
  }
  return { kind: 'invalid' };
}
