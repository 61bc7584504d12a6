import { approvalTimeoutStep } from '../app/approvals';
import { stepHandler } from '../app/step-handler';

/** Workflow step DecisionTimedOut (see statemachines/mission.asl.json): its result is `$.approval`. */
export const createHandler = stepHandler(approvalTimeoutStep);
