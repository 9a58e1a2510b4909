import { describe, expect, it } from 'vitest';
import { type CostInput, costPer1000Tickets } from '../../../bench/sections/cost';
import { PRICES } from '../../../bench/sections/prices';

const INPUT: CostInput = {
  messages: 100,
  ticketsCreated: 100,
  meanDurationMs: 1000,
  memorySizeMb: 1024,
  initDurationMs: 0,
  coldStartShare: 0,
  writeUnits: 0,
  readUnits: 0,
  s3Puts: 0,
  s3Gets: 0,
  rawBytes: 0,
  receivedChunks: 0,
  attachmentBytes: 0,
  sesSends: 0,
  retentionDays: 30,
};

describe('Function: costPer1000Tickets', () => {
  it('prices one GB-second per message at the Arm rate when a 1 GB function runs one second', () => {
    const cost = costPer1000Tickets(INPUT, PRICES);

    expect(cost.breakdown.lambdaDuration).toBeCloseTo(1000 * PRICES.lambda.perGbSecondArm, 4);
    expect(cost.breakdown.dynamodbWrites).toBe(0);
  });

  it('counts the messages behind each ticket when follow-ups come with the tickets', () => {
    const oneEach = costPer1000Tickets({ ...INPUT, writeUnits: 10 }, PRICES);
    const twoEach = costPer1000Tickets({ ...INPUT, writeUnits: 10, messages: 200 }, PRICES);

    expect(twoEach.breakdown.dynamodbWrites).toBeCloseTo(2 * (oneEach.breakdown.dynamodbWrites ?? 0), 4);
  });

  it('adds the raw mail PUT of SES and the cold starts to what the intake itself does', () => {
    const cost = costPer1000Tickets({ ...INPUT, coldStartShare: 0.5, initDurationMs: 2000 }, PRICES);

    expect(cost.breakdown.lambdaDuration).toBeCloseTo(2 * 1000 * PRICES.lambda.perGbSecondArm, 4);
    expect(cost.breakdown.s3Requests).toBeCloseTo(PRICES.s3.perThousandPuts, 4);
  });

  it('states the region and the date of its prices beside the figure', () => {
    const cost = costPer1000Tickets(INPUT, PRICES);

    expect(cost.prices.region).toBe('eu-west-3');
    expect(cost.prices.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cost.usdPer1000Tickets).toBeCloseTo(
      Object.values(cost.breakdown).reduce((sum, x) => sum + x, 0),
      2,
    );
  });
});
