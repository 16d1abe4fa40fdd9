// Installable and offline: the manifest and its icons, Chromium's
// installability criteria, offline reloads and deep links, and the update
// banner that never interrupts a running timer.
import { readFileSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, waitForApp, storedText } from './fixtures';

const controlled = (page) => page.evaluate(() => navigator.serviceWorker?.controller != null);

/// Waits until the service worker controls the page. The worker claims the
/// pages open when it activates, but a page that was still loading at that
/// moment is not claimed (Clients.claim skips a client that is not yet
/// execution-ready): like a person's next visit, its next load is
/// controlled. So: wait for an active worker, then reload once if needed.
async function waitForControl(page) {
  await page.waitForFunction(
    async () => (await navigator.serviceWorker?.getRegistration())?.active != null,
    null,
    { timeout: 45_000 },
  );
  if (!(await controlled(page))) {
    try {
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 2_000 });
    } catch {
      await page.reload();
      await waitForApp(page);
    }
  }
  expect(await controlled(page), 'the service worker controls the page').toBe(true);
}

test('the manifest is valid and every icon loads at its stated size', async ({ page, request, baseURL }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href!, baseURL).href;
  const manifest = await (await request.get(manifestUrl)).json();
  expect(manifest.name).toContain('Rollwise');
  expect(manifest.short_name).toBe('Rollwise');
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  const purposes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`);
  expect(purposes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.ok(), icon.src).toBeTruthy();
    expect(response.headers()['content-type']).toBe(icon.type);
    if (icon.type === 'image/png') {
      const png = await response.body();
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(png.readUInt32BE(16), `${icon.src} width`).toBe(w);
      expect(png.readUInt32BE(20), `${icon.src} height`).toBe(h);
    }
  }
});

test('Chromium finds the app installable once the service worker controls it', async ({ baseURL, browserName }, testInfo) => {
  expect(browserName).toBe('chromium');
  // Installability is never granted in an incognito profile, which is what
  // Playwright's contexts are, so this check uses a real, throwaway profile.
  const profile = mkdtempSync(join(tmpdir(), 'rollwise-install-'));
  const launch = testInfo.project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    args: launch.args,
    viewport: { width: 390, height: 844 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL!);
    await waitForApp(page);
    await waitForControl(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('after the first visit the app reloads and follows deep links offline', async ({ page, context }) => {
  await page.goto('./');
  await waitForApp(page);
  await waitForControl(page);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('./history');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Aftercare' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
  await page.goto('./log');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reaction log');
  await context.setOffline(false);
});

test('a newer build offers an update, and never while a soak timer runs', async ({ page }) => {
  const url = process.env.ROLLWISE_UPDATE_URL;
  const dir = process.env.ROLLWISE_UPDATE_DIR;
  expect(url && dir, 'xtask serves a copy of dist/ that this test may change').toBeTruthy();
  // A stored document with a soak timer started a minute ago.
  const doc = JSON.parse(readFileSync(join('tests', 'fixtures', 'stored-v1.json'), 'utf8'));
  doc.flow = {
    guided: null,
    soak: { started_at: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'), paused_at: null, paused_total_ms: 0 },
  };
  await page.goto(url!);
  await waitForApp(page);
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(doc));
  await page.reload();
  await waitForApp(page);
  await waitForControl(page);

  // A new build: any change to the worker's bytes is a new version.
  appendFileSync(join(dir!, 'sw.js'), `\n// build ${Date.now()}\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Rollwise is ready.' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
  await expect(banner).toContainText('wait until your session and soak timers are finished');

  // Once the timer is gone, the person may update; the page reloads once.
  const finished = { ...doc, flow: { guided: null, soak: null }, revision: doc.revision + 1 };
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(finished));
  await page.reload();
  await waitForApp(page);
  const ready = page.getByRole('status').filter({ hasText: 'A new version of Rollwise is ready.' });
  await expect(ready.getByRole('button', { name: 'Reload to update' })).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await ready.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  await waitForApp(page);
  await expect(page.getByRole('status').filter({ hasText: 'A new version of Rollwise is ready.' })).toHaveCount(0);
});
