import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../lambdas/domain/policy-file';

/**
 * `engines.node` in package.json and the README's Quick start state the Node version the runtime
 * dependencies need: the highest minimum any installed runtime package declares, no higher.
 */
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; optional?: boolean; engines?: { node?: string } | string[] }>;
};

/** The lowest major version a range of the usual shapes (`>=22`, `^20.9.0`, `18 || 20 || >=22`) admits. */
function lowestMajor(range: string): number {
  const majors = range.split('||').map((alternative) => {
    const bounds = alternative
      .trim()
      .split(/\s+(?=[<>=^~\d])/)
      .filter((part) => !part.startsWith('<'))
      .map((part) => Number(/(\d+)/.exec(part)?.[1] ?? 0));
    return Math.max(0, ...bounds);
  });
  return Math.min(...majors);
}

test('the range reader understands the shapes the lockfile holds', () => {
  expect(lowestMajor('>=22.0.0')).toBe(22);
  expect(lowestMajor('>= 20')).toBe(20);
  expect(lowestMajor('18 || 20 || >=22')).toBe(18);
  expect(lowestMajor('^20.19.0 || ^22.13.0 || >=24')).toBe(20);
  expect(lowestMajor('>=14.17 <15 || >=16')).toBe(14);
});

test('engines.node is the highest minimum among runtime dependencies, and the README says the same', () => {
  const needs: Array<[string, number]> = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.dev || Array.isArray(entry.engines) || !entry.engines?.node) continue;
    needs.push([`${path.replace(/^.*node_modules\//, '')}@${entry.version}`, lowestMajor(entry.engines.node)]);
  }
  const highest = Math.max(...needs.map(([, major]) => major));
  expect(highest).toBeGreaterThanOrEqual(20);
  expect(pkg.engines.node).toBe(`>=${highest}`);
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const quickStart = readme.slice(
    readme.indexOf('## Quick start'),
    readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
  );
  expect(quickStart).toContain(`Node ${highest} or newer`);
});
