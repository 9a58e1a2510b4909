import { createCipheriv } from 'node:crypto';

/**
 * A small seeded generator (mulberry32): the corpus must be the same bytes on every machine and
 * every run, which Math.random cannot promise. Not for anything secret.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Log-uniform in [min, max]: as many messages between 2 and 20 KB as between 200 KB and 2 MB. */
  logUniform(min: number, max: number): number {
    return Math.round(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
  }

  /** Incompressible bytes, like the PDFs and photos clients attach (an AES-CTR keystream seeded from here). */
  bytes(length: number): Buffer {
    const keyAndIv = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) keyAndIv[i] = this.int(0, 255);
    const cipher = createCipheriv('aes-128-ctr', keyAndIv.subarray(0, 16), keyAndIv.subarray(16));
    return cipher.update(Buffer.alloc(length));
  }
}
