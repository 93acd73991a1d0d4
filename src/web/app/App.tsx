import { Suspense, useEffect } from 'react';
import { Layout } from '../components/Layout.tsx';
import { setApiLanguage } from './api.ts';
import { I18nProvider, useI18n } from './i18n.tsx';
import { pageFor } from './pages.ts';
import { RouterProvider, useRouter } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';

function CurrentPage() {
  const { path, navigate } = useRouter();
  const { me, can } = useSession();
  const { t, language } = useI18n();
  setApiLanguage(language);
  const page = pageFor(path);
  const needsSignIn = Boolean(page?.ability) && me === null;
  useEffect(() => {
    if (needsSignIn) navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true });
  }, [needsSignIn, navigate, path]);
  if (!page) return <p className="empty-state">{t('web.error.pageNotFound')}</p>;
  if (page.ability && me === undefined) return <p className="loading">{t('web.loading')}</p>;
  if (page.ability && me && !can(page.ability)) return <p className="empty-state">{t('error.FORBIDDEN')}</p>;
  if (needsSignIn) return null;
  const Page = page.component;
  return (
    <Suspense fallback={<p className="loading">{t('web.loading')}</p>}>
      <Page />
    </Suspense>
  );
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Layout>
            <CurrentPage />
          </Layout>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
