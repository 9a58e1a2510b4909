import { describe, expect, it } from 'vitest';
import { QueueQuerySchema } from '../../../shared/domain/ticket/queue-query';

/** A query string as Hono hands it over: every value a string. */
const parse = (query: Record<string, string>) => QueueQuerySchema.safeParse(query);

describe('Schema: QueueQuerySchema (GET /api/tickets)', () => {
  it('with no filter: every assignee, sorted by the next deadline, 50 a page, the desk on duty', () => {
    expect(parse({}).data).toEqual({ assignee: 'any', sort: 'deadline', limit: 50 });
  });

  it('reads a status list split on commas, blanks around and between items left out', () => {
    expect(parse({ status: ' nouveau , en cours,,' }).data?.status).toEqual(['nouveau', 'en cours']);
    expect(parse({ priority: 'haute,critique' }).data?.priority).toEqual(['haute', 'critique']);
  });

  it('refuses an empty list, an unknown item, and more than ten items', () => {
    expect(parse({ status: ' , ' }).success).toBe(false);
    expect(parse({ status: 'nouveau,perdu' }).success).toBe(false);
    expect(parse({ priority: 'urgente' }).success).toBe(false);
    const ten = Array.from({ length: 10 }, () => 'haute').join(',');
    expect(parse({ priority: ten }).data?.priority).toHaveLength(10);
    expect(parse({ priority: `${ten},haute` }).success).toBe(false);
  });

  it('takes a desk id or "all", and refuses an empty or malformed desk', () => {
    expect(parse({ desk: 'all' }).data?.desk).toBe('all');
    expect(parse({ desk: 'martinique' }).data?.desk).toBe('martinique');
    expect(parse({ desk: '' }).success).toBe(false);
    expect(parse({ desk: 'Réunion' }).success).toBe(false);
  });

  it('reads the page size from the query string, 1 to 200', () => {
    expect(parse({ limit: '1' }).data?.limit).toBe(1);
    expect(parse({ limit: '200' }).data?.limit).toBe(200);
    expect(parse({ limit: '0' }).success).toBe(false);
    expect(parse({ limit: '201' }).success).toBe(false);
    expect(parse({ limit: '2.5' }).success).toBe(false);
  });

  it('takes a cursor up to 1000 characters (an attacker cannot hand over a megabyte)', () => {
    expect(parse({ cursor: 'c' }).data?.cursor).toBe('c');
    expect(parse({ cursor: 'c'.repeat(1000) }).success).toBe(true);
    expect(parse({ cursor: 'c'.repeat(1001) }).success).toBe(false);
  });

  it('refuses an assignee or sort it does not know', () => {
    expect(parse({ assignee: 'none', sort: 'gti' }).data).toMatchObject({ assignee: 'none', sort: 'gti' });
    expect(parse({ assignee: 'bob' }).success).toBe(false);
    expect(parse({ sort: 'gtr' }).success).toBe(false);
  });
});
