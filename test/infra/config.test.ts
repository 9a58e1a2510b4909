import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_CONTEXT_KEY,
  CONFIG_FILE_CONTEXT_KEY,
  loadDeploymentConfig,
  parseDeploymentConfig,
} from '../../infra/config';
import { ConfigError } from '../../shared/domain/errors';
import { deploymentFile, FIXTURES_DIR } from './synth';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function parse(overrides: Parameters<typeof deploymentFile>[0]) {
  return () => parseDeploymentConfig(deploymentFile(overrides), FIXTURES_DIR, 'cdk.test.json');
}

/** A directory holding a deployment file next to the given service-desk configuration. */
function configDir(serviceDesk: unknown, deployment: Record<string, unknown> = deploymentFile()): string {
  const dir = mkdtempSync(join(tmpdir(), 'exodata-cdk-config-'));
  writeFileSync(join(dir, 'service-desk.json'), JSON.stringify(serviceDesk));
  writeFileSync(join(dir, 'cdk.json'), JSON.stringify(deployment));
  return dir;
}

describe('Function: parseDeploymentConfig', () => {
  it('loads and validates the service-desk configuration named by the file', () => {
    const config = parseDeploymentConfig(deploymentFile(), FIXTURES_DIR, 'cdk.test.json');
    expect(config.serviceDesk.desks.map((d) => d.address)).toEqual([
      'reunion@exodata.fr',
      'martinique@exodata.fr',
      'guadeloupe@exodata.fr',
      'nouvelle-caledonie@exodata.fr',
    ]);
    expect(config.logRetentionDays).toBe(90);
    expect(config.bounceRateAlarmThreshold).toBe(0.04);
  });

  it('replaces the portal URL of the service-desk configuration when portalBaseUrl is set', () => {
    const config = parse({ portalBaseUrl: 'https://portail.staging.exodata.fr' })();
    expect(config.serviceDesk.contact.portalBaseUrl).toBe('https://portail.staging.exodata.fr');
  });

  it('keeps the portal URL of the service-desk configuration when portalBaseUrl is absent', () => {
    const config = parse({ portalBaseUrl: undefined })();
    expect(config.serviceDesk.contact.portalBaseUrl).toBe('https://portal.fixture.exodata.fr');
  });

  it('refuses a region where SES does not receive mail, naming the regions that do', () => {
    expect(parse({ region: 'us-west-1' })).toThrow(
      /region "us-west-1" has no SES email receiving.*eu-west-1/s,
    );
  });

  it('refuses desk addresses outside the mail domain', () => {
    expect(parse({ mailDomain: 'exodata.re' })).toThrow(
      /reunion@exodata\.fr, martinique@exodata\.fr.* are not on mailDomain exodata\.re/,
    );
  });

  it('refuses a maximum message size that SES could never deliver', () => {
    expect(parse({ maxMessageBytes: 41 * 1024 * 1024 })).toThrow(
      /at most 41943040 bytes[\s\S]*at maxMessageBytes/,
    );
  });

  it('refuses a log retention that CloudWatch Logs does not offer', () => {
    expect(parse({ logRetentionDays: 45 })).toThrow(
      /CloudWatch Logs retention values[\s\S]*at logRetentionDays/,
    );
  });

  it('refuses an unknown rule-set mode and a rule-set name SES would reject', () => {
    expect(parse({ receiptRuleSet: { mode: 'replace', name: 'x' } })).toThrow(/receiptRuleSet\.mode/);
    expect(parse({ receiptRuleSet: { mode: 'existing-active-set', name: 'bad name!' } })).toThrow(
      /receiptRuleSet\.name/,
    );
  });

  it('refuses the existing-active-set mode without the name of the active set', () => {
    expect(parse({ receiptRuleSet: { mode: 'existing-active-set' } })).toThrow(/receiptRuleSet\.name/);
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    expect(parse({ alarmEmails: 'x@exodata.fr' } as never)).toThrow(/alarmEmails/);
  });

  it('throws a ConfigError with a hint naming the source', () => {
    const error = (() => {
      try {
        parse({ alarmEmail: 'not-an-address' })();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/cdk\.test\.json[\s\S]*alarmEmail/);
    expect((error as ConfigError).hint).toMatch(/docs\/deploy\.md/);
  });

  it('refuses a service-desk configuration the intake would refuse at start-up', () => {
    const dir = configDir({
      defaultDeskId: 'mayotte',
      contact: {
        portalBaseUrl: 'https://support.exodata.fr',
        emergencyPhone: '1',
        officePhone: '2',
        officeAddress: '3',
      },
      desks: [
        {
          id: 'reunion',
          address: 'reunion@exodata.fr',
          displayName: 'Réunion',
          timeZone: 'Indian/Reunion',
          zoneLabelFr: 'heure de La Réunion',
          zoneLabelEn: 'Réunion time',
          holidays: { country: 'FR', state: 'RE' },
        },
      ],
    });
    expect(() => parseDeploymentConfig(deploymentFile(), dir, 'cdk.json')).toThrow(
      /invalid service-desk configuration in .*service-desk\.json[\s\S]*defaultDeskId "mayotte"/,
    );
  });

  it('says which file is missing when the service-desk configuration cannot be read', () => {
    expect(parse({ serviceDeskConfigFile: 'nowhere.json' })).toThrow(/cannot read .*nowhere\.json/);
  });
});

describe('Function: loadDeploymentConfig', () => {
  it('reads the file named by the context, relative paths starting at that file', () => {
    const app = new App({ context: { [CONFIG_FILE_CONTEXT_KEY]: 'config/cdk.example.json' } });
    const config = loadDeploymentConfig(app.node, REPO_ROOT);
    expect(config.region).toBe('eu-west-3');
    expect(config.serviceDesk.desks).toHaveLength(4);
  });

  it('prefers an inline JSON configuration given with -c over the file', () => {
    const app = new App({
      context: {
        [CONFIG_FILE_CONTEXT_KEY]: 'config/cdk.example.json',
        [CONFIG_CONTEXT_KEY]: JSON.stringify(deploymentFile({ stage: 'inline' })),
      },
    });
    expect(loadDeploymentConfig(app.node, FIXTURES_DIR).stage).toBe('inline');
  });

  it('explains how to name a configuration when the context has none', () => {
    const app = new App();
    expect(() => loadDeploymentConfig(app.node, REPO_ROOT)).toThrow(ConfigError);
    try {
      loadDeploymentConfig(app.node, REPO_ROOT);
    } catch (error) {
      expect((error as ConfigError).hint).toMatch(/-c exodata:configFile=/);
    }
  });

  it('names the file when it is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exodata-cdk-config-'));
    writeFileSync(join(dir, 'broken.json'), '{ "stage": ');
    const app = new App({ context: { [CONFIG_FILE_CONTEXT_KEY]: join(dir, 'broken.json') } });
    expect(() => loadDeploymentConfig(app.node, REPO_ROOT)).toThrow(/broken\.json is not valid JSON/);
  });
});
