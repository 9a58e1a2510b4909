import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import {
  activationFights,
  CONFIG_CONTEXT_KEY,
  CONFIG_FILE_CONTEXT_KEY,
  loadDeploymentConfig,
  parseDeploymentConfig,
  type StageReceipt,
} from '../../infra/config';
import { ConfigError } from '../../shared/domain/errors';
import { deploymentFile, FIXTURES_DIR } from './synth';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

function parse(overrides: Parameters<typeof deploymentFile>[0]) {
  return () => parseDeploymentConfig(deploymentFile(overrides), FIXTURES_DIR, 'cdk.test.json');
}

function serviceDeskFixture(): unknown {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'service-desk.json'), 'utf8'));
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

  it('warns about a region missing from the SES receiving list, naming the table to check, but loads it', () => {
    const config = parse({ region: 'us-west-1' })();
    expect(config.region).toBe('us-west-1');
    expect(config.warnings).toHaveLength(1);
    expect(config.warnings[0]).toMatch(
      /region us-west-1 is not in the SES receiving regions known on 2026-12-03 .*eu-west-1.*docs\.aws\.amazon\.com\/general\/latest\/gr\/ses\.html.*"sesReceivingRegionChecked": true/,
    );
  });

  it('does not warn about a listed region, nor about another once the operator says it was checked', () => {
    expect(parse({ region: 'eu-west-3' })().warnings).toEqual([]);
    expect(parse({ region: 'ap-northeast-3', sesReceivingRegionChecked: true })().warnings).toEqual([]);
  });

  it('refuses something that is not a region code', () => {
    expect(parse({ region: 'Paris' })).toThrow(/an AWS region code[\s\S]*at region/);
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

  it('refuses a raw-mail retention shorter than the on-failure queue keeps its events (issue 13 §13)', () => {
    expect(parse({ rawMailRetentionDays: 14 })).toThrow(/at least 15 days[\s\S]*at rawMailRetentionDays/);
    expect(parse({ rawMailRetentionDays: 15 })).not.toThrow();
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

  it('names the agents sign-in domain exodata-agents-<stage> unless the file names it', () => {
    expect(parse({ stage: 'staging', cognitoDomainPrefix: undefined })().cognitoDomainPrefix).toBe(
      'exodata-agents-staging',
    );
    expect(parse({ cognitoDomainPrefix: 'support-exo-974' })().cognitoDomainPrefix).toBe('support-exo-974');
  });

  it('keeps the sign-in domain unless the first step of a prefix change removes it', () => {
    expect(parse({})().cognitoDomainRemoved).toBe(false);
    expect(parse({ cognitoDomainRemoved: true })().cognitoDomainRemoved).toBe(true);
    expect(parse({ cognitoDomainRemoved: 'yes' })).toThrow(/cognitoDomainRemoved/);
  });

  it.each([
    ['Exodata-Agents', /lower-case letters, digits and dashes[\s\S]*at cognitoDomainPrefix/],
    ['-exodata', /not starting or ending with a dash[\s\S]*at cognitoDomainPrefix/],
    ['x'.repeat(64), /63 at most[\s\S]*at cognitoDomainPrefix/],
    ['exodata-cognito', /Cognito refuses a domain prefix containing[\s\S]*at cognitoDomainPrefix/],
    ['amazon-desk', /Cognito refuses a domain prefix containing[\s\S]*at cognitoDomainPrefix/],
  ])('refuses the Cognito domain prefix %s', (cognitoDomainPrefix, message) => {
    expect(parse({ cognitoDomainPrefix })).toThrow(message);
  });

  it('lists no SES sandbox test recipient by default, and refuses one that is neither address nor domain', () => {
    expect(parse({})().sesSandboxTestRecipients).toEqual([]);
    expect(parse({ sesSandboxTestRecipients: ['tester@example.org'] })().sesSandboxTestRecipients).toEqual([
      'tester@example.org',
    ]);
    expect(parse({ sesSandboxTestRecipients: ['*'] })).toThrow(/sesSandboxTestRecipients/);
  });

  it('subscribes nobody to the SLA alerts unless the file lists addresses per desk', () => {
    expect(parse({ slaAlertEmails: undefined })().slaAlertEmails).toEqual({});
    expect(
      parse({ slaAlertEmails: { martinique: ['n1@exodata.fr', 'n2@exodata.fr'] } })().slaAlertEmails,
    ).toEqual({ martinique: ['n1@exodata.fr', 'n2@exodata.fr'] });
  });

  it('refuses SLA alert addresses for a desk that does not exist, naming the desks that do', () => {
    const error = thrown(parse({ slaAlertEmails: { mayotte: ['m@exodata.fr'] } }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/slaAlertEmails names unknown desk\(s\) mayotte/);
    expect((error as ConfigError).hint).toMatch(/reunion, martinique, guadeloupe, nouvelle-caledonie/);
  });

  it('refuses a desk address as an SLA alert subscriber: the alert would come back as a ticket', () => {
    expect(parse({ slaAlertEmails: { reunion: ['Martinique@exodata.fr'] } })).toThrow(
      /slaAlertEmails lists desk address\(es\) Martinique@exodata\.fr/,
    );
  });

  it('refuses an SLA alert address that is not an address, or an empty list', () => {
    expect(parse({ slaAlertEmails: { reunion: ['astreinte'] } })).toThrow(/slaAlertEmails\.reunion\[0\]/);
    expect(parse({ slaAlertEmails: { reunion: [] } })).toThrow(/slaAlertEmails\.reunion/);
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
    expect(config.cognitoDomainPrefix).toBe('exodata-agents-prod');
    expect(Object.keys(config.slaAlertEmails).sort()).toEqual(
      config.serviceDesk.desks.map((d) => d.id).sort(),
    );
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

describe('Function: activationFights', () => {
  const stage = (
    name: string,
    receiptRuleSet: StageReceipt['receiptRuleSet'],
    where: { account?: string; region?: string } = {},
  ): StageReceipt => ({
    stage: name,
    region: where.region ?? 'eu-west-3',
    ...(where.account ? { account: where.account } : {}),
    receiptRuleSet,
    source: `cdk.${name}.json`,
  });
  const activate = (name: string) => ({ mode: 'activate' as const, name });
  const existing = (name: string) => ({ mode: 'existing-active-set' as const, name });

  it('finds two stages that both activate their set in one account and region', () => {
    const prod = stage('prod', activate('exodata-intake-prod'), { account: '111111111111' });
    const staging = stage('staging', activate('exodata-intake-staging'), { account: '111111111111' });
    expect(activationFights(prod, [staging])).toEqual([staging]);
  });

  it('finds a stage that activates a set while another relies on a different set being active', () => {
    const prod = stage('prod', activate('exodata-intake-prod'));
    const corporate = stage('corporate', existing('corporate-rules'));
    expect(activationFights(prod, [corporate])).toEqual([corporate]);
    expect(activationFights(corporate, [prod])).toEqual([prod]);
  });

  it('counts stages without an account as sharing one: the same credentials may deploy both', () => {
    const prod = stage('prod', activate('exodata-intake-prod'));
    const staging = stage('staging', activate('exodata-intake-staging'), { account: '222222222222' });
    expect(activationFights(prod, [staging])).toEqual([staging]);
  });

  it('accepts one activating stage and others adding their rule to that very set', () => {
    const prod = stage('prod', activate('exodata-intake-prod'));
    const staging = stage('staging', existing('exodata-intake-prod'));
    expect(activationFights(prod, [staging])).toEqual([]);
    expect(activationFights(staging, [prod])).toEqual([]);
  });

  it('accepts stages in different regions or different written accounts, and the same stage twice', () => {
    const prod = stage('prod', activate('exodata-intake-prod'), { account: '111111111111' });
    expect(
      activationFights(prod, [
        stage('staging', activate('exodata-intake-staging'), { region: 'eu-west-1' }),
        stage('dev', activate('exodata-intake-dev'), { account: '222222222222' }),
        stage('prod', activate('exodata-intake-prod'), { account: '111111111111' }),
        stage('shared', existing('corporate-rules'), { account: '333333333333' }),
      ]),
    ).toEqual([]);
  });
});

describe('Function: loadDeploymentConfig with sibling stages', () => {
  it('refuses a stage whose activation would fight with another deployment file of the directory', () => {
    const dir = configDir(serviceDeskFixture(), deploymentFile({ stage: 'prod', account: undefined }));
    writeFileSync(
      join(dir, 'cdk.staging.json'),
      JSON.stringify(
        deploymentFile({ stage: 'staging', receiptRuleSet: { mode: 'activate', name: 'exodata-staging' } }),
      ),
    );
    const app = new App({ context: { [CONFIG_FILE_CONTEXT_KEY]: join(dir, 'cdk.json') } });
    const error = thrown(() => loadDeploymentConfig(app.node, REPO_ROOT));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /stage prod .* and stage staging .*cdk\.staging\.json.* would fight over the one active SES receipt rule set of eu-west-1/,
    );
    expect((error as ConfigError).hint).toMatch(/existing-active-set/);
  });

  it('loads a stage whose siblings add their rule to its set, and ignores example files', () => {
    const dir = configDir(serviceDeskFixture(), deploymentFile({ stage: 'prod' }));
    writeFileSync(
      join(dir, 'cdk.staging.json'),
      JSON.stringify(
        deploymentFile({
          stage: 'staging',
          receiptRuleSet: { mode: 'existing-active-set', name: 'exodata-intake-test' },
        }),
      ),
    );
    writeFileSync(join(dir, 'cdk.other.example.json'), JSON.stringify(deploymentFile({ stage: 'other' })));
    const app = new App({ context: { [CONFIG_FILE_CONTEXT_KEY]: join(dir, 'cdk.json') } });
    expect(loadDeploymentConfig(app.node, REPO_ROOT).stage).toBe('prod');
  });
});
