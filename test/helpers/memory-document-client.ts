import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DocumentSender } from '../../lambdas/adapters/dynamo-client';

type Item = Record<string, unknown>;

/**
 * A table in memory behind the document client's `send`, for the commands the policy adapters
 * use: Get, Put, Delete, and Update with a plain `SET a = :x, b = :y` expression. Every command
 * is recorded, so tests can count the reads.
 */
export class MemoryDocumentClient implements DocumentSender {
  readonly items = new Map<string, Item>();
  readonly commands: string[] = [];
  /** When set, every command fails with it (the table unreachable). */
  failWith: Error | null = null;

  private static id(table: string, key: Item): string {
    return JSON.stringify([table, key.PK, key.SK]);
  }

  send<Output>(command: unknown): Promise<Output> {
    return Promise.resolve().then(() => this.handle(command) as Output);
  }

  private handle(command: unknown): Record<string, unknown> {
    if (this.failWith) throw this.failWith;
    if (command instanceof GetCommand) {
      this.commands.push('Get');
      const item = this.items.get(MemoryDocumentClient.id(command.input.TableName!, command.input.Key!));
      return item ? { Item: structuredClone(item) } : {};
    }
    if (command instanceof PutCommand) {
      this.commands.push('Put');
      const item = command.input.Item!;
      this.items.set(MemoryDocumentClient.id(command.input.TableName!, item), structuredClone(item));
      return {};
    }
    if (command instanceof DeleteCommand) {
      this.commands.push('Delete');
      this.items.delete(MemoryDocumentClient.id(command.input.TableName!, command.input.Key!));
      return {};
    }
    if (command instanceof UpdateCommand) {
      this.commands.push('Update');
      const { TableName, Key, UpdateExpression, ExpressionAttributeValues } = command.input;
      const id = MemoryDocumentClient.id(TableName!, Key!);
      const item: Item = { ...(this.items.get(id) ?? Key!) };
      const sets = /^SET (.+)$/.exec(UpdateExpression ?? '');
      if (!sets) throw new Error(`unsupported update expression: ${UpdateExpression}`);
      for (const part of sets[1]!.split(',')) {
        const [name, value] = part.split('=').map((s) => s.trim());
        item[name!] = ExpressionAttributeValues![value!];
      }
      this.items.set(id, item);
      return {};
    }
    throw new Error(`unsupported command: ${(command as object).constructor.name}`);
  }
}
