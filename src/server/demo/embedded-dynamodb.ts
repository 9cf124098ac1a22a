import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbClient } from '../backend/backend-env';
import { CUSTOMER_TABLE_KEYS } from '../backend/customer-memory';

/** dynalite has no types: the one call used here. */
type Dynalite = (options: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => Server;

export interface EmbeddedDynamoDb {
  /** The engine's endpoint, for `DYNAMODB_ENDPOINT` / {@link dynamoDbClient}. */
  endpoint: string;
  /** The customer table, created and active. */
  tableName: string;
  close(): Promise<void>;
}

/**
 * A DynamoDB-compatible engine in this process (dynalite, in memory, on loopback) with the customer table of
 * `deploy/template.yaml`: `npm start` and the tests run the backend's real DynamoDB code against it.
 */
export async function startEmbeddedDynamoDb(tableName = 'connect-webchat-customers'): Promise<EmbeddedDynamoDb> {
  const dynalite = createRequire(import.meta.url)('dynalite') as Dynalite;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = dynamoDbClient(endpoint);
  const keys = structuredClone(CUSTOMER_TABLE_KEYS) as unknown as Pick<ConstructorParameters<typeof CreateTableCommand>[0], 'AttributeDefinitions' | 'KeySchema'>;
  await client.send(new CreateTableCommand({ TableName: tableName, BillingMode: 'PAY_PER_REQUEST', ...keys }));
  for (let tries = 0; (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus !== 'ACTIVE'; tries++) {
    if (tries > 100) throw new Error(`the embedded DynamoDB never made ${tableName} active`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  client.destroy();
  return {
    endpoint,
    tableName,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
