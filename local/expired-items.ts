import { DeleteCommand, ScanCommand, type DocumentSender } from '../lambdas/adapters/dynamo-client';

/**
 * The local stand-in for DynamoDB TTL (dynalite has none): deletes every item whose
 * `expires_at` (epoch seconds) has passed — sessions, WebSocket tickets, nonces, rate buckets,
 * unattributed audit records. Readers check expiry themselves, so this only reclaims space.
 */
export async function sweepExpiredItems(doc: DocumentSender, table: string, nowSeconds = Date.now() / 1000): Promise<number> {
  let removed = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'expires_at < :now',
        ExpressionAttributeValues: { ':now': Math.floor(nowSeconds) },
        ProjectionExpression: 'PK, SK',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: { PK: item.PK, SK: item.SK },
            ConditionExpression: 'expires_at < :now',
            ExpressionAttributeValues: { ':now': Math.floor(nowSeconds) },
          }),
        )
        .catch(() => undefined);
      removed++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return removed;
}
