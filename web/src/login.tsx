import { useState } from 'preact/hooks';
import { api, session } from './api';

export function Login({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    const form = ev.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      await api('/gantry/auth', {
        json: { email: String(data.get('email')), password: String(data.get('password')), mode: 'cookie' },
      });
      (form.elements.namedItem('password') as HTMLInputElement).value = '';
      session.remember();
      onSignedIn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="login-page">
      <section id="login" class="card login" aria-labelledby="login-title">
        <h1 class="brand-big">
          <img src="/web/favicon.svg" alt="" width="36" height="36" /> Gantry
        </h1>
        <p class="tagline">Describe an app. Get a live URL, a pull request and sealed evidence.</p>
        <h2 id="login-title">Sign in</h2>
        <form id="login-form" onSubmit={submit}>
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit" id="login-submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {error && (
            <p id="login-error" role="alert" class="error">
              {error}
            </p>
          )}
        </form>
        <p class="hint" id="login-hint">
          No account yet? The first owner is created when the stack starts with <code>GANTRY_ADMIN_EMAIL</code> and{' '}
          <code>GANTRY_ADMIN_PASSWORD</code> set (when no user exists), or with{' '}
          <code>npx gantry user add --email you@example.com --role owner</code> while the stack is stopped. An owner adds more
          people with <code>POST /gantry/users</code>.
        </p>
      </section>
    </div>
  );
}
