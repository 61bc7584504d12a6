import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { bundleFunction, runInLambdaEnvironment } from '../helpers/function-bundles';

/**
 * Each function carries policy.yaml, validated at bundling and shipped compressed. A real bundle,
 * loaded the way Lambda loads it in a fresh process, composes its services with that policy: the
 * same hash and the same values as policy.yaml.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-bundled-policy-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([['step-policy-gate'], ['architect']])('the %s bundle starts with the policy it was bundled with', async (name) => {
  const bundle = await bundleFunction(name, dir);
  const script = 'const { policy } = require(process.argv[1]).services(); console.log(JSON.stringify(policy));';
  const out = runInLambdaEnvironment(script, [bundle.file!]);
  expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(loadPolicyFile())));
});
