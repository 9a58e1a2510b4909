import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export type LateServer = {
  url: string;
  port: number;
  /** Starts answering with this app (until then: 503). */
  attach(fetch: (request: Request, env?: unknown) => Response | Promise<Response>): void;
  close(): Promise<void>;
};

/**
 * A local HTTP server that listens first and gets its app afterwards: the client portal's address must
 * be known before the rest of the local stack is wired (it is the `portalBaseUrl` every mail links to).
 */
export async function listenFirst(options: { port: number; hostname: string }): Promise<LateServer> {
  let handler: (request: Request, env?: unknown) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503, headers: { 'Retry-After': '1' } });
  const { server, info } = await new Promise<{ server: Server; info: AddressInfo }>((resolve, reject) => {
    const s = serve(
      { fetch: (request, env) => handler(request, env), port: options.port, hostname: options.hostname },
      (address) => resolve({ server: s as Server, info: address }),
    ) as Server;
    s.once('error', reject);
  });
  let closed = false;
  return {
    url: `http://${options.hostname}:${info.port}`,
    port: info.port,
    attach(fetch) {
      handler = fetch;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
