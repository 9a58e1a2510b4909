import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AgentAppDeps, createAgentApp } from './app';

export type AgentServer = { url: string; port: number; close(): Promise<void> };

/**
 * The agent app on a local HTTP server (`npm start`, tests). Port 0 lets the OS choose a free port;
 * it listens on 127.0.0.1 unless told otherwise, since the dev login trusts whoever can reach it.
 */
export async function startAgentServer(options: {
  port: number;
  deps: AgentAppDeps;
  hostname?: string;
}): Promise<AgentServer> {
  const app = createAgentApp(options.deps);
  const hostname = options.hostname ?? '127.0.0.1';
  const { server, info } = await new Promise<{ server: Server; info: AddressInfo }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, (address) =>
      resolve({ server: s as Server, info: address }),
    ) as Server;
    s.once('error', reject);
  });
  let closed = false;
  return {
    url: `http://${hostname}:${info.port}`,
    port: info.port,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections (browsers, fetch) would hold close() open until they time out.
        server.closeAllConnections();
      });
    },
  };
}
