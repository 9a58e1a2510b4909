import { round } from '../lib/stats';
import type { Prices } from './prices';

/** Measured averages per message of the corpus mix, and how many of those messages opened a ticket. */
export type CostInput = {
  messages: number;
  ticketsCreated: number;
  /** Mean handler duration (billed Lambda time), ms. */
  meanDurationMs: number;
  memorySizeMb: number;
  /** Module load at cold start, ms, and the share of invocations that pay it (billed since Aug 2025). */
  initDurationMs: number;
  coldStartShare: number;
  writeUnits: number;
  readUnits: number;
  s3Puts: number;
  s3Gets: number;
  /** Mean raw message size (stored by SES's S3 action: one PUT, kept for the retention). */
  rawBytes: number;
  /** Mean number of 256 KB chunks SES bills per received message. */
  receivedChunks: number;
  /** Mean attachment bytes the intake stores. */
  attachmentBytes: number;
  sesSends: number;
  retentionDays: number;
};

export type CostFigures = {
  usdPer1000Tickets: number;
  /** Each line of the bill, USD per 1,000 tickets. */
  breakdown: Record<string, number>;
  assumptions: string[];
  prices: Prices;
};

const GB = 1024 ** 3;
const DAYS_PER_MONTH = 30.4375;

/**
 * USD per 1,000 tickets: every message of the corpus mix (new tickets, follow-ups, automated mail)
 * priced from the measured requests and durations, divided by the tickets it opened. Storage is
 * priced for the whole raw-mail retention, attachments for the same period.
 */
export function costPer1000Tickets(input: CostInput, prices: Prices): CostFigures {
  const perTicket = input.messages / Math.max(1, input.ticketsCreated);
  const scale = 1000 * perTicket; // messages behind 1,000 tickets
  const gbSeconds =
    (input.memorySizeMb / 1024) *
    ((input.meanDurationMs + input.coldStartShare * input.initDurationMs) / 1000);
  const months = input.retentionDays / DAYS_PER_MONTH;
  const breakdown = {
    lambdaDuration: scale * gbSeconds * prices.lambda.perGbSecondArm,
    lambdaRequests: (scale / 1e6) * prices.lambda.perMillionRequests,
    dynamodbWrites: (scale * input.writeUnits * prices.dynamodb.perMillionWriteUnits) / 1e6,
    dynamodbReads: (scale * input.readUnits * prices.dynamodb.perMillionReadUnits) / 1e6,
    // SES's S3 action writes the raw mail (one PUT) before the intake reads it.
    s3Requests:
      (scale * ((input.s3Puts + 1) * prices.s3.perThousandPuts + input.s3Gets * prices.s3.perThousandGets)) /
      1000,
    s3Storage: (scale * (input.rawBytes + input.attachmentBytes) * months * prices.s3.perGbMonth) / GB,
    sesReceiving:
      (scale *
        (prices.ses.perThousandReceived + input.receivedChunks * prices.ses.perThousandReceivedChunks)) /
      1000,
    sesSending: (scale * input.sesSends * prices.ses.perThousandSent) / 1000,
  };
  const total = Object.values(breakdown).reduce((sum, x) => sum + x, 0);
  return {
    usdPer1000Tickets: round(total, 3),
    breakdown: Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, round(v, 6)])),
    assumptions: [
      `${round(perTicket, 2)} messages per ticket (the corpus mix: follow-ups and automated mail included)`,
      `Lambda billed for the mean measured handler time, ${round(input.meanDurationMs, 0)} ms, at ${input.memorySizeMb} MB (local services stand in for AWS ones)`,
      `${Math.round(input.coldStartShare * 100)} % of invocations are cold and pay the ${round(input.initDurationMs, 0)} ms module load`,
      `raw mail and attachments kept ${input.retentionDays} days in S3 Standard; DynamoDB storage and CloudWatch Logs left out`,
      `SES bills ${round(input.receivedChunks, 2)} incoming chunks of 256 KB per message on average (mean message ${Math.round(input.rawBytes / 1024)} KB)`,
    ],
    prices,
  };
}
