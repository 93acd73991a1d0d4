// Data entry in the real browser against the real server: a value typed in the EPI monthly
// report is saved at once and appears in the national total of the data visualizer (analytics)
// without any restart; a wrong value is refused in the cell; comments, follow-up and completion.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage } from './browser.ts';

/** A number as the French interface writes it (`1 234`, narrow no-break spaces), or 0 for an empty cell. */
const readNumber = (text: string | null) => Number((text ?? '').replace(/[\s\u202f\u00a0]/g, '').replace(',', '.')) || 0;

/** The analytics total of a data element for a period, nationally, read from the data visualizer's table. */
async function pivotTotal(page: Page, dataElement: string, period: string): Promise<number> {
  await page.goto(`${baseUrl()}/pivot?dx=${dataElement}&pe=${period}&ou=USER_ORGUNIT&type=table`);
  const cell = page.locator('table.pivot-table tbody tr').first().locator('td.number').first();
  await cell.waitFor();
  return readNumber(await cell.textContent());
}

describe('data entry', () => {
  let browser: Browser;
  let page: Page;
  let formUrl = '';
  let bcgUnder1Female: Locator;

  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1440, height: 1000 }));
  });
  afterAll(async () => browser?.close());

  it('opens the EPI monthly report of a health area for the latest open month', async () => {
    const started = Date.now();
    await page.goto(`${baseUrl()}/data-entry`);
    const dataSet = page.getByLabel('Formulaire (ensemble de données)');
    await dataSet.locator('option', { hasText: 'PEV' }).first().waitFor({ state: 'attached' });
    process.stdout.write(`[e2e] data entry first load: ${Date.now() - started} ms\n`);
    await dataSet.selectOption({ label: await dataSet.locator('option', { hasText: 'PEV' }).first().innerText() });
    const units = page.getByRole('listbox', { name: "Unité d'organisation" });
    await units.locator('option').first().waitFor({ state: 'attached' });
    await units.selectOption({ index: 0 });
    const formStarted = Date.now();
    // The cell is named by its row and column headers: data element, age group, sex.
    bcgUnder1Female = page.getByRole('textbox', { name: /^BCG\b.* 0–11 mois Féminin$/ });
    await bcgUnder1Female.waitFor();
    process.stdout.write(`[e2e] data entry form opened in ${Date.now() - formStarted} ms\n`);
    formUrl = page.url();
    // The demonstration data marks some months complete: open the form for editing.
    const incomplete = page.getByRole('button', { name: 'Marquer comme incomplet' });
    await page.locator('[data-completed]').waitFor();
    if ((await page.locator('[data-completed="true"]').count()) > 0) {
      await incomplete.click();
      await page.locator('[data-completed="false"]').waitFor();
    }
    expect(new URL(formUrl).searchParams.get('pe')).toMatch(/^\d{6}$/);
    expect(await page.locator('.entry-section h2').count()).toBeGreaterThanOrEqual(3);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'data-entry-fr');
  });

  it('saves a typed value and shows it in the national total at once', async () => {
    const period = new URL(formUrl).searchParams.get('pe')!;
    const before = Number((await bcgUnder1Female.inputValue()) || 0);
    const totalBefore = await pivotTotal(page, 'EPI_BCG', period);
    await page.goto(formUrl);
    await bcgUnder1Female.waitFor();
    await bcgUnder1Female.fill(String(before + 7));
    await bcgUnder1Female.press('Tab');
    await page.locator('td.cell-saved', { has: bcgUnder1Female }).waitFor();
    // Tab moved on to the next cell of the row (0–11 months, male).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby') ?? '')).not.toBe(await bcgUnder1Female.getAttribute('aria-labelledby'));
    await page.screenshot({ path: 'test-results/data-entry-saved.png' });
    expect(await pivotTotal(page, 'EPI_BCG', period)).toBe(totalBefore + 7);
    await screenshot(page, 'pivot-total-after-entry');
  });

  it('refuses a value of the wrong type in the cell, with the reason', async () => {
    await page.goto(formUrl);
    await bcgUnder1Female.waitFor();
    const saved = await bcgUnder1Female.inputValue();
    await bcgUnder1Female.fill('douze');
    const cell = page.locator('td.cell-invalid', { has: bcgUnder1Female });
    await cell.waitFor();
    expect(await bcgUnder1Female.getAttribute('aria-invalid')).toBe('true');
    expect(await cell.locator('.visually-hidden').textContent()).not.toBe('');
    // Set back to the stored value: nothing to send, and the cell is clear again.
    await bcgUnder1Female.fill(saved);
    await bcgUnder1Female.press('Enter');
    await cell.waitFor({ state: 'detached' });
    expect(await bcgUnder1Female.getAttribute('aria-invalid')).toBeNull();
  });

  it('keeps a comment and a follow-up flag on a value', async () => {
    await bcgUnder1Female.focus();
    await bcgUnder1Female.press('Control+Enter');
    const dialog = page.getByRole('dialog', { name: 'Commentaire et suivi de la valeur' });
    await dialog.waitFor();
    await dialog.getByLabel('Commentaire').fill('Registre vérifié avec le chef de poste');
    await dialog.getByLabel('Marquer pour suivi').check();
    // The dialog as the user sees it (a full-page capture would show the backdrop on the viewport only).
    await page.screenshot({ path: 'test-results/data-entry-comment.png' });
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.reload();
    await bcgUnder1Female.waitFor();
    expect(await page.locator('td', { has: bcgUnder1Female }).locator('.cell-follow-up').count()).toBe(1);
  });

  it('counts the unit in the completeness of the month, once it has data', async () => {
    const completeness = page.locator('section.completeness');
    await completeness.waitFor();
    expect(Number(await completeness.getAttribute('data-expected'))).toBeGreaterThan(0);
    expect(Number(await completeness.getAttribute('data-reported'))).toBeGreaterThanOrEqual(1);
  });

  it('marks the form complete after the validation rules, read-only until marked incomplete', async () => {
    await page.getByRole('button', { name: 'Marquer comme complet' }).click();
    await page.locator('[data-completed="true"]').waitFor();
    expect(await bcgUnder1Female.isDisabled()).toBe(true);
    await screenshot(page, 'data-entry-complete');
    await page.reload();
    await page.locator('[data-completed="true"]').waitFor();
    await page.getByRole('button', { name: 'Marquer comme incomplet' }).click();
    await page.locator('[data-completed="false"]').waitFor();
    expect(await bcgUnder1Female.isDisabled()).toBe(false);
  });

  it('reads in English, numbers and periods included', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data entry' }).waitFor();
    await page.getByRole('button', { name: 'Mark complete' }).waitFor();
    await screenshot(page, 'data-entry-en');
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('switches to the dashboard within the application', async () => {
    const started = Date.now();
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    await page.locator('.framework-tree').waitFor();
    process.stdout.write(`[e2e] page switch, data entry → dashboard: ${Date.now() - started} ms\n`);
  });
});
