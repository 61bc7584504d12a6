/**
 * The twin's CloudWatch Logs pieces on their own: the filter pattern of the synthesized template
 * selects the builder's `log` and `error` protocol lines only, and a delivery decodes with the
 * function's own decoder as the service's payload would.
 */
import { builderLogLines, decodeLogsEvent } from '../../lambdas/domain/builder-log-events';
import { awslogsEvent, compileFilterPattern } from './cloudwatch-logs';
import { TwinTemplate } from './twin-template';

describe('CloudWatch Logs filter patterns', () => {
  it("selects with the template's builder log subscription exactly the protocol lines browsers are shown", () => {
    const template = TwinTemplate.synthesize();
    const patterns = template
      .resourcesOfType('AWS::Logs::SubscriptionFilter')
      .map((id) => String(template.resource(id).Properties?.FilterPattern));
    expect(patterns).toHaveLength(1);
    const matches = compileFilterPattern(patterns[0] as string);
    expect(matches('{"type":"log","line":"npm test"}')).toBe(true);
    expect(matches('{"type":"error","message":"EACCES"}')).toBe(true);
    expect(matches('{"type":"phase","phase":"install"}')).toBe(false);
    expect(matches('{"type":"result","ok":true}')).toBe(false);
    expect(matches('type log')).toBe(false);
    expect(matches('{"line":"no type"}')).toBe(false);
  });

  it('combines terms with && and ||, compares numbers, and refuses what it does not understand', () => {
    const both = compileFilterPattern('{ ($.a = "x") && ($.b.c != 2) }');
    expect(both('{"a":"x","b":{"c":3}}')).toBe(true);
    expect(both('{"a":"x","b":{"c":2}}')).toBe(false);
    expect(both('{"a":"y","b":{"c":3}}')).toBe(false);
    expect(compileFilterPattern('')('anything')).toBe(true);
    expect(() => compileFilterPattern('ERROR')).toThrow(/JSON filter patterns only/);
    expect(() => compileFilterPattern('{ $.a > 1 }')).toThrow();
    expect(() => compileFilterPattern('{ ($.a = "x" }')).toThrow();
  });
});

describe('a subscription delivery', () => {
  it("decodes with the log push function's decoder into the builder's lines", () => {
    const event = awslogsEvent({
      owner: '123456789012',
      logGroup: 'builder-logs',
      logStream: 'build/builder/0123456789abcdef0123456789abcdef',
      subscriptionFilters: ['f'],
      logEvents: [
        { id: '1', timestamp: 1, message: '{"v":1,"type":"log","line":"> vite build"}' },
        { id: '2', timestamp: 2, message: '{"v":1,"type":"error","message":"out of disk"}' },
      ],
    });
    const data = decodeLogsEvent(event);
    expect(data.messageType).toBe('DATA_MESSAGE');
    expect(builderLogLines(data)).toEqual(['> vite build', '[gantry] out of disk']);
  });
});
