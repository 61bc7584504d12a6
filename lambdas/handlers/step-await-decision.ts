import { awaitDecisionStep } from '../app/approvals';
import { stepHandler } from '../app/step-handler';

/**
 * Workflow step AwaitDeployDecision / AwaitPublishDecision (`lambda:invoke.waitForTaskToken`):
 * stores the task token with the mission and returns; a decision completes the task.
 */
export const createHandler = stepHandler(awaitDecisionStep);
