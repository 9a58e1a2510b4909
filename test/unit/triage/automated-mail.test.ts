import { describe, expect, it } from 'vitest';
import { classifyAutomated, LOOP_HEADER } from '../../../shared/domain/triage/automated-mail';
import { email, OUR_ADDRESSES, receipt, withHeaders } from './fixtures';

const person = receipt();
const noEnvelope = receipt({ envelopeFrom: null });

describe('Function: classifyAutomated', () => {
  it('returns null for a message from a person', () => {
    expect(classifyAutomated(email(), person, OUR_ADDRESSES)).toEqual({
      class: null,
      reasons: [],
      machineAlert: false,
    });
  });

  describe('auto-reply', () => {
    it.each([
      [{ 'Auto-Submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
      [{ 'Auto-Submitted': 'auto-replied; owner-email="a@b.c"' }, 'Auto-Submitted: auto-replied'],
      [{ Precedence: 'auto_reply' }, 'Precedence: auto_reply'],
      [{ 'X-Precedence': 'auto_reply' }, 'X-Precedence: auto_reply'],
      [{ 'X-Autoreply': 'yes' }, 'X-Autoreply: yes'],
      [{ 'X-Autorespond': 'yes' }, 'X-Autorespond: yes'],
      [{ 'X-Autoresponse': 'yes' }, 'X-Autoresponse: yes'],
      [{ 'X-AutoReply-From': 'a@b.c' }, 'X-AutoReply-From: a@b.c'],
      [{ 'X-Mail-Autoreply': 'yes' }, 'X-Mail-Autoreply: yes'],
      [{ 'X-Auto-Response-Suppress': 'All' }, 'X-Auto-Response-Suppress: All'],
      [{ 'X-Auto-Response-Suppress': 'DR, OOF, AutoReply' }, 'X-Auto-Response-Suppress: DR, OOF, AutoReply'],
      [{ 'X-Auto-Response-Suppress': 'OOF' }, 'X-Auto-Response-Suppress: OOF'],
      [{ 'X-Auto-Response-Suppress': 'RN,AutoReply' }, 'X-Auto-Response-Suppress: RN,AutoReply'],
    ])('recognises %o', (headers, reason) => {
      const verdict = classifyAutomated(withHeaders(headers), person, OUR_ADDRESSES);
      expect(verdict.class).toBe('auto-reply');
      expect(verdict.reasons).toContain(reason);
    });

    it('ignores X-Auto-Response-Suppress without All, OOF or AutoReply (read-receipt suppression only)', () => {
      expect(
        classifyAutomated(withHeaders({ 'X-Auto-Response-Suppress': 'DR, RN, NRN' }), person, OUR_ADDRESSES)
          .class,
      ).toBe(null);
    });

    it.each(['normal', 'first-class'])(
      'takes Precedence: %s for a person writing (neither auto-reply nor bulk)',
      (value) => {
        expect(classifyAutomated(withHeaders({ Precedence: value }), person, OUR_ADDRESSES).class).toBe(null);
      },
    );

    it('ignores Auto-Submitted: no', () => {
      expect(classifyAutomated(withHeaders({ 'Auto-Submitted': 'no' }), person, OUR_ADDRESSES).class).toBe(
        null,
      );
    });

    it('never classifies on an out-of-office subject alone', () => {
      const verdict = classifyAutomated(
        email({ subject: 'Réponse automatique : Commande' }),
        person,
        OUR_ADDRESSES,
      );
      expect(verdict.class).toBe(null);
    });

    it('makes an out-of-office subject with a header an auto-reply, even from a list', () => {
      const verdict = classifyAutomated(
        withHeaders({ Precedence: 'bulk' }, { subject: 'Out of Office: quarterly report' }),
        person,
        OUR_ADDRESSES,
      );
      expect(verdict.class).toBe('auto-reply');
      expect(verdict.reasons).toEqual(['Precedence: bulk', 'subject "Out of Office: quarterly report"']);
    });

    it('treats an auto-reply sent from the null sender as an auto-reply, not a bounce (RFC 3834)', () => {
      const verdict = classifyAutomated(
        withHeaders({ 'Auto-Submitted': 'auto-replied' }, { subject: 'Absent du bureau' }),
        receipt({ envelopeFrom: '' }),
        OUR_ADDRESSES,
      );
      expect(verdict.class).toBe('auto-reply');
      expect(verdict.reasons).toContain('envelope sender <>');
    });

    it('treats a read receipt (multipart/report; disposition-notification) as an auto-reply', () => {
      const mdn = withHeaders({
        'Content-Type': 'multipart/report; report-type=disposition-notification; boundary="b"',
      });
      expect(classifyAutomated(mdn, person, OUR_ADDRESSES).class).toBe('auto-reply');
    });
  });

  describe('bounce', () => {
    it('recognises the null envelope sender', () => {
      expect(classifyAutomated(email(), receipt({ envelopeFrom: '' }), OUR_ADDRESSES)).toMatchObject({
        class: 'bounce',
        reasons: ['envelope sender <>'],
      });
    });

    it('reads Return-Path: <> when there is no envelope (CLI)', () => {
      const verdict = classifyAutomated(withHeaders({ 'Return-Path': '<>' }), noEnvelope, OUR_ADDRESSES);
      expect(verdict).toMatchObject({ class: 'bounce', reasons: ['Return-Path: <>'] });
    });

    it('trusts a known envelope sender over a Return-Path header', () => {
      expect(classifyAutomated(withHeaders({ 'Return-Path': '<>' }), person, OUR_ADDRESSES).class).toBe(null);
    });

    it.each([
      'MAILER-DAEMON@mail.client.example',
      'postmaster@client.example',
      'mailer_daemon@client.example',
      'mailerdaemon@client.example',
    ])('recognises the sender %s', (address) => {
      const verdict = classifyAutomated(
        email({ from: { address: address.toLowerCase(), name: '' } }),
        person,
        OUR_ADDRESSES,
      );
      expect(verdict.class).toBe('bounce');
    });

    it('recognises a delivery-status report and X-Failed-Recipients', () => {
      const report = withHeaders({
        'Content-Type': 'multipart/report; boundary="x"; report-type="delivery-status"',
      });
      expect(classifyAutomated(report, person, OUR_ADDRESSES)).toMatchObject({
        class: 'bounce',
        reasons: ['multipart/report; report-type=delivery-status'],
      });
      expect(
        classifyAutomated(withHeaders({ 'X-Failed-Recipients': 'a@b.c' }), person, OUR_ADDRESSES).class,
      ).toBe('bounce');
    });

    it('recognises a message/delivery-status part in a report that lost its report-type', () => {
      const report = email({
        attachments: [
          {
            filename: 'details.txt',
            contentType: 'Message/Delivery-Status',
            size: 300,
            sha256: '0'.repeat(64),
            contentId: null,
            inline: false,
          },
        ],
      });
      expect(classifyAutomated(report, person, OUR_ADDRESSES)).toMatchObject({
        class: 'bounce',
        reasons: ['message/delivery-status part'],
      });
    });

    it('lets a delivery report win over an auto-reply header', () => {
      const both = withHeaders({ 'Auto-Submitted': 'auto-replied', 'X-Failed-Recipients': 'a@b.c' });
      expect(classifyAutomated(both, person, OUR_ADDRESSES).class).toBe('bounce');
    });
  });

  describe('bulk', () => {
    it.each([
      [{ Precedence: 'bulk' }, 'Precedence: bulk'],
      [{ Precedence: 'list' }, 'Precedence: list'],
      [{ 'X-Precedence': 'junk' }, 'X-Precedence: junk'],
      [{ 'List-Id': '<news.club.example>' }, 'List-Id'],
      [{ 'List-Unsubscribe': '<mailto:u@club.example>' }, 'List-Unsubscribe'],
    ])('recognises %o', (headers, reason) => {
      expect(classifyAutomated(withHeaders(headers), person, OUR_ADDRESSES)).toMatchObject({
        class: 'bulk',
        reasons: [reason],
        machineAlert: false,
      });
    });
  });

  describe('loop', () => {
    it('recognises our own desk address as sender', () => {
      const verdict = classifyAutomated(
        email({ from: { address: 'martinique@exodata.fr', name: 'Exodata' } }),
        person,
        OUR_ADDRESSES,
      );
      expect(verdict).toMatchObject({
        class: 'loop',
        reasons: ['sender is our desk address martinique@exodata.fr'],
      });
    });

    it('recognises our loop header, and lets the loop win over every other class', () => {
      const verdict = classifyAutomated(
        withHeaders({ [LOOP_HEADER]: 'EXO-2026-000123', 'Auto-Submitted': 'auto-replied', 'List-Id': '<x>' }),
        receipt({ envelopeFrom: '' }),
        OUR_ADDRESSES,
      );
      expect(verdict.class).toBe('loop');
      expect(verdict.reasons[0]).toBe('X-Exodata-Loop: EXO-2026-000123');
    });
  });

  describe('machine alert', () => {
    it('is a machine alert when Auto-Submitted: auto-generated is the only signal', () => {
      expect(
        classifyAutomated(withHeaders({ 'Auto-Submitted': 'auto-generated' }), person, OUR_ADDRESSES),
      ).toEqual({
        class: 'bulk',
        reasons: ['Auto-Submitted: auto-generated'],
        machineAlert: true,
      });
    });

    it('is not a machine alert when another signal comes with it', () => {
      const verdict = classifyAutomated(
        withHeaders({ 'Auto-Submitted': 'auto-generated', Precedence: 'bulk' }),
        person,
        OUR_ADDRESSES,
      );
      expect(verdict).toMatchObject({ class: 'bulk', machineAlert: false });
    });
  });
});
