import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { generateCorpus, generateLargeMessage } from '../../../bench/corpus/generate';
import { Prng } from '../../../bench/lib/prng';

const SMALL = { seed: 7, count: 24, minBytes: 2 * 1024, maxBytes: 96 * 1024 };

describe('Function: generateCorpus', () => {
  it('gives the same bytes on every run for the same seed', async () => {
    const [first, second] = await Promise.all([generateCorpus(SMALL), generateCorpus(SMALL)]);

    expect(second.map((m) => m.raw.toString('base64'))).toEqual(first.map((m) => m.raw.toString('base64')));
  });

  it('gives other messages for another seed', async () => {
    const [a, b] = await Promise.all([generateCorpus(SMALL), generateCorpus({ ...SMALL, seed: 8 })]);

    expect(b.map((m) => m.raw.toString('base64'))).not.toEqual(a.map((m) => m.raw.toString('base64')));
  });

  it('keeps every message between the smallest and largest size asked for', async () => {
    const corpus = await generateCorpus(SMALL);
    expect(corpus).toHaveLength(SMALL.count);

    for (const message of corpus) {
      expect(message.raw.length).toBeGreaterThanOrEqual(SMALL.minBytes);
      expect(message.raw.length).toBeLessThanOrEqual(SMALL.maxBytes);
    }
  });

  it('mixes French and English, attachments or not, quoted history or not, when the corpus is large enough', async () => {
    const corpus = await generateCorpus({ ...SMALL, count: 60 });
    const share = (pick: (m: (typeof corpus)[number]) => boolean) =>
      corpus.filter(pick).length / corpus.length;

    for (const value of [
      share((m) => m.lang === 'fr'),
      share((m) => m.attachments > 0),
      share((m) => m.quotedHistory),
      share((m) => m.html),
    ]) {
      expect(value).toBeGreaterThan(0.1);
      expect(value).toBeLessThan(0.9);
    }
  });

  it('writes messages mailparser reads back, with the Message-ID, attachments and In-Reply-To it says', async () => {
    const corpus = await generateCorpus({ ...SMALL, count: 30 });
    expect(corpus).toHaveLength(30);

    for (const message of corpus) {
      const parsed = await simpleParser(message.raw);
      expect(parsed.messageId).toBe(message.messageId);
      expect(parsed.attachments).toHaveLength(message.attachments);
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe(message.deskAddress);
      if (message.replyTo !== null) expect(parsed.inReplyTo).toBe(corpus[message.replyTo]?.messageId);
      else expect(parsed.inReplyTo).toBeUndefined();
    }
  });
});

describe('Function: generateLargeMessage', () => {
  it('writes a message of about the size asked for, most of it attachments', async () => {
    const raw = await generateLargeMessage(1, 2 * 1024 * 1024);
    const parsed = await simpleParser(raw);

    expect(raw.length).toBeGreaterThan(1.9 * 1024 * 1024);
    expect(raw.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(parsed.attachments).toHaveLength(3);
  });
});

describe('Class: Prng', () => {
  it('repeats its sequence for a seed and stays within the asked ranges', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const draws = Array.from({ length: 200 }, () => [a.int(3, 9), a.logUniform(10, 1000)] as const);

    expect(Array.from({ length: 200 }, () => [b.int(3, 9), b.logUniform(10, 1000)] as const)).toEqual(draws);
    for (const [int, logUniform] of draws) {
      expect(int).toBeGreaterThanOrEqual(3);
      expect(int).toBeLessThanOrEqual(9);
      expect(logUniform).toBeGreaterThanOrEqual(10);
      expect(logUniform).toBeLessThanOrEqual(1000);
    }
  });

  it('makes the same incompressible bytes for the same seed', () => {
    const bytes = new Prng(5).bytes(4096);

    expect(new Prng(5).bytes(4096).equals(bytes)).toBe(true);
    expect(new Set(bytes).size).toBeGreaterThan(200);
  });
});
