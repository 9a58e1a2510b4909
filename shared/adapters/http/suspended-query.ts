import * as z from 'zod';
import { DeskIdSchema } from '../../domain/desk/service-desk-config';
import { InputError } from '../../domain/errors';
import { type SuspendedClass, SuspendedClassSchema } from '../../domain/mail/suspension';

/**
 * GET /api/suspended query: desk, class filter, page size and the opaque cursor of the previous page.
 * The cursor carries a position in the desk's newest-first list (receivedAt#id) and the list it was
 * taken from (desk and class): it is decoded and checked here so that a tampered one, or one of
 * another list, is a 400, and the store only ever uses it as a bound of the sort key inside the
 * list's own partition.
 */
export const SuspendedQuerySchema = z.object({
  desk: z.string().trim().min(1).max(100).optional(),
  class: SuspendedClassSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(800).optional(),
});

/** Which list a cursor belongs to: a desk's whole list (class null) or one class of it. */
export type SuspendedList = { desk: string; suspendedClass: SuspendedClass | null };

const POSITION =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})#[A-Za-z0-9._:@+=-]{1,300}$/;
const CursorSchema = z
  .object({
    v: z.literal(2),
    at: z.string().regex(POSITION),
    desk: DeskIdSchema.max(100),
    class: SuspendedClassSchema.nullable(),
  })
  .strict();

export function encodeSuspendedCursor(position: string, list: SuspendedList): string {
  const payload = { v: 2, at: position, desk: list.desk, class: list.suspendedClass };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * The position and list of a cursor this API wrote. `asked` is the list the request names: a cursor
 * of another desk or another class (or of no class while one is asked) is refused, never reinterpreted.
 */
export function decodeSuspendedCursor(
  cursor: string,
  asked: { desk: string | null; suspendedClass: SuspendedClass | null },
): { position: string; list: SuspendedList } {
  let decoded: z.infer<typeof CursorSchema>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    decoded = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    const list = { desk: decoded.desk, suspendedClass: decoded.class };
    // Base64 decoding forgives stray characters: only the exact text this API writes is taken back.
    if (encodeSuspendedCursor(decoded.at, list) !== cursor) throw new Error('not canonical');
  } catch {
    throw new InputError('the suspended-list cursor is not one this API gave', {
      hint: 'start again without "cursor"',
    });
  }
  if (decoded.class !== asked.suspendedClass || (asked.desk !== null && decoded.desk !== asked.desk)) {
    throw new InputError('the cursor belongs to another list (desk or class filter) than the one asked', {
      hint: 'start again without "cursor" when you change the desk or the class',
    });
  }
  return { position: decoded.at, list: { desk: decoded.desk, suspendedClass: decoded.class } };
}
