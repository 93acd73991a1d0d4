// API tests: the real application on a fresh database of each engine, loaded with the test
// fixtures and one user per role and scope. Requests go through `inject` with HTTP Basic
// credentials of the user named in `as`.
//
//   describeEachEngineApp('analytics', (api) => {
//     it('answers', async () => {
//       const response = await api().inject({ method: 'GET', url: '/api/analytics?…', as: 'national' });
//     });
//   });
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, afterAll } from 'vitest';
import { createUser } from '../../store/users.ts';
import { describeEachEngine } from '../../store/testing/engines.ts';
import { insertFixtures } from '../../store/testing/fixtures.ts';
import type { Database, Engine } from '../../store/database.ts';
import type { Role } from '../access/abilities.ts';
import { buildApp } from '../app.ts';

export const testPassword = 'Mot-de-passe-de-test-1';

/** The test users: name → role and scope (org-unit codes of the fixtures). */
export const testUsers = {
  admin: { role: 'superuser', scope: ['ML'] },
  national: { role: 'data_manager', scope: ['ML'] },
  kayes: { role: 'data_entry', scope: ['ML01'] },
  segouViewer: { role: 'viewer', scope: ['ML04'] },
} as const satisfies Record<string, { role: Role; scope: string[] }>;
export type TestUser = keyof typeof testUsers;

export interface TestApi {
  app: FastifyInstance;
  database: Database;
  inject(options: InjectOptions & { as?: TestUser }): Promise<LightMyRequestResponse>;
}

export function describeEachEngineApp(title: string, body: (api: () => TestApi, engine: Engine) => void): void {
  describeEachEngine(title, (database, engine) => {
    let api: TestApi | undefined;
    beforeAll(async () => {
      await insertFixtures(database());
      for (const [username, user] of Object.entries(testUsers)) {
        await createUser(database(), { username, displayName: username, password: testPassword, role: user.role, scope: [...user.scope] });
      }
      const app = await buildApp({ database: database() });
      api = {
        app,
        database: database(),
        inject: ({ as, ...options }) => {
          const headers = { ...(options.headers ?? {}) } as Record<string, string>;
          if (as) headers.authorization = `Basic ${Buffer.from(`${as}:${testPassword}`).toString('base64')}`;
          return app.inject({ ...options, headers });
        },
      };
    });
    afterAll(async () => {
      await api?.app.close();
    });
    body(() => {
      if (!api) throw new Error('test app not ready');
      return api;
    }, engine);
  });
}
