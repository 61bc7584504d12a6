import '../../local/polyfills';
import type { Server } from 'node:http';
import {
  DeleteCommand,
  DynamoDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  isConditionalCheckFailed,
  marshallItem,
  unmarshallItem,
} from '../../lambdas/adapters/dynamo-client';
import { ensureTable } from '../../local/dynamo-table';
const dynalite = require('dynalite') as (o: Record<string, unknown>) => Server;

describe('attribute values', () => {
  test('JS values become the wire form DynamoDB documents', () => {
    expect(
      marshallItem({
        s: 'text',
        n: 42.5,
        big: 12n,
        t: true,
        nothing: null,
        gone: undefined,
        bin: Buffer.from('hi'),
        list: [1, 'a', undefined, { x: false }],
        map: { inner: { deep: 'v' } },
        tags: new Set(['a', 'b']),
        sizes: new Set([1, 2]),
      }),
    ).toEqual({
      s: { S: 'text' },
      n: { N: '42.5' },
      big: { N: '12' },
      t: { BOOL: true },
      nothing: { NULL: true },
      bin: { B: 'aGk=' },
      list: { L: [{ N: '1' }, { S: 'a' }, { M: { x: { BOOL: false } } }] },
      map: { M: { inner: { M: { deep: { S: 'v' } } } } },
      tags: { SS: ['a', 'b'] },
      sizes: { NS: ['1', '2'] },
    });
  });

  test('a round trip gives the same values back (binary as Uint8Array)', () => {
    const item = {
      id: 'x',
      count: -3,
      ratio: 0.25,
      ok: false,
      none: null,
      nested: { list: [[1, 2], { a: 'b' }], empty: {} },
      emptyList: [],
      tags: new Set(['p', 'q']),
    };
    expect(unmarshallItem(marshallItem(item))).toEqual(item);
    const bin = unmarshallItem(marshallItem({ b: Buffer.from([0, 1, 255]) })).b as Uint8Array;
    expect(bin).toBeInstanceOf(Uint8Array);
    expect([...bin]).toEqual([0, 1, 255]);
  });

  test('values DynamoDB cannot hold are refused, not stored wrong', () => {
    expect(() => marshallItem({ n: Number.NaN })).toThrow(/cannot be stored/);
    expect(() => marshallItem({ n: Infinity })).toThrow(/cannot be stored/);
    expect(() => marshallItem({ s: new Set() })).toThrow(/empty set/);
    expect(() => marshallItem({ f: () => 1 })).toThrow(/cannot be stored/);
  });
});

describe('the document client against a DynamoDB implementation', () => {
  let server: Server;
  let client: DynamoDocumentClient;
  const TableName = 'gantry';

  beforeAll(async () => {
    server = dynalite({ createTableMs: 0 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    client = new DynamoDocumentClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    await ensureTable(client, TableName);
    await ensureTable(client, TableName); // a second call finds the table
  });

  afterAll(async () => {
    client.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  test('put, get (consistent), update with ALL_NEW, delete with ALL_OLD', async () => {
    const Key = { PK: 'T#a', SK: 'META' };
    await client.send(
      new PutCommand({ TableName, Item: { ...Key, n: 1, blob: Buffer.from('x'), meta: { a: [1] }, skip: undefined } }),
    );
    const got = await client.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
    expect(got.Item).toMatchObject({ PK: 'T#a', SK: 'META', n: 1, meta: { a: [1] } });
    expect(got.Item).not.toHaveProperty('skip');
    expect(Buffer.from(got.Item!.blob as Uint8Array).toString()).toBe('x');
    const updated = await client.send(
      new UpdateCommand({
        TableName,
        Key,
        UpdateExpression: 'SET #n = #n + :one, label = :label',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':one': 1, ':label': 'two' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    expect(updated.Attributes).toMatchObject({ n: 2, label: 'two' });
    const deleted = await client.send(new DeleteCommand({ TableName, Key, ReturnValues: 'ALL_OLD' }));
    expect(deleted.Attributes).toMatchObject({ n: 2 });
    expect((await client.send(new GetCommand({ TableName, Key }))).Item).toBeUndefined();
  });

  test('a failed condition throws an error named as DynamoDB names it', async () => {
    const Item = { PK: 'T#b', SK: 'META' };
    await client.send(new PutCommand({ TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }));
    const err = await client
      .send(new PutCommand({ TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(isConditionalCheckFailed(err)).toBe(true);
    expect(isConditionalCheckFailed(new Error('other'))).toBe(false);
  });

  test('query pages through LastEvaluatedKey in either order; scan counts', async () => {
    for (let i = 0; i < 5; i++) await client.send(new PutCommand({ TableName, Item: { PK: 'T#q', SK: `E#${i}`, i } }));
    const seen: number[] = [];
    let start: Record<string, unknown> | undefined;
    let pages = 0;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :e)',
          ExpressionAttributeValues: { ':pk': 'T#q', ':e': 'E#' },
          ScanIndexForward: false,
          Limit: 2,
          ExclusiveStartKey: start,
        }),
      );
      seen.push(...(page.Items ?? []).map((item) => item.i as number));
      start = page.LastEvaluatedKey;
      pages++;
    } while (start);
    expect(seen).toEqual([4, 3, 2, 1, 0]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const counted = await client.send(
      new ScanCommand({ TableName, Select: 'COUNT', FilterExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'T#q' } }),
    );
    expect(counted.Count).toBe(5);
    expect(counted.Items).toBeUndefined();
  });

  test('a missing table is a ResourceNotFoundException', async () => {
    await expect(client.send(new GetCommand({ TableName: 'absent', Key: { PK: 'a', SK: 'b' } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
