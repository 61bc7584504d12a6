/**
 * Each famous-app theme, asked for in a consultation and confirmed, becomes a deployed app that
 * passed its own tests in the sandboxed builder, and that carries the theme (kind, version,
 * colours) on its live URL.
 */
import { THEME_IDS, THEMES, type ThemeId } from '../../lambdas/domain/architect/themes';
import { startTestStack, type TestStack } from '../helpers/test-stack';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});

afterAll(async () => {
  await t?.stop();
});

const REQUESTS: Record<ThemeId, string> = {
  LINKEDIN: 'Build a LinkedIn-style feed for my team',
  TWITTER: 'a Twitter clone',
  TRELLO: 'a Trello board for our sprint',
  NOTION: 'notes like Notion',
};

test('each of the four themes is planned, confirmed, built, tested and deployed', async () => {
  const missions = new Map<ThemeId, string>();
  for (const id of THEME_IDS) {
    const plan = await t.request('POST', '/gantry/consult', { message: REQUESTS[id], publish: false });
    expect(plan.body).toMatchObject({ status: 'NEEDS_CONFIRMATION', design_target: id, app_kind: THEMES[id].kind });
    for (const feature of THEMES[id].features) expect(plan.body.features).toContain(feature);
    const go = await t.request('POST', '/gantry/consult', { message: 'proceed', mission_id: plan.body.mission_id });
    expect(go.status).toBe(202);
    missions.set(id, plan.body.mission_id);
  }
  for (const [id, missionId] of missions) {
    const done = await t.waitFor(missionId, ['DEPLOYED', 'FAILED'], 240_000);
    expect({ theme: id, status: done.status, failure: done.failure }).toEqual({ theme: id, status: 'DEPLOYED', failure: null });
    const accepted = done.attempts.at(-1);
    expect(accepted).toMatchObject({ ok: true, tests_failed: 0 });
    expect(accepted.tests_passed).toBeGreaterThanOrEqual(10);
    expect(done.design_target).toBe(id);
    const theme = THEMES[id];
    const html = (await t.fetchApp(done.url)).text;
    expect(html).toContain(`data-app-kind="${theme.kind}" data-design-target="${id}" data-theme-version="${theme.version}"`);
    expect(html).toContain(`<h1>${theme.title}</h1>`);
    const css = (await t.fetchApp(new URL('styles.css', done.url).toString())).text;
    expect(css).toContain(`--accent: ${theme.palette.light.accent};`);
  }
});
