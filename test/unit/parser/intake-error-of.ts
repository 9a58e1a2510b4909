import { expect } from 'vitest';
import { IntakeError } from '../../../shared/domain/errors';

/** The IntakeError a parse rejects with (fails the test when it resolves or rejects with anything else). */
export async function intakeErrorOf(promise: Promise<unknown>): Promise<IntakeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntakeError);
  return error as IntakeError;
}
