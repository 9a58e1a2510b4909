import * as z from 'zod';
import type { ServiceDeskConfig } from '../../domain/desk/service-desk-config';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_DAYS = 400;

/** A day of the calendar (`2026-11-31` is not one) or an ISO instant with its offset. */
const dateField = (name: 'from' | 'to') =>
  z
    .string({ error: `« ${name} » : une date AAAA-MM-JJ` })
    .trim()
    .refine(
      (value) =>
        DAY.test(value) ? isCalendarDay(value) : z.iso.datetime({ offset: true }).safeParse(value).success,
      {
        error: `« ${name} » : une date AAAA-MM-JJ (ou un instant ISO avec son décalage), par exemple 2026-11-01`,
      },
    )
    .optional();

/**
 * The query of `GET /api/reports` and its CSV exports, checked at the edge with French messages (the
 * portal shows them as they are): the same request then goes to the report use case, which checks it
 * again. `all` (or nothing) for every desk or client; the desks are the configuration's.
 */
export function reportQuerySchema(config: Pick<ServiceDeskConfig, 'desks'>) {
  const desks = config.desks.map((d) => d.id);
  return z
    .strictObject(
      {
        from: dateField('from'),
        to: dateField('to'),
        desk: z
          .string()
          .trim()
          .refine((value) => value === 'all' || value === '' || desks.includes(value), {
            error: `« desk » : un centre parmi ${desks.join(', ')}, ou « all » pour tous`,
          })
          .optional()
          .transform((value) => (value === 'all' || value === '' ? undefined : value)),
        client: z
          .string()
          .trim()
          .max(128, { error: '« client » : 128 caractères au plus' })
          .regex(/^[\w.-]*$/, {
            error: '« client » : un identifiant du répertoire (lettres, chiffres, . _ -)',
          })
          .optional()
          .transform((value) => (value === 'all' || value === '' ? undefined : value)),
      },
      { error: 'paramètre inconnu : seuls from, to, desk et client sont acceptés' },
    )
    .superRefine((query, ctx) => {
      if (!query.from || !query.to) {
        if (Boolean(query.from) !== Boolean(query.to))
          ctx.addIssue({
            code: 'custom',
            path: ['to'],
            message: 'donnez « from » et « to » ensemble (ou aucun : le mois en cours)',
          });
        return;
      }
      // Days compare as days; an instant by its time. The use case reads days in the desk's zone.
      const start = Date.parse(DAY.test(query.from) ? `${query.from}T00:00:00Z` : query.from);
      const end =
        Date.parse(DAY.test(query.to) ? `${query.to}T00:00:00Z` : query.to) +
        (DAY.test(query.to) ? 86_400_000 : 0);
      if (end <= start)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `la période finit (${query.to}) avant de commencer (${query.from})`,
        });
      else if (end - start > (MAX_DAYS + 1) * 86_400_000)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `la période dépasse ${MAX_DAYS} jours : demandez un an au plus à la fois`,
        });
    });
}

function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
