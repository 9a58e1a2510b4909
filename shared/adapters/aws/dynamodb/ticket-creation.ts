import { createHash } from 'node:crypto';
import { ConflictError, NotFoundError, TransientError } from '../../../domain/errors';
import { formatReference } from '../../../domain/ticket/ticket-reference';
import type {
  Duplicate,
  MessageRecord,
  NewTicketCommit,
  NewTicketRound,
  TicketCreation,
} from '../../../ports/ticket-store';
import { asIntakeFailure } from '../aws-errors';
import { messageItem, ratePut, recordItem, ticketItem } from './items';
import { keys } from './keys';
import type { CancellationReason, Item, Table, TransactItem } from './table';

export type TicketCreatorOptions = {
  /** Rounds of a ticket creation that keeps losing the reference to concurrent creations. */
  maxCreateRounds?: number;
  sleep?: (ms: number) => Promise<void>;
};

const MAX_CREATE_ROUNDS = 60;
/** Full-jitter backoff between creation rounds: spreads creations of several processes over the counter. */
const CREATE_BACKOFF_MS = { base: 10, cap: 2000 };

type CreateStep =
  | { done: true; result: { status: 'created'; commit: NewTicketCommit } | Duplicate }
  | { done: false; seq: number | null; rateChanged: boolean; backoff: boolean };

/** The items of a ticket creation's transaction, by name: its cancellation reasons are read by name. */
export type CreationItemName = 'counter' | 'record' | 'ticket' | 'message' | 'rate' | 'conversion';
export type NamedItem<N extends string> = { name: N; item: TransactItem };

/** Why the item `name` cancelled the transaction (the reasons come in the items' order), if it is in it. */
export function reasonOf<N extends string>(
  named: readonly NamedItem<N>[],
  reasons: readonly CancellationReason[],
  name: N,
): CancellationReason | undefined {
  const index = named.findIndex((n) => n.name === name);
  return index < 0 ? undefined : reasons[index];
}

/**
 * The ticket-creation protocol (docs/table-design.md): the year's reference counter moves in the same
 * transaction as the ticket, its Message-ID record, its first message and, when it is acknowledged,
 * the sender's rate history; a lost race is read from the cancellation reasons and decides the next round.
 */
export class TicketCreator {
  private readonly maxCreateRounds: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The last creation in turn, per year (inTurn). */
  private readonly creating = new Map<number, Promise<void>>();

