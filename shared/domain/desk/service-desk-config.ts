import { IANAZone } from 'luxon';
import * as z from 'zod';
import { DEFAULT_SUSPENDED_EXPIRY_DAYS } from '../mail/suspension';
import { HolidayCalendarSchema } from '../sla/holiday-calendar';
import { missingHolidayCalendar } from '../sla/public-holidays';

/** Desks are configuration: their ids are free strings so a fifth desk needs no code change. */
export const DeskIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a desk id is lower-case letters, digits and dashes');
export type DeskId = string;

export const DeskSchema = z.object({
  id: DeskIdSchema,
  /** Inbound address, lower-case. */
  address: z.email().transform((a) => a.toLowerCase()),
  /** Display name used in the acknowledgement's From, e.g. "Service Desk Exodata – La Réunion". */
  displayName: z.string().min(1),
  /** IANA zone, e.g. Indian/Reunion. */
  timeZone: z.string().min(1),
  /** Name of the zone as shown to clients: "heure de La Réunion". */
  zoneLabelFr: z.string().min(1),
  zoneLabelEn: z.string().min(1),
  holidays: HolidayCalendarSchema,
});
export type Desk = z.infer<typeof DeskSchema>;

export const ContactSchema = z.object({
  portalBaseUrl: z.url(),
  emergencyPhone: z.string().min(1),
  officePhone: z.string().min(1),
  officeAddress: z.string().min(1),
});
export type Contact = z.infer<typeof ContactSchema>;

/**
 * The whole service-desk configuration: desks in follow-the-sun order (the first one is the
 * fallback desk when no desk address is found on a message), and the contact facts for clients.
 */
export const ServiceDeskConfigSchema = z
  .object({
    desks: z.array(DeskSchema).min(1),
    defaultDeskId: DeskIdSchema,
    contact: ContactSchema,
    /**
     * conversation.md §2: at most this many acknowledgements per desk and clock hour (default
     * DEFAULT_ACK_CAP_PER_DESK_HOUR); past it they are suppressed and an alarm fires, so that a flood
     * of forged requests cannot earn the SES account complaints that pause every acknowledgement.
     */
    acknowledgementsPerDeskHour: z.number().int().positive().max(100_000).optional(),
    /**
     * Issue 13 §5: days a suspended message (or an unverified sender's held follow-up) stays in the
     * desk's list after its receipt (default DEFAULT_SUSPENDED_EXPIRY_DAYS, domain/mail/suspension.ts);
     * then the table's TTL deletes it and no read shows or counts it. The raw mail stays in S3.
     */
    suspendedExpiryDays: z.number().int().min(1).max(365).optional(),
  })
  .superRefine((cfg, ctx) => {
    const ids = new Set<string>();
    const addresses = new Set<string>();
    for (const [i, desk] of cfg.desks.entries()) {
      // Checked here so that a desk without holidays fails the start-up, not the first email.
      if (!IANAZone.isValidZone(desk.timeZone))
        ctx.addIssue({
          code: 'custom',
          path: ['desks', i, 'timeZone'],
          message: `unknown time zone "${desk.timeZone}" (use an IANA name such as Indian/Reunion)`,
        });
      else {
        const missing = missingHolidayCalendar(desk.holidays, desk.timeZone);
        if (missing) ctx.addIssue({ code: 'custom', path: ['desks', i, 'holidays'], message: missing });
      }
      if (ids.has(desk.id)) ctx.addIssue({ code: 'custom', message: `duplicate desk id "${desk.id}"` });
      if (addresses.has(desk.address))
        ctx.addIssue({ code: 'custom', message: `duplicate desk address "${desk.address}"` });
      ids.add(desk.id);
      addresses.add(desk.address);
    }
    if (!ids.has(cfg.defaultDeskId))
      ctx.addIssue({
        code: 'custom',
        message: `defaultDeskId "${cfg.defaultDeskId}" is not one of the desks`,
      });
  });
export type ServiceDeskConfig = z.infer<typeof ServiceDeskConfigSchema>;

export const DEFAULT_ACK_CAP_PER_DESK_HOUR = 200;

export function ackCapPerDeskHour(config: Pick<ServiceDeskConfig, 'acknowledgementsPerDeskHour'>): number {
  return config.acknowledgementsPerDeskHour ?? DEFAULT_ACK_CAP_PER_DESK_HOUR;
}

export function suspendedExpiryDays(config: Pick<ServiceDeskConfig, 'suspendedExpiryDays'>): number {
  return config.suspendedExpiryDays ?? DEFAULT_SUSPENDED_EXPIRY_DAYS;
}

export const ContractSchema = z.enum(['standard', 'premium']);
export type Contract = z.infer<typeof ContractSchema>;

export const PriorityLevelSchema = z.enum(['normale', 'moyenne', 'haute', 'critique']);
export type PriorityLevel = z.infer<typeof PriorityLevelSchema>;

/** Ordered from least to most severe; index = severity rank. */
export const PRIORITY_LEVELS: readonly PriorityLevel[] = ['normale', 'moyenne', 'haute', 'critique'];

export function deskById(config: ServiceDeskConfig, id: DeskId): Desk | undefined {
  return config.desks.find((d) => d.id === id);
}
