import { describe, expect, it } from 'vitest';
import { startOptions } from '../../../functions/local/start-options';
import { ConfigError, InputError } from '../../../shared/domain/errors';

describe('Function: startOptions', () => {
  it('gives the documented defaults when neither flags nor variables are set', () => {
    const parsed = startOptions([], {});

    expect(parsed).toEqual({
      help: false,
      warnings: [],
      options: {
        host: '127.0.0.1',
        dataDir: '.data',
        ports: { smtp: 2525, api: 3000, ses: 8005, client: 3001 },
        maxMessageBytes: 40 * 1024 * 1024,
        clientsPath: 'config/clients.example.json',
        tableName: 'exodata-intake-local',
        bucket: 'exodata-raw-mail-local',
        slaIntervalMs: 60_000,
      },
    });
  });

  it('takes a variable over the default and a flag over the variable', () => {
    const parsed = startOptions(['--smtp-port', '2626', '--clients', 'none', '--sla-interval', '0'], {
      EXO_SMTP_PORT: '2727',
      EXO_SES_PORT: '9005',
      EXO_DYNAMODB_PORT: '8000',
      EXO_DATA_DIR: '/tmp/exo',
      EXO_API_PORT: '',
      EXO_CLIENT_PORT: '3101',
    });

    expect(parsed.help).toBe(false);
    if (parsed.help) return;
    expect(parsed.options.ports).toEqual({ smtp: 2626, api: 3000, ses: 9005, client: 3101, dynamodb: 8000 });
    expect(parsed.options.dataDir).toBe('/tmp/exo');
    expect(parsed.options.clientsPath).toBeNull();
    expect(parsed.options.slaIntervalMs).toBeNull();
  });

  it('refuses a bad flag value, naming the flag and what it takes', () => {
    expect(() => startOptions(['--smtp-port', 'smtp'], {})).toThrow(InputError);
    expect(() => startOptions(['--smtp-port', '70000'], {})).toThrow(
      /--smtp-port got "70000"; expected PORT/,
    );
    expect(() => startOptions(['--nope'], {})).toThrow(/unknown flag --nope/);
  });

  it('refuses a bad variable, naming the variable', () => {
    expect(() => startOptions([], { EXO_MAX_MESSAGE_BYTES: '99999999999' })).toThrow(ConfigError);
    expect(() => startOptions([], { EXO_API_PORT: 'x' })).toThrow(/EXO_API_PORT/);
  });

  it('answers help when asked', () => {
    expect(startOptions(['--help'], {})).toEqual({ help: true });
  });

  it('refuses a non-loopback --host or EXO_HOST without --allow-remote, naming the flag', () => {
    expect(() => startOptions(['--host', '0.0.0.0'], {})).toThrow(InputError);
    expect(() => startOptions(['--host', '0.0.0.0'], {})).toThrow(/not a loopback address/);
    expect(() => startOptions([], { EXO_HOST: '192.168.1.10' })).toThrow(/--allow-remote|loopback/);
  });

  it('binds a non-loopback address with --allow-remote, and warns', () => {
    const parsed = startOptions(['--host', '0.0.0.0', '--allow-remote'], {});
    expect(parsed.help).toBe(false);
    if (parsed.help) return;
    expect(parsed.options.host).toBe('0.0.0.0');
    expect(parsed.warnings).toEqual([
      expect.stringMatching(/^WARNING: listening on 0\.0\.0\.0: other machines/),
    ]);
  });

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])(
    'binds loopback %s without the flag or a warning',
    (host) => {
      const parsed = startOptions(['--host', host], {});
      expect(parsed.help).toBe(false);
      if (parsed.help) return;
      expect(parsed.options.host).toBe(host);
      expect(parsed.warnings).toEqual([]);
    },
  );
});