  constructor(
    private readonly table: Table,
    /** The store's own read of a Message-ID record (a duplicate, or this run's lost response). */
    private readonly findMessageRecord: (deskId: string, messageId: string) => Promise<MessageRecord | null>,
    options: TicketCreatorOptions = {},
  ) {
    this.maxCreateRounds = options.maxCreateRounds ?? MAX_CREATE_ROUNDS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async create(
    year: number,
    build: (reference: string, round: NewTicketRound) => NewTicketCommit | Promise<NewTicketCommit>,
    creation: TicketCreation,
  ): Promise<{ status: 'created'; commit: NewTicketCommit } | Duplicate> {
    let next: CreateStep = { done: false, seq: null, rateChanged: false, backoff: false };
    for (let round = 1; round <= this.maxCreateRounds; round++) {
      if (next.backoff) await this.sleep(createBackoffMs(round));
      const state: CreateStep = next;
      next = await this.inTurn(
        year,
        (): Promise<CreateStep> => this.createRound(year, round, state, build, creation),
      );
      if (next.done) return next.result;
    }
    throw new TransientError(`creating the ticket of ${creation.messageId} kept losing races`, {
      hint: 'many tickets were created at the same moment; the event is retried',
    });
  }

  /**
   * One creation at a time per year in this process: its runs never race each other for the counter
   * (an SMTP listener or a CLI batch runs many at once). Across processes (Lambda instances) the
   * conditional counter and the backoff decide.
   */
  private inTurn<T>(year: number, work: () => Promise<T>): Promise<T> {
    const turn = (this.creating.get(year) ?? Promise.resolve()).then(work, work);
    const settled = turn.then(
      () => {},
      () => {},
    );
    this.creating.set(year, settled);
    void settled.then(() => {
      if (this.creating.get(year) === settled) this.creating.delete(year);
    });
    return turn;
  }

  /** Read (or reuse) the counter, build, one transaction; what the cancellation says decides the next round. */
  private async createRound(
    year: number,
    round: number,
    state: CreateStep & { done: false },
    build: (reference: string, round: NewTicketRound) => NewTicketCommit | Promise<NewTicketCommit>,
    creation: TicketCreation,
  ): Promise<CreateStep> {
    const seq = state.seq ?? (await this.readCounter(year));
    const commit = await build(formatReference(year, seq + 1), { rateChanged: state.rateChanged });
    const created = { done: true, result: { status: 'created', commit } } as const;
    const named = this.creationItems(year, seq, commit);
    let reasons: CancellationReason[] | null;
    try {
      reasons = await this.table.transactOnce(
        named.map((n) => n.item),
        requestToken(creation.token, round),
      );
    } catch (err) {
      // Outcome unknown (timeout, lost response): the Message-ID record says whether it committed.
      const mine = await this.findMessageRecord(creation.deskId, creation.messageId).catch(() => null);
      if (mine?.commitToken === creation.token) return created;
      throw asIntakeFailure('creating a ticket', err);
    }
    if (reasons === null) return created;
    const failed = (name: CreationItemName) =>
      reasonOf(named, reasons, name)?.Code === 'ConditionalCheckFailed';
    const converting = commit.convertsSuspended;
    if (failed('record') || reasons.some((r) => r.Code === 'TransactionConflict')) {
      const existing = await this.findMessageRecord(creation.deskId, creation.messageId);
      if (existing?.commitToken === creation.token) return created;
      if (existing && (!converting || existing.outcome !== 'suspended')) {
        return { done: true, result: { status: 'duplicate', record: existing } };
      }
      if (converting && failed('record')) {
        throw new NotFoundError(`the Message-ID record of suspended message ${converting.id} is missing`);
      }
    }
    if (converting && failed('conversion')) {
      const found = reasonOf(named, reasons, 'conversion')?.Item;
      if (found?.dismissedBy)
        throw new ConflictError(
          `the suspended message ${converting.id} was dismissed by ${String(found.dismissedBy.S)}`,
          { hint: 'reload the list of suspended messages' },
        );
      throw new NotFoundError(`suspended message ${converting.id} is missing`);
    }
    // With the counter still at the value read, an existing ticket means the counter is behind.
    if (failed('ticket') && !failed('counter')) {
      throw new ConflictError(`ticket ${commit.ticket.reference} already exists for another message`, {
        hint: 'the reference counter is behind the tickets: set COUNTER#REFERENCE# to the highest sequence',
      });
    }
    if (failed('counter')) {
      // Another creation took the reference: let it finish before trying the next one.
      const rateChanged = failed('rate');
      return {
        done: false,
        seq: sequenceOf(reasonOf(named, reasons, 'counter')),
        rateChanged,
        backoff: true,
      };
    }
    if (failed('rate')) {
      return { done: false, seq, rateChanged: true, backoff: false };
    }
    // A TransactionConflict: another transaction was on one of the items; read everything again.
    return { done: false, seq: null, rateChanged: commit.rate !== undefined, backoff: true };
  }

  /**
   * Counter, Message-ID record, ticket, message, then rate history and conversion when there are:
   * each named, so that what cancelled the transaction is read by name (reasonOf), never by position.
   */
  private creationItems(year: number, seq: number, commit: NewTicketCommit): NamedItem<CreationItemName>[] {
    const converting = commit.convertsSuspended;
    const record = recordItem(commit.record, commit.delivery);
    const named: NamedItem<CreationItemName>[] = [
      { name: 'counter', item: this.counterStep(year, seq) },
      { name: 'record', item: converting ? this.replaceSuspendedRecord(record) : this.table.putNew(record) },
      {
        name: 'ticket',
        item: this.table.putNew({ ...ticketItem(commit.ticket), intakeEvents: commit.events }),
      },
      { name: 'message', item: this.table.put(messageItem(commit.message)) },
    ];
    if (commit.rate) named.push({ name: 'rate', item: ratePut(this.table.name, commit.rate) });
    if (converting) {
      const reference = commit.ticket.reference;
      named.push({
        name: 'conversion',
        item: this.markSuspendedConverted(converting, reference, commit.record.at),
      });
    }
    return named;
  }

  /**
   * The year's counter moves from the value read to the next one, in the transaction that uses it:
   * a reference is taken only with its ticket (never twice, never skipped). On a lost race the
   * cancellation returns the counter's current value, so the next round needs no read.
   */
  private counterStep(year: number, seq: number): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.counter(year),
        UpdateExpression: 'SET #seq = :next, entity = :entity',
        ConditionExpression: seq === 0 ? 'attribute_not_exists(pk)' : '#seq = :current',
        ExpressionAttributeNames: { '#seq': 'seq' },
        ExpressionAttributeValues: {
          ':next': seq + 1,
          ':entity': 'counter',
          ...(seq === 0 ? {} : { ':current': seq }),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  private async readCounter(year: number): Promise<number> {
    const item = await this.table.getItem(keys.counter(year), 'reading the reference counter');
    return Number(item?.seq ?? 0);
  }

  /** Converting a suspended message: its Message-ID record moves to the ticket, only from `suspended`. */
  private replaceSuspendedRecord(item: Item): TransactItem {
    return {
      Put: {
        TableName: this.table.name,
        Item: item,
        ConditionExpression: '#outcome = :suspended',
        ExpressionAttributeNames: { '#outcome': 'outcome' },
        ExpressionAttributeValues: { ':suspended': 'suspended' },
      },
    };
  }

  /** The converted message leaves the desk's review lists (gsi1, gsi2) and says what it became. */
  private markSuspendedConverted(
    converting: NonNullable<NewTicketCommit['convertsSuspended']>,
    reference: string,
    at: string,
  ): TransactItem {
    return {
      Update: {
        TableName: this.table.name,
        Key: keys.suspended(converting.id),
        UpdateExpression:
          'SET convertedTo = :ref, convertedAt = :at, convertedBy = :by REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk',
        // An agent who dismissed it first wins (issue 13 §5): the converting one gets a 409.
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(dismissedAt)',
        ExpressionAttributeValues: { ':ref': reference, ':at': at, ':by': converting.by },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }
}

/** ClientRequestToken (≤ 36 characters): one per run and round. */
function requestToken(commitToken: string, round: number): string {
  return createHash('sha256').update(`${commitToken}#${round}`).digest('hex').slice(0, 36);
}

/** The counter value a cancelled transaction found (ReturnValuesOnConditionCheckFailure), if it says. */
function sequenceOf(reason: CancellationReason | undefined): number | null {
  const seq = reason?.Item?.seq;
  if (seq === undefined) return null;
  const value = Number(seq.N);
  return Number.isFinite(value) ? value : null;
}

function createBackoffMs(round: number): number {
  return Math.random() * Math.min(CREATE_BACKOFF_MS.cap, CREATE_BACKOFF_MS.base * 2 ** round);
}
