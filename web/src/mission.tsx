/** The mission pane: live timeline, preview, pull request, heal attempts, builder log, evidence, cost, decisions. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from './api';
import { UnifiedDiff } from './diff';
import { checkEvidence, type EvidenceCheckResult } from './evidence-check';
import { MissionFeed, type FeedState } from './live';
import { Decision } from './decision';
import { StatusBadge } from './sidebar';
import {
  isFinal,
  type AttemptsView,
  type MissionEventMessage,
  type MissionSummary,
  type MissionView,
  type PullView,
  type SealedEvidenceView,
} from './types';
import { detailFor, duration, missionTitle, sentenceFor } from './words';

const CONSULTING = ['NEEDS_INPUT', 'NEEDS_CONFIRMATION'];

export function MissionPane(props: {
  missionId: string | null;
  summary: MissionSummary | null;
  openPull: boolean;
  onChanged: () => void;
}) {
  const [view, setView] = useState<MissionView | null>(null);
  const [feed, setFeed] = useState<FeedState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { missionId, onChanged } = props;

  useEffect(() => {
    if (!missionId) return;
    let live = true;
    const load = () =>
      api<MissionView>(`/gantry/status/${encodeURIComponent(missionId)}`)
        .then((v) => {
          if (live) setView(v);
          return v;
        })
        .catch((e: Error) => {
          if (live) setError(e.message);
          return null;
        });
    void load();
    const f = new MissionFeed(missionId, setFeed, (status) => {
      void load();
      if (isFinal(status) || status === 'QUEUED') onChanged();
    });
    return () => {
      live = false;
      f.close();
    };
  }, [missionId, onChanged]);

  if (!missionId) {
    return (
      <section class="pane mission-pane empty-pane" aria-label="Mission">
        <div class="card welcome">
          <h2>No project open</h2>
          <p>Talk to the CTO to plan a new app, or pick a project on the left to follow its mission.</p>
        </div>
      </section>
    );
  }

  const status = feed?.status ?? view?.status ?? props.summary?.status ?? '…';
  // Shown only while the mission waits for a builder: the last pushed place, else the one read.
  const queuePosition = status === 'QUEUED' ? (feed?.queuePosition ?? view?.queue_position ?? null) : null;
  const final = isFinal(status);
  const cancel = async () => {
    setCancelling(true);
    setError(null);
    try {
      await api(`/gantry/missions/${encodeURIComponent(missionId)}/cancel`, { method: 'POST' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setCancelling(false);
    }
  };

  return (
    <section class="pane mission-pane" id="mission" aria-labelledby="mission-title">
      <div class="card mission-head">
        <div class="mission-title-row">
          <h2 id="mission-title">{missionTitle(view ?? props.summary ?? { prompt: missionId })}</h2>
          <StatusBadge status={status} id="mission-status" />
        </div>
        <p class="mission-meta">
          <code id="mission-id">{missionId}</code>
          {feed && !feed.connected && !final && (
            <span id="connection" class="warn">
              Reconnecting…
            </span>
          )}
          {queuePosition ? <span id="queue">Position {queuePosition} in the queue</span> : null}
          {view?.builder_isolation === 'unsandboxed' && (
            <span id="isolation" class="error">
              UNSANDBOXED build (no network or file isolation)
            </span>
          )}
        </p>
        <div class="links" id="links">
          {view?.url && (
            <a id="app-link" class="button" href={view.url} target="_blank" rel="noopener">
              Open the app ↗
            </a>
          )}
          {view?.pr_url && (
            <a
              id="pr-link"
              class="button secondary"
              href="#pull"
              onClick={(e) => (e.preventDefault(), document.getElementById('pull')?.scrollIntoView())}
            >
              Pull request{view.branch ? ` (${view.branch})` : ''}
            </a>
          )}
          {!final && !CONSULTING.includes(status) && (
            <button type="button" id="cancel" class="danger small" disabled={cancelling} onClick={() => void cancel()}>
              {cancelling ? 'Cancelling…' : 'Cancel mission'}
            </button>
          )}
        </div>
        {view?.failure && (
          <p id="failure" class="error">
            {view.failure.message}{' '}
            <small>
              ({view.failure.code} at {view.failure.step})
            </small>
          </p>
        )}
        {error && <p class="error">{error}</p>}
      </div>
      <div class="mission-grid">
        {view?.url && <Preview url={view.url} />}
        <Timeline events={feed?.events ?? []} final={final} />
        {view && <Decision view={view} status={status} onDecided={onChanged} />}
        {view?.pr_url && <PullRequest missionId={missionId} open={props.openPull} key={view.pr_url} />}
        {view && view.attempts.length > 0 && <Attempts view={view} />}
        <BuilderLog missionId={missionId} lines={feed?.log ?? []} attempts={view?.attempts.length ?? 0} />
        {view && <Cost view={view} />}
        {view?.evidence_key && <Evidence missionId={missionId} key={view.evidence_key} />}
      </div>
    </section>
  );
}

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function Timeline({ events, final }: { events: MissionEventMessage[]; final: boolean }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (final) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [final]);
  // Each state lasts until the next state begins (the current one: until now).
  const lasted = useMemo(() => {
    const out = new Map<number, number>();
    const states = events.filter((e) => e.status);
    states.forEach((e, i) => {
      const next = states[i + 1];
      if (next) out.set(e.seq, Date.parse(next.at) - Date.parse(e.at));
      else if (!final) out.set(e.seq, now - Date.parse(e.at));
    });
    return out;
  }, [events, final, now]);
  const start = events[0] ? Date.parse(events[0].at) : 0;
  return (
    <section class="card timeline-card" aria-labelledby="timeline-title">
      <h3 id="timeline-title">What is happening</h3>
      {events.length === 0 && <p class="hint">Waiting for the first event…</p>}
      <ol id="timeline" class="timeline" aria-live="polite">
        {events.map((e, i) => {
          const last = i === events.length - 1;
          const took = lasted.get(e.seq);
          const detail = detailFor(e);
          return (
            <li
              key={e.seq}
              data-seq={e.seq}
              data-status={e.status ?? undefined}
              class={`${e.status ? 'state' : 'note'} ${last && !final ? 'current' : ''} ${/failed|rejected|refused|exceeded|FAILED/.test(e.event_type + (e.status ?? '')) ? 'bad' : ''}`}
            >
              <span class="dot" aria-hidden="true" />
              <div class="what">
                <span class="sentence">{sentenceFor(e)}</span>
                {detail && <span class="detail">{detail}</span>}
              </div>
              <span class="when" title={new Date(e.at).toLocaleString()}>
                {clock(e.at)}
                {start && i > 0 ? <small> +{duration(Date.parse(e.at) - start)}</small> : null}
                {took !== undefined && (
                  <small class="took">{last && !final ? `for ${duration(took)}` : `took ${duration(took)}`}</small>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Preview({ url }: { url: string }) {
  const [phone, setPhone] = useState(false);
  const [n, setN] = useState(0);
  return (
    <section class="card preview" id="preview" aria-labelledby="preview-title">
      <div class="card-head">
        <h3 id="preview-title">Live app</h3>
        <span class="spacer" />
        <button type="button" class="secondary small" aria-pressed={phone} onClick={() => setPhone(!phone)}>
          {phone ? 'Desktop' : 'Phone'}
        </button>
        <button type="button" class="secondary small" onClick={() => setN(n + 1)}>
          Reload
        </button>
      </div>
      <div class={`frame-wrap ${phone ? 'phone' : ''}`}>
        {/* The app lives on its own origin; the sandbox keeps it from navigating the console. */}
        <iframe
          key={n}
          id="preview-frame"
          title="Live app preview"
          src={url}
          sandbox="allow-scripts allow-same-origin allow-forms allow-modals allow-downloads"
          referrerpolicy="no-referrer"
        />
      </div>
      <p class="hint">
        <a href={url} target="_blank" rel="noopener">
          {url}
        </a>
      </p>
    </section>
  );
}

