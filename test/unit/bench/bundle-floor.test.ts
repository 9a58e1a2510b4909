import { describe, expect, it } from 'vitest';
import { silentProgress } from '../../../bench/lib/progress';
import { bundleFloor } from '../../../bench/sections/bundle-floor';

describe('Bench: the floor of the required libraries', () => {
  it("bundles mailparser, the SDK clients, the features' libraries and the floor (last), each loadable", async () => {
    const { floor, paired } = await bundleFloor({ loads: 1, progress: silentProgress });

    expect(floor.map((f) => f.holds)).toEqual([
      'mailparser (MailParser and its dependencies)',
      'AWS SDK v3: DynamoDB, S3 and SES clients',
      'the floor plus the libraries of the features (tldts, Powertools, MailComposer, lib-dynamodb)',
      'the floor: mailparser and the SDK clients, with zod and luxon',
    ]);
    const [mailparser, sdk, withFeatures, together] = floor.map((f) => f.bytes);
    // A library that went missing (a failed import, a name that does not exist) would bundle to almost nothing.
    expect(mailparser).toBeGreaterThan(500 * 1024);
    expect(sdk).toBeGreaterThan(200 * 1024);
    expect(together).toBeGreaterThan((mailparser ?? 0) + (sdk ?? 0));
    // The diagnostic holds the floor and more (tldts's table alone is over 100 KB).
    expect(withFeatures).toBeGreaterThan((together ?? 0) + 300 * 1024);
    for (const f of floor) expect(f.loadMsMedian).toBeGreaterThan(0);
    expect(paired).toBeNull();
  }, 60_000);
});
