import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, type App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { type Policy } from '../../lambdas/domain/policy';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { PROJECT_ROOT } from '../../lib/constructs/project-paths';
import { createGantryApp } from '../../lib/gantry-app';
import type { GantryStack } from '../../lib/gantry-stack';

/** The synthesized Gantry app exactly as `bin/gantry.ts` builds it, minus Lambda bundling. */
export interface SynthesizedGantry {
  readonly app: App;
  readonly stack: GantryStack;
  readonly template: Template;
  readonly policy: Policy;
}

const synthesized = new Map<string, SynthesizedGantry>();

/**
 * Synthesizes the app with the context of cdk.json (feature flags) and bundling skipped.
 * `Template.fromStack` runs the registered cdk-nag plugin too, so an unacknowledged finding
 * makes this throw.
 *
 * A synthesis takes seconds, and the template tests only read it, so within one test file each
 * context is synthesized once (`template.test.ts` runs all of them in one file for that reason).
 */
export function synthesizeGantry(extraContext: Record<string, unknown> = {}): SynthesizedGantry {
  const key = JSON.stringify(extraContext);
  const known = synthesized.get(key);
  if (known) return known;
  const made = synthesizeFresh(extraContext);
  synthesized.set(key, made);
  return made;
}

function synthesizeFresh(extraContext: Record<string, unknown>): SynthesizedGantry {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const { app, stack } = createGantryApp({
    context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...extraContext },
  });
  const template = Template.fromStack(stack);
  return { app, stack, template, policy: loadPolicyFile(join(PROJECT_ROOT, 'policy.yaml')).policy };
}

/** Logical id of a construct's CloudFormation resource. */
export function logicalId(construct: IConstruct): string {
  const cfn = construct.node.defaultChild as CfnElement | undefined;
  if (!cfn) throw new Error(`${construct.node.path} has no default child`);
  return Stack.of(construct).getLogicalId(cfn);
}

export interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

export interface GrantedStatement {
  /** Logical ids of the roles the policy is attached to. */
  readonly roles: string[];
  readonly actions: string[];
  readonly resources: unknown[];
  readonly statement: Statement;
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every Allow statement of every AWS::IAM::Policy, with the roles it applies to. */
export function grantedStatements(template: Template): GrantedStatement[] {
  const out: GrantedStatement[] = [];
  const policies = template.findResources('AWS::IAM::Policy') as Record<
    string,
    { Properties: { Roles?: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } }
  >;
  for (const policy of Object.values(policies)) {
    const roles = (policy.Properties.Roles ?? []).map((r) => r.Ref);
    for (const statement of policy.Properties.PolicyDocument.Statement) {
      if (statement.Effect !== 'Allow') continue;
      out.push({ roles, actions: asList(statement.Action), resources: asList(statement.Resource), statement });
    }
  }
  return out;
}

/** Roles (logical ids) holding `action` on a resource whose JSON mentions `resourceLogicalId`. */
export function rolesAllowed(template: Template, action: string, resourceLogicalId: string): string[] {
  const roles = grantedStatements(template)
    .filter((s) => s.actions.includes(action))
    .filter((s) => s.resources.some((r) => JSON.stringify(r).includes(`"${resourceLogicalId}"`)))
    .flatMap((s) => s.roles);
  return [...new Set(roles)].sort();
}

/** Roles (logical ids) holding `action` at all. */
export function rolesWithAction(template: Template, action: string): string[] {
  return [
    ...new Set(
      grantedStatements(template)
        .filter((s) => s.actions.includes(action))
        .flatMap((s) => s.roles),
    ),
  ].sort();
}

/** Environment variables of a Lambda function in the template. */
export function environmentOf(template: Template, functionLogicalId: string): Record<string, unknown> {
  const fn = template.toJSON().Resources[functionLogicalId] as
    { Properties: { Environment?: { Variables?: Record<string, unknown> } } } | undefined;
  if (!fn) throw new Error(`No resource ${functionLogicalId}`);
  return fn.Properties.Environment?.Variables ?? {};
}