function PullRequest({ missionId, open }: { missionId: string; open: boolean }) {
  const [pull, setPull] = useState<PullView | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const path = `/gantry/missions/${encodeURIComponent(missionId)}/pull`;
    api<PullView>(path)
      .then(setPull)
      .catch((e: unknown) => {
        // A stack without the route (404 "No route") shows no pull-request pane; any other error is shown.
        if (e instanceof ApiError && e.status === 404 && /no route/i.test(e.message)) setMissing(true);
        else setError((e as Error).message);
      });
  }, [missionId]);
  useEffect(() => {
    if (open && pull) ref.current?.scrollIntoView({ block: 'start' });
  }, [open, pull]);
  if (missing) return null;
  const adds = pull?.files.reduce((s, f) => s + f.additions, 0) ?? 0;
  const dels = pull?.files.reduce((s, f) => s + f.deletions, 0) ?? 0;
  return (
    <section class="card pull" id="pull" ref={ref} aria-labelledby="pull-title">
      <div class="card-head">
        <h3 id="pull-title">Pull request{pull ? ` #${pull.number}` : ''}</h3>
        <span class="spacer" />
        {pull && (
          <small>
            {pull.head} → {pull.base} · <span class="plus">+{adds}</span> <span class="minus">−{dels}</span>
          </small>
        )}
      </div>
      {error && <p class="error">{error}</p>}
      {!pull && !error && <p class="hint">Loading the pull request…</p>}
      {pull && (
        <>
          <h4 id="pull-name">{pull.title}</h4>
          <details class="pull-body">
            <summary>Description</summary>
            <pre>{pull.body}</pre>
          </details>
          <ul class="files" id="pull-files">
            {pull.files.map((f, i) => (
              <li key={f.path}>
                <details open={i < 3}>
                  <summary>
                    <span class={`file-status ${f.status}`}>{f.status}</span> <code>{f.path}</code>{' '}
                    <span class="plus">+{f.additions}</span> <span class="minus">−{f.deletions}</span>
                  </summary>
                  {f.patch ? <UnifiedDiff text={f.patch} /> : <p class="hint">No text diff (binary or too large).</p>}
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Attempts({ view }: { view: MissionView }) {
  const [detail, setDetail] = useState<AttemptsView | null>(null);
  const wantsDetail = view.attempts.length > 1 || view.attempts.some((a) => !a.ok);
  const key = view.attempts.map((a) => `${a.attempt}:${a.outcome ?? a.ok}`).join(',');
  useEffect(() => {
    if (!wantsDetail) return;
    api<AttemptsView>(`/gantry/missions/${encodeURIComponent(view.mission_id)}/failure`)
      .then(setDetail)
      .catch(() => undefined);
  }, [view.mission_id, key, wantsDetail]);
  const attempts = detail?.attempts ?? view.attempts;
  return (
    <section class="card attempts" id="attempts" aria-labelledby="attempts-title">
      <h3 id="attempts-title">{view.attempts.length > 1 ? `Build attempts and heals (${view.attempts.length})` : 'Build'}</h3>
      <ol>
        {attempts.map((a) => {
          const d = a as AttemptsView['attempts'][number];
          const outcome = a.outcome ?? (a.ok ? 'passed' : 'failed');
          return (
            <li key={a.attempt} class={outcome}>
              <strong>Attempt {a.attempt}</strong>{' '}
              {outcome === 'passed' ? 'passed' : outcome === 'discarded' ? 'was discarded' : 'failed'}
              {a.failed_phase ? ` while ${a.failed_phase}` : ''} · {a.tests_passed} tests passed
              {a.tests_failed ? `, ${a.tests_failed} failed` : ''} · {duration(a.duration_ms)}
              {a.diff && (
                <small>
                  {' '}
                  · healed from attempt {a.base_attempt ?? a.attempt - 1}: {a.diff.files_changed} files, +{a.diff.lines_added} −
                  {a.diff.lines_removed}
                </small>
              )}
              {d.failing_tests?.length ? <p class="detail">Failing: {d.failing_tests.join(', ')}</p> : null}
              {d.log_tail && outcome !== 'passed' ? <pre class="log small">{d.log_tail.slice(-1500)}</pre> : null}
              {d.patch && (
                <details>
                  <summary>The heal's diff{d.patch.truncated ? ' (first part)' : ''}</summary>
                  <UnifiedDiff text={d.patch.text} />
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function BuilderLog({ missionId, lines, attempts }: { missionId: string; lines: string[]; attempts: number }) {
  const [stored, setStored] = useState<string | null>(null);
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [lines.length, stored]);
  const load = () => {
    api<string>(`/gantry/missions/${encodeURIComponent(missionId)}/attempts/${attempts}/log`, {
      headers: { accept: 'text/plain' },
    })
      .then((t) => setStored(String(t).split('\n').slice(-300).join('\n')))
      .catch((e: Error) => setStored(e.message));
  };
  const text = lines.length > 0 ? lines.join('\n') : stored;
  return (
    <section class="card log-card" aria-labelledby="log-title">
      <div class="card-head">
        <h3 id="log-title">Builder log</h3>
        <span class="spacer" />
        {lines.length === 0 && attempts > 0 && (
          <button type="button" class="secondary small" id="load-log" onClick={load}>
            Show attempt {attempts}'s log
          </button>
        )}
      </div>
      {text ? (
        <pre id="log" class="log" ref={pre}>
          {text}
        </pre>
      ) : (
        <p class="hint">The builder's output appears here while it runs.</p>
      )}
    </section>
  );
}

function Cost({ view }: { view: MissionView }) {
  const u = view.usage;
  return (
    <section class="card cost" id="cost" aria-labelledby="cost-title">
      <h3 id="cost-title">Cost and tokens</h3>
      <dl class="facts">
        <dt>Model calls</dt>
        <dd>{u ? u.calls : 0}</dd>
        <dt>Tokens</dt>
        <dd>
          {u
            ? `${u.total_tokens.toLocaleString()} (${u.input_tokens.toLocaleString()} in, ${u.output_tokens.toLocaleString()} out)`
            : 'none'}
        </dd>
        <dt>Estimated cost</dt>
        <dd id="cost-usd">${(u?.estimated_cost_usd ?? 0).toFixed(4)}</dd>
        <dt>Builder time</dt>
        <dd>{duration(view.attempts.reduce((s, a) => s + a.command_ms, 0))}</dd>
        {u && u.models.length > 0 && (
          <>
            <dt>Models</dt>
            <dd>{u.models.join(', ')}</dd>
          </>
        )}
      </dl>
      {!u && <p class="hint">No model was called (the offline architect and consultant cost nothing).</p>}
    </section>
  );
}

function Evidence({ missionId }: { missionId: string }) {
  const [sealed, setSealed] = useState<SealedEvidenceView | null>(null);
  const [check, setCheck] = useState<EvidenceCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        const evidence = await api<SealedEvidenceView>(`/gantry/missions/${encodeURIComponent(missionId)}/evidence`);
        setSealed(evidence);
        const key = await api<{ public_key_pem: string }>('/gantry/evidence/public-key');
        setCheck(await checkEvidence(evidence.envelope, key.public_key_pem));
      } catch (e) {
        setError((e as Error).message);
      }
    })();
  }, [missionId]);
  const g = sealed?.statement?.predicate?.gantry;
  const ok = check?.verified === true;
  return (
    <section class="card evidence" id="evidence" aria-labelledby="evidence-title">
      <h3 id="evidence-title">Evidence</h3>
      {error && <p class="error">{error}</p>}
      {sealed && check && (
        <>
          <p id="evidence-verdict" class={ok ? 'good' : 'bad'} data-verified={ok ? 'yes' : 'no'}>
            {ok
              ? `Signature verified in this browser: ${check.reason}. ${g?.chain.count ?? 0} events in its hash chain.`
              : `The evidence does not verify: ${check.reason}.`}
          </p>
          <dl class="facts">
            <dt>Outcome</dt>
            <dd>{String(g?.outcome ?? '')}</dd>
            <dt>Chain head</dt>
            <dd>
              <code>{g?.chain.head.slice(0, 16)}…</code>
            </dd>
            <dt>Subjects</dt>
            <dd>{sealed.statement.subject.length} files and commits, each by SHA-256</dd>
            <dt>Signed with</dt>
            <dd>
              {String(g?.signer.algorithm ?? '')} <code>{String(g?.signer.keyid ?? '').slice(0, 16)}…</code>
            </dd>
          </dl>
          <p class="hint">
            For every check (event chain, decisions, the published branch, the live files), run <code>npx gantry verify</code> on
            the downloaded file.
          </p>
          <a href={`/gantry/missions/${encodeURIComponent(missionId)}/evidence`} target="_blank" rel="noopener">
            Download the sealed evidence
          </a>
        </>
      )}
    </section>
  );
}
