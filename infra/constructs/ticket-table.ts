import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/**
 * Key schema of the single table. FIXED: the storage adapter reads and writes exactly these names.
 * gsi1 = an agents' queue (desk + status, sorted by GTI deadline); gsi2 = a requester's tickets;
 * gsi3 = sparse look-ups by id, keys only (acknowledgement SES Message-ID → ticket, delivery → record).
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  gsi3: { name: 'gsi3', partitionKey: 'gsi3pk' },
  timeToLive: 'expiresAt',
} as const;

/**
 * The single table of tickets, messages and idempotency records. `Table` (AWS::DynamoDB::Table), not
 * `TableV2`: switching later would replace the table, so the choice is made once, here.
 * On demand, point-in-time recovery, deletion protection, and retained if the stack is deleted.
 */
export class TicketTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE_KEYS.timeToLive,
    });
    for (const index of [TABLE_KEYS.gsi1, TABLE_KEYS.gsi2]) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_KEYS.gsi3.name,
      partitionKey: { name: TABLE_KEYS.gsi3.partitionKey, type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });
  }
}
