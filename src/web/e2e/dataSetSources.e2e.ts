// Switching where a health area's monthly figures come from, in the real browser (issue 4): the
// data manager's page lists the data sets the child registry can produce, refuses to put the
// registry over months the monthly form already filled (the reason shown), switches the EPI
// report to the registry from this month on — the page and the API then name the registry —
// and back to the form.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage } from './browser.ts';

/** YYYY-MM of the month `offset` months from the current one (UTC, as the API's dates). */
const month = (offset: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};

describe('data set sources page', () => {
  let browser: Browser;
  let page: Page;
  let healthArea = '';
  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1440, height: 1000 }));
  });
  afterAll(async () => browser?.close());

  const epi = () => page.locator('section[data-data-set="EPI_MONTHLY"]');
  const apiSource = async () =>
    ((await (await page.request.get(`${baseUrl()}/api/dataSetSources?orgUnit=${healthArea}`)).json()) as { dataSets: Array<{ dataSet: string; source: string }> }).dataSets.find(
      (dataSet) => dataSet.dataSet === 'EPI_MONTHLY',
    )?.source;

  it('lists, for a health area, the data sets the registry can produce, each from the form by default', async () => {
    await page.goto(`${baseUrl()}/data-set-sources`);
    await page.getByRole('heading', { level: 1, name: 'Source des chiffres : formulaire ou registre' }).waitFor();
    const areas = page.getByRole('listbox', { name: 'Aire de santé' });
    await areas.locator('option').nth(2).waitFor({ state: 'attached' });
    // Not the first health area, which the child registry's suite puts on the registry.
    await areas.selectOption({ index: 2 });
    await page.waitForURL((url) => url.searchParams.has('ou'));
    healthArea = new URL(page.url()).searchParams.get('ou')!;
    await epi().getByRole('heading', { name: 'PEV — rapport mensuel de l’aire de santé' }).waitFor();
    await page.locator('section[data-data-set="NUT_GROWTH_MONITORING"]').waitFor();
    expect(await epi().getAttribute('data-source')).toBe('form');
    expect(await epi().locator('.current-source').textContent()).toBe('Formulaire (rapport mensuel)');
    await epi().getByText('À partir de ce mois, le registre calcule les chiffres de ce rapport').waitFor();
  });

  it('refuses the registry over months the monthly form already filled, with the reason', async () => {
    // The demonstration data fill the monthly reports up to last month.
    await epi().getByLabel('À partir du mois').fill(month(-6));
    await epi().getByRole('button', { name: 'Passer au registre' }).click();
    const refusal = epi().getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Le registre ne peut pas devenir la source de EPI_MONTHLY ici : le rapport mensuel a déjà');
    expect(await epi().getAttribute('data-source')).toBe('form');
    expect(await apiSource()).toBe('form');
    await screenshot(page, 'data-set-sources-refused');
  });

  it('switches the EPI report to the registry from this month on, then back to the form', async () => {
    await epi().getByLabel('À partir du mois').fill(month(0));
    await epi().getByRole('button', { name: 'Passer au registre' }).click();
    await page.locator('section[data-data-set="EPI_MONTHLY"][data-source="registry"]').waitFor();
    expect(await epi().locator('.current-source').textContent()).toBe('Registre des enfants');
    await epi().getByRole('status').waitFor();
    expect(await epi().locator('.source-history li').allTextContents()).toEqual([expect.stringMatching(/^À partir de \S+ \d{4} : Registre des enfants \(par admin\)$/)]);
    await epi().getByText('À partir de ce mois, les chiffres calculés par le registre pour cette aire de santé sont supprimés').waitFor();
    expect(await apiSource()).toBe('registry');
    await screenshot(page, 'data-set-sources-registry');

    await epi().getByRole('button', { name: 'Revenir au formulaire' }).click();
    await page.locator('section[data-data-set="EPI_MONTHLY"][data-source="form"]').waitFor();
    expect(await apiSource()).toBe('form');
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Where the figures come from: form or registry' }).waitFor();
    await epi().getByRole('heading', { name: 'EPI — monthly report of the health area' }).waitFor();
    await epi().getByText("From this month on, the registry computes this report's figures").waitFor();
    await screenshot(page, 'data-set-sources-en');
    await page.getByRole('button', { name: 'Français' }).click();
  });
});
