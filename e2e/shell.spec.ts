// The app shell: routing with the bottom bar, the back button, deep links,
// sub-path hosting, themes, touch targets and accessibility on every route.
import { createHash } from 'node:crypto';
import { test, expect, waitForApp, expectNoAxeViolations, holdModule } from './fixtures';

const screens = [
  { label: 'Home', path: '', heading: 'Today' },
  { label: 'Session', path: 'session', heading: 'Session' },
  { label: 'Aftercare', path: 'aftercare', heading: 'Aftercare' },
  { label: 'Log', path: 'log', heading: 'Reaction log' },
  { label: 'History', path: 'history', heading: 'History' },
  { label: 'Settings', path: 'settings', heading: 'Settings' },
];

const nav = (page) => page.getByRole('navigation', { name: 'Main' });

test('the bottom bar reaches every screen, each without axe violations', async ({ page, baseURL }) => {
  await page.goto('./');
  await waitForApp(page);
  for (const screen of [...screens.slice(1), screens[0]]) {
    await nav(page).getByRole('link', { name: screen.label }).click();
    await expect(page).toHaveURL(new URL(screen.path, baseURL).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
    await expect(nav(page).getByRole('link', { name: screen.label })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page, `on ${screen.label}`);
  }
});

test('navigation moves focus to the new page heading', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  await nav(page).getByRole('link', { name: 'Log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reaction log' })).toBeFocused();
});

test('the back button moves between screens', async ({ page, baseURL }) => {
  await page.goto('./');
  await waitForApp(page);
  // Each screen is loaded on first visit: wait until it shows, as a person
  // would, before moving on (a tap while a screen loads replaces it).
  await nav(page).getByRole('link', { name: 'Aftercare' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
  await nav(page).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
  await page.goBack();
  await expect(page).toHaveURL(new URL('aftercare', baseURL).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
});

test.describe('without a service worker', () => {
  // The worker caches every module after the first load and serves them
  // itself, past the page's routes: here the page must fetch the module.
  test.use({ serviceWorkers: 'block' });

  test('a tap while a screen downloads wins: the screen before stays until then, and a late download changes nothing', async ({ page, baseURL }) => {
    const { requested, release } = await holdModule(page, /split_log_route_view_[^/]*\.wasm$/);
    await page.goto('./');
    await waitForApp(page);
    await nav(page).getByRole('link', { name: 'Log' }).click();
    await requested;
    // The address says where the tap leads; the screen before stays meanwhile.
    await expect(page).toHaveURL(new URL('log', baseURL).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
    await nav(page).getByRole('link', { name: 'Aftercare' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
    await expect(page).toHaveURL(new URL('aftercare', baseURL).href);
    const loaded = page.waitForResponse(/split_log_route_view_[^/]*\.wasm$/);
    release();
    await loaded;
    // Give the late module every chance to show its screen: it must not.
    await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aftercare');
    await expect(nav(page).getByRole('link', { name: 'Aftercare' })).toHaveAttribute('aria-current', 'page');
    // The back button leads through both taps.
    await page.goBack();
    await expect(page).toHaveURL(new URL('log', baseURL).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reaction log');
  });
});

test('every deep link loads and reloads', async ({ page }) => {
  for (const screen of screens) {
    await page.goto(`./${screen.path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
  }
});

test('an unknown address says so and leads home', async ({ page }) => {
  await page.goto('./no-such-screen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectNoAxeViolations(page, 'on Not found');
  await page.getByRole('link', { name: 'Go to Home' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
});

test('the not-medical-advice link is visible and opens the disclaimer', async ({ page }) => {
  await page.goto('./session');
  const link = page.getByRole('link', { name: 'Not medical advice' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Rollwise');
  await expect(page.getByRole('heading', { level: 2, name: 'Not medical advice' })).toBeVisible();
  await expectNoAxeViolations(page, 'on About');
});

test('a deep link shows the app and its screen together, so no tap can race the loading', async ({ page }) => {
  const { requested, release } = await holdModule(page, /split_session_route_view_[^/]*\.wasm$/);
  await page.goto('./session');
  await requested;
  // Nothing of the app is there to tap while the screen loads.
  await expect(nav(page)).toHaveCount(0);
  release();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session');
  await page.getByRole('link', { name: 'Not medical advice' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Rollwise');
});

test('the app works under a sub-path, deep links included', async ({ page }) => {
  const sub = process.env.ROLLWISE_SUBPATH_URL;
  expect(sub, 'xtask serves a second copy under a sub-path').toBeTruthy();
  await page.goto(new URL('history', sub).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('History');
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(new URL('settings', sub).href);
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(sub);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
});

test('dark mode follows the system and stays accessible', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./');
  await waitForApp(page);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b, `dark background, got ${background}`).toBeLessThan(150);
  await expectNoAxeViolations(page, 'in dark mode');
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [lr, lg, lb] = light.match(/\d+/g)!.map(Number);
  expect(lr + lg + lb, `light background, got ${light}`).toBeGreaterThan(600);
});

test('at 360 px nothing scrolls sideways and every nav target is at least 44 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./');
  await waitForApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const link of await nav(page).getByRole('link').all()) {
    const box = await link.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
});

test('the page declares a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval';/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/https?:/);
  // One inline script (whether the pre-rendered welcome shows), allowed by
  // its hash alone.
  const inline = await page.locator('script:not([src])').allTextContents();
  expect(inline).toHaveLength(1);
  const hash = createHash('sha256').update(inline[0]).digest('base64');
  expect(csp).toContain(`'sha256-${hash}'`);
});

test('when a screen cannot be downloaded, the page says the app stopped and a reload brings it back', async ({ page, problems }) => {
  const logModule = /split_log_route_view_[^/]*\.wasm$/;
  await page.route(logModule, (route) => route.abort('internetdisconnected'));
  await page.goto('./log');
  const notice = page.getByRole('alert').filter({ hasText: 'Rollwise stopped.' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Everything you saved is still in this browser.');
  const reload = notice.getByRole('link', { name: 'Reload Rollwise' });
  await expect(reload).toBeFocused();
  await expect(reload).toHaveAttribute('href', page.url());
  const box = await reload.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page, 'with the stopped notice');

  await page.unroute(logModule);
  await reload.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reaction log' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Rollwise stopped.' })).toHaveCount(0);
  // The refused download and the panic it caused are what this journey
  // plays; anything else is still a failure.
  const played = (problem: string) =>
    /net::ERR_INTERNET_DISCONNECTED|Failed to fetch|panicked at|unreachable/i.test(problem);
  const seen = problems.filter(played);
  expect(seen.length, 'the refused download was reported').toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((problem) => !played(problem)));
});
