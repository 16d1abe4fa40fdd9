// The reaction log: two-tap logging, the engine's triage at once, holds on
// the next session until marked clear (RX-1, RX-11), the emergency screen
// (RX-10), notes rendered as text, and bad input refused.
import { test, expect, waitForApp, expectNoAxeViolations, adultProfile, storedText } from './fixtures';
import type { Page } from '@playwright/test';

/// Hours and minutes in milliseconds, for the clock.
const hm = (hours: number, minutes: number) => (hours * 60 + minutes) * 60_000;

const SESSION_END = '2026-03-02T09:20:00Z';

const profile = { ...adultProfile, skin_type: 'i_i' };

const doc = {
  schema_version: 1,
  revision: 1,
  profile,
  device: {
    kind: 'manual_roller',
    needle_um: 250,
    first_use: '2026-02-23T09:00:00Z',
    sessions_used: 2,
    damage: { bent: false, hooked: false, rusted: false, missing_needle: false, drags_or_jerks: false, dropped: false },
    only_mine: true,
  },
  replaced_devices: [],
  sessions: [
    {
      id: 1,
      started_at: '2026-03-02T09:00:00Z',
      ended_at: SESSION_END,
      needle_um: 250,
      zones_completed: ['forehead', 'nose'],
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

/// Stores the document before the app first loads (once per tab).
async function seed(page: Page, at: string) {
  await page.clock.install({ time: new Date(at) });
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem('rollwise.data', text);
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, storedText(doc));
  await page.goto('./log');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Reaction log' })).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const item = (page: Page, kind: string) =>
  page.locator('.reaction-item').filter({ has: page.getByRole('heading', { name: kind }) });

async function logKind(page: Page, kind: string) {
  await page.getByLabel(kind).check();
  await page.getByRole('button', { name: 'Save to my log' }).click();
}

test('redness still there at 72 h holds the next session until marked clear (RX-1)', async ({ page }) => {
  await seed(page, '2026-03-02T12:00:00Z');
  await expectNoAxeViolations(page, 'log form');
  await logKind(page, 'Redness, like a light sunburn');
  const result = page.locator('.log-result');
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(/Expected after rolling/);
  await expect(result.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(result).toContainText('It should settle by Thu 5 Mar, 9:20');
  await expect(result).toContainText('Linked to your session of Mon 2 Mar, 9:00');
  await expectNoAxeViolations(page, 'expected triage');
  const redness = item(page, 'Redness, like a light sunburn');
  await expect(redness).toContainText('Expected');
  await expect(redness).not.toContainText('Holding your next session');

  // Still there 72 hours after the session: the engine holds the next one.
  await page.clock.fastForward(hm(69, 21));
  await expect(redness).toContainText('Holding your next session');
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Reactions that pause your sessions' })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Log' }).click();
  await redness.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(redness.getByRole('group')).toContainText('Mark this as resolved?');
  await expectNoAxeViolations(page, 'confirmation');
  await redness.getByRole('button', { name: 'Cancel' }).click();
  await expect(redness).toContainText('Still there');
  await redness.getByRole('button', { name: 'Mark resolved' }).click();
  await redness.getByRole('button', { name: 'Yes, mark resolved' }).click();
  await expect(redness).toContainText('Resolved Thu 5 Mar');
  await expect(redness).not.toContainText('Holding your next session');
  await expect(redness.getByRole('button', { name: 'Mark resolved' })).toHaveCount(0);

  // Saved: a reload keeps it, and Home no longer holds.
  await page.reload();
  await expect(item(page, 'Redness, like a light sunburn')).toContainText('Resolved');
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await expect(page.getByRole('heading', { name: 'Reactions that pause your sessions' })).toHaveCount(0);
});

test('a red flag stops and holds until a doctor clears it (RX-4, RX-11)', async ({ page }) => {
  await seed(page, '2026-03-03T10:00:00Z');
  await logKind(page, 'Pus or yellow crusts');
  const result = page.locator('.log-result');
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(/Stop rolling and see a doctor/);
  await expect(result).toContainText('Possible infection');
  await expect(result).toContainText('Sessions on hold');
  await expectNoAxeViolations(page, 'stop triage');
  const pus = item(page, 'Pus or yellow crusts');
  await expect(pus).toContainText('Stop and see a doctor');
  await expect(pus).toContainText('Holding your next session');

  // Days later it still holds.
  await page.clock.fastForward(hm(240, 0));
  await expect(pus).toContainText('Holding your next session');
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Reactions that pause your sessions' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Log' }).click();

  await pus.getByRole('button', { name: 'A doctor cleared it' }).click();
  await pus.getByRole('button', { name: 'Yes, a doctor cleared it' }).click();
  await expect(pus).toContainText('Cleared by a doctor');
  await expect(pus).not.toContainText('Holding your next session');
});

