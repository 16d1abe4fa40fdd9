// Home at a glance, from a seeded stored document and
// Playwright's clock: a second session is refused on day 6 and allowed on
// day 7, the next-session countdown, the aftercare windows, and the roller's
// life (8 of 10 sessions is a warning).
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, expectNoAxeViolations, adultProfile as profile, storedText } from './fixtures';


function storedDoc(sessionsUsed: number) {
  return {
    schema_version: 1,
    revision: 3,
    profile,
    device: {
      kind: 'manual_roller',
      needle_um: 250,
      first_use: '2026-02-20T09:00:00Z',
      sessions_used: sessionsUsed,
      damage: { bent: false, hooked: false, rusted: false, missing_needle: false, drags_or_jerks: false, dropped: false },
      only_mine: true,
    },
    replaced_devices: [],
    sessions: [
      {
        id: 1,
        started_at: '2026-03-02T09:00:00Z',
        ended_at: '2026-03-02T9:20:00Z',
        needle_um: 250,
        zones_completed: ['forehead', 'left_cheek', 'right_cheek'],
        zones_stopped_bleeding: [],
        disinfected_before: true,
        disinfected_after: true,
      },
    ],
    reactions: [],
    preferences: { passes_per_direction: 4, sound: true, vibration: true, reminder_lead_minutes: 60 },
    flow: { soak: null, guided: null },
    reminder: { sequence: 0, next_session_at: null },
  };
}

async function seed(page: Page, doc: unknown) {
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(doc));
  await page.reload();
  await waitForApp(page);
}

const status = (page: Page) => page.locator('section.home-status');

