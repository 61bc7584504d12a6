import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';
import { bundleFunction } from '../helpers/function-bundles';

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
  const out = execFileSync(process.execPath, ['-e', script, bundle.file!], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GANTRY_RUNTIME: 'aws',
      GANTRY_ARTIFACT_BUCKET: 'artifacts',
      GANTRY_TABLE_NAME: 'table',
      GANTRY_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:111122223333:stateMachine:m',
      AWS_REGION: 'eu-west-1',
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
  }).toString();
  expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(loadPolicyFile())));
});
