// Import and export through the browser against the real server: a small DHIS2 CSV file with
// one good row and one bad row, imported good-rows-only, answers with its summary (counts and
// the refused row with its field and reason); the value then comes back in a CSV export.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage } from './browser.ts';

/** The latest month open for entry: the previous one (the EPI report opens no future period). */
function latestOpenMonth(now = new Date()): string {
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${month.getUTCFullYear()}${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

const period = latestOpenMonth();
const header = 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted';
// Row 2 is good; row 3 has a value that is not a number (DHIS2 E7619).
const csv = [header, `EPI_BCG,${period},DEMO_ML0101_01,0-11M_F,,12,,,,,`, `EPI_BCG,${period},DEMO_ML0101_01,0-11M_M,,douze,,,,,`, ''].join('\r\n');

describe('import and export', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1440, height: 1000 }));
  });
  afterAll(async () => browser?.close());

  it('checks a file in a dry run without saving it', async () => {
    const started = Date.now();
    await page.goto(`${baseUrl()}/import-export`);
    await page.getByRole('heading', { name: 'Importer des valeurs' }).waitFor();
    process.stdout.write(`[e2e] import/export first load: ${Date.now() - started} ms\n`);
    await page.getByLabel('Fichier', { exact: true }).setInputFiles({ name: 'valeurs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => (document.querySelector('.import-panel select') as HTMLSelectElement | null)?.value === 'csv');
    await page.getByLabel('Simulation : vérifier le fichier sans rien enregistrer').check();
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const summary = page.locator('.import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('ERROR');
    expect(await summary.locator('.notice').textContent()).toContain("rien n'a été enregistré");
  });

  it('imports the good rows of a CSV file and explains the refused one', async () => {
    await page.getByLabel('Simulation : vérifier le fichier sans rien enregistrer').uncheck();
    await page.getByLabel('En cas de refus').selectOption('NONE');
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const summary = page.locator('.import-summary:not(:has(.notice))');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('WARNING');
    const count = async (name: string) => Number(await summary.locator(`dd[data-count="${name}"]`).textContent());
    expect((await count('imported')) + (await count('updated'))).toBe(1);
    expect(await count('conflicts')).toBe(1);
    const conflict = summary.locator('.conflicts-table tbody tr');
    expect(await conflict.count()).toBe(1);
    const cells = await conflict.locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('Valeur');
    expect(cells[2]).toBe('douze');
    expect(cells[3]).toMatch(/E7619/);
    await screenshot(page, 'import-summary');
  });

  it('exports the imported value in a DHIS2 CSV file', async () => {
    const exportPanel = page.locator('.export-panel');
    const dataSet = exportPanel.getByLabel('Formulaire (ensemble de données)');
    await dataSet.selectOption({ label: await dataSet.locator('option', { hasText: 'PEV' }).first().innerText() });
    expect(await exportPanel.locator('.period-picker select').inputValue()).toBe(period);
    await exportPanel.getByRole('searchbox', { name: "Unité d'organisation" }).fill('Kayes');
    // Tree order: the region first, then its cercles (one of which is also called Kayes).
    await exportPanel.getByRole('listbox', { name: "Unité d'organisation" }).selectOption({ index: 0 });
    await screenshot(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), exportPanel.getByRole('link', { name: 'Télécharger' }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').split(/\r?\n/);
    expect(lines[0]).toBe(header);
    expect(lines.some((line) => line.startsWith(`EPI_BCG,${period},DEMO_ML0101_01,0-11M_F,`) && line.split(',')[5] === '12')).toBe(true);
  });
});
