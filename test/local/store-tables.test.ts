import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '../../lambdas/adapters/dynamo-client';
import { startEmbeddedStore, type EmbeddedStore } from '../../local/embedded-store';

/**
 * The embedded store remembers each active table's description instead of reading it for every
 * item request; a table action (create, update, delete) must still be seen by the very next
 * request, as it is on DynamoDB.
 */
let dir: string;
let store: EmbeddedStore;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-store-tables-'));
  store = await startEmbeddedStore(dir, 'us-east-1');
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const errorName = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'none',
    (err: Error) => err.name,
  );

const createTable = async (table: string, keys: string[]): Promise<void> => {
  await store.client.call('CreateTable', {
    TableName: table,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keys.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: keys.map((name, i) => ({ AttributeName: name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
  });
  for (;;) {
    const d = (await store.client.call('DescribeTable', { TableName: table })) as { Table: { TableStatus: string } };
    if (d.Table.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 5));
  }
};

test('a deleted table is gone for the next request, and one made again under the same name has its new key schema', async () => {
  await createTable('tables-one', ['PK', 'SK']);
  await store.client.send(new PutCommand({ TableName: 'tables-one', Item: { PK: 'a', SK: 'b', v: 1 } }));
  expect((await store.client.send(new GetCommand({ TableName: 'tables-one', Key: { PK: 'a', SK: 'b' } }))).Item).toEqual({
    PK: 'a',
    SK: 'b',
    v: 1,
  });

  await store.client.call('DeleteTable', { TableName: 'tables-one' });
  for (;;) {
    const gone = await errorName(store.client.call('DescribeTable', { TableName: 'tables-one' }));
    if (gone === 'ResourceNotFoundException') break;
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(await errorName(store.client.send(new PutCommand({ TableName: 'tables-one', Item: { PK: 'a', SK: 'b' } })))).toBe(
    'ResourceNotFoundException',
  );

  // Same name, a hash key only: an item with the old sort key is now refused, one without it is kept.
  await createTable('tables-one', ['PK']);
  expect(await errorName(store.client.send(new GetCommand({ TableName: 'tables-one', Key: { PK: 'a', SK: 'b' } })))).toBe(
    'ValidationException',
  );
  await store.client.send(new PutCommand({ TableName: 'tables-one', Item: { PK: 'c', w: 2 } }));
  expect((await store.client.send(new GetCommand({ TableName: 'tables-one', Key: { PK: 'c' } }))).Item).toEqual({
    PK: 'c',
    w: 2,
  });
});

test('a throughput changed by UpdateTable is what the next DescribeTable answers', async () => {
  await store.client.call('CreateTable', {
    TableName: 'tables-two',
    AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
    ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
  });
  const described = async (): Promise<{ TableStatus: string; ProvisionedThroughput: { ReadCapacityUnits: number } }> =>
    ((await store.client.call('DescribeTable', { TableName: 'tables-two' })) as { Table: never }).Table;
  while ((await described()).TableStatus !== 'ACTIVE') await new Promise((r) => setTimeout(r, 5));
  // Item requests in between are what make the store remember the description.
  await store.client.send(new PutCommand({ TableName: 'tables-two', Item: { PK: 'x' } }));
  await store.client.send(new GetCommand({ TableName: 'tables-two', Key: { PK: 'x' } }));
  expect((await described()).ProvisionedThroughput.ReadCapacityUnits).toBe(1);

  await store.client.call('UpdateTable', {
    TableName: 'tables-two',
    ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 1 },
  });
  // The store makes the change at once (updateTableMs 0), so the next answer may already be ACTIVE
  // again; what it may never be is the remembered description from before (ACTIVE with 1).
  const next = await described();
  expect(next.TableStatus === 'UPDATING' || next.ProvisionedThroughput.ReadCapacityUnits === 7).toBe(true);
  while ((await described()).TableStatus !== 'ACTIVE') await new Promise((r) => setTimeout(r, 5));
  await store.client.send(new GetCommand({ TableName: 'tables-two', Key: { PK: 'x' } }));
  expect((await described()).ProvisionedThroughput.ReadCapacityUnits).toBe(7);
});
