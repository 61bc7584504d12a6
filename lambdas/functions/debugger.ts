import { createHandler } from '../handlers/debugger';
import { awsBase, awsDebuggerRuns, awsIdentityStore, once } from '../composition/aws-adapters';

/**
 * AWS Lambda entry: composes only the adapters this function uses (see
 * lambdas/composition/aws-adapters.ts), once per container, on first use.
 */
export const services = once(() => {
  const base = awsBase();
  // No sandbox on AWS yet: `snippets` stays absent and the debugger answers that it is unavailable.
  return { ...base, identity: awsIdentityStore(base), debuggerRuns: awsDebuggerRuns(base) };
});

export const handler = createHandler(services);
