import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  ConflictError,
  ExodataError,
  InputError,
  IntakeError,
  NotFoundError,
  RejectedError,
  ReplyNotSentError,
  TransientError,
} from '../../../shared/domain/errors';

describe('Typed domain errors', () => {
  it('each kind carries its stable code (logs and metrics count by it) and its class name', () => {
    const errors = [
      new ConfigError('c'),
      new InputError('i'),
      new NotFoundError('n'),
      new ConflictError('x'),
      new ReplyNotSentError('r'),
      new TransientError('t'),
      new RejectedError('v'),
      new IntakeError('TOO_LARGE', 'big'),
    ];
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['ConfigError', 'CONFIG_INVALID'],
      ['InputError', 'INPUT_INVALID'],
      ['NotFoundError', 'NOT_FOUND'],
      ['ConflictError', 'CONFLICT'],
      ['ReplyNotSentError', 'REPLY_NOT_SENT'],
      ['TransientError', 'TRANSIENT'],
      ['RejectedError', 'REJECTED'],
      ['IntakeError', 'TOO_LARGE'],
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ExodataError);
      expect(error).toBeInstanceOf(Error);
    }
  });

  it('says what was wrong, then what to do when there is a hint', () => {
    expect(new InputError('no ticket EXO-1', { hint: 'give a full reference' }).toUserMessage()).toBe(
      'no ticket EXO-1 (give a full reference)',
    );
    expect(new InputError('no ticket EXO-1').toUserMessage()).toBe('no ticket EXO-1');
    expect(new InputError('no ticket EXO-1', { hint: '' }).toUserMessage()).toBe('no ticket EXO-1');
  });

  it('keeps the underlying cause, and has none when none was given', () => {
    const cause = new Error('socket hang up');
    expect(new TransientError('DynamoDB timed out', { cause }).cause).toBe(cause);
    expect(new TransientError('DynamoDB timed out', { cause: 0 }).cause).toBe(0);
    expect('cause' in new TransientError('DynamoDB timed out')).toBe(false);
    expect('cause' in new TransientError('DynamoDB timed out', { hint: 'retry' })).toBe(false);
  });
});
