// Administration in the real browser: create a data entry clerk scoped to one region, who then
// signs in and sees only that region; a personal access token shown once; the metadata
// browser with indicator expressions and the org-unit tree; the same pages in English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage, signIn } from './browser.ts';

describe('administration', () => {
  let browser: Browser;
  let page: Page;
  let clerkPassword = '';
  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1440, height: 1000 }));
  });
  afterAll(async () => browser?.close());

  it('creates a data entry clerk with a scope of one region', async () => {
    const started = Date.now();
    await page.goto(`${baseUrl()}/admin`);
    await page.locator('.users-table tbody tr').first().waitFor();
    process.stdout.write(`[e2e] administration first load: ${Date.now() - started} ms\n`);
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
    await dialog.getByLabel("Nom d'utilisateur").fill('agent.kayes');
    await dialog.getByLabel('Nom', { exact: true }).fill('Awa Traoré');
    await dialog.getByLabel('Rôle').selectOption('data_entry');
    await dialog.getByRole('searchbox', { name: 'Unités racines du périmètre' }).fill('Kayes');
    // Tree order: the region first, then its cercles (one of which is also called Kayes).
    await dialog.getByRole('listbox', { name: 'Unités racines du périmètre' }).selectOption({ index: 0 });
    await dialog.getByRole('button', { name: "Ajouter l'unité sélectionnée" }).click();
    expect(await dialog.locator('.chip').allInnerTexts()).toEqual([expect.stringContaining('Kayes')]);
    clerkPassword = await dialog.getByLabel('Nouveau mot de passe').inputValue();
    expect(clerkPassword).toMatch(/^\S{4}(-\S{4}){3}$/);
    await screenshot(page, 'admin-user-dialog');
    await dialog.getByRole('button', { name: "Créer l'utilisateur" }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('.users-table tbody tr', { hasText: 'Awa Traoré' });
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['agent.kayes', 'Agent de saisie', 'Kayes']));
    await screenshot(page, 'admin-users');
  });

  it('refuses a username already taken, next to the field', async () => {
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel utilisateur' });
    await dialog.getByLabel("Nom d'utilisateur").fill('agent.kayes');
    await dialog.getByLabel('Nom', { exact: true }).fill('Doublon');
    await dialog.getByLabel('Rôle').selectOption('superuser');
    await dialog.getByRole('button', { name: "Créer l'utilisateur" }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
  });

  it('creates a personal access token shown once, then revokes it', async () => {
    await page.getByRole('tab', { name: "Jetons d'accès" }).click();
    await page.getByLabel('Nom', { exact: true }).fill('export mensuel');
    await page.getByRole('button', { name: 'Créer un jeton' }).click();
    const key = page.locator('[data-token-key]');
    await key.waitFor();
    expect(await key.textContent()).toMatch(/^denw_pat_/);
    const row = page.locator('.tokens table tbody tr', { hasText: 'export mensuel' });
    await row.waitFor();
    await screenshot(page, 'admin-tokens');
    page.once('dialog', (confirm) => void confirm.accept());
    await row.getByRole('button', { name: 'Révoquer' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('browses indicators with their expressions, and the org-unit tree', async () => {
    await page.getByRole('link', { name: 'Métadonnées' }).click();
    await page.getByRole('tab', { name: 'Indicateurs' }).click();
    const rows = page.locator('.metadata-indicators tbody tr');
    await rows.filter({ hasText: 'EPI_COV_PENTA1' }).first().waitFor();
    // The search lives in the address (?tab=&q=), as a shared link carries it. (Typed into the
    // box right after the tab click, it was cleared by the tab's own change of address under CI load.)
    await page.goto(`${baseUrl()}/metadata?tab=indicators&q=${encodeURIComponent('Penta 3')}`);
    expect(await page.getByLabel('Rechercher').inputValue()).toBe('Penta 3');
    // The list filters as the text is typed: wait for the filtered rows, not the full list.
    await rows.filter({ hasText: 'EPI_COV_PENTA1' }).first().waitFor({ state: 'detached' });
    await rows.first().waitFor();
    expect(await rows.first().locator('code').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('#{EPI_PENTA3')]));
    await screenshot(page, 'metadata-indicators');
    await page.getByRole('tab', { name: "Unités d'organisation" }).click();
    await page.locator('.org-unit-tree summary').first().waitFor();
    expect(await page.locator('.org-unit-tree > li > details > ul > li').count()).toBeGreaterThanOrEqual(9);
    await screenshot(page, 'metadata-org-units');
  });

  it('reads in English', async () => {
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'New user' }).waitFor();
    await page.locator('.users-table tbody tr', { hasText: 'Data entry clerk' }).waitFor();
    await screenshot(page, 'admin-users-en');
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it('lets the new clerk enter data only in the region of its scope', async () => {
    const clerk = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(clerk, 'agent.kayes', clerkPassword);
    const nav = clerk.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Saisie' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Saisie' }).click();
    const dataSet = clerk.getByLabel('Formulaire (ensemble de données)');
    await dataSet.locator('option', { hasText: 'PEV' }).first().waitFor({ state: 'attached' });
    await dataSet.selectOption({ label: await dataSet.locator('option', { hasText: 'PEV' }).first().innerText() });
    const groups = clerk.getByRole('listbox', { name: "Unité d'organisation" }).locator('optgroup');
    await groups.first().waitFor({ state: 'attached' });
    for (const label of await groups.evaluateAll((elements) => elements.map((element) => element.getAttribute('label') ?? ''))) {
      expect(label.startsWith('Kayes')).toBe(true);
    }
    await clerk.close();
  });

  it('disables the clerk, who can then no longer sign in', async () => {
    await page.goto(`${baseUrl()}/admin`);
    const row = page.locator('.users-table tbody tr', { hasText: 'Awa Traoré' });
    await row.getByRole('button', { name: 'Modifier Awa Traoré' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier Awa Traoré' });
    await dialog.getByLabel('Compte désactivé (ne peut plus se connecter)').check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Désactivé').waitFor();
    const clerk = await browser.newPage();
    await clerk.goto(`${baseUrl()}/login`);
    await clerk.getByLabel("Nom d'utilisateur").fill('agent.kayes');
    await clerk.getByLabel('Mot de passe').fill(clerkPassword);
    await clerk.getByRole('button', { name: 'Se connecter' }).last().click();
    await clerk.getByRole('alert').waitFor();
    expect(new URL(clerk.url()).pathname).toBe('/login');
    await clerk.close();
  });
});
