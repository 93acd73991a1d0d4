// GET /api/system/info reports the demonstration dataset as the database holds it, so that
// `denw seed --remove-demo` run beside a PostgreSQL server shows at once (the audit found
// "ready, 504276" still answered after the removal); while this server loads it, its progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type DemoLoading } from '../../app.ts';
import { describeEachEngineApp } from '../../testing/testApp.ts';

describeEachEngineApp('system info: the demonstration dataset', (api) => {
  const demo: DemoLoading = { status: 'ready', values: 504_276 };
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: api().database, demo });
  });
  afterAll(() => app.close());
  const info = async () => (await app.inject({ method: 'GET', url: '/api/system/info' })).json().demo;
  const tagDemo = (source: string | null) => api().database.pool.query(`UPDATE org_unit SET source = $1 WHERE code = 'FAC_KAYES_1'`, [source]);

  it('says absent once no demo unit is left, whatever this server loaded earlier', async () => {
    await tagDemo(null);
    expect(await info()).toEqual({ status: 'absent', values: 0 });
  });

  it('says ready, with the values this server loaded, while demo units are stored', async () => {
    await tagDemo('demo');
    expect(await info()).toEqual({ status: 'ready', values: 504_276 });
  });

  describe('while this server loads it', () => {
    it('reports its own progress, or its failure, before the units exist', async () => {
      await tagDemo(null);
      Object.assign(demo, { status: 'loading', values: 120_000 });
      expect(await info()).toEqual({ status: 'loading', values: 120_000 });
      Object.assign(demo, { status: 'failed' });
      expect((await info()).status).toBe('failed');
    });
  });
});
