// Settings: replacing the roller resets its count; the pass count, sound and
// reminder preferences persist across a reload; the rules and their sources.
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, expectNoAxeViolations, setUpDoc, storedText } from './fixtures';


const doc = setUpDoc({ first_use: '2026-01-20T09:00:00Z', sessions_used: 7 }, 3);

async function seed(page: Page) {
  await page.goto('./settings');
  await waitForApp(page);
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(doc));
  await page.reload();
  await waitForApp(page);
}

const stored = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('rollwise.data') ?? 'null'));

test('replacing the roller resets its count', async ({ page }) => {
  await seed(page);
  const roller = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Your roller' }) });
  await expect(roller.locator('.settings-sessions')).toHaveText('7 of 10');
  await expectNoAxeViolations(page, 'on Settings');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/screenshots/settings-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  await roller.getByRole('button', { name: 'I have a new roller' }).click();
  await expect(roller.getByRole('heading', { name: 'Start a new roller?' })).toBeVisible();
  await expectNoAxeViolations(page, 'on the replace confirmation');
  // Not confirmed as only mine: refused, nothing changes.
  await roller.getByRole('button', { name: 'Yes, start the new roller' }).click();
  await expect(roller.getByRole('alert')).toHaveText('Confirm that the new roller is only yours.');
  await expect(roller.locator('.settings-sessions')).toHaveText('7 of 10');
  // Cancel changes nothing either.
  await roller.getByRole('button', { name: 'Cancel' }).click();
  await expect(roller.locator('.settings-sessions')).toHaveText('7 of 10');

  await roller.getByRole('button', { name: 'I have a new roller' }).click();
  await roller.getByLabel("The new roller's needle length").selectOption({ label: '0.5 mm' });
  await roller.getByRole('checkbox', { name: /only mine/ }).check();
  await roller.getByRole('button', { name: 'Yes, start the new roller' }).click();
  await expect(roller.getByRole('status')).toHaveText('New roller started: 0 sessions used.');
  await expect(roller.locator('.settings-sessions')).toHaveText('0 of 10');
  await expect(roller).toContainText('0.5 mm');
  await expect(roller).toContainText('1 roller replaced so far.');
  await expect.poll(async () => (await stored(page))?.device?.sessions_used).toBe(0);
  const saved = await stored(page);
  expect(saved.replaced_devices).toHaveLength(1);
  expect(saved.replaced_devices[0].device.sessions_used).toBe(7);
  expect(saved.device.needle_um).toBe(500);

  await page.reload();
  await expect(roller.locator('.settings-sessions')).toHaveText('0 of 10');
  await page.goto('./');
  await expect(page.getByText('0 of 10 sessions used')).toBeVisible();
});

test('pass count, sound and reminder preferences persist across a reload', async ({ page }) => {
  await seed(page);
  await expect(page.getByRole('radio', { name: '4 passes' })).toBeChecked();
  await page.getByRole('radio', { name: '5 passes' }).check();
  await expect(page.getByRole('switch', { name: 'Sound at each step' })).toBeChecked();
  await page.getByRole('switch', { name: 'Sound at each step' }).uncheck();
  await page.getByLabel('Remind me before my next session').selectOption({ label: '1 day before' });
  // What reminders cannot promise without a server is said plainly here.
  await expect(page.locator('.settings-promise')).toContainText('the calendar file is what makes your phone remind you for sure');
  await expect
    .poll(async () => (await stored(page))?.preferences)
    .toEqual({ passes_per_direction: 5, sound: false, vibration: true, reminder_lead_minutes: 1440 });
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('radio', { name: '5 passes' })).toBeChecked();
  await expect(page.getByRole('radio', { name: '4 passes' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Sound at each step' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Vibration at each step' })).toBeChecked();
  await expect(page.getByLabel('Remind me before my next session')).toHaveValue('1440');
});

test('settings lead to the set-up answers and list every rule with its source', async ({ page }) => {
  await seed(page);
  const rules = page.locator('details.settings-rules', { hasText: 'Your roller' });
  await rules.locator('summary').click();
  await expect(rules.getByText('DEV-1', { exact: true })).toBeVisible();
  await expect(rules).toContainText('Source');
  await expectNoAxeViolations(page, 'with the rules open');
  await page.getByRole('link', { name: 'Read the full notice' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About Rollwise');
  await page.goBack();
  await page.getByRole('link', { name: 'Edit your answers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your set-up answers' })).toBeVisible();
  await expect(page.getByRole('radio', { name: '0.25 mm' })).toBeChecked();
});
