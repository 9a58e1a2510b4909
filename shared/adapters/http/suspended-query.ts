import * as z from 'zod';
import { InputError } from '../../domain/errors';

/**
 * GET /api/suspended query: desk, page size and the opaque cursor of the previous page. The cursor
 * carries a position in the desk's newest-first list (receivedAt#id); it is decoded and checked
 * here so that a tampered one is a 400, and the store only ever uses it as a bound of the sort key
 * inside the desk's own partition.
 */
export const SuspendedQuerySchema = z.object({
  desk: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(800).optional(),
});

const POSITION =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})#[A-Za-z0-9._:@+=-]{1,300}$/;
const CursorSchema = z.object({ v: z.literal(1), at: z.string().regex(POSITION) }).strict();

export function encodeSuspendedCursor(position: string): string {
  return Buffer.from(JSON.stringify({ v: 1, at: position }), 'utf8').toString('base64url');
}

export function decodeSuspendedCursor(cursor: string): string {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    const { at } = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    // Base64 decoding forgives stray characters: only the exact text this API writes is taken back.
    if (encodeSuspendedCursor(at) !== cursor) throw new Error('not canonical');
    return at;
  } catch {
    throw new InputError('the suspended-list cursor is not one this API gave', {
      hint: 'start again without "cursor"',
    });
  }
}
