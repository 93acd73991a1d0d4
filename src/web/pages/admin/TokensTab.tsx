// Personal access tokens for scripts (`Authorization: ApiToken …`, as DHIS2): create one with a
// name and a lifetime — its key is shown this once only, the server keeping just a hash —,
// see when each was last used, revoke it.
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n.tsx';
import { createToken, listTokens, revokeToken, type ApiToken } from './usersApi.ts';

const lifetimes = { days30: 30, days90: 90, year: 365, never: 0 } as const;
type Lifetime = keyof typeof lifetimes;
const DAY_MS = 86_400_000;

export function TokensTab() {
  const { t, formatDate, language } = useI18n();
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState<Lifetime>('days90');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10)) : '—');

  const refresh = () =>
    listTokens()
      .then(setTokens)
      .catch((failure: Error) => setError(failure.message));
  useEffect(() => {
    void refresh();
  }, [language]);

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const days = lifetimes[lifetime];
      const { key } = await createToken(name.trim(), days === 0 ? undefined : Date.now() + days * DAY_MS);
      setCreated({ name: name.trim(), key });
      setName('');
      await refresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(token: ApiToken) {
    if (!window.confirm(t('web.tokens.confirmRevoke', { name: token.name || token.id }))) return;
    setError(null);
    try {
      await revokeToken(token.id);
      await refresh();
    } catch (failure) {
      setError((failure as Error).message);
    }
  }

  return (
    <section className="tokens" aria-labelledby="tokens-title">
      <div className="card">
        <h2 id="tokens-title">{t('web.tokens.title')}</h2>
        <p className="muted">{t('web.tokens.intro')}</p>
        <form className="toolbar token-form" onSubmit={create}>
          <label>
            {t('web.tokens.name')}
            <input value={name} maxLength={100} required placeholder={t('web.tokens.namePlaceholder')} onChange={(event) => setName(event.target.value)} />
          </label>
          <label>
            {t('web.tokens.lifetime')}
            <select value={lifetime} onChange={(event) => setLifetime(event.target.value as Lifetime)}>
              {(Object.keys(lifetimes) as Lifetime[]).map((item) => (
                <option key={item} value={item}>
                  {t(`web.tokens.lifetime.${item}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button-primary" disabled={busy}>
            {t('web.tokens.create')}
          </button>
        </form>
        {created && (
          <div className="token-created" role="status">
            <p>
              <strong>{t('web.tokens.createdOnce', { name: created.name })}</strong>
            </p>
            <div className="token-key">
              <code data-token-key>{created.key}</code>
              <button
                type="button"
                className="button-secondary"
                onClick={() => void navigator.clipboard?.writeText(created.key).then(() => setCopied(true), () => setCopied(false))}
              >
                {copied ? t('web.tokens.copied') : t('web.tokens.copy')}
              </button>
            </div>
            <p className="muted">{t('web.tokens.usage')}</p>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="card table-card">
        {tokens && tokens.length === 0 && <p className="empty-state">{t('web.tokens.none')}</p>}
        {tokens && tokens.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('web.tokens.name')}</th>
                <th scope="col">{t('web.tokens.created')}</th>
                <th scope="col">{t('web.tokens.expires')}</th>
                <th scope="col">{t('web.tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('web.users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name || <code>{token.id}</code>}</th>
                  <td>{date(token.created)}</td>
                  <td>{token.expire ? date(token.expire) : t('web.tokens.lifetime.never')}</td>
                  <td>{date(token.lastUsed)}</td>
                  <td>
                    <button type="button" className="button-secondary button-small danger" onClick={() => void revoke(token)}>
                      {t('web.tokens.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
