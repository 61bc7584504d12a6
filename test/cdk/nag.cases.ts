import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { synthesizeGantry, type SynthesizedGantry } from './gantry-template';

let g: SynthesizedGantry;
beforeAll(() => {
  g = synthesizeGantry();
});

/** What cdk-nag 3 reports: it is a validation plugin, so findings come back as a report, not annotations. */
function nagFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.severity} ${v.ruleName} ${r.constructPath ?? ''}`),
  );
}

function acknowledgements(scope: IConstruct): { path: string; id: string; reason: string }[] {
  const out: { path: string; id: string; reason: string }[] = [];
  for (const c of scope.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        out.push({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return out;
}

test('AWS Solutions checks report no unacknowledged finding (errors or warnings)', () => {
  expect(nagFindings(g.app)).toEqual([]);
  // No AwsSolutions error annotation either (cdk-nag 2-style reporting).
  expect(Annotations.fromStack(g.stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
});

test('the check can fail: an unprotected bucket is reported', () => {
  const app = new App();
  const stack = new Stack(app, 'Scratch');
  new s3.Bucket(stack, 'Plain', { enforceSSL: false });
  const findings = nagFindings(app);
  expect(findings).toEqual(
    expect.arrayContaining([expect.stringContaining('AwsSolutions-S10'), expect.stringContaining('AwsSolutions-S1 ')]),
  );
});

test('every acknowledgement names one AwsSolutions finding and gives a specific reason', () => {
  const acks = acknowledgements(g.app).filter((a) => a.id.startsWith('AwsSolutions-'));
  expect(acks.length).toBeGreaterThan(0);
  for (const ack of acks) {
    expect(ack.id).toMatch(/^AwsSolutions-[A-Z0-9]+(\[.+\])?$/);
    expect(ack.reason.length).toBeGreaterThanOrEqual(40);
  }
  // The authorization acknowledgements point at the seam where the authorizer will attach.
  const apig4 = acks.filter((a) => a.id === 'AwsSolutions-APIG4' && a.path.includes('/RestApi/'));
  expect(apig4.filter((a) => !/public by design/.test(a.reason)).every((a) => a.reason.includes('authorizationFor'))).toBe(true);
});
