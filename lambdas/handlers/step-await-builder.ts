import { awaitBuilderStep } from '../app/builder-line';
import { stepHandler } from '../app/step-handler';

/**
 * Workflow step AwaitBuilder (`lambda:invoke.waitForTaskToken`): takes a builder for the attempt
 * or a place in the builders' line; a mission leaving the line later hands its builder over.
 */
export const createHandler = stepHandler(awaitBuilderStep);
