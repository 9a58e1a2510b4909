import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBounceRecorderEnv, loadIntakeEnv } from '../../../shared/config';
import { ConfigError } from '../../../shared/domain/errors';

const config = readFileSync(new URL('../../../config/service-desk.json', import.meta.url), 'utf8');
const valid = {
  AWS_REGION: 'eu-west-3',
  TABLE_NAME: 'exodata-intake',
  RAW_MAIL_BUCKET: 'exodata-raw-mail',
  SERVICE_DESK_CONFIG: config,
};

describe('Function: loadIntakeEnv', () => {
  it('parses the Lambda environment and fills the documented defaults', () => {
    const env = loadIntakeEnv(valid);
    expect(env).toMatchObject({
      RAW_MAIL_PREFIX: 'inbound/',
      ATTACHMENTS_PREFIX: 'attachments/',
      MAX_ATTACHMENT_BYTES: 25 * 1024 * 1024,
      POWERTOOLS_METRICS_NAMESPACE: 'Exodata/Intake',
      LOG_LEVEL: 'INFO',
    });
    expect(env.SES_CONFIGURATION_SET).toBeUndefined();
    expect(env.SERVICE_DESK_CONFIG.desks.map((d) => d.id)).toEqual([
      'reunion',
      'martinique',
      'guadeloupe',
      'nouvelle-caledonie',
    ]);
  });

  it('throws one ConfigError naming every bad variable when the environment is wrong', () => {
    const bad = { ...valid, TABLE_NAME: '', RAW_MAIL_PREFIX: 'inbound', MAX_ATTACHMENT_BYTES: '12.5' };
    expect(() => loadIntakeEnv(bad)).toThrow(ConfigError);
    expect(() => loadIntakeEnv(bad)).toThrow(/TABLE_NAME.*RAW_MAIL_PREFIX.*MAX_ATTACHMENT_BYTES/);
  });

  it('says what is wrong inside SERVICE_DESK_CONFIG: bad JSON, or a desk that is invalid', () => {
    expect(() => loadIntakeEnv({ ...valid, SERVICE_DESK_CONFIG: '{"desks": [' })).toThrow(
      /SERVICE_DESK_CONFIG: not valid JSON/,
    );
    const json = JSON.parse(config) as { defaultDeskId: string };
    json.defaultDeskId = 'tahiti';
    expect(() => loadIntakeEnv({ ...valid, SERVICE_DESK_CONFIG: JSON.stringify(json) })).toThrow(
      /defaultDeskId "tahiti" is not one of the desks/,
    );
  });

  it('refuses a size limit above what SES receiving accepts', () => {
    expect(() => loadIntakeEnv({ ...valid, MAX_ATTACHMENT_BYTES: String(41 * 1024 * 1024) })).toThrow(
      /MAX_ATTACHMENT_BYTES/,
    );
  });
});

describe('Function: loadBounceRecorderEnv', () => {
  it('needs only the region and the table', () => {
    expect(loadBounceRecorderEnv({ AWS_REGION: 'eu-west-3', TABLE_NAME: 't' }).TABLE_NAME).toBe('t');
    expect(() => loadBounceRecorderEnv({ AWS_REGION: 'eu-west-3' })).toThrow(/TABLE_NAME/);
  });
});
