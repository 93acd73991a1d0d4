// The analysis pages against the real server and its demonstration data: the results
// dashboard's ranking, the map's classes for known values, and a pivot exported as CSV whose
// content is checked against the analytics API itself.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage } from './browser.ts';

const year = String(new Date().getFullYear() - 1);

/** Region code → value of an indicator for the year, straight from the API. */
async function regionValues(page: Page, dx: string): Promise<Map<string, number>> {
  const response = await page.request.get(`${baseUrl()}/api/analytics?dimension=ou:LEVEL-2&filter=dx:${dx}&filter=pe:${year}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { headers: Array<{ name: string }>; rows: string[][] };
  const ou = body.headers.findIndex((h) => h.name === 'ou');
  const value = body.headers.findIndex((h) => h.name === 'value');
  return new Map(body.rows.map((row) => [row[ou]!, Number(row[value])]));
}

const frenchNumber = (text: string) => Number(text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.'));

describe('analysis pages', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1366, height: 900 }));
  });
  afterAll(async () => browser?.close());

  it('ranks the regions worst first on the results dashboard', async () => {
    const started = Date.now();
    await page.goto(`${baseUrl()}/dashboard?indicator=RF_DTP3_COVERAGE`);
    const rows = page.locator('.ranking tbody tr');
    await rows.first().waitFor();
    process.stdout.write(`[e2e] dashboard first load: ${Date.now() - started} ms\n`);
    const values = (await page.locator('.ranking tbody td.number').allInnerTexts()).map(frenchNumber);
    expect(values).toHaveLength(9);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'dashboard-fr');

    const switched = Date.now();
    await page.getByRole('button', { name: /Couverture de la première dose de vaccin contre la rougeole/ }).click();
    await page.waitForURL(/indicator=RF_MCV1/);
    await page.locator('.ranking tbody tr').first().waitFor();
    process.stdout.write(`[e2e] dashboard indicator switch: ${Date.now() - switched} ms\n`);
  });

  it('colours each region of the map by the class of its value, and drills down to the cercles', async () => {
    await page.goto(`${baseUrl()}/maps?dx=EPI_COV_PENTA3&pe=${year}`);
    const areas = page.locator('.choropleth path[data-code]');
    await page.locator('.choropleth path[data-class="0"]').first().waitFor();
    expect(await areas.count()).toBe(9);
    const values = await regionValues(page, 'EPI_COV_PENTA3');
    expect(values.size).toBe(9);
    const ordered = [...values.entries()].sort((a, b) => a[1] - b[1]);
    // Five equal-interval classes over the range: the lowest value is in the first, the highest in the last.
    expect(await page.locator(`path[data-code="${ordered[0]![0]}"]`).getAttribute('data-class')).toBe('0');
    expect(await page.locator(`path[data-code="${ordered.at(-1)![0]}"]`).getAttribute('data-class')).toBe('4');
    for (const [code] of ordered) expect(await page.locator(`path[data-code="${code}"]`).getAttribute('data-class')).not.toBe('no-data');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'maps-fr');

    await page.locator('path[data-code="ML04"]').click();
    await page.waitForURL(/parent=ML04/);
    // The regions give way to the cercles (codes of 6 characters: ML0401 …).
    await page.waitForFunction(() => {
      const codes = [...document.querySelectorAll('.choropleth path[data-code]')].map((p) => p.getAttribute('data-code') ?? '');
      return codes.length > 0 && codes.every((code) => code.length === 6);
    });
    const cercles = await page.locator('.choropleth path[data-code]').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')));
    expect(cercles.length).toBe(7);
    expect(cercles.every((code) => code?.startsWith('ML04'))).toBe(true);
    await screenshot(page, 'maps-cercles-fr');
  });

  it('exports the pivot table as the CSV it shows, values equal to the API', async () => {
    await page.goto(`${baseUrl()}/pivot?dx=EPI_COV_PENTA3&pe=${year}&ou=LEVEL-2&cols=pe&type=table`);
    await page.locator('.pivot-table tbody tr').nth(8).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'pivot-fr');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toBe(`Données,Unités d'organisation,${year}`);
    expect(lines).toHaveLength(9);
    const values = await regionValues(page, 'EPI_COV_PENTA3');
    const names = await page.request.get(`${baseUrl()}/api/organisationUnits?level=2&paging=false&fields=code,name`);
    const byName = new Map(((await names.json()) as { organisationUnits: Array<{ code: string; name: string }> }).organisationUnits.map((u) => [u.name, u.code]));
    for (const line of lines) {
      const [, region, value] = line.split(',');
      expect(Number(value), region).toBe(values.get(byName.get(region!)!));
    }
    await page.getByRole('radio', { name: 'Colonnes' }).click();
    await page.locator('.echart svg').first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'pivot-chart-fr');
  });
});
