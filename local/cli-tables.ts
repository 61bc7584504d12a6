import { CliError, clip, explainApiError, formatDuration, STATUS_WORDS, table, type ApiCall, type CliIo } from './cli-output';

function since(iso: unknown, now = Date.now()): string {
  const at = Date.parse(String(iso));
  return Number.isFinite(at) ? `${formatDuration(now - at)} ago` : '';
}

function optionValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** `gantry missions [--limit N] [--search <words>] [--json]`: the tenant's missions as a table (or the raw JSON). */
export async function missionsCommand(args: string[], api: ApiCall, baseUrl: string, io: CliIo): Promise<number> {
  const search = optionValue(args, '--search');
  const limit = optionValue(args, '--limit');
  const query = new URLSearchParams({ ...(search ? { q: search } : {}), ...(limit ? { limit } : {}) }).toString();
  const r = await api(`${search ? '/gantry/search' : '/gantry/missions'}${query ? `?${query}` : ''}`);
  if (args.includes('--json')) {
    io.out(JSON.stringify(r.body, null, 2));
    return r.status === 200 ? 0 : 1;
  }
  if (r.status !== 200) throw new CliError(explainApiError(baseUrl, r.status, r.body));
  const missions = (r.body.missions as Array<Record<string, unknown>>) ?? [];
  if (missions.length === 0) {
    io.out(search ? `No mission matches "${search}".` : 'No missions yet. Start one with: gantry build "<what to build>"');
    return 0;
  }
  const rows = missions.map((m) => [
    String(m.mission_id),
    String(m.status),
    since(m.created_at),
    clip(m.project_name ?? '', 24),
    clip(m.url ?? '', 48),
    clip(m.prompt, 50),
  ]);
  for (const line of table(['MISSION', 'STATUS', 'CREATED', 'PROJECT', 'URL', 'PROMPT'], rows)) io.out(line);
  return 0;
}

/** `gantry status <id> [--json]`: one mission as a two-column table (or the raw JSON). */
export async function statusCommand(args: string[], api: ApiCall, baseUrl: string, io: CliIo): Promise<number> {
  const id = args.find((a) => !a.startsWith('--'));
  if (!id) {
    io.err('Usage: gantry status <mission-id> [--json]   (gantry missions lists the ids)');
    return 2;
  }
  const r = await api(`/gantry/status/${encodeURIComponent(id)}`);
  if (args.includes('--json')) {
    io.out(JSON.stringify(r.body, null, 2));
    return r.status === 200 ? 0 : 1;
  }
  if (r.status !== 200) throw new CliError(explainApiError(baseUrl, r.status, r.body));
  const m = r.body;
  const failure = m.failure as { code?: string; message?: string; step?: string } | null;
  const attempts = (m.attempts as unknown[] | undefined) ?? [];
  const usage = m.usage as { total_tokens?: number; estimated_cost_usd?: number } | null;
  const rows: Array<[string, string]> = [
    ['Mission', String(m.mission_id)],
    ['Status', `${String(m.status)} — ${STATUS_WORDS[String(m.status)] ?? ''}`],
    ['Project', String(m.project_name ?? '—')],
    ['Prompt', clip(m.prompt, 100)],
    ['Live URL', String(m.url ?? '—')],
    ['Pull request', String(m.pr_url ?? '—')],
    ['Branch', String(m.branch ?? '—')],
    ['Build attempts', String(attempts.length)],
    ['Created', `${String(m.created_at)} (${since(m.created_at)})`],
    ['Updated', String(m.updated_at)],
    ['Evidence', String(m.evidence_key ?? 'not sealed yet')],
  ];
  if (usage) rows.push(['Tokens / cost', `${usage.total_tokens ?? 0} tokens, $${(usage.estimated_cost_usd ?? 0).toFixed(4)}`]);
  if (failure) rows.push(['Failure', `${failure.code ?? ''} at ${failure.step ?? '?'}: ${clip(failure.message, 200)}`]);
  if (m.cleared_at) rows.push(['Cleared', String(m.cleared_at)]);
  for (const line of table(['FIELD', 'VALUE'], rows)) io.out(line);
  return 0;
}
