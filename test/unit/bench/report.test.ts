import { describe, expect, it } from 'vitest';
import { ResultsSchema, renderTable, verdicts } from '../../../bench/report';

const COMPLETE = {
  date: '2026-11-26T12:00:00.000Z',
  quick: true,
  machine: { node: 'v20.20.2', cpus: 2, cpuModel: 'test' },
  triage: { messagesPerSecond: 10, ratioToBareParse: 1.25 },
  intake: {
    p50Ms: 100,
    p99Ms: 300,
    concurrentThroughputPerSecond: 5,
    writeRequestsPerNewTicket: 7,
    writeRequestsPerFollowUp: 4,
  },
  coldStart: {
    intakeBundleBytes: 1024 * 1024,
    intakeLoadMsMedian: 149,
    intakeBundleRatioToFloor: 1.25,
    intakeLoadRatioToFloor: 1.26,
  },
  memory: { peakRssRatio: 2.4 },
  cost: { usdPer1000Tickets: 0.5 },
};

describe('Function: verdicts', () => {
  it('passes a figure equal to an inclusive target and misses one equal to a strict target', () => {
    const byKey = Object.fromEntries(verdicts(COMPLETE).map((v) => [v.key, v.pass]));

    expect(byKey['triage.ratioToBareParse']).toBe(true);
    expect(byKey['coldStart.intakeBundleBytes']).toBe(false);
    expect(byKey['coldStart.intakeLoadMsMedian']).toBe(true);
    expect(byKey['coldStart.intakeBundleRatioToFloor']).toBe(true);
    expect(byKey['coldStart.intakeLoadRatioToFloor']).toBe(false);
    expect(byKey['intake.writeRequestsPerNewTicket']).toBe(false);
    expect(byKey['memory.peakRssRatio']).toBe(true);
  });

  it('gives no verdict for a section that did not run', () => {
    const { memory: _memory, ...withoutMemory } = COMPLETE;

    expect(verdicts(withoutMemory).find((v) => v.key === 'memory.peakRssRatio')?.pass).toBeNull();
  });
});

describe('Function: renderTable', () => {
  it('shows each target with PASS or MISS and the other figures below', () => {
    const table = renderTable(COMPLETE);

    expect(table).toMatch(/triage\.ratioToBareParse\s+1\.25 ×\s+≤ 1\.25 ×\s+PASS/);
    expect(table).toMatch(/coldStart\.intakeBundleBytes\s+1\.00 MB\s+< 1\.00 MB\s+MISS/);
    expect(table).toContain('cost.usdPer1000Tickets');
  });
});

describe('Schema: ResultsSchema', () => {
  it('accepts the figures the issue lists and refuses a results file where one is not a number', () => {
    const targets = verdicts(COMPLETE);

    expect(ResultsSchema.safeParse({ ...COMPLETE, targets }).success).toBe(true);
    const broken = { ...COMPLETE, intake: { ...COMPLETE.intake, p99Ms: 'slow' }, targets };
    expect(ResultsSchema.safeParse(broken).success).toBe(false);
    const { intakeLoadRatioToFloor: _ratio, ...withoutRatio } = COMPLETE.coldStart;
    expect(ResultsSchema.safeParse({ ...COMPLETE, coldStart: withoutRatio, targets }).success).toBe(false);
  });
});
