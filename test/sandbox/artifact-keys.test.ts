import {
  attemptPrefix,
  buildLogKey,
  limitsKey,
  manifestKey,
  outputKey,
  outputPrefix,
  resultKey,
} from '../../builder-image/src/artifact-keys';

describe('artifact keys', () => {
  it('lays out one attempt under tenant, mission and attempt', () => {
    expect(attemptPrefix('t1', 'm-42', 2)).toBe('tenants/t1/missions/m-42/attempts/2');
    expect(manifestKey('t1', 'm-42', 2)).toBe('tenants/t1/missions/m-42/attempts/2/manifest.json');
    expect(limitsKey('t1', 'm-42', '2')).toBe('tenants/t1/missions/m-42/attempts/2/limits.json');
    expect(resultKey('t1', 'm-42', 2)).toBe('tenants/t1/missions/m-42/attempts/2/result.json');
    expect(buildLogKey('t1', 'm-42', 2)).toBe('tenants/t1/missions/m-42/attempts/2/build.log');
    expect(outputPrefix('t1', 'm-42', 2)).toBe('tenants/t1/missions/m-42/attempts/2/output/');
    expect(outputKey('t1', 'm-42', 2, 'assets/app.js')).toBe('tenants/t1/missions/m-42/attempts/2/output/assets/app.js');
  });

  it.each([
    ['tenant with a slash', () => attemptPrefix('t/1', 'm', 1)],
    ['tenant ..', () => attemptPrefix('..', 'm', 1)],
    ['empty mission', () => attemptPrefix('t', '', 1)],
    ['attempt 0', () => attemptPrefix('t', 'm', 0)],
    ['attempt 1.5', () => attemptPrefix('t', 'm', 1.5)],
    ['output path with ..', () => outputKey('t', 'm', 1, '../result.json')],
    ['absolute output path', () => outputKey('t', 'm', 1, '/x')],
  ])('refuses %s', (_label, make) => {
    expect(make).toThrow(expect.objectContaining({ name: 'ArtifactKeyError' }));
  });
});
