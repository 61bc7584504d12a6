/** Projects: search, status filters, soft clearing (hidden from lists, evidence kept) and decisions waiting. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, routeExists } from './api';
import type { MissionSummary, PendingDecision } from './types';
import { ago, missionTitle, STATUS_WORDS } from './words';

const TALKING = ['NEEDS_INPUT', 'NEEDS_CONFIRMATION'];
const LIVE = ['DEPLOYED'];
const STOPPED = ['FAILED', 'CANCELLED', 'REJECTED'];

/** Status filters; "In progress" is every status the others leave out, so a new step lands there. */
const FILTERS: { id: string; label: string; matches: ((status: string) => boolean) | null }[] = [
  { id: 'all', label: 'All', matches: null },
  { id: 'active', label: 'In progress', matches: (s) => ![...TALKING, ...LIVE, ...STOPPED].includes(s) },
  { id: 'talking', label: 'Talking', matches: (s) => TALKING.includes(s) },
  { id: 'live', label: 'Live', matches: (s) => LIVE.includes(s) },
  { id: 'stopped', label: 'Stopped', matches: (s) => STOPPED.includes(s) },
];

export function statusTone(status: string): string {
  if (status === 'DEPLOYED') return 'good';
  if (status === 'FAILED' || status === 'REJECTED') return 'bad';
  if (status === 'CANCELLED') return 'muted';
  if (status === 'NEEDS_INPUT' || status === 'NEEDS_CONFIRMATION' || status === 'AWAITING_APPROVAL') return 'ask';
  return 'busy';
}

export function StatusBadge({ status, id }: { status: string; id?: string }) {
  return (
    <span id={id} class={`badge ${statusTone(status)}`} data-status={status}>
      {STATUS_WORDS[status as keyof typeof STATUS_WORDS] ?? status}
    </span>
  );
}

export function Sidebar(props: {
  missions: MissionSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  onChanged: () => void;
}) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<MissionSummary[] | null>(null);
  const [filter, setFilter] = useState('all');
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const canSearch = true;
  const canClear = true;
  const [decisions, setDecisions] = useState<PendingDecision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void routeExists('decisions', () => api('/gantry/decisions')).then(async (ok) => {
      if (ok)
        setDecisions(
          (await api<{ decisions: PendingDecision[] }>('/gantry/decisions').catch(() => ({ decisions: [] }))).decisions,
        );
    });
  }, [props.missions]);

  // The server searches plan and failure text too; without the route the list is filtered here.
  useEffect(() => {
    const q = query.trim();
    if (!q || !canSearch) return setFound(null);
    const timer = setTimeout(() => {
      api<{ missions: MissionSummary[] }>(`/gantry/search?q=${encodeURIComponent(q)}`)
        .then((r) => setFound(r.missions))
        .catch(() => setFound(null));
    }, 250);
    return () => clearTimeout(timer);
  }, [query, canSearch]);

  const shown = useMemo(() => {
    const f = FILTERS.find((x) => x.id === filter)!;
    const q = query.trim().toLowerCase();
    let list = found ?? props.missions;
    if (!found && q) list = list.filter((m) => `${m.prompt} ${m.project_name ?? ''} ${m.status}`.toLowerCase().includes(q));
    return f.matches ? list.filter((m) => f.matches!(m.status)) : list;
  }, [props.missions, found, filter, query]);

  const clear = async () => {
    setError(null);
    try {
      await api('/gantry/missions/clear', { json: { mission_ids: [...checked] } });
      setChecked(new Set());
      props.onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <aside class="sidebar" aria-label="Projects">
      <div class="sidebar-head">
        <h2>Projects</h2>
        <button type="button" id="new-project" class="small" onClick={props.onNew}>
          + New
        </button>
      </div>
      <input
        id="search"
        type="search"
        placeholder="Search projects"
        aria-label="Search projects"
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <div class="filters" role="group" aria-label="Filter by status">
        {FILTERS.map((f) => (
          <button
            type="button"
            key={f.id}
            class={`chip ${filter === f.id ? 'on' : ''}`}
            aria-pressed={filter === f.id}
            data-filter={f.id}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
      </div>
      {decisions && decisions.length > 0 && (
        <section class="decisions-waiting" aria-label="Waiting for your decision">
          <h3>Waiting for your decision</h3>
          <ul>
            {decisions.map((d) => (
              <li key={d.mission_id}>
                <a href={`#${d.mission_id}`} onClick={() => props.onSelect(d.mission_id)}>
                  {missionTitle({ prompt: d.prompt ?? d.title ?? d.mission_id, title: d.title })}
                </a>{' '}
                <small>{d.gate}</small>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ul id="missions" class="mission-list">
        {shown.length === 0 && <li class="empty">No projects{query || filter !== 'all' ? ' match' : ' yet'}.</li>}
        {shown.map((m) => (
          <li key={m.mission_id} class={m.mission_id === props.selected ? 'selected' : ''} data-mission={m.mission_id}>
            {canClear && (
              <input
                type="checkbox"
                aria-label={`Select ${missionTitle(m)}`}
                checked={checked.has(m.mission_id)}
                onChange={(e) => {
                  const next = new Set(checked);
                  if ((e.currentTarget as HTMLInputElement).checked) next.add(m.mission_id);
                  else next.delete(m.mission_id);
                  setChecked(next);
                }}
              />
            )}
            <a
              href={`#${m.mission_id}`}
              onClick={(e) => {
                e.preventDefault();
                props.onSelect(m.mission_id);
              }}
            >
              <span class="title">{missionTitle(m)}</span>
              <span class="meta">
                <StatusBadge status={m.status} /> <small>{ago(m.updated_at)}</small>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {canClear && (
        <div class="clear-row">
          <button
            type="button"
            id="clear-selected"
            class="secondary small"
            disabled={checked.size === 0}
            onClick={() => void clear()}
          >
            Clear selected ({checked.size})
          </button>
          <small class="hint">Hidden from lists; evidence is kept.</small>
          {error && <p class="error">{error}</p>}
        </div>
      )}
    </aside>
  );
}
