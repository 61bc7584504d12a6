import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { GantryFunction } from './gantry-function';

/**
 * Lets a function call Bedrock (Converse / InvokeModel, streaming or not).
 *
 * The model is configuration, not infrastructure: it can change without a deploy, and
 * cross-region inference profiles route a call to foundation models in other regions. So the
 * grant covers foundation models in any region and this account's inference profiles, and
 * nothing else in Bedrock.
 */
export function grantModelInvocation(fn: GantryFunction): void {
  const stack = Stack.of(fn);
  fn.allow(
    new iam.PolicyStatement({
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources: [
        `arn:${stack.partition}:bedrock:*::foundation-model/*`,
        stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: '*' }),
      ],
    }),
    'The Bedrock model is chosen by configuration at run time and cross-region inference profiles route ' +
      'to foundation models in other regions; the grant is limited to model invocation.',
  );
}
