import { type DocumentSender, GetCommand, PutCommand, isConditionalCheckFailed } from './dynamo-client';
import { EMPTY_LINE, type BuilderLine } from '../domain/builder-line';
import type { BuilderLineStore } from '../domain/ports';

/**
 * The builders' line is one item of the mission table. It is stack-wide, not a tenant's: only the
 * workflow's steps write it; the status routes read it only to show a QUEUED mission its own
 * position (nothing else of it leaves the handler).
 */
const LINE_KEY = { PK: 'BUILDERS', SK: 'LINE' } as const;

/** The line as one item, changed only by a put conditional on its version. */
export class DynamoBuilderLineStore implements BuilderLineStore {
  constructor(
    private readonly doc: DocumentSender,
    private readonly table: string,
  ) {}

  async read(): Promise<BuilderLine> {
    const out = await this.doc.send(new GetCommand({ TableName: this.table, Key: LINE_KEY, ConsistentRead: true }));
    if (!out.Item) return EMPTY_LINE;
    const item = out.Item as Record<string, unknown>;
    return {
      version: Number(item.version),
      holders: (item.holders ?? []) as BuilderLine['holders'],
      waiting: (item.waiting ?? []) as BuilderLine['waiting'],
    };
  }

  async write(line: BuilderLine, expected: number): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...LINE_KEY, version: expected + 1, holders: line.holders, waiting: line.waiting },
          ConditionExpression: expected === 0 ? 'attribute_not_exists(PK)' : '#v = :v',
          ...(expected === 0
            ? {}
            : { ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expected } }),
        }),
      );
      return true;
    } catch (err) {
      if (isConditionalCheckFailed(err)) return false;
      throw err;
    }
  }
}
