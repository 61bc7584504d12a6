/** The console: a projects sidebar, the conversation with the CTO and the mission, side by side. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, session, whenUnauthorized } from './api';
import { Conversation } from './conversation';
import { Login } from './login';
import { MissionPane } from './mission';
import { Sidebar } from './sidebar';
import type { MissionSummary, SessionStatus } from './types';

type Auth = { state: 'checking' } | { state: 'out' } | { state: 'in'; status: SessionStatus };

/** What the address's hash names: a mission (`#m-…`) or a pull request (`#pull/<n>`). */
function readHash(): { mission: string | null; pull: number | null } {
  const h = decodeURIComponent(location.hash.slice(1));
  const pull = /^pull\/(\d+)$/.exec(h);
  if (pull) return { mission: null, pull: Number(pull[1]) };
  return { mission: /^m-[a-z0-9]+$/.test(h) ? h : null, pull: null };
}

export function App() {
  const [auth, setAuth] = useState<Auth>(session.likely() ? { state: 'checking' } : { state: 'out' });
  const [missions, setMissions] = useState<MissionSummary[]>([]);
  const [selected, setSelected] = useState<string | null>(readHash().mission);
  const [pullWanted, setPullWanted] = useState<number | null>(readHash().pull);
  const [consultation, setConsultation] = useState<string | null>(null);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [tick, setTick] = useState(0);
  const [fresh, setFresh] = useState(0);

  useEffect(() => whenUnauthorized(() => setAuth({ state: 'out' })), []);

  const checkSession = useCallback(async () => {
    try {
      const status = await api<SessionStatus>('/gantry/auth/status');
      session.remember();
      setAuth({ state: 'in', status });
    } catch {
      session.forget();
      setAuth({ state: 'out' });
    }
  }, []);

  useEffect(() => {
    if (auth.state === 'checking') void checkSession();
  }, [auth.state, checkSession]);

  const refreshMissions = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (auth.state !== 'in') return;
    let live = true;
    api<{ missions: MissionSummary[] }>('/gantry/missions?limit=100')
      .then((r) => live && setMissions(r.missions))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [auth.state, tick]);

  // A pull-request link (/git/pulls/<n> → /#pull/<n>) opens the mission that owns it.
  useEffect(() => {
    if (pullWanted === null || missions.length === 0) return;
    const owner = missions.find((m) => m.pr_url && new RegExp(`/git/pulls/${pullWanted}$`).test(m.pr_url));
    if (owner) setSelected(owner.mission_id);
  }, [pullWanted, missions]);

  useEffect(() => {
    const onHash = () => {
      const h = readHash();
      if (h.mission) setSelected(h.mission);
      setPullWanted(h.pull);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const select = useCallback((id: string | null) => {
    setSelected(id);
    setSidebarOpen(false);
    setPullWanted(null);
    history.replaceState(null, '', id ? `#${id}` : location.pathname);
  }, []);

  const signOut = async () => {
    await api('/gantry/auth/logout', { method: 'POST' }).catch(() => undefined);
    session.forget();
    setMissions([]);
    setSelected(null);
    setConsultation(null);
    setAuth({ state: 'out' });
  };

  if (auth.state === 'checking') return <div class="splash">Gantry</div>;
  if (auth.state === 'out') return <Login onSignedIn={() => setAuth({ state: 'checking' })} />;

  const current = missions.find((m) => m.mission_id === selected) ?? null;
  return (
    <div class={`console ${sidebarOpen ? 'sidebar-open' : ''}`}>
      <header class="topbar">
        <button
          type="button"
          class="icon-button menu"
          aria-label="Projects"
          aria-expanded={sidebarOpen}
          onClick={() => setSidebarOpen(!sidebarOpen)}
        >
          <svg
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
          >
            <path d="M4 6h16M4 12h16M4 18h16" />
          </svg>
        </button>
        <a
          class="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            select(null);
            setConsultation(null);
            setFresh((n) => n + 1);
          }}
        >
          <img src="/web/favicon.svg" alt="" width="22" height="22" /> Gantry
        </a>
        <span class="spacer" />
        <span id="whoami" class="whoami">
          <strong id="user-email">{auth.status.user.email}</strong> <span id="user-role">{auth.status.user.role}</span>
        </span>
        <button type="button" id="logout" class="secondary small" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <Sidebar
        missions={missions}
        selected={selected}
        onSelect={(id) => {
          select(id);
          // The conversation pane shows the project's conversation (empty for a direct build).
          setConsultation(id);
        }}
        onNew={() => {
          select(null);
          setConsultation(null);
          setFresh((n) => n + 1);
        }}
        onChanged={refreshMissions}
      />
      <main id="app" class={`panes ${selected ? 'has-mission' : ''}`}>
        <Conversation
          consultation={consultation}
          onConsultation={(id) => {
            setConsultation(id);
            refreshMissions();
          }}
          onStarted={(id) => {
            setConsultation(null);
            select(id);
            refreshMissions();
          }}
          resetKey={fresh}
        />
        <MissionPane
          key={selected ?? 'none'}
          missionId={selected}
          summary={current}
          openPull={pullWanted !== null}
          onChanged={refreshMissions}
        />
      </main>
    </div>
  );
}
