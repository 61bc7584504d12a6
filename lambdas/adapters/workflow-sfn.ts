import type { AwsJsonClient } from './aws-json-client';
import type { WorkflowPort } from '../domain/ports';

/** Mission executions on AWS Step Functions (Standard). */
export class StepFunctionsWorkflow implements WorkflowPort {
  constructor(
    private readonly sfn: AwsJsonClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(name: string, input: Record<string, unknown>): Promise<{ executionArn: string }> {
    const out = (await this.sfn.send({
      operation: 'StartExecution',
      input: { stateMachineArn: this.stateMachineArn, name, input: JSON.stringify(input) },
    })) as { executionArn?: string };
    if (!out.executionArn) throw new Error('StartExecution answered without an execution ARN');
    return { executionArn: out.executionArn };
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    await this.sfn.send({ operation: 'StopExecution', input: { executionArn, error: 'Cancelled', cause } });
  }

  async ping(): Promise<boolean> {
    const out = (await this.sfn.send({
      operation: 'DescribeStateMachine',
      input: { stateMachineArn: this.stateMachineArn },
    })) as { status?: string };
    return out.status === 'ACTIVE';
  }
}
