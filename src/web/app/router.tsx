// Client-side routing over the History API: the URL is the state (pages, filters, pivot
// layouts), so any view can be shared by copying the address.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

interface Location {
  path: string;
  query: URLSearchParams;
}

interface Router extends Location {
  navigate(to: string, options?: { replace?: boolean }): void;
  /** Updates query parameters of the current page, keeping the others. */
  setQuery(changes: Record<string, string | null>): void;
}

const RouterContext = createContext<Router | null>(null);

function current(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(current());
    if (!options.replace) window.scrollTo(0, 0);
  }, []);
  const setQuery = useCallback(
    (changes: Record<string, string | null>) => {
      const query = new URLSearchParams(window.location.search);
      for (const [name, value] of Object.entries(changes)) {
        if (value === null || value === '') query.delete(name);
        else query.set(name, value);
      }
      const search = query.toString();
      navigate(`${window.location.pathname}${search ? `?${search}` : ''}`, { replace: true });
    },
    [navigate],
  );
  const router = useMemo(() => ({ ...location, navigate, setQuery }), [location, navigate, setQuery]);
  return <RouterContext.Provider value={router}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}

/** A link that navigates without reloading the page; `active` overrides the address's own verdict (a section and its sub-pages). */
export function Link({ to, children, className, active: activeOverride, ...rest }: { to: string; children: ReactNode; className?: string; active?: boolean } & Record<string, unknown>) {
  const { navigate, path } = useRouter();
  const active = activeOverride ?? (path === to || (to !== '/' && path.startsWith(`${to}/`)));
  return (
    <a
      href={to}
      className={[className, active ? 'active' : ''].filter(Boolean).join(' ') || undefined}
      aria-current={active ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </a>
  );
}
