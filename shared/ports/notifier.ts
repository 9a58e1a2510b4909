import type { DeskId, PriorityLevel } from '../domain/desk/service-desk-config';

/** One SLA alert for the desk on duty: 15 open minutes before a deadline, and at its breach. */
export type SlaNotification = {
  deskId: DeskId;
  /** The desk is closed: its on-call agent is paged. */
  onCall: boolean;
  reference: string;
  clock: 'gti' | 'gtr';
  threshold: 'warning' | 'breach';
  priority: PriorityLevel;
  subject: string;
  dueAt: string;
  /** The deadline as the desk reads it: `lundi 30 novembre 2026 à 08:05 (heure de La Réunion)`. */
  dueAtLocal: string;
  /** A ready-to-send French sentence (SNS e-mail/SMS subscribers read it as is). */
  text: string;
};

/** Reaches the desk on duty (SNS topic per desk on AWS, a log line locally). Throws when it could not. */
export interface Notifier {
  notify(notification: SlaNotification): Promise<void>;
}
