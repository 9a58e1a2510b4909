import { describe, expect, it } from 'vitest';
import { envelopeOf } from '../../../shared/adapters/local/eml-envelope';
import { assertJava, javaMajorVersion } from '../../../shared/adapters/local/services/dynamodb-local';
import { smtpReceipt } from '../../../shared/adapters/local/smtp-receipt';
import { ConfigError } from '../../../shared/domain/errors';
import { email, withHeaders } from '../triage/fixtures';

describe('Function: javaMajorVersion', () => {
  it('reads the major version of modern and legacy `java -version` output', () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(javaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(javaMajorVersion('java version "1.8.0_392"')).toBe(8);
    expect(javaMajorVersion('no java here')).toBeNull();
  });
});

describe('Function: assertJava', () => {
  it('says in one line how to install Java when there is none', () => {
    let error: unknown;
    try {
      assertJava('/nonexistent/java');
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).toUserMessage()).toBe(
      'Java is not installed: DynamoDB Local needs Java 17+ ' +
        '(install it: `apt-get install openjdk-17-jre-headless` on Debian/Ubuntu, `brew install openjdk@17` on macOS)',
    );
  });
});

describe('Function: smtpReceipt', () => {
  it('starts the clock at the arrival, takes recipients and sender from the envelope and checks nothing', () => {
    const receipt = smtpReceipt(
      {
        mailFrom: '',
        recipients: ['reunion@exodata.fr', 'martinique@exodata.fr'],
        receivedAt: new Date('2026-11-27T19:50:00Z'),
        remoteAddress: '127.0.0.1',
        sessionId: 's',
      },
      'delivery-1',
    );

    expect(receipt).toEqual({
      receivedAt: '2026-11-27T19:50:00.000Z',
      recipients: ['reunion@exodata.fr', 'martinique@exodata.fr'],
      envelopeFrom: '',
      verdicts: {
        spam: 'NOT_CHECKED',
        virus: 'NOT_CHECKED',
        spf: 'NOT_CHECKED',
        dkim: 'NOT_CHECKED',
        dmarc: 'NOT_CHECKED',
      },
      dmarcPolicy: null,
      channel: 'smtp',
      deliveryId: 'delivery-1',
    });
  });
});

describe('Function: envelopeOf', () => {
  it('takes the sender from Return-Path, the null sender included, and the recipients from To and Cc', () => {
    const bounce = withHeaders(
      { 'Return-Path': '<>' },
      { cc: [{ address: 'Martinique@Exodata.fr', name: '' }] },
    );

    expect(envelopeOf(bounce)).toEqual({ from: '', to: ['reunion@exodata.fr', 'martinique@exodata.fr'] });
  });

  it('falls back on From when there is no Return-Path', () => {
    expect(envelopeOf(email()).from).toBe('marie@client.example');
  });
});
