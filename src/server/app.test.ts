import { expect, it } from 'vitest';
import { describeEachEngineApp } from './testing/testApp.ts';

describeEachEngineApp('the API edge', (api) => {
  it('serves its OpenAPI description', async () => {
    const response = await api().inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json().openapi).toMatch(/^3\./);
    expect(response.json().paths['/api/system/info'].get).toBeDefined();
  });

  it('answers unknown routes 404 in French by default and in English on request', async () => {
    const fr = await api().inject({ method: 'GET', url: '/api/nowhere' });
    expect(fr.statusCode).toBe(404);
    expect(fr.json()).toMatchObject({ httpStatusCode: 404, status: 'ERROR', errorCode: 'NOT_FOUND' });
    expect(fr.json().message).toBe('Ressource introuvable : /api/nowhere');
    const en = await api().inject({ method: 'GET', url: '/api/nowhere', headers: { 'accept-language': 'en' } });
    expect(en.json().message).toBe('Not found: /api/nowhere');
  });

  it('answers a wrong method 405', async () => {
    const response = await api().inject({ method: 'DELETE', url: '/api/system/info' });
    expect(response.statusCode).toBe(405);
    expect(response.json().errorCode).toBe('METHOD_NOT_ALLOWED');
  });

  it('accepts Basic credentials of a known user and refuses wrong ones', async () => {
    const wrong = await api().inject({
      method: 'GET',
      url: '/api/system/info',
      headers: { authorization: `Basic ${Buffer.from('admin:wrong').toString('base64')}` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await api().inject({ method: 'GET', url: '/api/system/info', as: 'admin' });
    expect(right.statusCode).toBe(200);
  });
});
