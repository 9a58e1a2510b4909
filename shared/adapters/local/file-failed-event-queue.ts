import { readFile } from 'node:fs/promises';
import type { FailedEvent, FailedEventQueue } from '../../ports/failed-event-queue';

/**
 * Failed events saved in a file (one JSON record per line, or a JSON array), e.g. from
 * `aws sqs receive-message … --query 'Messages[].Body'`: a redrive without queue access.
 * Nothing is removed from the file; the command reports what succeeded.
 */
export class FileFailedEventQueue implements FailedEventQueue {
  private events: FailedEvent[] | null = null;

  constructor(private readonly path: string) {}

  async receive(max: number): Promise<FailedEvent[]> {
    this.events ??= await this.load();
    return this.events.slice(0, max);
  }

  async remove(id: string): Promise<void> {
    this.events = (this.events ?? []).filter((e) => e.id !== id);
  }

  describe(): string {
    return this.path;
  }

  private async load(): Promise<FailedEvent[]> {
    const text = (await readFile(this.path, 'utf8')).trim();
    const bodies = text.startsWith('[')
      ? (JSON.parse(text) as unknown[]).map((b) => (typeof b === 'string' ? b : JSON.stringify(b)))
      : text.split('\n').filter((l) => l.trim() !== '');
    return bodies.map((body, i) => ({ id: `${this.path}#${i + 1}`, body }));
  }
}
