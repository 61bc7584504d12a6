// Gantry web client: consults the CTO (or submits a direct build), then follows the mission live over WebSocket.
// Every event carries a monotonic seq; a gap (or a reconnect) triggers a resync over REST.
const $ = (id) => document.getElementById(id);
const FINAL = new Set(['DEPLOYED', 'FAILED', 'CANCELLED', 'REJECTED']);
let current = null; // { id, seq, socket }

// The session lives in an HttpOnly, SameSite=Strict cookie the page cannot read; fetch sends it.
async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(init.headers || {}) } });
  const body = await res.json().catch(() => ({}));
  if (res.status === 401 && !path.startsWith('/gantry/auth')) showLogin();
  if (!res.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${res.status}`);
  return body;
}

function showLogin() {
  $('app').hidden = true;
  $('whoami').hidden = true;
  $('login').hidden = false;
}

function showApp(status) {
  $('login').hidden = true;
  $('app').hidden = false;
  $('whoami').hidden = false;
  $('user-email').textContent = status.user.email;
  $('user-role').textContent = status.user.role;
}

async function checkSession() {
  try {
    showApp(await api('/gantry/auth/status'));
    return true;
  } catch {
    showLogin();
    return false;
  }
}

function setStatus(status, extra = {}) {
  const el = $('mission-status');
  el.textContent = status;
  el.dataset.status = status;
  $('queue').textContent = extra.queue_position ? `(queue position ${extra.queue_position})` : '';
  // Builds without a sandbox happen only when the operator opted in; the user must see it.
  if ('builder_isolation' in extra) {
    const unsandboxed = extra.builder_isolation === 'unsandboxed';
    $('isolation').hidden = !unsandboxed;
    $('isolation').textContent = unsandboxed ? 'UNSANDBOXED build (no network or file isolation)' : '';
  }
}

function showLinks(m) {
  const links = $('links');
  links.textContent = '';
  const add = (href, text, id) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    a.id = id;
    a.target = '_blank';
    a.rel = 'noopener';
    links.append(a, ' ');
  };
  // Each app is served from its own origin (its own cookies and storage), apart from this client's.
  if (m.url) add(m.url, 'Open the app', 'app-link');
  if (m.pr_url) add(m.pr_url, `Pull request (${m.branch})`, 'pr-link');
  if (m.failure) {
    const p = document.createElement('span');
    p.className = 'error';
    p.id = 'failure';
    p.textContent = `${m.failure.code}: ${m.failure.message}`;
    links.append(p);
  }
}

function addEvent(e) {
  if (!current || e.mission_id !== current.id || e.seq <= current.seq) return;
  if (e.seq > current.seq + 1) {
    void resync();
    return;
  }
  current.seq = e.seq;
  const li = document.createElement('li');
  li.dataset.seq = e.seq;
  if (e.status) li.dataset.status = e.status;
  const seq = document.createElement('span');
  seq.className = 'seq';
  seq.textContent = `#${e.seq}`;
  const st = document.createElement('span');
  st.className = 'status';
  st.textContent = e.status || e.event_type;
  const msg = document.createElement('span');
  msg.textContent = e.message;
  li.append(seq, st, msg);
  $('timeline').append(li);
  if (e.status) setStatus(e.status);
  if (e.status && FINAL.has(e.status)) void refreshStatus();
}

async function refreshStatus() {
  if (!current) return;
  const m = await api(`/gantry/status/${current.id}`);
  setStatus(m.status, m);
  showLinks(m);
  void loadMissions();
}

async function resync() {
  if (!current) return;
  const page = await api(`/gantry/missions/${current.id}/events?after=${current.seq}`);
  for (const e of page.events) addEvent(e);
}

// Browsers cannot set headers on a WebSocket: each connection spends a fresh single-use ticket.
async function connect(id) {
  const proto = location.protocol === 'https:' ? 'wss' : 'ws';
  let ticket;
  try {
    ({ ticket } = await api('/gantry/auth/ticket', { method: 'POST' }));
  } catch {
    return;
  }
  if (!current || current.id !== id) return;
  const socket = new WebSocket(`${proto}://${location.host}/ws?ticket=${encodeURIComponent(ticket)}`);
  current.socket = socket;
  socket.addEventListener('open', () => socket.send(JSON.stringify({ action: 'subscribe', mission_id: id })));
  socket.addEventListener('message', (msg) => {
    const data = JSON.parse(msg.data);
    if (data.type === 'event') addEvent(data);
    else if (data.type === 'snapshot') {
      if (data.seq > current.seq) void resync();
    } else if (data.type === 'queue') setStatus($('mission-status').textContent, data);
    else if (data.type === 'log') {
      const log = $('log');
      log.textContent += data.lines.join('\n') + '\n';
      log.scrollTop = log.scrollHeight;
    }
  });
  socket.addEventListener('close', () => {
    if (current && current.id === id && !FINAL.has($('mission-status').textContent))
      setTimeout(() => {
        void resync();
        void connect(id);
      }, 1000);
  });
}

