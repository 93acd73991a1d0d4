// The real server on its embedded database answers requests sent at the same time, as a
// browser page does when it loads: each whole and right. pglite-socket 0.2.17 interleaved the
// extended-protocol messages of concurrent queries (electric-sql/pglite#1046): before the fix in
// src/store/pgliteProcess.ts, about half of eight simultaneous signed-in requests answered 500,
// or 401 with the right password.
import { describe, expect, inject, it } from 'vitest';
import { baseUrl } from './browser.ts';

describe('concurrent requests on the embedded database', () => {
  it('answers 24 signed-in requests sent at once, each with the same results as alone', async () => {
    const authorization = `Basic ${Buffer.from(`admin:${inject('adminPassword')}`).toString('base64')}`;
    const get = (path: string) => fetch(`${baseUrl()}${path}`, { headers: { authorization } });
    const alone = await (await get('/api/results')).text();
    for (let round = 0; round < 3; round++) {
      const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => get(i % 2 ? '/api/results' : '/api/me')));
      expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
      const bodies = await Promise.all(responses.map((response) => response.text()));
      expect(bodies.filter((_, i) => i % 2).every((body) => body === alone)).toBe(true);
    }
  });
});
