import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiActivity } from '../../local/function-concurrency';
import { LocalGateway } from '../../local/gateway';
import { LocalMetricsFile } from '../../local/metrics-file';

/**
 * The gateway counts the requests it answers for the workflow's steps to give way to (see
 * function-concurrency.ts): every request from outside, while it is being answered, but not the
 * stack's own pushes to `@connections`.
 */

class CountingActivity extends ApiActivity {
  begun = 0;
  override begin(): () => void {
    this.begun += 1;
    return super.begin();
  }
}

let dir: string;
let gateway: LocalGateway;
const activity = new CountingActivity(60_000);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gantry-gw-activity-'));
  gateway = new LocalGateway({
    host: '127.0.0.1',
    port: 0,
    pullsDir: join(dir, 'pulls'),
    webDir: join(dir, 'web'),
    connectionsKey: 'k'.repeat(32),
    metricsFile: new LocalMetricsFile(dir),
    appUrl: (slug) => `http://${slug}.localhost:1/`,
    activity,
  });
  await gateway.listen();
});

afterAll(async () => {
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a request from outside counts while it is answered; a push to @connections does not count', async () => {
  const before = activity.begun;
  const api = await fetch(`${gateway.url}/gantry/no-such-route`);
  await api.text();
  expect(activity.begun).toBe(before + 1);
  // Answered: nothing is counted any more.
  expect(activity.active).toBe(0);

  const push = await fetch(`${gateway.url}/@connections/nobody`, { method: 'POST', body: '{}' });
  await push.text();
  expect(push.status).toBeGreaterThanOrEqual(400);
  expect(activity.begun).toBe(before + 1);
  expect(activity.active).toBe(0);
});