function follow(id) {
  if (current?.socket) {
    const s = current.socket;
    current = null;
    s.close();
  }
  current = { id, seq: 0, socket: null };
  $('mission').hidden = false;
  $('mission-id').textContent = id;
  $('timeline').textContent = '';
  $('log').textContent = '';
  $('links').textContent = '';
  setStatus('…');
  void connect(id);
  void resync().then(refreshStatus);
}

async function loadMissions() {
  const { missions } = await api('/gantry/missions?limit=10');
  const list = $('missions');
  list.textContent = '';
  for (const m of missions) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#${m.mission_id}`;
    a.textContent = `${m.project_name || m.prompt.slice(0, 40)} — ${m.status}`;
    a.addEventListener('click', () => follow(m.mission_id));
    li.append(a);
    list.append(li);
  }
}

$('mission-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const err = $('form-error');
  err.hidden = true;
  $('submit').disabled = true;
  try {
    const r = await api('/gantry/architect', {
      method: 'POST',
      body: JSON.stringify({ voice_memo: $('prompt').value, deploy: $('deploy').checked, publish: $('publish').checked }),
    });
    follow(r.mission_id);
  } catch (e) {
    err.textContent = e.message;
    err.hidden = false;
  } finally {
    $('submit').disabled = false;
  }
});

// The consultation: every turn goes to POST /gantry/consult; the plan is built only after "proceed".
let consultation = null; // mission id of the open consultation

function addTurn(role, text) {
  const li = document.createElement('li');
  li.className = role;
  li.textContent = text;
  $('conversation').append(li);
}

function showPlan(r) {
  const open = r.consultant_status === 'NEEDS_CONFIRMATION';
  $('plan').hidden = !open;
  if (!open) return;
  $('plan-kind').textContent = r.app_kind;
  $('plan-theme').textContent = r.design_target ? `(theme ${r.design_target})` : '';
  $('plan-features').textContent = r.features.length ? r.features.join(', ') : 'none';
}

/** A file as the base64 of its bytes (the data URL's payload). */
function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function consult(message) {
  const err = $('consult-error');
  err.hidden = true;
  $('consult-send').disabled = true;
  $('proceed').disabled = true;
  try {
    const body = { message, deploy: $('deploy').checked, publish: $('publish').checked };
    if (consultation) body.mission_id = consultation;
    const file = $('design-image').files[0];
    if (file) {
      body.image_base64 = await readBase64(file);
      body.image_filename = file.name;
    }
    const r = await api('/gantry/consult', { method: 'POST', body: JSON.stringify(body) });
    addTurn('user', message);
    addTurn('assistant', r.response);
    consultation = r.mission_id;
    $('design-image').value = '';
    showPlan(r);
    if (r.started) {
      consultation = null;
      follow(r.mission_id);
    }
  } catch (e) {
    err.textContent = e.message;
    err.hidden = false;
  } finally {
    $('consult-send').disabled = false;
    $('proceed').disabled = false;
  }
}

$('consult-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const message = $('consult-message').value.trim();
  if (!message) return;
  $('consult-message').value = '';
  await consult(message);
});

$('proceed').addEventListener('click', () => void consult('proceed'));

$('consult-new').addEventListener('click', () => {
  consultation = null;
  $('conversation').textContent = '';
  $('plan').hidden = true;
});

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const err = $('login-error');
  err.hidden = true;
  $('login-submit').disabled = true;
  try {
    await api('/gantry/auth', {
      method: 'POST',
      body: JSON.stringify({ email: $('email').value, password: $('password').value, mode: 'cookie' }),
    });
    $('password').value = '';
    await start();
  } catch (e) {
    err.textContent = e.message;
    err.hidden = false;
  } finally {
    $('login-submit').disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  await api('/gantry/auth/logout', { method: 'POST' }).catch(() => {});
  if (current?.socket) current.socket.close();
  current = null;
  showLogin();
});

async function start() {
  if (!(await checkSession())) return;
  if (location.hash.length > 1) follow(location.hash.slice(1));
  void loadMissions().catch(() => {});
}

void start();
