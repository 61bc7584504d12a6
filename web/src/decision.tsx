/** A pending human decision (the approvals contract): its context, and approve / reject / override with a justification. */
import { useEffect, useState } from 'preact/hooks';
import { api, routeExists } from './api';
import type { DecisionContext, MissionView } from './types';

const pretty = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

export function Decision({ view, status, onDecided }: { view: MissionView; status: string; onDecided: () => void }) {
  const waiting = status === 'AWAITING_APPROVAL';
  const [available, setAvailable] = useState(false);
  const [ctx, setCtx] = useState<DecisionContext | null>(null);
  const [justification, setJustification] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const path = `/gantry/missions/${encodeURIComponent(view.mission_id)}`;

  useEffect(() => {
    if (!waiting) return;
    void routeExists('decisions', () => api('/gantry/decisions')).then(setAvailable);
  }, [waiting]);
  useEffect(() => {
    if (!waiting || !available) return;
    api<DecisionContext>(`${path}/decision-context`)
      .then(setCtx)
      .catch((e: Error) => setError(e.message));
  }, [waiting, available, path]);

  if (!waiting || !available) return null;
  const decide = async (decision: 'APPROVE' | 'REJECT' | 'OVERRIDE') => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ decision: string; status: string }>(`${path}/decisions`, {
        json: { decision, justification: justification.trim(), ...(ctx ? { context_digest: ctx.context_digest } : {}) },
      });
      setDone(`${r.decision} recorded; the mission is now ${r.status}.`);
      onDecided();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const a = view.awaiting;
  return (
    <section class="card decision" id="decision" aria-labelledby="decision-title">
      <h3 id="decision-title">Your decision is needed</h3>
      {a && (
        <p>
          Gate <strong>{a.gate}</strong> waits for {a.roles.join(' or ')} until {new Date(a.expires_at).toLocaleString()} (then it
          will {a.on_timeout}).
        </p>
      )}
      {ctx && (
        <dl class="facts">
          {ctx.context.preview_url && (
            <>
              <dt>Preview</dt>
              <dd>
                <a href={ctx.context.preview_url} target="_blank" rel="noopener">
                  {ctx.context.preview_url}
                </a>
              </dd>
            </>
          )}
          {ctx.context.tests !== undefined && (
            <>
              <dt>Tests</dt>
              <dd>
                <pre>{pretty(ctx.context.tests)}</pre>
              </dd>
            </>
          )}
          {ctx.context.diff_summary !== undefined && (
            <>
              <dt>Changes</dt>
              <dd>
                <pre>{pretty(ctx.context.diff_summary)}</pre>
              </dd>
            </>
          )}
          {ctx.context.cost !== undefined && (
            <>
              <dt>Cost</dt>
              <dd>
                <pre>{pretty(ctx.context.cost)}</pre>
              </dd>
            </>
          )}
        </dl>
      )}
      {done ? (
        <p class="good">{done}</p>
      ) : (
        <>
          <label for="justification">Justification (required)</label>
          <textarea
            id="justification"
            rows={2}
            maxLength={2000}
            value={justification}
            onInput={(e) => setJustification((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="decision-buttons">
            <button type="button" id="approve" disabled={busy || !justification.trim()} onClick={() => void decide('APPROVE')}>
              Approve
            </button>
            <button
              type="button"
              id="reject"
              class="danger"
              disabled={busy || !justification.trim()}
              onClick={() => void decide('REJECT')}
            >
              Reject
            </button>
            <button
              type="button"
              id="override"
              class="secondary"
              disabled={busy || !justification.trim()}
              onClick={() => void decide('OVERRIDE')}
            >
              Override
            </button>
          </div>
        </>
      )}
      {error && <p class="error">{error}</p>}
    </section>
  );
}
