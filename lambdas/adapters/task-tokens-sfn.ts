import { TaskTokenClosedError } from '../domain/errors';
import type { TaskTokens } from '../domain/ports';
import type { AwsJsonClient } from './aws-json-client';

/** Errors Step Functions answers for a token that no task waits on any more. */
const CLOSED = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Resumes or fails a `.waitForTaskToken` task of a mission execution (SendTaskSuccess /
 * SendTaskFailure), through the signed JSON-protocol client of aws-json-client.ts.
 */
export class StepFunctionsTaskTokens implements TaskTokens {
  constructor(private readonly sfn: Pick<AwsJsonClient, 'send'>) {}

  async sendSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    await this.send('SendTaskSuccess', { taskToken: token, output: JSON.stringify(output) });
  }

  async sendFailure(token: string, error: string, cause: string): Promise<void> {
    // Step Functions caps error at 256 and cause at 32768 characters.
    await this.send('SendTaskFailure', { taskToken: token, error: error.slice(0, 256), cause: cause.slice(0, 32_768) });
  }

  private async send(operation: string, input: Record<string, unknown>): Promise<void> {
    try {
      await this.sfn.send({ operation, input });
    } catch (err) {
      if (CLOSED.has((err as Error).name)) throw new TaskTokenClosedError((err as Error).message);
      throw err;
    }
  }
}
