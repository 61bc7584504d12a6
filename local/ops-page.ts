import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { can, principalFromContext, UNAUTHORIZED_MESSAGE } from '../lambdas/domain/identity';
import { MISSION_STATUSES } from '../lambdas/domain/mission';
import { summarizeMetrics, type Distribution, type OpsSummary } from '../lambdas/domain/ops-metrics';
import { edgeHeaders, flatHeaders, runAuthorizer, sendError, sendJson } from './gateway-edge';
import type { LocalMetricsFile } from './metrics-file';

/** The windows the page offers, as on the dashboard's time picker. */
const WINDOWS: Readonly<Record<string, number | null>> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000, all: null };

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const ms = (v: number | null): string => (v === null ? '—' : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`);
const dist = (d: Distribution): string => `p50 ${ms(d.p50)} · p95 ${ms(d.p95)} · ${d.count} sample${d.count === 1 ? '' : 's'}`;

function renderOpsPage(summary: OpsSummary, window: string): string {
  const statuses = MISSION_STATUSES.filter((s) => summary.missions_by_status[s]);
  const max = Math.max(1, ...statuses.map((s) => summary.missions_by_status[s]!));
  const bars = statuses
    .map(
      (s) =>
        `<tr><td>${escape(s)}</td><td><span class="bar" style="width:${Math.round((summary.missions_by_status[s]! / max) * 100)}%"></span></td><td class="n">${summary.missions_by_status[s]}</td></tr>`,
    )
    .join('');
  const errors = Object.entries(summary.errors.by_step)
    .map(([step, n]) => `<li>${escape(step)}: ${n}</li>`)
    .join('');
  const tabs = Object.keys(WINDOWS)
    .map((w) => (w === window ? `<b>${w}</b>` : `<a href="?window=${w}">${w}</a>`))
    .join(' · ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15"><title>Gantry — operations</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f7fb;color:#1d2230}header{background:#1d2230;color:#fff;padding:14px 24px}
header h1{margin:0;font-size:20px}header a{color:#9cc3ff}main{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px;padding:16px 24px}
.card{background:#fff;border:1px solid #dde1ec;border-radius:8px;padding:10px 16px}.card h2{font-size:14px;margin:0 0 6px;color:#555}
.big{font-size:26px;font-weight:600}table{width:100%;border-collapse:collapse;font-size:13px}td{padding:2px 4px}.n{text-align:right}
.bar{display:inline-block;height:10px;background:#2a5db0;border-radius:3px;min-width:2px}</style></head>
<body><header><h1>Gantry operations</h1><div>Window: ${tabs} · ${summary.window.points} metric records · the same metrics as the CloudWatch dashboard · <a href="/ops/metrics.json?window=${escape(window)}">metrics.json</a></div></header>
<main>
<section class="card" id="missions"><h2>Missions by status entered</h2>${bars ? `<table>${bars}</table>` : '<p>No missions in this window.</p>'}</section>
<section class="card" id="time-to-live"><h2>Time to live URL</h2><div class="big">${ms(summary.time_to_live_url_ms.p50)}</div><div>${dist(summary.time_to_live_url_ms)}</div></section>
<section class="card" id="heal"><h2>Heal attempts</h2><div class="big">${summary.heal_attempts}</div></section>
<section class="card" id="queue"><h2>Builder queue wait</h2><div class="big">${ms(summary.builder_queue_wait_ms.p50)}</div><div>${dist(summary.builder_queue_wait_ms)}</div></section>
<section class="card" id="spend"><h2>Model tokens and cost</h2><div class="big">${summary.model_tokens.toLocaleString('en-US')} tokens</div><div>estimated $${summary.model_cost_usd.toFixed(4)}</div></section>
<section class="card" id="errors"><h2>Mission errors</h2><div class="big">${summary.errors.total}</div>${errors ? `<ul>${errors}</ul>` : ''}</section>
</main></body></html>`;
}

/**
 * `GET /ops` (a page) and `GET /ops/metrics.json`: the operator's view of the local stack, from
 * the metric records the handlers emitted. Operators only: a session whose role may read the audit
 * (owner, admin), as on AWS only operators open the CloudWatch console.
 */
export async function serveOps(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: Record<string, string>,
  metricsFile: LocalMetricsFile,
): Promise<void> {
  req.resume();
  const verdict = await runAuthorizer({
    type: 'REQUEST',
    methodArn: `arn:aws:execute-api:local:000000000000:local/local/GET${path}`,
    resource: path,
    path,
    httpMethod: 'GET',
    headers: flatHeaders(req),
    queryStringParameters: query,
    pathParameters: {},
    requestContext: {
      requestId: randomUUID(),
      resourcePath: path,
      httpMethod: 'GET',
      identity: { sourceIp: req.socket.remoteAddress ?? '' },
    },
  });
  const principal = verdict.ok ? principalFromContext(verdict.context) : null;
  if (!principal) return sendError(res, 401, 'UNAUTHORIZED', UNAUTHORIZED_MESSAGE);
  if (!can(principal.role, 'audit:read')) {
    return sendError(res, 403, 'FORBIDDEN', 'The operations view is for owners and admins');
  }
  const window = query.window ?? '24h';
  if (!(window in WINDOWS))
    return sendError(res, 400, 'VALIDATION_ERROR', `window must be one of ${Object.keys(WINDOWS).join(', ')}`);
  const span = WINDOWS[window]!;
  const now = new Date();
  const summary = summarizeMetrics(metricsFile.read(), {
    now,
    ...(span === null ? {} : { since: new Date(now.getTime() - span) }),
  });
  if (path === '/ops/metrics.json') return sendJson(res, 200, summary, { 'cache-control': 'no-store' });
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    ...edgeHeaders(res),
  });
  res.end(renderOpsPage(summary, window));
}
