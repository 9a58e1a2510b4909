import { execFileSync } from 'node:child_process';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

export type MachineInfo = {
  cpuModel: string;
  cpus: number;
  memoryGb: number;
  freeMemoryGb: number;
  platform: string;
  node: string;
  /** 1-minute load average when the run started: above the CPU count, absolute figures are inflated. */
  loadAverageAtStart: number;
  gitCommit: string | null;
  gitDirty: boolean | null;
};

export function machineInfo(repoRoot: string): MachineInfo {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cpus: cpuList.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    platform: `${platform()} ${release()}`,
    node: process.version,
    loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    ...gitState(repoRoot),
  };
}

function gitState(cwd: string): { gitCommit: string | null; gitDirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain'], { cwd, encoding: 'utf8' });
    return { gitCommit: commit, gitDirty: status.trim() !== '' };
  } catch {
    return { gitCommit: null, gitDirty: null };
  }
}
