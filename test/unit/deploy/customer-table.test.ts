import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_TABLE_KEYS } from '../../../src/server/backend/customer-memory';

/** The template's text between `from` and the next resource (two-space indented key). */
function block(template: string, from: string): string {
  const start = template.indexOf(from);
  expect(start).toBeGreaterThan(-1);
  const rest = template.slice(start + from.length);
  const end = rest.search(/\n  [A-Za-z]/);
  return end === -1 ? rest : rest.slice(0, end);
}

describe('deploy/template.yaml: the memory of customers', () => {
  it('declares the table with the keys the backend uses, and the TTL on expiresAt', async () => {
    const table = block(await readFile('deploy/template.yaml', 'utf8'), '\n  CustomerTable:');
    for (const { AttributeName, AttributeType } of CUSTOMER_TABLE_KEYS.AttributeDefinitions) {
      expect(table).toContain(`- AttributeName: ${AttributeName}\n          AttributeType: ${AttributeType}`);
    }
    for (const { AttributeName, KeyType } of CUSTOMER_TABLE_KEYS.KeySchema) {
      expect(table).toContain(`- AttributeName: ${AttributeName}\n          KeyType: ${KeyType}`);
    }
    expect(table).toMatch(/TimeToLiveSpecification:\s+AttributeName: expiresAt\s+Enabled: true/);
  });

  it('names the table to the Lambda and lets it read and write only that table', async () => {
    const fn = block(await readFile('deploy/template.yaml', 'utf8'), '\n  StartChatFunction:');
    expect(fn).toContain('CUSTOMER_TABLE: !Ref CustomerTable');
    expect(fn).toMatch(/Action: \[dynamodb:GetItem, dynamodb:PutItem\]\s+Resource: !GetAtt CustomerTable\.Arn/);
  });
});
