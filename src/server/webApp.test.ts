import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../store/testing/engines.ts';
import { buildApp } from './app.ts';

describeEachEngine('serving the web application', (database) => {
  let app: FastifyInstance;
  const webRoot = mkdtempSync(join(tmpdir(), 'denw-web-'));
  beforeAll(async () => {
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Denw</title>');
    writeFileSync(join(webRoot, 'assets', 'app-1.js'), 'export {};');
    app = await buildApp({ database: database(), webRoot });
  });
  afterAll(() => app.close());

  it('serves the page for any address of the application', async () => {
    for (const url of ['/', '/dashboard', '/maps?dx=X']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
    }
  });
  it('serves files, including those built after the server started', async () => {
    writeFileSync(join(webRoot, 'assets', 'app-2.js'), 'export {};');
    const response = await app.inject({ method: 'GET', url: '/assets/app-2.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
  });
  it('answers a missing file 404, not with the page', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/gone.js' })).statusCode).toBe(404);
  });
  it('keeps unknown API addresses 404 in the API error shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json().errorCode).toBe('NOT_FOUND');
  });
});
