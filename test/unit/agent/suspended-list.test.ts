import { describe, expect, it } from 'vitest';
import serviceDesk from '../../../config/service-desk.json';
import { decodeSuspendedCursor, encodeSuspendedCursor } from '../../../shared/adapters/http/suspended-query';
import {
  ServiceDeskConfigSchema,
  suspendedExpiryDays,
} from '../../../shared/domain/desk/service-desk-config';
import {
  isSuspensionExpired,
  suspendedClassOf,
  suspensionExpiry,
} from '../../../shared/domain/mail/suspension';

describe('Suspended list: classes and expiry (issue 13 §5)', () => {
  it('derives one class from what the intake stored, held and spam first', () => {
    expect(suspendedClassOf({ reason: 'automated (bulk): x', automatedClass: 'bulk' })).toBe('bulk');
    expect(suspendedClassOf({ reason: 'automated (auto-reply): x', automatedClass: 'auto-reply' })).toBe(
      'auto-reply',
    );
    expect(suspendedClassOf({ reason: 'automated (bounce): x', automatedClass: 'bounce' })).toBe('bounce');
    expect(suspendedClassOf({ reason: 'spam: SES spam verdict FAIL', automatedClass: 'bulk' })).toBe('spam');
    expect(
      suspendedClassOf({ reason: 'machine alert (x) from an unknown sender', automatedClass: null }),
    ).toBe('machine-alert');
    expect(
      suspendedClassOf({
        reason: 'unverified sender',
        automatedClass: 'auto-reply',
        heldFor: 'EXO-2026-000001',
      }),
    ).toBe('unverified-sender');
    expect(suspendedClassOf({ reason: 'whatever', automatedClass: 'loop' })).toBe('other');
  });

  it('expires 30 days after receipt by default, from the configuration otherwise, validated', () => {
    expect(suspendedExpiryDays({})).toBe(30);
    expect(suspendedExpiryDays({ suspendedExpiryDays: 7 })).toBe(7);
    const expiry = suspensionExpiry('2026-11-01T10:00:00.000Z', 30);
    expect(expiry).toBe('2026-12-01T10:00:00.000Z');
    expect(isSuspensionExpired({ expiry }, new Date('2026-12-01T09:59:59.999Z'))).toBe(false);
    expect(isSuspensionExpired({ expiry }, new Date('2026-12-01T10:00:00.000Z'))).toBe(true);
    expect(isSuspensionExpired({}, new Date('2099-01-01T00:00:00Z'))).toBe(false);
    for (const bad of [0, -1, 1.5, 366, '30'])
      expect(
        ServiceDeskConfigSchema.safeParse({ ...serviceDesk, suspendedExpiryDays: bad }).success,
        String(bad),
      ).toBe(false);
    expect(
      ServiceDeskConfigSchema.parse({ ...serviceDesk, suspendedExpiryDays: 14 }).suspendedExpiryDays,
    ).toBe(14);
  });
});

describe('Suspended list cursor', () => {
  const list = { desk: 'reunion', suspendedClass: 'bulk' as const };
  const position = '2026-11-30T05:05:00.000Z#ses-abc';

  it('gives back the position of the list it was written for', () => {
    const cursor = encodeSuspendedCursor(position, list);
    expect(decodeSuspendedCursor(cursor, { desk: 'reunion', suspendedClass: 'bulk' })).toEqual({
      position,
      list,
    });
    // Without a desk in the request, the cursor's desk is the list's.
    expect(decodeSuspendedCursor(cursor, { desk: null, suspendedClass: 'bulk' }).list.desk).toBe('reunion');
  });

  it('refuses a cursor of another class or desk, a forged one and the previous format', () => {
    const cursor = encodeSuspendedCursor(position, list);
    const json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const [text, asked] of [
      [cursor, { desk: 'reunion', suspendedClass: null }],
      [cursor, { desk: 'reunion', suspendedClass: 'spam' }],
      [cursor, { desk: 'martinique', suspendedClass: 'bulk' }],
      [
        encodeSuspendedCursor(position, { desk: 'reunion', suspendedClass: null }),
        { desk: 'reunion', suspendedClass: 'bulk' },
      ],
      [`${cursor}=`, { desk: 'reunion', suspendedClass: 'bulk' }],
      [json({ v: 1, at: position }), { desk: 'reunion', suspendedClass: null }],
      [
        json({ v: 2, at: 'TICKET#EXO-2026-000001', desk: 'reunion', class: null }),
        { desk: 'reunion', suspendedClass: null },
      ],
      [json({ v: 2, at: position, desk: 'REUNION#X', class: null }), { desk: null, suspendedClass: null }],
      [
        json({ v: 2, at: position, desk: 'reunion', class: 'phishing' }),
        { desk: 'reunion', suspendedClass: null },
      ],
    ] as const) {
      expect(() => decodeSuspendedCursor(text, asked), text).toThrow(/cursor/);
    }
  });
});
