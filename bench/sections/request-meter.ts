import { AsyncLocalStorage } from 'node:async_hooks';

/** What one unit of work (one message) cost in requests to each service. */
export type Tally = {
  /**
   * DynamoDB item writes: one per Put/Update/Delete, also inside TransactWriteItems and BatchWriteItem,
   * and one per ConditionCheck of a transaction (DynamoDB bills a checked item like a written one).
   */
  writeRequests: number;
  /** DynamoDB item reads: GetItem and each Query, and each item of TransactGet/BatchGet. */
  readRequests: number;
  /** DynamoDB API calls, whatever they hold. */
  dynamodbCalls: number;
  /** Capacity the table and its indexes reported (ReturnConsumedCapacity INDEXES). */
  writeUnits: number;
  readUnits: number;
  /** Of writeUnits: spent maintaining the global secondary indexes. */
  indexWriteUnits: number;
  s3Puts: number;
  s3Gets: number;
  s3PutBytes: number;
  sesSends: number;
  /** Calls per `service:Command`. */
  commands: Record<string, number>;
  /** DynamoDB item writes per command: where writeRequests come from. */
  writesByCommand: Record<string, number>;
  /** DynamoDB item writes per kind of item (the partition key up to its first `#`: TICKET, MSGID…). */
  writesByItem: Record<string, number>;
};

export function emptyTally(): Tally {
  return {
    writeRequests: 0,
    readRequests: 0,
    dynamodbCalls: 0,
    writeUnits: 0,
    readUnits: 0,
    indexWriteUnits: 0,
    s3Puts: 0,
    s3Gets: 0,
    s3PutBytes: 0,
    sesSends: 0,
    commands: {},
    writesByCommand: {},
    writesByItem: {},
  };
}

type Args = { input: Record<string, unknown> };
type Next = (args: Args) => Promise<{ output?: Record<string, unknown> }>;
/** The part of an SDK v3 client the meter uses (structural: every service client has it). */
type MeteredClient = {
  middlewareStack: {
    add(
      middleware: (next: Next, context: { commandName?: string }) => Next,
      options: { step: 'initialize'; name: string; priority?: 'high' | 'normal' | 'low' },
    ): void;
  };
};

type Capacity = {
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  CapacityUnits?: number;
  GlobalSecondaryIndexes?: Record<string, Capacity>;
};

const DYNAMODB_READS: Record<string, (input: Record<string, unknown>) => number> = {
  GetItemCommand: () => 1,
  GetCommand: () => 1,
  QueryCommand: () => 1,
  ScanCommand: () => 1,
  TransactGetItemsCommand: (i) => lengthOf(i.TransactItems),
  TransactGetCommand: (i) => lengthOf(i.TransactItems),
  BatchGetItemCommand: (i) => countRequestItems(i.RequestItems, 'Keys'),
  BatchGetCommand: (i) => countRequestItems(i.RequestItems, 'Keys'),
};
const DYNAMODB_WRITES: Record<string, (input: Record<string, unknown>) => number> = {
  PutItemCommand: () => 1,
  PutCommand: () => 1,
  UpdateItemCommand: () => 1,
  UpdateCommand: () => 1,
  DeleteItemCommand: () => 1,
  DeleteCommand: () => 1,
  TransactWriteItemsCommand: (i) => countTransactWrites(i.TransactItems),
  TransactWriteCommand: (i) => countTransactWrites(i.TransactItems),
  BatchWriteItemCommand: (i) => countRequestItems(i.RequestItems),
  BatchWriteCommand: (i) => countRequestItems(i.RequestItems),
};

/**
 * Counts requests per unit of work with SDK middleware: each message runs in `meter.run(tally, fn)`
 * and every SDK call made inside it, however deep and however many are in flight, lands in that
 * tally (AsyncLocalStorage). DynamoDB calls are sent with ReturnConsumedCapacity INDEXES added, so
 * that the table reports the capacity it charged, indexes included; nothing else is changed.
 */
export class RequestMeter {
  private readonly current = new AsyncLocalStorage<Tally>();

  run<T>(tally: Tally, work: () => Promise<T>): Promise<T> {
    return this.current.run(tally, work);
  }

  attachDynamoDb(client: unknown): void {
    (client as MeteredClient).middlewareStack.add(
      (next, context) => async (args) => {
        const tally = this.current.getStore();
        const command = context.commandName ?? '';
        const metered = command in DYNAMODB_READS || command in DYNAMODB_WRITES;
        if (!tally || !metered) return next(args);
        tally.dynamodbCalls++;
        tally.commands[`dynamodb:${command}`] = (tally.commands[`dynamodb:${command}`] ?? 0) + 1;
        tally.readRequests += DYNAMODB_READS[command]?.(args.input) ?? 0;
        const writes = DYNAMODB_WRITES[command]?.(args.input) ?? 0;
        tally.writeRequests += writes;
        if (writes > 0) tally.writesByCommand[command] = (tally.writesByCommand[command] ?? 0) + writes;
        for (const kind of writtenItemKinds(command, args.input)) {
          tally.writesByItem[kind] = (tally.writesByItem[kind] ?? 0) + 1;
        }
        const result = await next({ ...args, input: { ...args.input, ReturnConsumedCapacity: 'INDEXES' } });
        const consumed = result.output?.ConsumedCapacity as Capacity | Capacity[] | undefined;
        for (const capacity of consumed === undefined ? [] : [consumed].flat()) {
          addCapacity(tally, capacity, command in DYNAMODB_WRITES);
        }
        return result;
      },
      { step: 'initialize', name: 'benchRequestMeter', priority: 'high' },
    );
  }

