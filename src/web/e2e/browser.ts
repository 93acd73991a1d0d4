// Debian's Chromium driven by playwright-core (no browser download), with the flags this
// machine needs: no sandbox as root, no GPU, and no background network (the network is closed).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // playwright-core gives every launch a fresh temporary profile (it refuses --user-data-dir).
    args: chromiumFlags,
  });
}

export const baseUrl = () => inject('baseUrl');

export async function signIn(page: Page, username = 'admin', password = inject('adminPassword')): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel(/Nom d'utilisateur|Username/).fill(username);
  await page.getByLabel(/Mot de passe|Password/).fill(password);
  await page.getByRole('button', { name: /Se connecter|Sign in/ }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Each suite's setup: a fresh browser and one page of the given size signed in as the administrator. */
export async function signedInPage(viewport: { width: number; height: number }): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  await signIn(page);
  return { browser, page };
}

/** Saves a full-page screenshot under test-results/ (looked at by people, not compared). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: join('test-results', `${name}.png`), fullPage: true });
}
