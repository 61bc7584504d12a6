import { approvalCheckStep } from '../app/approvals';
import { stepHandler } from '../app/step-handler';

/** Workflow step ApprovalCheck (see statemachines/mission.asl.json): its result is `$.approval`. */
export const createHandler = stepHandler(approvalCheckStep);
