import type { Template } from 'aws-cdk-lib/assertions';
import { synthesizeGantry } from './gantry-template';

/**
 * What the stack costs a month with nobody using it, from list prices (us-east-1). Everything
 * billed per request, per GB or per running second (Lambda, API Gateway, DynamoDB on demand,
 * Step Functions, Fargate, S3 requests, log ingestion) is zero when idle; storage of data you
 * created is left out. What stays is billed by the hour or the month whatever the traffic.
 */
const MONTHLY_USD = {
  interfaceEndpointPerAz: 7.3,
  natGateway: 32.85,
  /** Public IPv4 address held all month (an Elastic IP, e.g. of a NAT gateway). */
  elasticIp: 3.65,
  kmsKey: 1,
  secretsManagerSecret: 0.4,
  alarm: 0.1,
  /** Dashboards beyond the first three. */
  dashboardBeyondFree: 3,
} as const;
const FREE_DASHBOARDS = 3;

interface CostLine {
  readonly item: string;
  readonly count: number;
  readonly usd: number;
}

/** The idle monthly cost of a synthesized template, line by line. */
export function idleMonthlyCost(template: Template): { total: number; lines: CostLine[] } {
  const resources = Object.values(template.toJSON().Resources as Record<string, { Type: string; Properties?: any }>);
  const ofType = (type: string) => resources.filter((r) => r.Type === type);
  const interfaceAzs = ofType('AWS::EC2::VPCEndpoint')
    .filter((e) => e.Properties?.VpcEndpointType === 'Interface')
    .reduce((sum, e) => sum + (e.Properties?.SubnetIds?.length ?? 1), 0);
  const dashboards = ofType('AWS::CloudWatch::Dashboard').length;
  const lines: CostLine[] = [
    { item: 'interface VPC endpoint × AZ', count: interfaceAzs, usd: interfaceAzs * MONTHLY_USD.interfaceEndpointPerAz },
    {
      item: 'NAT gateway',
      count: ofType('AWS::EC2::NatGateway').length,
      usd: ofType('AWS::EC2::NatGateway').length * MONTHLY_USD.natGateway,
    },
    { item: 'Elastic IP', count: ofType('AWS::EC2::EIP').length, usd: ofType('AWS::EC2::EIP').length * MONTHLY_USD.elasticIp },
    { item: 'KMS key', count: ofType('AWS::KMS::Key').length, usd: ofType('AWS::KMS::Key').length * MONTHLY_USD.kmsKey },
    {
      item: 'Secrets Manager secret',
      count: ofType('AWS::SecretsManager::Secret').length,
      usd: ofType('AWS::SecretsManager::Secret').length * MONTHLY_USD.secretsManagerSecret,
    },
    {
      item: 'CloudWatch alarm',
      count: ofType('AWS::CloudWatch::Alarm').length,
      usd: ofType('AWS::CloudWatch::Alarm').length * MONTHLY_USD.alarm,
    },
    {
      item: 'CloudWatch dashboard beyond 3 free',
      count: Math.max(0, dashboards - FREE_DASHBOARDS),
      usd: Math.max(0, dashboards - FREE_DASHBOARDS) * MONTHLY_USD.dashboardBeyondFree,
    },
  ];
  const total = Math.round(lines.reduce((sum, l) => sum + l.usd, 0) * 100) / 100;
  return { total, lines: lines.filter((l) => l.count > 0) };
}

const describe$ = (lines: CostLine[]) => lines.map((l) => `${l.count} × ${l.item} = $${l.usd.toFixed(2)}`).join('; ');

test('the default stack costs at most $3 a month idle', () => {
  const { template } = synthesizeGantry();
  const cost = idleMonthlyCost(template);
  process.stdout.write(`Idle cost, default (public) network mode: $${cost.total.toFixed(2)}/month (${describe$(cost.lines)})\n`);
  expect(cost.total).toBeLessThanOrEqual(3);
  // The one KMS key is the evidence signing key.
  expect(cost.lines.find((l) => l.item === 'KMS key')?.count).toBe(1);
});

test('isolated network mode pays for its interface endpoints (printed), still without NAT or secrets', () => {
  const { template } = synthesizeGantry({ 'gantry:network': 'isolated' });
  const cost = idleMonthlyCost(template);
  process.stdout.write(`Idle cost, isolated network mode: $${cost.total.toFixed(2)}/month (${describe$(cost.lines)})\n`);
  expect(cost.lines.find((l) => l.item === 'interface VPC endpoint × AZ')?.count).toBe(3 * 2);
  expect(cost.lines.find((l) => l.item === 'NAT gateway')).toBeUndefined();
  expect(cost.total).toBeGreaterThan(40);
});
