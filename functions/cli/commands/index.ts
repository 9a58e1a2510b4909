import type { Command } from '../command';
import { evalCommand } from './eval';
import { ingestCommand } from './ingest';
import { redriveCommand } from './redrive';
import { reprocessCommand } from './reprocess';
import { sendCommand } from './send';
import { slaCommand } from './sla';
import { triageCommand } from './triage';

/** Every `exo-intake` sub-command, in the order the root --help lists them. Add new ones here. */
export const commands: Command[] = [
  triageCommand,
  slaCommand,
  evalCommand,
  sendCommand,
  ingestCommand,
  reprocessCommand,
  redriveCommand,
];
