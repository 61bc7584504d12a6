import { Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';

/**
 * Helpers for cdk-nag acknowledgements. Every acknowledgement names one finding and carries
 * the reason next to the code that causes it; there is no stack-wide blanket suppression.
 */

/** Records one acknowledgement of finding `id` on `scope` (and so on everything below it). */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Flattens a resolved CloudFormation value the way cdk-nag prints it inside a finding id:
 * `Fn::GetAtt` becomes `<Logical.Attr>`, `Ref` becomes `<Logical>`, `Fn::Join` is joined.
 */
export function flattenReference(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (Array.isArray(node['Fn::Join'])) {
      const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
      return items.map(flattenReference).join(delimiter);
    }
    if (node['Fn::Sub'] !== undefined) return flattenReference(node['Fn::Sub']);
    if (Array.isArray(node['Fn::GetAtt'])) {
      const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
    }
    if (node['Fn::ImportValue'] !== undefined) return flattenReference(node['Fn::ImportValue']);
    if (node.Ref !== undefined) return `<${flattenReference(node.Ref)}>`;
  }
  return JSON.stringify(value);
}

/** The AwsSolutions-IAM5 finding ids a statement produces (one per wildcard action or resource). */
export function wildcardFindings(scope: IConstruct, statement: iam.PolicyStatement): string[] {
  const stack = Stack.of(scope);
  const json = stack.resolve(statement.toStatementJson()) as { Action?: unknown; Resource?: unknown };
  const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const actions = list(json.Action).filter((a): a is string => typeof a === 'string' && a.includes('*'));
  const resources = list(json.Resource)
    .map(flattenReference)
    .filter((r) => r.includes('*'));
  return [...actions.map((a) => `AwsSolutions-IAM5[Action::${a}]`), ...resources.map((r) => `AwsSolutions-IAM5[Resource::${r}]`)];
}

/**
 * Adds `statement` to `role`, acknowledging each of its wildcards with `reason`. A statement
 * with a wildcard and no reason is refused, so every wildcard in a role is explained where it
 * is granted.
 */
export function allowWithReason(role: iam.IRole, statement: iam.PolicyStatement, reason?: string): void {
  role.addToPrincipalPolicy(statement);
  const findings = wildcardFindings(role, statement);
  if (findings.length === 0) return;
  if (!reason) throw new Error(`${role.node.path}: a wildcard permission needs a reason (${findings.join(', ')})`);
  for (const id of findings) acknowledge(role, id, reason);
}
