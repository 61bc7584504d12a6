/** The conversation with the CTO: turns, the plan as an editable card, a design image and the microphone. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import type { AppSpec, ConsultationView, ConsultTurn } from './types';

interface Turn {
  /** `note`: the console's own line (the plan went to the builders). */
  role: 'user' | 'assistant' | 'note';
  text: string;
}
interface Plan {
  kind: string | null;
  title: string | null;
  features: string[];
  design_target: string | null;
  proposed_stack: string | null;
  build_prompt: string | null;
  app_spec: AppSpec | null;
  interpreted_as: string | null;
  left_out: string[];
}
interface Theme {
  id: string;
  name: string;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const featureWords = (f: string) => f.replace(/-/g, ' ');

function Icon({ d }: { d: string }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={d} />
    </svg>
  );
}

/** The browser's speech recognition, where it has one (Chromium: webkitSpeechRecognition). */
function speechRecognition(): (new () => any) | null {
  const w = window as any;
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

export function Conversation(props: {
  consultation: string | null;
  onConsultation: (id: string) => void;
  onStarted: (id: string) => void;
  /** Changes when the person asks for a new, empty conversation. */
  resetKey: number;
}) {
  const [turns, setTurns] = useState<Turn[]>([]);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [id, setId] = useState<string | null>(props.consultation);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [deploy, setDeploy] = useState(true);
  const [publish, setPublish] = useState(true);
  const [themes, setThemes] = useState<Theme[]>([]);
  const [listening, setListening] = useState(false);
  const [change, setChange] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const Recognition = speechRecognition();

  useEffect(() => {
    api<{ themes: Theme[] }>('/gantry/themes')
      .then((r) => setThemes(r.themes))
      .catch(() => undefined);
  }, []);

  // Opening a project that is still a conversation shows what was said and the plan on the table.
  // "New project": an empty conversation.
  useEffect(() => {
    if (props.resetKey === 0) return;
    setId(null);
    setTurns([]);
    setPlan(null);
    setError(null);
  }, [props.resetKey]);

  useEffect(() => {
    if (!props.consultation || props.consultation === id) return;
    setId(props.consultation);
    setError(null);
    api<ConsultationView>(`/gantry/consultation/${encodeURIComponent(props.consultation)}`)
      .then((v) => {
        const turns: Turn[] = v.conversation_history.map((t) => ({ role: t.role, text: t.content }));
        // A conversation that already became a build is shown as it was; a new message starts another.
        if (!v.consulting) {
          setId(null);
          if (turns.length > 0)
            turns.push({
              role: 'note',
              text: 'This conversation planned the mission. Your next message starts a new conversation.',
            });
        }
        setTurns(turns);
        setPlan(
          v.plan && v.status === 'NEEDS_CONFIRMATION'
            ? {
                kind: v.plan.kind,
                title: v.plan.title,
                features: v.plan.features,
                design_target: v.plan.design_target,
                proposed_stack: v.plan.proposed_stack,
                build_prompt: v.plan.build_prompt,
                app_spec: v.plan.app_spec ?? null,
                interpreted_as: v.plan.interpreted_as ?? null,
                left_out: v.plan.left_out ?? [],
              }
            : null,
        );
      })
      .catch((e: Error) => setError(e.message));
  }, [props.consultation]);

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [turns.length]);

  const say = async (text: string) => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { message: text, deploy, publish };
      if (id) body.mission_id = id;
      if (file) {
        body.image_base64 = await readBase64(file);
        body.image_filename = file.name;
      }
      const r = await api<ConsultTurn>('/gantry/consult', { json: body });
      setTurns((t) => [...(id ? t : []), { role: 'user', text }, { role: 'assistant', text: r.response }]);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setMessage('');
      setChange('');
      setPlan(
        r.consultant_status === 'NEEDS_CONFIRMATION'
          ? {
              kind: r.app_kind,
              title: r.app_spec?.title ?? null,
              features: r.features,
              design_target: r.design_target,
              proposed_stack: r.proposed_stack,
              build_prompt: r.build_prompt,
              app_spec: r.app_spec,
              interpreted_as: r.interpreted_as,
              left_out: r.left_out,
            }
          : null,
      );
      if (r.started) {
        // The conversation stays on screen until the next one starts.
        setId(null);
        setTurns((t) => [
          ...t,
          {
            role: 'note',
            text: 'The plan went to the builders: follow it in the mission pane. Your next message starts a new conversation.',
          },
        ]);
        setPlan(null);
        props.onStarted(r.mission_id);
      } else {
        setId(r.mission_id);
        props.onConsultation(r.mission_id);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const listen = () => {
    if (!Recognition) return;
    const rec = new Recognition();
    rec.lang = navigator.language || 'en-US';
    rec.interimResults = false;
    rec.onresult = (e: any) => setMessage((m) => `${m ? `${m} ` : ''}${e.results[0][0].transcript}`);
    rec.onend = () => setListening(false);
    rec.onerror = () => setListening(false);
    setListening(true);
    rec.start();
  };

  const themeName = (t: string | null) => themes.find((x) => x.id === t)?.name ?? t;

  return (
    <section class="pane conversation-pane" aria-labelledby="consult-title">
      <div class="pane-head">
        <h2 id="consult-title">Talk to the CTO</h2>
        <button
          type="button"
          id="consult-new"
          class="secondary small"
          onClick={() => {
            setId(null);
            setTurns([]);
            setPlan(null);
            setError(null);
          }}
        >
          New conversation
        </button>
      </div>
      {turns.length === 0 && (
        <p class="hint">
          Describe the app you want. The CTO asks what it needs to know, proposes a plan, and builds it once you say so.
        </p>
      )}
      <ol id="conversation" class="turns" aria-live="polite" ref={list}>
        {turns.map((t, i) => (
          <li key={i} class={t.role}>
            {t.role !== 'note' && <span class="who">{t.role === 'user' ? 'You' : 'CTO'}</span>}
            <p>{t.text}</p>
          </li>
        ))}
      </ol>

      {plan && (
        <div id="plan" class="card plan">
          <div class="plan-head">
            <h3>
              Plan: <span id="plan-kind">{plan.title || plan.kind}</span>
            </h3>
            {plan.proposed_stack && <small>{plan.proposed_stack}</small>}
          </div>
          {plan.interpreted_as && <p class="hint">Built as {plan.interpreted_as}.</p>}
          {plan.app_spec && (
            <div class="plan-row">
              <span class="label">Entities</span>
              <ul id="plan-entities" class="entities">
                {plan.app_spec.entities.map((e) => (
                  <li key={e.id}>
                    <strong>{e.plural}</strong> <small>{e.fields.map((f) => f.label).join(', ')}</small>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div class="plan-row">
            <span class="label">Features</span>
            <span id="plan-features" class="chips" data-features={plan.features.join(',')}>
              {plan.features.length === 0 && <em>none</em>}
              {plan.features.map((f) => (
                <span class="chip on" key={f}>
                  {featureWords(f)}
                  <button
                    type="button"
                    class="chip-x"
                    aria-label={`Remove ${featureWords(f)}`}
                    disabled={busy}
                    onClick={() => void say(`remove ${featureWords(f)}`)}
                  >
                    ×
                  </button>
                </span>
              ))}
            </span>
          </div>
          <div class="plan-row">
            <label class="label" for="plan-look">
              Look
            </label>
            <span id="plan-theme" data-theme={plan.design_target ?? ''}>
              {plan.design_target ? themeName(plan.design_target) : 'Default'}
            </span>
            {themes.length > 0 && (
              <select
                id="plan-look"
                disabled={busy}
                value=""
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLSelectElement).value;
                  if (v === 'default') void say('use the default look');
                  else if (v) void say(`make it look like ${themeName(v)}`);
                }}
              >
                <option value="">Change the look…</option>
                <option value="default">Default look</option>
                {themes.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </div>
          {plan.left_out.length > 0 && <p class="hint">Left out: {plan.left_out.join('; ')}</p>}
          <form
            class="plan-change"
            onSubmit={(e) => {
              e.preventDefault();
              void say(change);
            }}
          >
            <input
              id="plan-change"
              placeholder="Change something: “add a dark mode”"
              aria-label="Change the plan"
              value={change}
              onInput={(e) => setChange((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit" class="secondary small" disabled={busy || !change.trim()}>
              Change
            </button>
          </form>
          <button type="button" id="proceed" disabled={busy} onClick={() => void say('proceed')}>
            Build this plan
          </button>
        </div>
      )}

      <form
        id="consult-form"
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          void say(message.trim());
        }}
      >
        <label for="consult-message" class="sr-only">
          Message
        </label>
        <textarea
          id="consult-message"
          rows={2}
          required
          placeholder="Build me a Trello-style board for our sprint"
          value={message}
          onInput={(e) => setMessage((e.currentTarget as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
              e.preventDefault();
              void say(message.trim());
            }
          }}
        />
        <div class="composer-row">
          <label class="attach" title="Attach a design image (PNG, JPEG, WebP or GIF)">
            <input
              id="design-image"
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
            />
            <Icon d="M16.5 6.5 8.6 14.4a2 2 0 0 0 2.8 2.8l8-8a4 4 0 0 0-5.6-5.6l-8 8a6 6 0 0 0 8.5 8.5l7.1-7.1" />{' '}
            {file ? file.name : 'Design image'}
          </label>
          {Recognition && (
            <button
              type="button"
              id="mic"
              class={`secondary small ${listening ? 'on' : ''}`}
              aria-pressed={listening}
              onClick={listen}
            >
              <Icon d="M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3" />{' '}
              {listening ? 'Listening…' : 'Speak'}
            </button>
          )}
          <span class="spacer" />
          <button type="submit" id="consult-send" disabled={busy}>
            {busy ? '…' : 'Send'}
          </button>
        </div>
        <div class="composer-row options">
          <label class="option">
            <input
              type="checkbox"
              id="deploy"
              checked={deploy}
              onChange={(e) => setDeploy((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            Deploy the app
          </label>
          <label class="option">
            <input
              type="checkbox"
              id="publish"
              checked={publish}
              onChange={(e) => setPublish((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            Open a pull request
          </label>
        </div>
        {error && (
          <p id="consult-error" role="alert" class="error">
            {error}
          </p>
        )}
      </form>
      <DirectBuild deploy={deploy} publish={publish} onStarted={props.onStarted} />
    </section>
  );
}

/** A build straight from one sentence, without the conversation. */
function DirectBuild(props: { deploy: boolean; publish: boolean; onStarted: (id: string) => void }) {
  const [prompt, setPrompt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <details class="direct">
      <summary>Or build straight from one sentence</summary>
      <form
        id="mission-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const r = await api<{ mission_id: string }>('/gantry/architect', {
              json: { voice_memo: prompt, deploy: props.deploy, publish: props.publish },
            });
            setPrompt('');
            props.onStarted(r.mission_id);
          } catch (err) {
            setError((err as Error).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <label for="prompt" class="sr-only">
          What should Gantry build?
        </label>
        <textarea
          id="prompt"
          rows={2}
          required
          placeholder="Build a calculator with dark mode"
          value={prompt}
          onInput={(e) => setPrompt((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <button type="submit" id="submit" disabled={busy}>
          Build it
        </button>
        {error && (
          <p id="form-error" role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
