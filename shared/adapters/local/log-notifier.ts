import type { Notifier, SlaNotification } from '../../ports/notifier';

const KEPT = 200;

/** Locally, an SLA alert is one JSON log line (what SNS would have carried); the last ones are kept. */
export class LogNotifier implements Notifier {
  readonly sent: SlaNotification[] = [];

  constructor(private readonly write: (line: string) => void = (line) => console.log(line)) {}

  async notify(notification: SlaNotification): Promise<void> {
    this.sent.push(notification);
    if (this.sent.length > KEPT) this.sent.shift();
    this.write(JSON.stringify({ message: 'SLA alert', ...notification }));
  }
}
