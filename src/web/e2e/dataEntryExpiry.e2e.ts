// A period past its data set's expiry days in the real browser: the administrator adds a small
// monthly data set with 1 expiry day (January 2024 could be entered until 1 February 2024)
// and a data entry user; that user sees the January form read-only with the note, while the
// administrator (data:editExpired, DHIS2's F_EDIT_EXPIRED) may still edit it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot, signedInPage, signIn } from './browser.ts';

const password = 'Saisie-expiree-2024';

describe('data entry of an expired period', () => {
  let browser: Browser;
  let admin: Page;
  let formUrl = '';

  beforeAll(async () => {
    ({ browser, page: admin } = await signedInPage({ width: 1280, height: 900 }));
    // A health area from the EPI report's org unit list, as the data entry test picks one.
    await admin.goto(`${baseUrl()}/data-entry`);
    const dataSet = admin.getByLabel('Formulaire (ensemble de données)');
    await dataSet.locator('option', { hasText: 'PEV' }).first().waitFor({ state: 'attached' });
    await dataSet.selectOption({ label: await dataSet.locator('option', { hasText: 'PEV' }).first().innerText() });
    const units = admin.getByRole('listbox', { name: "Unité d'organisation" });
    await units.locator('option').first().waitFor({ state: 'attached' });
    await units.selectOption({ index: 0 });
    await admin.waitForURL((url) => url.searchParams.has('ou'));
    const orgUnit = new URL(admin.url()).searchParams.get('ou')!;
    const metadata = await admin.request.post(`${baseUrl()}/api/metadata`, {
      data: {
        dataSets: [
          {
            code: 'E2E_EXPIRY',
            name: 'Test des jours d’expiration (e2e)',
            shortName: 'Test expiration',
            periodType: 'Monthly',
            expiryDays: 1,
            dataSetElements: [{ dataElement: { code: 'EPI_BCG' } }],
            organisationUnits: [{ id: orgUnit }],
          },
        ],
      },
    });
    expect(metadata.status(), await metadata.text()).toBe(200);
    const user = await admin.request.post(`${baseUrl()}/api/users`, {
      data: { username: 'saisie.expiration', displayName: 'Saisie expiration', password, role: 'data_entry', scope: [orgUnit] },
    });
    expect(user.status(), await user.text()).toBe(201);
    formUrl = `${baseUrl()}/data-entry?ds=E2E_EXPIRY&ou=${orgUnit}&pe=202401`;
  });
  afterAll(async () => browser?.close());

  const bcgCell = (page: Page) => page.getByRole('textbox', { name: /^BCG\b.* 0–11 mois Féminin$/ });

  it('shows the January 2024 form read-only to a data entry user, with the last entry day', async () => {
    const other = await launchBrowser();
    try {
      const page = await other.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, 'saisie.expiration', password);
      await page.goto(formUrl);
      await bcgCell(page).waitFor();
      expect(await page.getByRole('note').innerText()).toMatch(/^Période expirée : la saisie était permise jusqu'au .*1.*févr.*2024.* Le formulaire est en lecture seule\.$/);
      expect(await bcgCell(page).isDisabled()).toBe(true);
      await screenshot(page, 'data-entry-expired-fr');
    } finally {
      await other.close();
    }
  });

  it('leaves it open to the administrator', async () => {
    await admin.goto(formUrl);
    await bcgCell(admin).waitFor();
    expect(await admin.getByRole('note').count()).toBe(0);
    expect(await bcgCell(admin).isDisabled()).toBe(false);
  });
});
