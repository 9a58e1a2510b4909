import { describe, expect, it } from 'vitest';
import { headersComplete, headerValue } from '../../../shared/domain/mail/inbound-email';

describe('Function: headerValue', () => {
  it('gives the first value of a header, whatever the case of the name asked for', () => {
    const email = { headers: { 'return-path': ['<bounce@client.example>', '<second@x.example>'] } };
    expect(headerValue(email, 'Return-Path')).toBe('<bounce@client.example>');
    expect(headerValue(email, 'return-path')).toBe('<bounce@client.example>');
    expect(headerValue(email, 'Reply-To')).toBeUndefined();
    expect(headerValue({ headers: { 'x-empty': [] } }, 'X-Empty')).toBeUndefined();
  });
});

describe('Function: headersComplete', () => {
  it('is false only when the parser said it dropped header fields', () => {
    expect(headersComplete({ warnings: [] })).toBe(true);
    expect(headersComplete({ warnings: ['bad charset "x-unknown" read as UTF-8'] })).toBe(true);
    expect(
      headersComplete({
        warnings: ['header data over 65536 bytes: "x-pad" and the fields after it were dropped'],
      }),
    ).toBe(false);
  });
});
