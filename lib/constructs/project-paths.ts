import { join } from 'node:path';

/** Repository root: handler sources, policy.yaml, the ASL and the builder image live below it. */
export const PROJECT_ROOT = join(__dirname, '..', '..');
