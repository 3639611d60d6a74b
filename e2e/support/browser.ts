import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject, onTestFailed } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.artifacts/screenshots');

/** The tablet the clinic uses standing up: every screen must work at this size. */
export const VIEWPORT = { width: 1024, height: 768 } as const;

/** Headless Chromium with a fresh temporary profile (chromium.launch makes one per launch). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh, cookie-less browser context at tablet size, pointed at the test server. */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: inject('baseUrl'), viewport: VIEWPORT, acceptDownloads: true, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // When a test fails, keep a picture of what the browser showed (named after the test).
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    await screenshot(page, `FAILED-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}`).catch(() => undefined);
  });
  return { context, page };
}

/** Saves `.artifacts/screenshots/<name>.png` at the viewport size. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let transitions (modals, notifications) settle so the picture shows the resting state.
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
