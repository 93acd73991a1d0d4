import { useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';

export default function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  const { query, navigate } = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      const next = query.get('next');
      navigate(next && next.startsWith('/') ? next : '/dashboard');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('web.error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="login-card" aria-labelledby="login-title">
      <h1 id="login-title">{t('web.login.title')}</h1>
      <p className="muted">{t('web.login.intro')}</p>
      <form onSubmit={submit}>
        <label>
          {t('web.login.username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          {t('web.login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('web.loading') : t('web.signIn')}
        </button>
      </form>
    </section>
  );
}
