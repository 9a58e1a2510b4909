/** Moved to shared/adapters/local/services (npm start uses it too; production code never imports test/). */
export {
  type DynamoDbLocal,
  type DynamoDbLocalOptions,
  startDynamoDbLocal,
} from '../../shared/adapters/local/services/dynamodb-local';
