import { recordRejectionStep } from '../app/approvals';
import { stepHandler } from '../app/step-handler';

/** Workflow step RecordRejection: seals the evidence and ends the mission REJECTED. */
export const createHandler = stepHandler(recordRejectionStep);
