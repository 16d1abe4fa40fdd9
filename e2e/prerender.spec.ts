// The pre-rendered first screen (xtask/src/shell.rs): a first visit of the
// start page sees the welcome before the WASM has arrived, but cannot act on
// it; a returning visitor and a deep link never see it; the app takes its
// place without moving anything, and it says what the app says.
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  waitForApp,
  expectNoAxeViolations,
  holdModule,
  APP_MODULE,
  setUpDoc,
  storedText,
} from './fixtures';

const copy = (page: Page) => page.locator('#rw-shell');

/// Holds every request for the main WASM until the returned function is
/// called, so the page stays as index.html and the stylesheet made it.
async function holdWasm(page: Page) {
  return (await holdModule(page, /_bg\.wasm$/)).release;
}

/// Holds the app's own module until the returned function is called: a
/// first visit then stays on the welcome's first stage.
async function holdApp(page: Page) {
  return (await holdModule(page, APP_MODULE)).release;
}

/// The markup of everything in <body> but scripts, without the framework's
/// comment placeholders: the welcome's first stage renders into the
/// pre-rendered copy's container, the app beside it.
const markup = (page: Page) =>
  page.evaluate(() => {
    const root = document.getElementById('rw-shell') ?? document.body;
    const parts: string[] = [];
    for (const node of Array.from(root.children)) {
      if (['NOSCRIPT', 'SCRIPT'].includes(node.tagName) || node.id === 'rw-shell') continue;
      parts.push(node.outerHTML.replace(/<!--[^]*?-->/g, ''));
    }
    return parts.join('');
  });

const storedDoc = setUpDoc();

// A service worker installed by one visit would serve the next one's WASM
// itself, past the hold below (Playwright routes only the page's requests).
test.use({ serviceWorkers: 'block' });

test('a first visit sees the welcome before the app has loaded, and cannot act on it', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(copy(page).locator('h1')).toHaveText('Today');
  await expect(copy(page).getByText('Welcome to Rollwise')).toBeVisible();
  await expect(copy(page).locator('.home-action')).toBeVisible();
  // Hidden from screen readers and out of reach of taps and the keyboard.
  await expect(copy(page)).toHaveAttribute('inert', '');
  await expect(copy(page)).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#rw-shell') ?? null)).toBeNull();
  // Its links are relative, so they work under any sub-path.
  const hrefs = await copy(page).locator('a[href]').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href') ?? ''),
  );
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href, href).toMatch(/^(\.\/|#)/);

  release();
  await waitForApp(page);
  await expect(copy(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(page.getByRole('heading', { name: 'Welcome to Rollwise' })).toBeVisible();
});

test('a returning visitor and a deep link never see the welcome copy', async ({ page }) => {
  // A deep link of a first visit.
  let release = await holdWasm(page);
  await page.goto('./log');
  await expect(page.locator('body')).toBeAttached();
  await expect(copy(page).locator('h1')).toBeHidden();
  release();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reaction log');

  // The start page of someone with stored data.
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(storedDoc));
  await page.unroute(/_bg\.wasm$/);
  release = await holdWasm(page);
  await page.goto('./');
  await expect(copy(page)).toHaveCount(1);
  await expect(copy(page).locator('h1')).toBeHidden();
  await expect(page.getByText('Welcome to Rollwise')).toBeHidden();
  release();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(page.getByText('Welcome to Rollwise')).toHaveCount(0);
});

test('the app takes the copy\'s place without a layout shift, saying the same', async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { __shifts: string[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as unknown as { value: number; sources?: { node?: Node }[] };
        const nodes = (shift.sources ?? []).map((s) => {
          const el = s.node as Element | undefined;
          return el ? `${el.nodeName}.${el.className}` : '?';
        });
        shifts.push(`${shift.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${nodes.join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  await waitForApp(page);
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  // Two frames after the app has rendered, every shift has been reported.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts)).toEqual([]);

  // The copy in index.html reads exactly as the page the app rendered.
  const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const served = await (await page.request.get('./')).text();
  const copied = await page.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return doc.querySelector('#rw-shell main')?.textContent;
  }, served);
  const rendered = await page.locator('main').textContent();
  expect(words(copied).length).toBeGreaterThan(100);
  expect(words(copied)).toBe(words(rendered));
});

test('a first visit is interactive before the app has loaded: the main module shows the welcome, then the app takes its place unchanged', async ({ page }) => {
  type Shift = { value: number; at: number };
  await page.addInitScript(() => {
    const shifts: { value: number; at: number }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        shifts.push({ value: (entry as unknown as { value: number }).value, at: entry.startTime });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const release = await holdApp(page);
  await page.goto('./');
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  // The welcome is live: readable by screen readers, reachable by keyboard.
  await expect(copy(page)).not.toHaveAttribute('inert', '');
  await expect(copy(page)).not.toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(page.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page, 'on the welcome before the app has loaded');
  // Someone opens the offer to restore a backup and moves to "Set up".
  const restore = page.locator('details.data-first-run');
  await restore.locator('summary').click();
  await expect(restore).toHaveAttribute('open', '');
  const before = await markup(page);
  const setUp = page.getByRole('link', { name: 'Set up Rollwise' });
  await setUp.focus();
  await expect(setUp).toBeFocused();

  // Opening the offer moved what is below it; from here on nothing may move.
  const released = await page.evaluate(() => performance.now());
  release();
  await expect(copy(page)).toHaveCount(0);
  await waitForApp(page);
  // The same markup, the offer still open, the same control focused,
  // nothing moved, and the first screen was marked interactive once.
  await expect(page.locator('details.data-first-run')).toHaveAttribute('open', '');
  expect(await markup(page)).toBe(before);
  await expect(page.getByRole('link', { name: 'Set up Rollwise' })).toBeFocused();
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
  expect(shifts.filter((shift) => shift.at >= released)).toEqual([]);
  expect(await page.evaluate(() => performance.getEntriesByName('rollwise:interactive').length)).toBe(1);
  await expectNoAxeViolations(page, 'on the welcome once the app has taken over');
});

test('a tap on the welcome before the app has loaded is followed once it has, and back returns to the welcome', async ({ page }) => {
  const release = await holdApp(page);
  await page.goto('./');
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  await page.getByRole('link', { name: 'Set up Rollwise' }).click();
  // Nothing is left half-done while the app downloads: the welcome stays.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');

  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up Rollwise');
  await expect(page).toHaveURL(/\/setup$/);
  // As after any tap in the app, the new page's heading has the focus.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Welcome to Rollwise' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
});
