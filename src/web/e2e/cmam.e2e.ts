// The CMAM performance page against the real server and its demonstration data: one row per
// site and month with green/red Sphere marks, each rate equal to the analytics engine's own
// indicator for that site and month, each mark following the Sphere threshold, and the page
// in English.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, screenshot, signedInPage } from './browser.ts';

// A quarter the demonstration data cover completely (they span the last three years).
const quarter = `${new Date().getFullYear() - 1}Q2`;
const months = [4, 5, 6].map((m) => `${new Date().getFullYear() - 1}0${m}`);

interface ApiRow {
  orgUnit: { code: string; name: string };
  period: string;
  exits: number;
  rates: Record<string, number | null>;
  verdicts: Record<string, string>;
  verdict: string;
}

describe('CMAM performance page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await signedInPage({ width: 1366, height: 900 }));
  });
  afterAll(async () => browser?.close());

  it('shows every site and month with its Sphere marks, as the API and analytics give them', async () => {
    await page.goto(`${baseUrl()}/cmam?pe=${quarter}`);
    const rows = page.locator('.cmam-table tbody tr');
    await rows.first().waitFor();
    const api = await page.request.get(`${baseUrl()}/api/cmam/performance?orgUnit=ML&period=${quarter}&programme=SAM`);
    expect(api.status()).toBe(200);
    const expected = (await api.json()).rows as ApiRow[];
    // The demo fills the report of every site every month.
    expect(new Set(expected.map((row) => row.period))).toEqual(new Set(months));
    expect(await rows.count()).toBe(expected.length);

    const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({ site: tr.getAttribute('data-site'), period: tr.getAttribute('data-period'), verdict: tr.getAttribute('data-verdict') })));
    expect(shown).toEqual(expected.map((row) => ({ site: row.orgUnit.code, period: row.period, verdict: row.verdict })));
    // Demo performance is around 80 % cured: most judged site-months pass, and the marks are drawn.
    const judged = expected.filter((row) => row.verdict !== 'insufficient_data');
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.filter((row) => row.verdict === 'pass').length / judged.length).toBeGreaterThan(0.5);
    await expect.poll(() => page.locator('td[data-verdict="pass"] .verdict-pass').first().innerText()).toBe('✓');

    // One judged site-month against the analytics engine's own rate indicators.
    const sample = judged[0]!;
    const analytics = await page.request.get(
      `${baseUrl()}/api/analytics?dimension=dx:NUT_SAM_CURED_RATE;NUT_SAM_DIED_RATE;NUT_SAM_DEFAULTED_RATE;NUT_SAM_EXITS&dimension=ou:${sample.orgUnit.code}&dimension=pe:${sample.period}&skipRounding=true`,
    );
    const body = (await analytics.json()) as { headers: Array<{ name: string }>; rows: string[][] };
    const dx = body.headers.findIndex((h) => h.name === 'dx');
    const value = body.headers.findIndex((h) => h.name === 'value');
    const of = (code: string) => Number(body.rows.find((row) => row[dx] === code)![value]);
    expect(sample.exits).toBe(of('NUT_SAM_EXITS'));
    expect(sample.rates.cured).toBeCloseTo(of('NUT_SAM_CURED_RATE'), 9);
    expect(sample.rates.died).toBeCloseTo(of('NUT_SAM_DIED_RATE'), 9);
    expect(sample.rates.defaulted).toBeCloseTo(of('NUT_SAM_DEFAULTED_RATE'), 9);
    // Sphere 2018, SAM: cured > 75 %, died < 10 %, defaulted < 15 %.
    expect(sample.verdicts).toEqual({
      cured: of('NUT_SAM_CURED_RATE') > 75 ? 'pass' : 'fail',
      died: of('NUT_SAM_DIED_RATE') < 10 ? 'pass' : 'fail',
      defaulted: of('NUT_SAM_DEFAULTED_RATE') < 15 ? 'pass' : 'fail',
    });
    const cell = page.locator(`tr[data-site="${sample.orgUnit.code}"][data-period="${sample.period}"] td[data-indicator="cured"]`);
    const rounded = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(of('NUT_SAM_CURED_RATE'));
    expect((await cell.innerText()).replace(/\s/g, ' ')).toContain(`${rounded.replace(/\s/g, ' ')} %`);
    expect(await cell.locator('.verdict').getAttribute('class')).toContain(of('NUT_SAM_CURED_RATE') > 75 ? 'verdict-pass' : 'verdict-fail');
    await screenshot(page, 'cmam-performance');
  });

  it('fills the monthly report of every site consistently: no CMAM validation rule is violated', async () => {
    for (const month of months) {
      const response = await page.request.get(`${baseUrl()}/api/validation?orgUnit=ML&period=${month}&children=true&dataSet=NUT_CMAM_MONTHLY`);
      expect(response.status()).toBe(200);
      expect((await response.json()).validationRuleViolations).toEqual([]);
    }
  });

  it('shows MAM sites with MAM thresholds', async () => {
    await page.getByRole('radio', { name: 'MAM (URENAM)' }).click();
    await page.waitForURL((url) => url.searchParams.get('programme') === 'MAM');
    await expect.poll(() => page.locator('.cmam-standard').innerText()).toContain('Décès < 3 %');
    await page.locator('.cmam-table tbody tr').first().waitFor();
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Acute malnutrition treatment performance (CMAM)');
    await expect.poll(() => page.locator('.cmam-table thead').innerText()).toContain('Cured');
    expect(await page.locator('.cmam-standard').innerText()).toContain('Died < 3 %');
  });
});
