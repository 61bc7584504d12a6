import { parseTestOutcomes } from '../../builder-image/src/test-outcomes';

// Captured from `npm test` running `node --test` (Node 20, TAP reporter because stdout is a pipe).
const TAP = `
> t@1.0.0 test
> node --test

TAP version 13
# Subtest: adds
ok 1 - adds
  ---
  duration_ms: 1.079467
  ...
# Subtest: fails
not ok 2 - fails
  ---
  duration_ms: 0.975609
  location: '/job/app/test/a.test.js:3:1'
  failureType: 'testCodeFailure'
  error: '2 == 3'
  stack: |-
    ok 7 - this line is inside a YAML block and is not a result
    TestContext.<anonymous> (/job/app/test/a.test.js:3:28)
  ...
# Subtest: suite
    # Subtest: inner ok
    ok 1 - inner ok
      ---
      duration_ms: 0.210425
      ...
    # Subtest: inner skip
    ok 2 - inner skip # SKIP
      ---
      duration_ms: 0.125831
      ...
    1..2
ok 3 - suite
  ---
  duration_ms: 0.806801
  type: 'suite'
  ...
# Subtest: has a \\# hash
ok 4 - has a \\# hash
  ---
  duration_ms: 0.1
  ...
# Subtest: /job/app/test/b.test.js
not ok 5 - /job/app/test/b.test.js
  ---
  duration_ms: 62.445313
  failureType: 'testCodeFailure'
  exitCode: 1
  error: 'test failed'
  ...
1..5
# tests 7
# pass 4
# fail 2
`;

// The spec reporter (default from Node 23, or chosen by an app).
const SPEC = `
▶ suite
  ✔ inner ok (0.21ms)
  ﹣ inner skip (0.12ms) # SKIP
▶ suite (0.8ms)
✔ adds (1.07ms)
✖ fails (0.97ms)
  AssertionError [ERR_ASSERTION]: 2 == 3
ℹ tests 4
ℹ pass 2
ℹ fail 1

✖ failing tests:

test at test/a.test.js:3:1
✖ fails (0.97ms)
  AssertionError [ERR_ASSERTION]: 2 == 3
`;

describe('test outcome parsing', () => {
  it('reads leaf tests from TAP, with suites as prefixes, skips as passes and load failures named by file', () => {
    expect(parseTestOutcomes(TAP, { appDir: '/job/app' })).toEqual([
      { name: 'adds', ok: true },
      { name: 'fails', ok: false },
      { name: 'suite > inner ok', ok: true },
      { name: 'suite > inner skip', ok: true },
      { name: 'has a # hash', ok: true },
      { name: 'test/b.test.js', ok: false },
    ]);
  });

  it('drops file-level wrappers (older runners nest each file) from names', () => {
    const nested = [
      '# Subtest: /job/app/test/a.test.js',
      '    # Subtest: works',
      '    ok 1 - works',
      '    1..1',
      'ok 1 - /job/app/test/a.test.js',
    ].join('\n');
    expect(parseTestOutcomes(nested, { appDir: '/job/app' })).toEqual([{ name: 'works', ok: true }]);
  });

  it('falls back to the spec reporter and ignores its repeated failure summary', () => {
    expect(parseTestOutcomes(SPEC)).toEqual([
      { name: 'suite > inner ok', ok: true },
      { name: 'suite > inner skip', ok: true },
      { name: 'adds', ok: true },
      { name: 'fails', ok: false },
    ]);
  });

  it('returns nothing for output without tests', () => {
    expect(parseTestOutcomes('> build\nall good\n')).toEqual([]);
  });

  it('caps the number of outcomes', () => {
    const many = Array.from({ length: 50 }, (_, i) => `ok ${i + 1} - t${i}`).join('\n');
    expect(parseTestOutcomes(many, { maxOutcomes: 10 })).toHaveLength(10);
  });
});