  attach(service: 's3' | 'ses', client: unknown): void {
    (client as MeteredClient).middlewareStack.add(
      (next, context) => async (args) => {
        const tally = this.current.getStore();
        if (!tally) return next(args);
        const command = context.commandName ?? '';
        tally.commands[`${service}:${command}`] = (tally.commands[`${service}:${command}`] ?? 0) + 1;
        if (service === 's3' && command === 'PutObjectCommand') {
          tally.s3Puts++;
          tally.s3PutBytes += bodyLength(args.input.Body);
        } else if (service === 's3' && command === 'GetObjectCommand') {
          tally.s3Gets++;
        } else if (service === 'ses' && /^Send/.test(command)) {
          tally.sesSends++;
        }
        return next(args);
      },
      { step: 'initialize', name: `benchRequestMeter-${service}`, priority: 'high' },
    );
  }
}

/** Adds `from` into `into` (numbers added, command counts merged). */
export function addTally(into: Tally, from: Tally): Tally {
  for (const key of Object.keys(from) as (keyof Tally)[]) {
    if (key === 'commands' || key === 'writesByCommand' || key === 'writesByItem') {
      for (const [name, n] of Object.entries(from[key])) into[key][name] = (into[key][name] ?? 0) + n;
    } else {
      into[key] += from[key];
    }
  }
  return into;
}

function addCapacity(tally: Tally, capacity: Capacity, write: boolean): void {
  // With INDEXES, CapacityUnits is the table's plus its indexes'.
  const total = capacity.CapacityUnits ?? 0;
  const indexes = Object.values(capacity.GlobalSecondaryIndexes ?? {}).reduce(
    (sum, gsi) => sum + (gsi.CapacityUnits ?? 0),
    0,
  );
  if (write) {
    tally.writeUnits += total;
    tally.indexWriteUnits += indexes;
  } else {
    tally.readUnits += total;
  }
}

/** The kind of each item a write command writes, from its partition key (plain or marshalled). */
function writtenItemKinds(command: string, input: Record<string, unknown>): string[] {
  const kindOf = (keyOrItem: unknown): string => {
    const pk = (keyOrItem as Record<string, unknown> | undefined)?.pk;
    const value = typeof pk === 'string' ? pk : ((pk as { S?: string } | undefined)?.S ?? '?');
    return value.split('#')[0] || '?';
  };
  const field = (o: unknown, name: string) => (o as Record<string, unknown> | undefined)?.[name];
  if (/^(Put|PutItem)Command$/.test(command)) return [kindOf(input.Item)];
  if (/^(Update|UpdateItem|Delete|DeleteItem)Command$/.test(command)) return [kindOf(input.Key)];
  if (/^Transact(Write|WriteItems)Command$/.test(command) && Array.isArray(input.TransactItems)) {
    return input.TransactItems.flatMap((item) => {
      if (field(item, 'Put')) return [kindOf(field(field(item, 'Put'), 'Item'))];
      const keyed = field(item, 'Update') ?? field(item, 'Delete') ?? field(item, 'ConditionCheck');
      return keyed ? [kindOf(field(keyed, 'Key'))] : [];
    });
  }
  if (
    /^BatchWrite(Item)?Command$/.test(command) &&
    input.RequestItems &&
    typeof input.RequestItems === 'object'
  ) {
    return Object.values(input.RequestItems).flatMap((requests) =>
      (Array.isArray(requests) ? requests : []).map((r) =>
        kindOf(field(field(r, 'PutRequest'), 'Item') ?? field(field(r, 'DeleteRequest'), 'Key')),
      ),
    );
  }
  return [];
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** Every item of a transaction, ConditionCheck included: DynamoDB bills a checked item as a write. */
function countTransactWrites(items: unknown): number {
  return lengthOf(items);
}

function countRequestItems(requestItems: unknown, field?: string): number {
  if (!requestItems || typeof requestItems !== 'object') return 0;
  let count = 0;
  for (const value of Object.values(requestItems)) {
    if (field) count += lengthOf((value as Record<string, unknown>)[field]);
    else count += lengthOf(value);
  }
  return count;
}

function bodyLength(body: unknown): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array) return body.byteLength;
  return 0;
}
