import { Match } from 'aws-cdk-lib/assertions';
import { synthesizeGantry, type SynthesizedGantry } from './gantry-template';

/**
 * The operator's alarms and dashboard: every layer alarms (API Gateway, Lambda, Step Functions,
 * Fargate, DynamoDB) to one SNS topic, and the dashboard shows the metrics the handlers emit (the
 * same ones the local /ops page computes).
 */
let g: SynthesizedGantry;
beforeAll(() => {
  g = synthesizeGantry();
});

type Resource = { Type: string; Properties: Record<string, any> };
const alarms = (): Resource[] => Object.values(g.template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
/** The namespaces and metric names an alarm watches (plain metric or math expression). */
const watched = (a: Resource): string[] => {
  const p = a.Properties;
  if (p.MetricName) return [`${p.Namespace}/${p.MetricName}`];
  return (p.Metrics as Array<{ MetricStat?: { Metric: { Namespace: string; MetricName: string } } }>)
    .filter((m) => m.MetricStat)
    .map((m) => `${m.MetricStat!.Metric.Namespace}/${m.MetricStat!.Metric.MetricName}`);
};

test('the stack has its own alarm topic (SSL only), and every alarm notifies it on ALARM and OK', () => {
  g.template.resourceCountIs('AWS::SNS::Topic', 1);
  const topicId = Object.keys(g.template.findResources('AWS::SNS::Topic'))[0]!;
  g.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
    },
  });
  expect(alarms().length).toBeGreaterThanOrEqual(8);
  for (const a of alarms()) {
    expect({ alarm: a.Properties.AlarmDescription, actions: a.Properties.AlarmActions }).toEqual({
      alarm: a.Properties.AlarmDescription,
      actions: [{ Ref: topicId }],
    });
    expect(a.Properties.OKActions).toEqual([{ Ref: topicId }]);
  }
  g.template.hasOutput('AlarmTopicArn', { Value: { Ref: topicId } });
});

test('alarms cover API Gateway (5xx, latency), Lambda (errors, throttles), Step Functions, Fargate and DynamoDB', () => {
  const all = alarms().flatMap(watched);
  for (const metric of [
    'AWS/ApiGateway/5XXError',
    'AWS/ApiGateway/Latency',
    'AWS/Lambda/Errors',
    'AWS/Lambda/Throttles',
    'AWS/States/ExecutionsFailed',
    'AWS/States/ExecutionsTimedOut',
    'ECS/ContainerInsights/CpuUtilized',
    'AWS/DynamoDB/ThrottledRequests',
    'AWS/DynamoDB/SystemErrors',
  ])
    expect({ metric, alarmed: all.includes(metric) }).toEqual({ metric, alarmed: true });
  // No alarm's math uses more than the 10 metrics CloudWatch allows.
  for (const a of alarms()) expect(watched(a).length).toBeLessThanOrEqual(10);
});

test('every Lambda function of the stack is covered by an errors alarm and a throttles alarm', () => {
  const functionIds = Object.keys(g.template.findResources('AWS::Lambda::Function')).filter(
    (id) => !/LogRetention|CustomResource|AwsCustomResource|BucketNotificationsHandler|AutoDeleteObjects/.test(id),
  );
  const covered = (metricName: string): Set<string> =>
    new Set(
      alarms()
        .flatMap(
          (a) =>
            (a.Properties.Metrics ?? []) as Array<{
              MetricStat?: { Metric: { MetricName: string; Dimensions?: Array<{ Value: { Ref?: string } }> } };
            }>,
        )
        .filter((m) => m.MetricStat?.Metric.MetricName === metricName)
        .map((m) => m.MetricStat!.Metric.Dimensions?.[0]?.Value.Ref ?? ''),
    );
  const errors = covered('Errors');
  const throttles = covered('Throttles');
  const gantryFunctions = functionIds.filter((id) => errors.has(id) || throttles.has(id));
  expect(gantryFunctions.length).toBeGreaterThanOrEqual(25);
  for (const id of gantryFunctions)
    expect({ id, errors: errors.has(id), throttles: throttles.has(id) }).toEqual({ id, errors: true, throttles: true });
  // Every function made from a handler in lambdas/ is among them.
  const handlerFunctions = Object.entries(g.template.findResources('AWS::Lambda::Function'))
    .filter(([, r]) => (r as Resource).Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'gantry')
    .map(([id]) => id);
  for (const id of handlerFunctions) expect({ id, covered: errors.has(id) }).toEqual({ id, covered: true });
});

test('the dashboard has only the properties every region’s resource schema knows (no Tags)', () => {
  const dashboards = Object.values(g.template.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
  expect(dashboards).toHaveLength(1);
  const properties = dashboards[0]!.Properties as Record<string, unknown>;
  expect(properties).toHaveProperty('DashboardBody');
  expect(Object.keys(properties).filter((k) => !['DashboardBody', 'DashboardName'].includes(k))).toEqual([]);
});

test('the dashboard shows the metrics of the local /ops page, from the handlers’ EMF namespace', () => {
  const dashboards = Object.values(g.template.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
  expect(dashboards).toHaveLength(1);
  const body = JSON.stringify(g.stack.resolve(dashboards[0]!.Properties.DashboardBody));
  for (const name of [
    'MissionStatusChanges',
    'TimeToLiveUrl',
    'BuilderQueueWait',
    'ModelTokens',
    'ModelCostUsd',
    'MissionErrors',
  ])
    expect({ name, shown: body.includes(name) }).toEqual({ name, shown: true });
  for (const title of ['Time to live URL', 'Heal attempts', 'Builder queue wait', 'Model tokens', 'Mission errors', 'Alarms'])
    expect({ title, shown: body.includes(title) }).toEqual({ title, shown: true });
});

test('a given alarm topic is used instead of a new one', () => {
  const own = synthesizeGantry({ 'gantry:alarmTopicArn': 'arn:aws:sns:us-east-1:123456789012:ops' });
  own.template.resourceCountIs('AWS::SNS::Topic', 0);
  const all = Object.values(own.template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
  for (const a of all) expect(a.Properties.AlarmActions).toEqual(['arn:aws:sns:us-east-1:123456789012:ops']);
});
