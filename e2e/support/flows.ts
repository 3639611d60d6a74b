import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'lantern-demo-2026';

/** Signs in through the sign-in page and waits for the signed-in shell. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits until the signed-in shell is showing (the main navigation is there). */
export async function waitForShell(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Signs out through the account menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
}

/** The visible names of the main navigation's links, in order. */
export async function navItems(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  return (await links.allInnerTexts()).map((text) => text.trim());
}
