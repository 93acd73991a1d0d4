// The child registry in the real browser against the real server (issues 4 and 5): a vaccinator
// registers a child, records the doses due, sees the child leave the defaulter list and the
// doses appear in the month's figures of analytics; a measurement shows WHO's z-scores — the
// values of WHO anthro's own output for the same record — its classification and the growth chart.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage } from './browser.ts';

/** A number as the French interface writes it (`−1,44`, narrow no-break spaces), or 0 for an empty cell. */
const readNumber = (text: string | null) => Number((text ?? '').replace(/[\s\u202f\u00a0]/g, '').replace('−', '-').replace(',', '.')) || 0;

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const today = isoDay(0);

/** The analytics total of a data element for a month at an org unit, read from the data visualizer's table. */
async function pivotValue(page: Page, dataElement: string, period: string, orgUnitId: string): Promise<number> {
  await page.goto(`${baseUrl()}/pivot?dx=${dataElement}&pe=${period}&ou=${orgUnitId}&type=table`);
  await page.locator('table.pivot-table').waitFor();
  const cell = page.locator('table.pivot-table tbody tr').first().locator('td.number').first();
  return (await cell.count()) ? readNumber(await cell.textContent()) : 0;
}

/** Registers a child through the form; returns its record's address. */
async function registerChild(page: Page, child: { givenName: string; familyName: string; sex: 'Féminin' | 'Masculin'; birthDate: string; motherName: string; village: string }) {
  await page.getByRole('button', { name: 'Enregistrer un enfant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Enregistrer un enfant' });
  await dialog.getByLabel('Prénom').fill(child.givenName);
  await dialog.getByLabel('Nom de famille').fill(child.familyName);
  await dialog.getByLabel('Sexe').selectOption({ label: child.sex });
  await dialog.getByLabel('Date de naissance').fill(child.birthDate);
  await dialog.getByLabel('Nom de la mère').fill(child.motherName);
  await dialog.getByLabel('Village ou quartier').fill(child.village);
  await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await page.waitForURL((url) => /^\/children\/\w{11}$/.test(url.pathname));
  await page.getByRole('heading', { level: 1, name: `${child.givenName} ${child.familyName}` }).waitFor();
  return page.url();
}