test('a second session is refused on day 6 and allowed on day 7', async ({ page }) => {
  // Day 1 after the session: aftercare is running.
  await page.clock.install({ time: new Date('2026-03-03T10:00:00Z') });
  await seed(page, storedDoc(1));
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText('Not yet');
  await expect(status(page)).toContainText('You can roll again from Mon 9 Mar, 9:20.');
  await expect(page.getByRole('link', { name: 'Log how your skin feels' })).toBeVisible();
  const aftercare = page.locator('section.home-aftercare');
  await expect(aftercare.locator('li').first()).toContainText('No actives for 72 hours');
  await expect(aftercare).toContainText('Ends Thu 5 Mar, 9:20');
  await expect(page.getByRole('heading', { name: 'Too soon since last session' })).toBeVisible();
  await expectNoAxeViolations(page, 'on Home during aftercare');

  // Day 6, 09:00: still refused, with the countdown to the earliest time.
  await page.clock.fastForward(119 * 3600_000);
  await expect(status(page)).toContainText('You can roll again from Mon 9 Mar, 9:20.');
  await expect(status(page)).toContainText("That's in 1 day 0 h.");
  const next = page.locator('section.home-next');
  await expect(next).toContainText('Earliest');
  await expect(next).toContainText('Mon 9 Mar, 9:20 · in 1 day 0 h');
  await expect(next).toContainText('Recommended');
  await expectNoAxeViolations(page, 'on Home on day 6');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/screenshots/home-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // 20 minutes before the 7 days: the countdown runs, still refused.
  await page.clock.fastForward(24 * 3600_000);
  await expect(status(page)).toContainText(/That's in (19|20) min\./);
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText('Not yet');

  // Day 7, once 7 × 24 hours have passed: allowed.
  await page.clock.fastForward(21 * 60_000);
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText("Yes, you can start today's check");
  await expect(page.getByRole('link', { name: "Start today's check" })).toBeVisible();
  await expect(next).toContainText('Mon 9 Mar, 9:20 · Now');
  await expect(page.getByRole('heading', { name: 'Too soon since last session' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'on Home on day 7');
});

test('roller life shows 8 of 10 sessions as a warning', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-12T10:00:00Z') });
  await seed(page, storedDoc(8));
  const roller = page.locator('section.home-roller');
  await expect(roller.getByText('8 of 10 sessions used')).toBeVisible();
  await expect(roller.getByRole('img', { name: /8 of 10 sessions used/ })).toBeVisible();
  await expect(roller).toContainText('First used Fri 20 Feb (2 weeks 6 days ago)');
  const warning = roller.locator('article.reason-warn');
  await expect(warning.getByRole('heading', { name: 'Replace your roller soon' })).toBeVisible();
  await expect(warning.getByText('Take care')).toBeVisible();
  // A warning does not stop today's check.
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText("Yes, you can start today's check");
  await expectNoAxeViolations(page, 'on Home with a worn roller');
});

test('a roller at 10 sessions is refused and Home leads to replacing it', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-12T10:00:00Z') });
  await seed(page, storedDoc(10));
  await expect(status(page).getByRole('heading', { level: 2 })).toHaveText('Not today');
  await expect(page.getByRole('link', { name: 'Replace your roller' })).toBeVisible();
  await expect(page.locator('section.home-roller article.reason-block')).toBeVisible();
});

test('a soak timer under way makes "Resume your session" the next action', async ({ page, baseURL }) => {
  await page.clock.install({ time: new Date('2026-03-12T10:00:00Z') });
  const doc = storedDoc(2);
  doc.flow = { soak: { started_at: '2026-03-12T09:58:00Z', paused_total_ms: 0, paused_at: null }, guided: null } as never;
  await seed(page, doc);
  const resume = page.getByRole('link', { name: 'Resume your session' });
  await expect(resume).toBeVisible();
  await expect(page.getByRole('link', { name: "Start today's check" })).toHaveCount(0);
  await expectNoAxeViolations(page, 'on Home with a session under way');
  await resume.click();
  await expect(page).toHaveURL(new URL('session', baseURL).href);
});

test('with data stored, Home compiles its own modules from the start, and fetches each file once', async ({ page }) => {
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem('rollwise.data', text);
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, storedText(storedDoc(1)));
  const wasm: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  await page.goto('./');
  await waitForApp(page);
  await expect(status(page).getByRole('heading', { level: 2 })).toBeVisible();
  // The bootstrap module started the dashboard's compilations, and the link
  // module took every one of them instead of fetching again.
  const early = await page.evaluate(() => {
    const map = (globalThis as { __rollwiseEarly?: Map<string, unknown> }).__rollwiseEarly;
    return map ? map.size : null;
  });
  expect(early, 'the bootstrap module made no early compilations').toBe(0);
  expect(wasm.some((file) => file.startsWith('chunks_dashboard-'))).toBe(true);
  expect(wasm.some((file) => file.startsWith('split_dashboard_'))).toBe(true);
  expect(wasm.length, `fetched more than once: ${wasm.join(', ')}`).toBe(new Set(wasm).size);
  // The main module, the app's two, the two that read stored data, asked
  // for first, and Home's two: the shared code is merged.
  expect(wasm).toHaveLength(7);
  expect(wasm[1]).toMatch(/^chunks_app-/);
  expect(wasm[2]).toMatch(/^split_app_/);
  expect(wasm[3]).toMatch(/^chunks_reader-/);
  expect(wasm[4]).toMatch(/^split_reader_/);
  // The marks `cargo xtask bench` splits start-up by come once each, in
  // order: the app mounts, the stored data is opened, the first screen shows.
  const marks = await page.evaluate(() =>
    ['rollwise:mount', 'rollwise:data-opened', 'rollwise:interactive'].map(
      (name) => performance.getEntriesByName(name).map((entry) => entry.startTime),
    ),
  );
  expect(marks.map((times) => times.length)).toEqual([1, 1, 1]);
  const [[mount], [opened], [interactive]] = marks;
  expect(mount).toBeLessThan(opened);
  expect(opened).toBeLessThan(interactive);
});

test('a first visit is interactive without the code that reads stored data, which loads with the first change', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  // By Resource Timing: when each WASM file was asked for, against the mark.
  const wasm = () =>
    page.evaluate(() => {
      const mark = performance.getEntriesByName('rollwise:interactive')[0].startTime;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.wasm'))
        .map((entry) => ({ file: entry.name.split('/').pop()!, early: entry.startTime <= mark }));
    });
  const early = (await wasm()).filter((entry) => entry.early).map((entry) => entry.file);
  expect(early).toHaveLength(1);
  expect(early[0]).toMatch(/^rollwise-/);
  const readers = async () => (await wasm()).filter((entry) => entry.file.includes('reader')).length;
  await page.waitForLoadState('networkidle');
  expect(await readers(), 'fetched before anything changed').toBe(0);
  // The first change fetches it, so that a save that finds another tab's
  // data can read it; the change is saved either way.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('switch', { name: 'Sound at each step' }).uncheck();
  await expect.poll(readers).toBe(2);
  await expect
    .poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('rollwise.data') ?? 'null')?.preferences?.sound))
    .toBe(false);
});
