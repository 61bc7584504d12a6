import { SendTaskFailureCommand, SendTaskSuccessCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { TaskTokenClosedError } from '../domain/errors';
import type { TaskTokens } from '../domain/ports';

/** Errors Step Functions answers for a token that no task waits on any more. */
const CLOSED = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/** Resumes or fails a `.waitForTaskToken` task of a mission execution (SendTaskSuccess / SendTaskFailure). */
export class StepFunctionsTaskTokens implements TaskTokens {
  constructor(private readonly sfn: SFNClient) {}

  async sendSuccess(token: string, output: Record<string, unknown>): Promise<void> {
    await this.send(() => this.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) })));
  }

  async sendFailure(token: string, error: string, cause: string): Promise<void> {
    // Step Functions caps error at 256 and cause at 32768 characters.
    await this.send(() =>
      this.sfn.send(new SendTaskFailureCommand({ taskToken: token, error: error.slice(0, 256), cause: cause.slice(0, 32_768) })),
    );
  }

  private async send(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (err) {
      if (CLOSED.has((err as Error).name)) throw new TaskTokenClosedError((err as Error).message);
      throw err;
    }
  }
}
