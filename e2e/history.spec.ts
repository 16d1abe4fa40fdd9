// History: sessions, reactions and roller replacements in the list and on
// the month calendar; a session's detail with stopped zones, the reactions
// after it and an accessible severity chart.
import { test, expect, waitForApp, expectNoAxeViolations, storedText } from './fixtures';
import type { Page } from '@playwright/test';

const roller = (needle_um: number, sessions_used: number) => ({
  kind: 'manual_roller',
  needle_um,
  first_use: '2026-02-01T09:00:00Z',
  sessions_used,
  damage: { bent: false, hooked: false, rusted: false, missing_needle: false, drags_or_jerks: false, dropped: false },
  only_mine: true,
});

const session = (id: number, day: string, stopped: string[] = []) => ({
  id,
  started_at: `${day}T09:00:00Z`,
  ended_at: `${day}T09:20:00Z`,
  needle_um: 250,
  zones_completed: ['forehead', 'nose', 'chin'],
  zones_stopped_bleeding: stopped,
  disinfected_before: true,
  disinfected_after: false,
});

const reaction = (id: number, kind: string, severity: string, at: string, sessionId: number | null, status: object) => ({
  id,
  kind,
  severity,
  zones: ['chin'],
  noticed_at: at,
  session: sessionId,
  status,
  worsening: false,
});

const doc = {
  schema_version: 1,
  revision: 3,
  profile: null,
  device: roller(250, 1),
  replaced_devices: [{ device: roller(500, 4), replaced_at: '2026-02-20T18:00:00Z' }],
  sessions: [session(1, '2026-02-16'), session(2, '2026-03-02', ['upper_lip'])],
  reactions: [
    reaction(10, 'redness', 'mild', '2026-03-02T12:00:00Z', 2, { state: 'resolved', at: '2026-03-04T09:00:00Z' }),
    reaction(11, 'swelling', 'moderate', '2026-03-03T10:00:00Z', 2, { state: 'resolved', at: '2026-03-04T09:00:00Z' }),
    reaction(12, 'dryness_flaking', 'none', '2026-03-05T10:00:00Z', 2, { state: 'still_present' }),
    reaction(13, 'bruising', 'severe', '2026-02-17T10:00:00Z', 1, { state: 'cleared_by_clinician', at: '2026-02-20T10:00:00Z' }),
  ],
  preferences: { passes_per_direction: 4, sound: true, vibration: true, reminder_lead_minutes: 60 },
  flow: { soak: null, guided: null },
  reminder: { sequence: 0, next_session_at: null },
};

async function seed(page: Page) {
  await page.clock.install({ time: new Date('2026-03-10T12:00:00Z') });
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem('rollwise.data', text);
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, storedText(doc));
  await page.goto('./history');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
}

