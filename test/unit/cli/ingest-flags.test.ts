import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

describe('Command: ingest flags', () => {
  it('refuses a verdict that SES does not give, or an unknown name, saying what it expects, exit 2', async () => {
    for (const verdicts of ['spf=PASS,dmarc=MAYBE', 'arc=PASS', 'spf']) {
      const run = await runCli(['ingest', '--verdicts', verdicts, 'x.eml']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `--verdicts got "${verdicts}"; expected spf=V,dkim=V,dmarc=V,spam=V,virus=V`,
      );
    }
  });

  it('documents --verdicts and --json in its help', async () => {
    const run = await runCli(['ingest', '--help']);
    expect(run.stdout).toContain('--verdicts spf=V,dkim=V,dmarc=V,spam=V,virus=V');
    expect(run.stdout).toContain('--json');
  });
});
