// The frame of every page: the programme's name, the navigation the user's abilities allow,
// the language switch (always visible) and the sign-in state.
import type { ReactNode } from 'react';
import { useI18n } from '../app/i18n.tsx';
import { pages } from '../app/pages.ts';
import { Link, useRouter } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const { me, can, signOut } = useSession();
  const { navigate } = useRouter();
  const visible = pages.filter((page) => page.inNavigation && (!page.ability || (me && can(page.ability))));
  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t('web.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            D
          </span>
          <span className="brand-text">
            <strong>Denw</strong>
            <small>{t('web.tagline')}</small>
          </span>
        </Link>
        <nav aria-label={t('web.nav.label')} className="main-nav">
          {visible.map((page) => (
            <Link key={page.path} to={page.path}>
              {t(page.labelKey)}
            </Link>
          ))}
        </nav>
        <div className="topbar-actions">
          <button
            type="button"
            className="language-switch"
            lang={language === 'fr' ? 'en' : 'fr'}
            onClick={() => setLanguage(language === 'fr' ? 'en' : 'fr')}
          >
            {language === 'fr' ? 'English' : 'Français'}
          </button>
          {me ? (
            <>
              <span className="user-name" title={me.role}>
                {me.displayName}
              </span>
              <button
                type="button"
                className="button-secondary"
                onClick={async () => {
                  await signOut();
                  navigate('/');
                }}
              >
                {t('web.signOut')}
              </button>
            </>
          ) : (
            me === null && (
              <Link to="/login" className="button-primary">
                {t('web.signIn')}
              </Link>
            )
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <span>{t('web.footer.programme')}</span>
        <span>{t('web.footer.licence')}</span>
      </footer>
    </div>
  );
}
