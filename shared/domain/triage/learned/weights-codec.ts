/**
 * Issue 11, the learned second reader's weights file (learned-weights.ts) and how it is read. Per
 * fact, the non-zero weights quantised to multiples of `step` (a signed byte each), as a base64
 * string of (gap since the previous index as a varint, signed byte) pairs.
 */
import { FEATURE_COUNT } from './hashed-features';

export type LearnedFact = 'blocked' | 'workaround' | 'severalUsers';
export const LEARNED_FACTS: readonly LearnedFact[] = ['blocked', 'workaround', 'severalUsers'];

export type EncodedWeights = { featureBits: number; step: number } & Record<LearnedFact, string>;

export function decodeFact(base64: string): Int8Array {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const weights = new Int8Array(FEATURE_COUNT);
  let index = 0;
  let at = 0;
  while (at < bytes.length) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    index += gap;
    weights[index] = (bytes[at++]! << 24) >> 24;
  }
  return weights;
}

/** The inverse of decodeFact, for the training (test/support/learned-training.ts). */
export function encodeFact(quantised: Int8Array): string {
  let binary = '';
  let last = 0;
  quantised.forEach((q, index) => {
    if (q === 0) return;
    let gap = index - last;
    last = index;
    while (gap >= 0x80) {
      binary += String.fromCharCode((gap & 0x7f) | 0x80);
      gap = Math.floor(gap / 0x80);
    }
    binary += String.fromCharCode(gap, q & 0xff);
  });
  return btoa(binary);
}
