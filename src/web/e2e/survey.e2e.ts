// The survey analysis page against the real server: upload the survey sample of
// src/core/survey/reference (377 children, 3 regions, 24 clusters), name its design columns,
// and see the SMART plausibility report, the prevalence table with SMART's GAM beside anthro's,
// and the z-score means — the same numbers the API gives, themselves checked against R's
// survey package (anthro-prevalence.csv, smart-prevalence.csv, anthro-zscores.csv) — then a
// file with an unreadable cell, listed by row and column.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage } from './browser.ts';

const sample = fileURLToPath(new URL('../../core/survey/reference/survey-sample.csv', import.meta.url));

describe('survey analysis page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1366, height: 900 }));
  });
  afterAll(async () => browser?.close());

  it('uploads a survey and shows the plausibility report and the prevalence table', async () => {
    await page.goto(`${baseUrl()}/survey`);
    await page.getByLabel("Fichier d'enquête (CSV ou XLSX)").setInputFiles(sample);
    await page.getByLabel('Colonne des grappes').fill('cluster');
    await page.getByLabel('Colonne des strates').fill('region');
    await page.getByLabel('Colonne des poids de sondage').fill('weight');
    await page.getByRole('button', { name: 'Analyser' }).click();
    const wasting = page.locator('.survey-prevalence tr[data-indicator="WH_2"]');
    await wasting.waitFor();

    // R (anthro_prevalence's steps with the survey package): WH_2, All = 12.6539 %, 95 % CI 8.4623–18.5020, deff 1.93.
    expect(Number(await wasting.locator('td[data-value]').getAttribute('data-value'))).toBeCloseTo(12.6538606773088, 6);
    const text = (await wasting.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('12,7');
    expect(text).toContain('8,5 – 18,5');
    expect(text).toContain('OMS/UNICEF 2018 : élevé');
    expect(text).toContain('IPC MA phase 3');

    // SMART's GAM (6–59 months, SMART flags), R: 11.5125 %, 95 % CI 7.3371–17.6124; 3 WHZ left out.
    const smartGam = page.locator('.survey-prevalence tr[data-indicator="SMART_GAM"]');
    expect(Number(await smartGam.locator('td[data-value]').getAttribute('data-value'))).toBeCloseTo(11.512465289043, 6);
    const smartText = (await smartGam.innerText()).replace(/\s+/g, ' ');
    expect(smartText).toContain('MAG, drapeaux SMART, 6–59 mois');
    expect(smartText).toContain('7,3 – 17,6');
    expect(smartText).toContain('IPC MA phase 3');
    expect(await page.locator('.survey-smart-flags').innerText()).toContain('3 enfant(s) exclu(s)');

    // anthro's z-score summary, R: WHZ mean −0.7807 (95 % CI −1.0232 to −0.5383), SD 1.0607.
    const whz = page.locator('.survey-zscores tr[data-indicator="WH"]');
    expect(Number(await whz.locator('td[data-value]').getAttribute('data-value'))).toBeCloseTo(-0.780718015048462, 6);
    expect(Number(await whz.locator('td[data-sd]').getAttribute('data-sd'))).toBeCloseTo(1.06068270158099, 6);
    expect((await whz.innerText()).replace(/\s+/g, ' ')).toContain('poids-pour-taille (P/T)');

    // The plausibility report: ten SMART criteria and the overall score, as the API computes them.
    await expect.poll(() => page.locator('.survey-plausibility tbody tr').count()).toBe(10);
    const api = await page.request.post(`${baseUrl()}/api/surveys/anthro?cluster=cluster&strata=region&weight=weight`, {
      data: (await import('node:fs')).readFileSync(sample, 'utf8'), headers: { 'content-type': 'text/csv' },
    });
    const plausibility = (await api.json()).plausibility as { score: number; class: string };
    expect(await page.locator('tr[data-criterion="overall"] td.number').innerText()).toBe(String(plausibility.score));
    expect(await page.locator('.survey-overall-class').innerText()).toBe({ excellent: 'excellent', good: 'bon', acceptable: 'acceptable', problematic: 'problématique' }[plausibility.class]);

    // Another group: the girls.
    await page.getByLabel('Groupe').selectOption('Sex: Female');
    await expect.poll(() => page.locator('.survey-prevalence tr[data-indicator="WH_2"] td').first().innerText()).not.toBe('375');
    // R: the girls' HAZ mean −1.0599 (n 198).
    await expect.poll(async () => Number(await page.locator('.survey-zscores tr[data-indicator="HA"] td[data-value]').getAttribute('data-value'))).toBeCloseTo(-1.05989895313484, 6);
    await screenshot(page, 'survey-analysis');
  });

  it('lists unreadable cells by row and column', async () => {
    await page.goto(`${baseUrl()}/survey`);
    await page.getByLabel("Fichier d'enquête (CSV ou XLSX)").setInputFiles({
      name: 'enquete.csv', mimeType: 'text/csv', buffer: Buffer.from('sex,age_days,weight_kg,lenhei_cm,cluster\n1,400,9.1,75,1\n1,400,lourd,75,2\n'),
    });
    await page.getByRole('button', { name: 'Analyser' }).click();
    await expect.poll(() => page.locator('.survey-cell-errors li').first().innerText().catch(() => '')).toBe(
      "Ligne 3, colonne « weight_kg » : « lourd » n'est pas un nombre positif ou nul",
    );
    expect(await page.getByRole('alert').innerText()).toContain('1 cellule(s) illisible(s)');
  });
});
