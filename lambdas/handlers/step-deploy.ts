import { deployStep } from '../app/mission-steps';
import { stepHandler } from '../app/step-handler';

/** Workflow step (see statemachines/mission.asl.json). */
export const createHandler = stepHandler(deployStep);
