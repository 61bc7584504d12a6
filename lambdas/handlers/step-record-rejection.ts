import { recordRejectionStep } from '../app/approval-rejection';
import { stepHandler } from '../app/step-handler';

/** Workflow step RecordRejection: seals the evidence and ends the mission REJECTED. */
export const createHandler = stepHandler(recordRejectionStep);
