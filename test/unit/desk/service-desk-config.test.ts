import { describe, expect, it } from 'vitest';
import rawConfig from '../../../config/service-desk.json';
import { ServiceDeskConfigSchema } from '../../../shared/domain/desk/service-desk-config';

const [first, second] = rawConfig.desks;
if (!first || !second) throw new Error('config/service-desk.json: expected at least two desks');

const problems = (desks: unknown[]) => {
  const parsed = ServiceDeskConfigSchema.safeParse({ ...rawConfig, desks });
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('service-desk configuration', () => {
  it('holds desk addresses lower-cased, so a mail to Support@… finds its desk', () => {
    const config = ServiceDeskConfigSchema.parse({
      ...rawConfig,
      desks: [{ ...first, address: first.address.toUpperCase() }, ...rawConfig.desks.slice(1)],
    });
    expect(config.desks[0]?.address).toBe(first.address.toLowerCase());
  });

  it('refuses two desks with one id, and two desks with one address', () => {
    expect(problems(rawConfig.desks)).toEqual([]);
    expect(problems([first, { ...second, id: first.id }])).toContain(`duplicate desk id "${first.id}"`);
    expect(problems([first, { ...second, address: first.address }])).toContain(
      `duplicate desk address "${first.address}"`,
    );
    expect(problems([first, { ...second, address: first.address.toUpperCase() }])).toContain(
      `duplicate desk address "${first.address.toLowerCase()}"`,
    );
  });
});
