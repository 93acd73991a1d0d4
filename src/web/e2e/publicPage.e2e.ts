import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, screenshot } from './browser.ts';

describe('public results page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => browser?.close());

  it('opens in French without sign-in, with the five goals and the four Key Results', async () => {
    const started = Date.now();
    await page.goto(`${baseUrl()}/`);
    await page.locator('.goal-card').first().waitFor();
    const firstLoadMs = Date.now() - started;
    process.stdout.write(`[e2e] public page first load: ${firstLoadMs} ms\n`);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Des résultats pour chaque enfant');
    expect(await page.locator('.goal-card').count()).toBe(5);
    expect(await page.locator('.key-result').count()).toBe(4);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'public-fr');
  });

  it('switches to English and remembers the choice', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Results for every child');
    await page.reload();
    await page.locator('.goal-card').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'public-en');
    await page.getByRole('button', { name: 'Français' }).click();
  });
});
