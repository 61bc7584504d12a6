import { join } from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadPolicyFile } from '../lambdas/domain/policy-file';
import { BUILDER_NETWORK_MODES, type BuilderNetworkMode } from './constructs/builder-foundry';
import { PROJECT_ROOT } from './constructs/project-paths';
import { GantryStack } from './gantry-stack';

/** Options of {@link createGantryApp}. */
export interface GantryAppOptions {
  /** Extra app context (tests pass `aws:cdk:bundling-stacks: []` to skip bundling). @default - none */
  readonly context?: Record<string, unknown>;
  /** @default '<project root>/policy.yaml' */
  readonly policyPath?: string;
  /** @default - the CDK default (cdk.out, or a temporary folder outside the CLI) */
  readonly outdir?: string;
  /**
   * The CDK's own check of the synthesized template against the CloudFormation resource schemas
   * (on at every `cdk synth` and deploy). Tests that only run what the template describes turn it
   * off: the template tests run it, and it costs seconds per synthesis. @default true
   */
  readonly cloudFormationValidation?: boolean;
}

/** `gantry:network`: `public` (default) or `isolated`; anything else is refused. */
function networkMode(value: string | undefined): BuilderNetworkMode {
  if (value === undefined || value === '') return 'public';
  if ((BUILDER_NETWORK_MODES as readonly string[]).includes(value)) return value as BuilderNetworkMode;
  throw new Error(`gantry:network must be one of ${BUILDER_NETWORK_MODES.join(', ')}, got '${value}'`);
}

/**
 * Builds the Gantry CDK app: the one stack, the project tag and the AWS Solutions cdk-nag
 * checks. `bin/gantry.ts` and the CDK tests both call this, so tests check what deploys.
 *
 * Context: `gantry:githubRepo` (owner/name for pull requests), `gantry:alarmTopicArn`,
 * `gantry:network` (`public`, the default with no idle cost, or `isolated`: no internet for builders),
 * `gantry:secretNamePrefix`, `gantry:stackName`, `gantry:llmProvider` (`bedrock` or `offline`),
 * `gantry:llmModel` (required with Bedrock: a model or cross-Region inference profile id, set in
 * cdk.json), `gantry:architect` (`offline` to draft and heal with the templates instead of the model).
 */
export function createGantryApp(options: GantryAppOptions = {}): { app: App; stack: GantryStack } {
  const app = new App({
    context: options.context,
    outdir: options.outdir,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
  const { policy } = loadPolicyFile(options.policyPath ?? join(PROJECT_ROOT, 'policy.yaml'));
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null ? undefined : String(value);
  };

  // No account/region here: the stack stays environment-agnostic, so synth never needs AWS lookups.
  const stack = new GantryStack(app, context('gantry:stackName') ?? 'Gantry', {
    description: 'Gantry: serverless AI software factory',
    policy,
    githubRepo: context('gantry:githubRepo') ?? '',
    alarmTopicArn: context('gantry:alarmTopicArn'),
    network: networkMode(context('gantry:network')),
    secretNamePrefix: context('gantry:secretNamePrefix'),
    llm: {
      provider: context('gantry:llmProvider') === 'offline' ? 'offline' : 'bedrock',
      model: context('gantry:llmModel'),
      architect: context('gantry:architect') === 'offline' ? 'offline' : 'llm',
    },
  });
  // Every taggable resource carries the project's tag, except the dashboard: CloudFormation's
  // published resource schemas (those template linters check against) have no Tags on
  // AWS::CloudWatch::Dashboard in every region yet, and a tag there buys nothing.
  Tags.of(app).add('project', 'gantry', { excludeResourceTypes: ['AWS::CloudWatch::Dashboard'] });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
