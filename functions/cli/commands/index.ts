import type { CommandEntry } from '../command';

/**
 * Every `exo-intake` sub-command, in the order the root --help lists them. Add new ones here. The
 * summary is repeated from the command's module so that --help imports none of them (a test checks
 * that both say the same).
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'triage',
    summary: 'triage .eml files (NDJSON: priority, desk, acknowledgement, follow-up, GTI/GTR)',
    load: async () => (await import('./triage')).triageCommand,
  },
  {
    name: 'sla',
    summary: 'GTI/GTR deadlines for a desk, contract, priority and reception instant',
    load: async () => (await import('./sla')).slaCommand,
  },
  {
    name: 'eval',
    summary: 'accuracy of triage against a labelled corpus (DIR/labels.json), with every miss',
    load: async () => (await import('./eval')).evalCommand,
  },
  {
    name: 'send',
    summary: 'send .eml files to the local SMTP listener of `npm start` (one reply per file)',
    load: async () => (await import('./send')).sendCommand,
  },
  {
    name: 'ingest',
    summary: 'run .eml files through the intake against the local stack (progress bar, summary table)',
    load: async () => (await import('./ingest')).ingestCommand,
  },
  {
    name: 'reprocess',
    summary: 'run a quarantined or failed message (or all quarantined ones) through the intake again',
    load: async () => (await import('./reprocess')).reprocessCommand,
  },
  {
    name: 'clients',
    summary: 'check a client directory (a file, or the table with --table): one line per invalid row',
    load: async () => (await import('./clients')).clientsCommand,
  },
  {
    name: 'report',
    summary: 'SLA report of a period (JSON figures, CSV of the tickets, French HTML page)',
    load: async () => (await import('./report')).reportCommand,
  },
  {
    name: 'redrive',
    summary: 'run again the intake events of the on-failure queue (deleted once they succeed)',
    load: async () => (await import('./redrive')).redriveCommand,
  },
];
