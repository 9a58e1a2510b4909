import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
// The one statement of key and index names: local tables are created from it too (createTableInput).
import { TABLE_SCHEMA } from '../../shared/adapters/aws/dynamodb/table-schema';

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
      partitionKey: { name: TABLE_SCHEMA.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_SCHEMA.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TABLE_SCHEMA.timeToLiveAttribute,
    });
    for (const index of [TABLE_SCHEMA.gsi1, TABLE_SCHEMA.gsi2]) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE_SCHEMA.gsi3.indexName,
      partitionKey: { name: TABLE_SCHEMA.gsi3.partitionKey, type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });
    const { gsi4 } = TABLE_SCHEMA;
    this.table.addGlobalSecondaryIndex({
      indexName: gsi4.indexName,
      partitionKey: { name: gsi4.partitionKey, type: AttributeType.STRING },
      sortKey: { name: gsi4.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [...gsi4.nonKeyAttributes],
    });
  }
}
