// Which methods a path supports, for the 405 answer and its Allow header (RFC 9110 §15.5.6).
// Fastify's hasRoute compares route patterns ('/users/:id'), not request paths
// ('/users/5'), so the routes are recorded as they are added and matched here.
import type { FastifyInstance } from 'fastify';

/** Starts recording the routes added after this call; returns the lookup. */
export function trackAllowedMethods(app: FastifyInstance): (path: string) => string[] {
  const routes: Array<{ methods: string[]; pattern: RegExp }> = [];
  app.addHook('onRoute', (route) => {
    // The web application's catch-all ('/*') answers unknown pages itself.
    if (route.url.endsWith('*')) return;
    const source = route.url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    routes.push({ methods: [route.method].flat(), pattern: new RegExp(`^${source}/?$`) });
  });
  return (path) => [...new Set(routes.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods))];
}
