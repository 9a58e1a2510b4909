/**
 * List prices used by the cost model, on-demand, no free tier, no Savings Plans. Region eu-west-3
 * (Paris), the example deployment's; written down on 2026-11-26 from the public pricing pages
 * (aws.amazon.com/lambda/pricing, /dynamodb/pricing/on-demand, /s3/pricing, /ses/pricing) as the
 * author knew them: check them against the pages before quoting a figure to anyone.
 */
export const PRICES = {
  region: 'eu-west-3',
  asOf: '2026-11-26',
  currency: 'USD',
  lambda: {
    /** Arm (Graviton2), first tier (up to 7.5 billion GB-s a month). */
    perGbSecondArm: 0.0000133334,
    perMillionRequests: 0.2,
  },
  dynamodb: {
    /** On-demand, after the November 2024 price cut. */
    perMillionWriteUnits: 0.7625,
    perMillionReadUnits: 0.1525,
  },
  s3: {
    /** S3 Standard. */
    perThousandPuts: 0.0053,
    perThousandGets: 0.00042,
    perGbMonth: 0.024,
  },
  ses: {
    /** Receiving: per 1,000 mails, plus per 1,000 incoming chunks of 256 KB. */
    perThousandReceived: 0.1,
    perThousandReceivedChunks: 0.09,
    receivedChunkBytes: 256 * 1024,
    /** Sending: per 1,000 mails, plus per GB of attachments (acknowledgements carry none). */
    perThousandSent: 0.1,
  },
} as const;

export type Prices = typeof PRICES;