test('sessions, reactions and roller changes appear in the list and the calendar', async ({ page }) => {
  await seed(page);
  const list = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Everything, newest first' }) });
  const entries = list.locator('.history-entry');
  await expect(entries).toHaveCount(7);
  await expect(entries.first()).toContainText('Dryness or flaking');
  await expect(list).toContainText('New roller');
  await expect(list).toContainText('Replaced a roller of 0.50 mm after 4 sessions');
  await expect(list).toContainText('Stopped for bleeding: Above the upper lip');

  const calendar = page.locator('table.calendar');
  await expect(calendar.locator('caption')).toHaveText('March 2026');
  // en-GB weeks start on Monday; 1 March 2026 is a Sunday.
  await expect(calendar.locator('thead th').first()).toHaveText('Mon');
  await expect(calendar.locator('td[aria-current="date"]')).toContainText('10');
  await expect(calendar.locator('td[aria-current="date"]')).toContainText('today');
  const second = calendar.getByRole('button', { name: /^2\b.*1 session, 1 reaction$/ });
  await expect(second).toBeVisible();
  await expect(second).toContainText('●');
  await expect(second).toContainText('▲');
  await expectNoAxeViolations(page, 'history');

  await second.click();
  await expect(second).toHaveAttribute('aria-pressed', 'true');
  const day = page.locator('.calendar-day');
  await expect(day.locator('> h3')).toHaveText('Monday 2 March');
  await expect(day.locator('.history-entry')).toHaveCount(2);

  await page.getByRole('button', { name: 'Previous month' }).click();
  await expect(calendar.locator('caption')).toHaveText('February 2026');
  await expect(calendar.getByRole('button', { name: /^20\b.*1 new roller$/ })).toBeVisible();
  await expect(calendar.getByRole('button', { name: /^16\b.*1 session$/ })).toBeVisible();
  await expect(calendar.locator('td[aria-current="date"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(calendar.locator('caption')).toHaveText('April 2026');
  await expect(calendar.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page, 'history, another month');
  await page.getByRole('button', { name: 'This month' }).click();
  await expect(calendar.locator('caption')).toHaveText('March 2026');
  await expect(page.getByRole('button', { name: 'This month' })).toHaveCount(0);
});

test('a session detail shows stopped zones, later reactions and an accessible chart', async ({ page, baseURL }) => {
  await seed(page);
  const sessionEntry = page.locator('.entry-session').filter({ hasText: 'Mon 2 Mar' });
  await sessionEntry.getByRole('link', { name: 'Session details' }).click();
  await expect(page).toHaveURL(new URL('history?session=2', baseURL).href);
  await expect(page.getByRole('heading', { level: 2, name: 'Session of Mon 2 Mar, 9:00' })).toBeVisible();
  const facts = page.locator('.session-facts');
  await expect(facts).toContainText('Forehead, Nose, Chin');
  await expect(facts.locator('.session-stopped')).toHaveText('Above the upper lip');
  await expect(facts).toContainText('0.25 mm');
  await expect(facts).toContainText('20 min');

  const chart = page.getByRole('img', { name: 'Strength by day after the session' });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleDescription(/circle barely there, square mild, triangle moderate, diamond severe/);
  await expect(chart.locator('.marker')).toHaveCount(3);
  await expect(chart.locator('rect.marker-mild title')).toHaveText('Day 0: Redness, like a light sunburn, Mild');
  await expect(chart.locator('polygon.marker-moderate title')).toHaveText('Day 1: Swelling, Moderate');
  await expect(chart.locator('circle.marker-none')).toHaveCount(1);

  const rows = page.locator('.history-table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Swelling');
  await expect(rows.nth(1)).toContainText('Moderate (2)');
  await expect(rows.nth(2)).toContainText('Still there');
  await expectNoAxeViolations(page, 'session detail');

  // A deep link loads, and unknown or bad ids say so.
  await page.goto('./history?session=1');
  await expect(page.getByRole('heading', { level: 2, name: 'Session of Mon 16 Feb, 9:00' })).toBeVisible();
  await expect(page.locator('.history-table')).toContainText('Bruising');
  await page.goto('./history?session=999');
  await expect(page.getByText("This session isn't in your history.")).toBeVisible();
  await page.goto('./history?session=abc');
  await expect(page.getByText("This link doesn't point to a session.")).toBeVisible();
  await page.getByRole('link', { name: 'Back to history' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar' })).toBeVisible();
});

test('with nothing recorded it says so', async ({ page }) => {
  await page.goto('./history');
  await waitForApp(page);
  await expect(page.getByText('Nothing here yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'empty history');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots in ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await seed(page);
    await expectNoAxeViolations(page, `history ${scheme}`);
    await page.screenshot({ path: `e2e/screenshots/history-${scheme}.png`, fullPage: true });
    await page.goto('./history?session=2');
    await expect(page.getByRole('img', { name: 'Strength by day after the session' })).toBeVisible();
    await expectNoAxeViolations(page, `session detail ${scheme}`);
    await page.screenshot({ path: `e2e/screenshots/history-session-${scheme}.png`, fullPage: true });
  });
}