describe('child registry', () => {
  let browser: Browser;
  let page: Page;
  let healthArea = '';
  let healthAreaId = '';

  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1440, height: 1000 }));
  });
  afterAll(async () => browser?.close());

  it('opens the registry of a health area', async () => {
    await page.goto(`${baseUrl()}/children`);
    await page.getByRole('heading', { level: 1, name: 'Registre des enfants' }).waitFor();
    const areas = page.getByRole('listbox', { name: 'Aire de santé' });
    await areas.locator('option').first().waitFor({ state: 'attached' });
    await areas.selectOption({ index: 0 });
    await page.waitForURL((url) => url.searchParams.has('ou'));
    healthArea = new URL(page.url()).searchParams.get('ou')!;
    const units = (await (await page.request.get(`${baseUrl()}/api/organisationUnits?paging=false&fields=id,code`)).json()) as { organisationUnits: Array<{ id: string; code: string }> };
    healthAreaId = units.organisationUnits.find((unit) => unit.code === healthArea)!.id;
    expect(healthAreaId).toBeTruthy();
  });

  it('refuses a registration with the reason beside each field at fault', async () => {
    await page.getByRole('button', { name: 'Enregistrer un enfant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Enregistrer un enfant' });
    const fieldError = (label: string) => dialog.locator('label', { hasText: label }).locator('.field-error');
    await dialog.getByLabel('Prénom').fill('Awa');
    await dialog.getByLabel('Date de naissance').fill(isoDay(-5));
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dialog.getByRole('alert').waitFor();
    // No family name, no sex: each refused at its field, the given name accepted.
    await fieldError('Nom de famille').waitFor();
    await fieldError('Sexe').waitFor();
    expect(await fieldError('Prénom').count()).toBe(0);
    await screenshot(page, 'children-register-refused');
    // A birth date in the future is refused at the birth date.
    await dialog.getByLabel('Nom de famille').fill('Traoré');
    await dialog.getByLabel('Sexe').selectOption({ label: 'Féminin' });
    await dialog.getByLabel('Date de naissance').fill(isoDay(30));
    await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await fieldError('Date de naissance').waitFor();
    expect(await fieldError('Nom de famille').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
  });

  // Issue 4: a child born 5 days ago is due its birth doses, BCG and OPV0 (due at birth,
  // overdue 4 weeks later; OPV0 too late from day 14 — Mali's schedule, src/programmes/
  // immunization), so it stands in the health area's list of children due this week; once
  // both are recorded, its next doses are at 6 weeks and it leaves every list. The doses
  // count in the month's EPI report where the health area takes its figures from the registry.
  const month = today.slice(0, 7).replace('-', '');
  let childUrl = '';
  let childUid = '';
  const before = { bcg: 0, opv0: 0 };

  it('registers a child in a health area whose EPI report comes from the registry', async () => {
    // The data manager's choice of source (no double counting with the monthly form), from this month on.
    const switched = await page.request.post(`${baseUrl()}/api/dataSetSources`, { data: { dataSet: 'EPI_MONTHLY', orgUnit: healthArea, from: `${today.slice(0, 7)}-01`, source: 'registry' } });
    expect(switched.status(), await switched.text()).toBeLessThan(300);
    before.bcg = await pivotValue(page, 'EPI_BCG', month, healthAreaId);
    before.opv0 = await pivotValue(page, 'EPI_OPV0', month, healthAreaId);
    await page.goto(`${baseUrl()}/children?ou=${healthArea}`);
    childUrl = await registerChild(page, { givenName: 'Awa', familyName: 'Traoré', sex: 'Féminin', birthDate: isoDay(-5), motherName: 'Kadiatou Keïta', village: 'Sébénikoro' });
    childUid = new URL(childUrl).pathname.split('/').at(-1)!;
    // Found again by the mother's name typed without accents.
    await page.goto(`${baseUrl()}/children?ou=${healthArea}&q=keita`);
    await page.getByRole('link', { name: 'Awa Traoré' }).first().waitFor();
  });

  it('shows the vaccination card from the schedule, birth doses due', async () => {
    await page.goto(childUrl);
    const bcg = page.locator('tr[data-dose="BCG:1"]');
    await bcg.waitFor();
    expect(await bcg.getAttribute('data-status')).toBe('due');
    expect(await bcg.locator('.dose-status').textContent()).toBe('À faire');
    expect(await page.locator('tr[data-dose="OPV:0"]').getAttribute('data-status')).toBe('due');
    expect(await page.locator('tr[data-dose="PENTA:1"]').getAttribute('data-status')).toBe('not_due');
    await screenshot(page, 'children-card-before');
  });

  it('lists the child among those due this week', async () => {
    await page.goto(`${baseUrl()}/children/defaulters?ou=${healthArea}`);
    const row = page.locator(`section[data-group="due"] tr[data-child="${childUid}"]`);
    await row.waitFor();
    expect(await page.locator('nav.sub-nav a[aria-current="page"]').textContent()).toBe('Enfants à rechercher');
    expect(await page.locator('nav.main-nav a[aria-current="page"]').textContent()).toBe('Enfants');
    expect(await row.locator('td').nth(5).textContent()).toMatch(/^(BCG|VPO 0)$/);
    expect(await row.locator('td').nth(6).textContent()).toBe(new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDay(-5)}T00:00:00Z`)));
    // Printed without the navigation and the controls.
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('header.topbar').isVisible()).toBe(false);
      expect(await page.locator('nav.sub-nav').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
      expect(await row.isVisible()).toBe(true);
      await screenshot(page, 'children-defaulters-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    // The CSV download: the same list, headers in the interface's language.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('Nom');
    expect(csv).toContain(childUid);
  });

  it('records the doses given; the card and the defaulter list follow', async () => {
    await page.goto(childUrl);
    for (const dose of ['BCG', 'VPO 0']) {
      await page.getByRole('button', { name: `Saisir ${dose}`, exact: true }).click();
      await page.getByLabel('Numéro de lot').fill('L2026-114');
      await page.getByRole('button', { name: 'Enregistrer la dose' }).click();
      await page.getByRole('status').filter({ hasText: `${dose} enregistrée.` }).waitFor();
    }
    await page.locator('tr[data-dose="BCG:1"][data-status="given"]').waitFor();
    await page.locator('tr[data-dose="OPV:0"][data-status="given"]').waitFor();
    expect(await page.locator('tr[data-dose="BCG:1"] .dose-status').textContent()).toBe('Administrée');
    await screenshot(page, 'children-card-after');
    await page.goto(`${baseUrl()}/children/defaulters?ou=${healthArea}`);
    await page.locator('section[data-group="due"]').waitFor();
    expect(await page.locator(`tr[data-child="${childUid}"]`).count()).toBe(0);
    await screenshot(page, 'children-defaulters');
  });

  it("counts the doses in the month's figures of analytics", async () => {
    expect(await pivotValue(page, 'EPI_BCG', month, healthAreaId)).toBe(before.bcg + 1);
    expect(await pivotValue(page, 'EPI_OPV0', month, healthAreaId)).toBe(before.opv0 + 1);
  });

  it('takes a dose entered in error back out of the card and of the figures', async () => {
    await page.goto(childUrl);
    await page.getByRole('button', { name: 'Marquer BCG comme erreur de saisie' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dose saisie par erreur' });
    await dialog.getByRole('button', { name: 'Marquer comme erreur de saisie' }).click();
    await page.locator('tr[data-dose="BCG:1"][data-status="due"]').waitFor();
    expect(await page.locator('tr.entered-in-error').count()).toBe(1);
    expect(await pivotValue(page, 'EPI_BCG', month, healthAreaId)).toBe(before.bcg);
  });

  it("exports the child's record as FHIR R4: Patient and Immunization resources", async () => {
    await page.goto(childUrl);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter (FHIR R4)' }).click()]);
    const bundle = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { resourceType: string; entry: Array<{ resource: Record<string, unknown> }> };
    expect(bundle.resourceType).toBe('Bundle');
    const resources = bundle.entry.map((entry) => entry.resource);
    expect(resources.filter((resource) => resource.resourceType === 'Patient')).toHaveLength(1);
    // The OPV0 dose as entered: given today, with its lot, still completed (the BCG was entered in error).
    const completed = resources.filter((resource) => resource.resourceType === 'Immunization' && resource.status === 'completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ lotNumber: 'L2026-114' });
    expect(String(completed[0]!.occurrenceDateTime)).toMatch(new RegExp(`^${today}`));
  });

  // Two records of WHO anthro's own output (data/who-growth/sample-oracle.csv, anthro_zscores
  // 1.1.0.9000), entered for one girl born 1 June 2025 at the ages of the file (222 and 448 days):
  //   id 2:   F, 222 d, 6.5 kg, 62.9 cm lying, MUAC 12.1 cm → zwei −1.44, zlen −2.07, zwfl −0.15, zac −1.71
  //   id 109: F, 448 d, 7.1 kg, 68.4 cm lying, MUAC 12.4 cm → zwei −2.49, zlen −3.23, zwfl −1.10, zac −1.77
  // Classes by the package's thresholds, worked by hand: id 2 is MAM (MUAC 121 mm, 115 to < 125),
  // moderately stunted (−2.07 < −2), not underweight; id 109 is MAM (MUAC 124 mm), severely
  // stunted (−3.23 < −3) and moderately underweight (−2.49 < −2).
  const growthBirth = '2025-06-01';
  const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const oracle = [
    { id: 2, date: dayAfter(growthBirth, 222), weight: '6,5', length: '62,9', muac: '121', z: { zwei: -1.44, zlen: -2.07, zwfl: -0.15, zac: -1.71 }, acute: 'MAM — malnutrition aiguë modérée', stunting: 'Retard de croissance modéré', underweight: "Pas d'insuffisance pondérale" },
    { id: 109, date: dayAfter(growthBirth, 448), weight: '7,1', length: '68,4', muac: '124', z: { zwei: -2.49, zlen: -3.23, zwfl: -1.1, zac: -1.77 }, acute: 'MAM — malnutrition aiguë modérée', stunting: 'Retard de croissance sévère', underweight: 'Insuffisance pondérale modérée' },
  ];

  it('shows WHO anthro\'s z-scores and the classification of each measurement entered', async () => {
    await page.goto(`${baseUrl()}/children?ou=${healthArea}`);
    await registerChild(page, { givenName: 'Fatoumata', familyName: 'Coulibaly', sex: 'Féminin', birthDate: growthBirth, motherName: 'Mariam Diarra', village: 'Kalaban' });
    await page.getByRole('tab', { name: 'Croissance' }).click();
    for (const record of oracle) {
      await page.getByLabel('Date de la mesure').fill(record.date);
      await page.getByLabel('Poids (kg)').fill(record.weight);
      await page.getByLabel('Taille (cm)').fill(record.length);
      await page.getByLabel('Position').selectOption({ label: 'Couché (longueur)' });
      await page.getByLabel('PB (mm)').fill(record.muac);
      await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
      const row = page.locator(`table.measurements-table tr[data-date="${record.date}"]`);
      await row.waitFor();
      for (const [column, expected] of Object.entries(record.z)) {
        expect(readNumber(await row.locator(`td[data-z="${column}"]`).textContent()), `${record.id} ${column}`).toBe(expected);
      }
      expect(await row.locator('td[data-class="acute"]').textContent()).toBe(record.acute);
      expect(await row.locator('td[data-class="stunting"]').textContent()).toBe(record.stunting);
      expect(await row.locator('td[data-class="underweight"]').textContent()).toBe(record.underweight);
    }
    // The latest measurement's classes stand above the table.
    expect(await page.locator('.growth-summary').getAttribute('class')).toContain('acute-MAM');
  });

  it('draws the child\'s points over the WHO lines −3, −2, 0, +2, +3', async () => {
    const chart = page.locator('section.growth-chart');
    const svg = chart.locator('svg');
    await svg.waitFor();
    await expect.poll(() => svg.textContent()).toContain("L'enfant");
    const legend = (await svg.textContent()) ?? '';
    for (const line of ['−3 ET', '−2 ET', '0 ET', '+2 ET', '+3 ET']) expect(legend).toContain(line);
    expect(await chart.getAttribute('data-indicator')).toBe('wfa');
    await screenshot(page, 'children-growth-wfa');
    // Weight-for-length: the latest measurement is at 448 days, under 2 years.
    await chart.getByRole('radio', { name: 'Poids/taille' }).click();
    await page.locator('section.growth-chart[data-indicator="wfl"]').waitFor();
    await page.getByRole('heading', { name: 'Poids pour la longueur (0–2 ans)' }).waitFor();
    await screenshot(page, 'children-growth-wfl');
  });

  it('deletes a measurement entered in error; the previous one is the latest again', async () => {
    const last = oracle[1]!;
    const label = `Supprimer la mesure du ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${last.date}T00:00:00Z`))} (erreur de saisie)`;
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('dialog', { name: 'Mesure saisie par erreur' }).getByRole('button', { name: 'Marquer comme erreur de saisie' }).click();
    await page.locator(`table.measurements-table tr[data-date="${last.date}"]`).waitFor({ state: 'detached' });
    expect(await page.locator('table.measurements-table tbody tr').count()).toBe(1);
    await page.locator('.growth-summary', { hasText: oracle[0]!.stunting }).waitFor();
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Growth' }).waitFor();
    await page.locator('td[data-class="acute"]', { hasText: 'MAM — moderate acute malnutrition' }).first().waitFor();
    await screenshot(page, 'children-growth-en');
    await page.getByRole('button', { name: 'Français' }).click();
  });
});