test('an allergic reaction shows only the emergency screen with call links (RX-10)', async ({ page }) => {
  await seed(page, '2026-03-02T12:00:00Z');
  await logKind(page, 'Trouble breathing');
  const heading = page.getByRole('heading', { level: 2, name: 'Call emergency services now' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  const calls = page.locator('.emergency a[href^="tel:"]');
  await expect(calls).toHaveCount(3);
  // en-GB: the UK number first; 112 and 911 are always offered too.
  await expect(calls.nth(0)).toHaveAttribute('href', 'tel:999');
  await expect(calls.nth(1)).toHaveAttribute('href', 'tel:112');
  await expect(calls.nth(2)).toHaveAttribute('href', 'tel:911');
  await expect(page.getByRole('link', { name: /Call 999/ })).toBeVisible();
  // Nothing else competes for attention.
  await expect(page.getByRole('heading', { name: 'Your reactions' })).toHaveCount(0);
  await expect(page.locator('.reason-list')).toHaveCount(0);
  await expect(page.locator('.log-form')).toHaveCount(0);
  await expectNoAxeViolations(page, 'emergency screen');

  await page.getByRole('button', { name: 'Back to the log' }).click();
  await expect(item(page, 'Trouble breathing')).toContainText('Emergency');
});

test('a note is kept with its reaction and always shown as text, never as HTML', async ({ page }) => {
  await seed(page, '2026-03-02T12:00:00Z');
  const typed = '<b>html</b> & <img src=x onerror=alert(1)>';
  await page.getByLabel('Dryness or flaking').check();
  await page.getByLabel('Moderate').check();
  await page.getByLabel('Chin').check();
  await page.getByLabel('Note (optional)').fill(typed);
  await page.getByRole('button', { name: 'Save to my log' }).click();
  const note = page.locator('.log-result .note-text');
  await expect(note).toHaveText(typed);
  await expect(page.locator('b, img')).toHaveCount(0);
  const dry = item(page, 'Dryness or flaking');
  await expect(dry).toContainText('Moderate');
  await expect(dry).toContainText('Chin');
  await expect(dry.locator('.note-text')).toHaveText(typed);

  // The note is stored: it is still there after a reload, and in History.
  await page.reload();
  await expect(item(page, 'Dryness or flaking').locator('.note-text')).toHaveText(typed);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
  await expect(page.locator('.history-list .note-text').first()).toHaveText(`Your note: ${typed}`);
  await expect(page.locator('b, img')).toHaveCount(0);
});

test('bad input is refused with a message and nothing is saved', async ({ page }) => {
  await seed(page, '2026-03-02T12:00:00Z');
  await page.getByRole('button', { name: 'Save to my log' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose what you noticed first.');
  await expect(page.getByText('Nothing logged yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'form with errors');

  await page.getByLabel('Swelling', { exact: true }).check();
  await page.getByLabel('When did you notice it?').fill('2026-03-04T12:00');
  await page.getByRole('button', { name: 'Save to my log' }).click();
  await expect(page.getByRole('alert')).toContainText('That time is in the future.');
  await expect(page.getByLabel('When did you notice it?')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Nothing logged yet.')).toBeVisible();

  await page.getByLabel('When did you notice it?').fill('2026-03-02T11:30');
  await page.getByRole('button', { name: 'Save to my log' }).click();
  await expect(page.locator('.log-result')).toContainText('Swelling');
  await expect(item(page, 'Swelling')).toContainText('Mon 2 Mar, 11:30');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the form and a triage result in ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await seed(page, '2026-03-02T12:00:00Z');
    await page.getByLabel('Swelling', { exact: true }).check();
    await expectNoAxeViolations(page, `log form ${scheme}`);
    await page.screenshot({ path: `e2e/screenshots/log-form-${scheme}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Save to my log' }).click();
    await expect(page.locator('.log-result')).toBeVisible();
    await expectNoAxeViolations(page, `log result ${scheme}`);
    await page.screenshot({ path: `e2e/screenshots/log-result-${scheme}.png`, fullPage: true });
  });
}
