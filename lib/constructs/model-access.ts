import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { GantryFunction } from './gantry-function';

/**
 * Regions a system-defined cross-Region inference profile may route to, by its prefix (a superset
 * of every profile's list in that geography; the `global.` profiles route to any commercial
 * Region). A bare model id is invoked in the stack's own Region only.
 */
const PROFILE_DESTINATIONS: Readonly<Record<string, readonly string[] | '*'>> = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  'us-gov': ['us-gov-east-1', 'us-gov-west-1'],
  eu: ['eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3'],
  apac: [
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-4',
  ],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
  ca: ['ca-central-1', 'ca-west-1'],
  global: '*',
};

/** A Bedrock model id split into its inference-profile prefix (if any) and foundation model id. */
export interface ModelReference {
  /** e.g. `us`, or null for a bare foundation model id. */
  readonly profilePrefix: string | null;
  /** e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  readonly foundationModelId: string;
  /** Destination Regions of the profile: a list, `*` (global), or null (the stack's Region only). */
  readonly destinations: readonly string[] | '*' | null;
}

const MODEL_ID = /^(?:([a-z-]+)\.)?([a-z0-9-]+\.[A-Za-z0-9.:_-]+)$/;

/** Parses a model or inference profile id (`us.anthropic.claude-…`, `anthropic.claude-…`). */
export function parseModelReference(modelId: string): ModelReference {
  const match = MODEL_ID.exec(modelId);
  const prefix = match?.[1];
  if (!match?.[2]) throw new Error(`Not a Bedrock model or inference profile id: '${modelId}'`);
  if (prefix && PROFILE_DESTINATIONS[prefix] === undefined) {
    // `anthropic.claude-…` has no profile prefix: the first segment is the provider.
    return { profilePrefix: null, foundationModelId: modelId, destinations: null };
  }
  if (!prefix) return { profilePrefix: null, foundationModelId: modelId, destinations: null };
  return { profilePrefix: prefix, foundationModelId: match[2], destinations: PROFILE_DESTINATIONS[prefix] ?? null };
}

/**
 * Lets a function call one Bedrock model (Converse / InvokeModel, streaming or not): the
 * cross-Region inference profile in this account and Region, and the profile's foundation model
 * in every destination Region of the profile (Bedrock checks both). Nothing else in Bedrock.
 */
export function grantModelInvocation(fn: GantryFunction, modelId: string): void {
  const stack = Stack.of(fn);
  const model = parseModelReference(modelId);
  const foundationArn = (region: string) =>
    `arn:${stack.partition}:bedrock:${region}::foundation-model/${model.foundationModelId}`;
  const resources: string[] = [];
  if (model.profilePrefix) {
    resources.push(stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: modelId }));
    if (model.destinations === '*') resources.push(foundationArn('*'), foundationArn(''));
    else for (const region of model.destinations ?? []) resources.push(foundationArn(region));
  } else {
    resources.push(foundationArn(stack.region));
  }
  fn.allow(
    new iam.PolicyStatement({
      // InvokeModel* covers Converse and ConverseStream, which Bedrock authorizes as InvokeModel(WithResponseStream).
      actions: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      resources,
    }),
    model.destinations === '*'
      ? 'A global cross-Region inference profile routes to the foundation model in any commercial Region; the grant names the one model.'
      : undefined,
  );
  fn.addEnvironment('GANTRY_LLM_MODEL', modelId);
}
