import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noSoonerThan, SIGN_IN_ANSWER_MS } from '../../../shared/wiring/client';

/** The client portal's sign-in request must not tell by its time whether the address has tickets. */
describe('noSoonerThan (the sign-in answer time floor)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function settledAfter<T>(task: Promise<T>, ms: number): Promise<{ done: boolean; value?: T }> {
    const state: { done: boolean; value?: T } = { done: false };
    void noSoonerThan(SIGN_IN_ANSWER_MS, task).then((value) => {
      state.done = true;
      state.value = value;
    });
    await vi.advanceTimersByTimeAsync(ms);
    return state;
  }

  it('holds a fast answer (an unknown address: nothing to do) until the floor', async () => {
    expect((await settledAfter(Promise.resolve('none'), SIGN_IN_ANSWER_MS - 1)).done).toBe(false);
    const state = await settledAfter(Promise.resolve('none'), SIGN_IN_ANSWER_MS);
    expect(state).toEqual({ done: true, value: 'none' });
  });

  it('gives a slower answer (a mail sent) when it comes, not later', async () => {
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve('sent'), SIGN_IN_ANSWER_MS + 50));
    const state = await settledAfter(slow, SIGN_IN_ANSWER_MS + 49);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state).toEqual({ done: true, value: 'sent' });
  });

  it('gives a refusal at once: a rate limit says nothing about the address', async () => {
    const refused = noSoonerThan(SIGN_IN_ANSWER_MS, Promise.reject(new Error('rate limited')));
    await expect(refused).rejects.toThrow('rate limited');
  });

  it('is long enough to cover a token write and an SES send', () => {
    expect(SIGN_IN_ANSWER_MS).toBeGreaterThanOrEqual(300);
  });
});
