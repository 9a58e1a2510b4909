import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * The SES v2 client of the agent API (replies with attachments: raw mail up to 40 MB, v1's
 * SendRawEmail stops at 10 MB). Apart from the intake's clients (aws-clients.ts) so that the intake's
 * bundle, measured for cold start, never loads it. Same rules as the v1 client: no SDK retry (a send
 * retried after a timeout could reach the client twice), no kept-alive socket gone stale while Lambda
 * was frozen; a longer request timeout, for 27 MB of base64.
 */
export function createSesV2Client(options: {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}): SESv2Client {
  return new SESv2Client({
    region: options.region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: 1,
    requestHandler: {
      httpAgent: new HttpAgent({ keepAlive: false }),
      httpsAgent: new HttpsAgent({ keepAlive: false }),
      connectionTimeout: 3_000,
      requestTimeout: 20_000,
    },
  });
}
