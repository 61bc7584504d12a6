import { DescribeStateMachineCommand, SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import type { WorkflowPort } from '../domain/ports';

/** Mission executions on AWS Step Functions (Standard). */
export class StepFunctionsWorkflow implements WorkflowPort {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }> {
    const out = await this.sfn.send(
      new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) }),
    );
    return { executionArn: out.executionArn! };
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    await this.sfn.send(new StopExecutionCommand({ executionArn, error: 'Cancelled', cause }));
  }

  async ping(): Promise<boolean> {
    const out = await this.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: this.stateMachineArn }));
    return out.status === 'ACTIVE';
  }
}
