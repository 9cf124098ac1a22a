import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbClient } from '../../../../src/server/backend/backend-env';
import { createDynamoCustomerMemory, CUSTOMER_MEMORY_TTL_SECONDS } from '../../../../src/server/backend/customer-memory';
import { startEmbeddedDynamoDb, type EmbeddedDynamoDb } from '../../../../src/server/demo/embedded-dynamodb';

describe('the customer memory (DynamoDB, here the embedded engine)', () => {
  let engine: EmbeddedDynamoDb;
  let client: ReturnType<typeof dynamoDbClient>;
  beforeAll(async () => {
    engine = await startEmbeddedDynamoDb('customers-test');
    client = dynamoDbClient(engine.endpoint);
  });
  afterAll(async () => {
    client?.destroy();
    await engine?.close();
  });

  it('recalls the last chat remembered for a customer on an instance, and nothing for anyone else', async () => {
    const memory = createDynamoCustomerMemory({ client, tableName: engine.tableName });
    await memory.remember('member_chat', 'dana', { lastContactId: 'c1', initialContactId: 'c1' });
    await memory.remember('member_chat', 'dana', { lastContactId: 'c2', initialContactId: 'c1' });
    expect(await memory.recall('member_chat', 'dana')).toEqual({ lastContactId: 'c2', initialContactId: 'c1' });
    expect(await memory.recall('member_chat', 'sam')).toBeUndefined();
    expect(await memory.recall('sales_chat', 'dana')).toBeUndefined();
  });

  it('stores expiresAt (the table\'s TTL) and treats an expired item as forgotten before DynamoDB deletes it', async () => {
    let now = Date.UTC(2026, 10, 1);
    const memory = createDynamoCustomerMemory({ client, tableName: engine.tableName, now: () => now });
    await memory.remember('member_chat', 'lee', { lastContactId: 'c9', initialContactId: 'c9' });
    now += (CUSTOMER_MEMORY_TTL_SECONDS - 1) * 1000;
    expect(await memory.recall('member_chat', 'lee')).toEqual({ lastContactId: 'c9', initialContactId: 'c9' });
    now += 2000;
    expect(await memory.recall('member_chat', 'lee')).toBeUndefined();
  });
});
