import * as z from 'zod';
import type { FlagSpec } from './flags';

/** Flags several commands share, with their help lines and zod checks. */
export const configFlag: FlagSpec = {
  value: 'FILE',
  description: 'service-desk configuration (default: config/service-desk.json)',
};
export const clientsFlag: FlagSpec = {
  value: 'FILE',
  description: 'client directory JSON {"clients":[…]} (default: none, every sender is an unknown client)',
};
export const receivedAtFlag: FlagSpec = {
  value: 'ISO-8601',
  description: 'instant the service received the message, with offset, e.g. 2026-11-27T23:50:00+04:00',
};

export const receivedAtSchema = z.iso.datetime({ offset: true });
