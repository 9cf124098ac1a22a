import { GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * How long the backend remembers a customer's last chat after it started: long enough for "yesterday's
 * conversation", short enough that nothing is kept for ever (DynamoDB's TTL deletes the item after this).
 */
export const CUSTOMER_MEMORY_TTL_SECONDS = 30 * 24 * 60 * 60;

/**
 * The table's keys, as `deploy/template.yaml` declares them and the embedded engine creates them: one item per
 * verified customer (`customerId`, the token's `sub`) and chat instance; `expiresAt` (epoch seconds) is its TTL.
 */
export const CUSTOMER_TABLE_KEYS = {
  AttributeDefinitions: [
    { AttributeName: 'customerId', AttributeType: 'S' },
    { AttributeName: 'instance', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'customerId', KeyType: 'HASH' },
    { AttributeName: 'instance', KeyType: 'RANGE' },
  ],
} as const;

/** A customer's last chat: the contact, and the chat session it belongs to (what persistent chat continues). */
export interface RememberedChat {
  lastContactId: string;
  initialContactId: string;
}

/** The backend's memory of verified customers, shared by every backend instance (every Lambda). */
export interface CustomerMemory {
  recall(instance: string, customerId: string): Promise<RememberedChat | undefined>;
  remember(instance: string, customerId: string, chat: RememberedChat): Promise<void>;
}

export interface DynamoCustomerMemoryOptions {
  client: Pick<DynamoDBClient, 'send'>;
  /** CUSTOMER_TABLE: the table of `deploy/template.yaml`. */
  tableName: string;
  /** @default Date.now */
  now?: () => number;
  /** @default {@link CUSTOMER_MEMORY_TTL_SECONDS} */
  ttlSeconds?: number;
}

/** The customer memory over DynamoDB. Reads are consistent; an item past `expiresAt` counts as gone (TTL deletes lazily). */
export function createDynamoCustomerMemory(options: DynamoCustomerMemoryOptions): CustomerMemory {
  const { client, tableName } = options;
  const now = options.now ?? Date.now;
  const ttlSeconds = options.ttlSeconds ?? CUSTOMER_MEMORY_TTL_SECONDS;
  const key = (instance: string, customerId: string) => ({ customerId: { S: customerId }, instance: { S: instance } });
  return {
    async recall(instance, customerId) {
      const { Item: item } = await client.send(new GetItemCommand({ TableName: tableName, Key: key(instance, customerId), ConsistentRead: true }));
      const lastContactId = item?.lastContactId?.S;
      const initialContactId = item?.initialContactId?.S;
      const expiresAt = Number(item?.expiresAt?.N);
      if (!lastContactId || !initialContactId || !(expiresAt * 1000 > now())) return undefined;
      return { lastContactId, initialContactId };
    },
    async remember(instance, customerId, chat) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: {
            ...key(instance, customerId),
            lastContactId: { S: chat.lastContactId },
            initialContactId: { S: chat.initialContactId },
            expiresAt: { N: String(Math.floor(now() / 1000) + ttlSeconds) },
          },
        }),
      );
    },
  };
}
