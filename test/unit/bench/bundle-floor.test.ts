import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentProgress } from '../../../bench/lib/progress';
import { bundleFloor } from '../../../bench/sections/bundle-floor';

describe('Bench: the floor of the required libraries', () => {
  it("bundles mailparser, the SDK clients, the features' libraries and the floor (last), each loadable", async () => {
    // Paired with a tiny module: the intake, the floor and the features' bundle are then loaded in turn.
    const dir = mkdtempSync(join(tmpdir(), 'exodata-floor-pair-'));
    const file = join(dir, 'index.mjs');
    writeFileSync(file, 'export const handler = () => 1;\n');
    const { floor, paired } = await bundleFloor({
      loads: 1,
      pairedLoads: 2,
      pairedWith: { file, environment: {} },
      progress: silentProgress,
    }).finally(() => rmSync(dir, { recursive: true, force: true }));

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
    expect(paired?.loadMsMedian).toBeGreaterThan(0);
    expect(paired?.floorLoadMsMedian).toBe(floor[3]?.loadMsMedian);
    // The features' bundle was loaded in the same turns, its median is the paired one.
    expect(paired?.featuresLoadMsMedian).toBe(floor[2]?.loadMsMedian);
    expect(paired?.featuresLoadMsMedian).toBeGreaterThan(0);
  }, 60_000);
});
