// Aftercare: the 72-hour actives lock-out and "Can I use this now?",
// driven by Playwright's clock from a recorded session seeded as a stored
// v1 document; the general guidance before any session.
import { test, expect, waitForApp, expectNoAxeViolations, storedText } from './fixtures';
import type { Page } from '@playwright/test';

/// Hours and minutes in milliseconds, for the clock.
const hm = (hours: number, minutes: number) => (hours * 60 + minutes) * 60_000;

const SESSION_END = '2026-03-02T09:20:00Z';

function storedDoc(sessions: object[]) {
  return {
    schema_version: 1,
    revision: 1,
    profile: null,
    device: null,
    replaced_devices: [],
    sessions,
    reactions: [],
    preferences: { passes_per_direction: 4, sound: true, vibration: true, reminder_lead_minutes: 60 },
    flow: { soak: null, guided: null },
    reminder: { sequence: 0, next_session_at: null },
  };
}

const oneSession = storedDoc([
  {
    id: 1,
    started_at: '2026-03-02T09:00:00Z',
    ended_at: SESSION_END,
    needle_um: 250,
    zones_completed: ['forehead', 'nose', 'left_cheek', 'right_cheek'],
    zones_stopped_bleeding: [],
    disinfected_before: true,
    disinfected_after: true,
  },
]);

/// Stores `doc` before the app first loads (once per tab, so reloads keep
/// what the app saved), then opens Aftercare.
async function seed(page: Page, doc: object) {
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem('rollwise.data', text);
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, storedText(doc));
  await page.goto('./aftercare');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Aftercare' })).toBeVisible();
}

const lockRow = (page: Page) =>
  page.locator('.aftercare-row').filter({ has: page.getByRole('heading', { name: 'No actives for 72 hours' }) });

async function ask(page: Page, name: string) {
  await page.getByLabel('Product or ingredient').fill(name);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
}

test('the actives lock-out holds at 71:59 and lifts at 72:00 after the session end', async ({ page }) => {
  await page.clock.install({ time: new Date(SESSION_END) });
  await seed(page, oneSession);
  const now = page.locator('.aftercare-now');

  const result = page.locator('.product-result');
  // Paused at exactly 71:59 after the end (axe and typing need a running
  // clock, so each check runs paused, then the clock resumes).
  await page.clock.pauseAt(new Date(Date.parse(SESSION_END) + hm(71, 59)));
  await expect(lockRow(page)).toContainText('Now');
  await expect(lockRow(page)).toContainText('1 min left');
  await expect(now).toContainText('No retinoids, acids, vitamin C, benzoyl peroxide, scrubs or face brushes');
  // The lock-out is the first row of the timeline.
  await expect(page.locator('.aftercare-timeline > li').first()).toContainText('No actives for 72 hours');
  await ask(page, 'retinol');
  await expect(result).toHaveAttribute('aria-live', 'polite');
  await expect(result).toContainText('Not until Thu 5 Mar, 9:20');
  await expect(result).toContainText('1 min left');
  await expect(result).toContainText('No actives for 72 hours');
  await page.clock.resume();
  await expectNoAxeViolations(page, 'aftercare at 71:59');

  // Exactly 72:00: the lock has lifted.
  await page.clock.pauseAt(new Date(Date.parse(SESSION_END) + hm(72, 0)));
  await expect(lockRow(page)).toContainText('Over');
  await expect(now).not.toContainText('No retinoids');
  await expect(now).toContainText('Actives allowed again, gently');
  // The same question, answered again as the clock moves, now has the
  // engine's caution (AFT-5 to day 7).
  await expect(result).toContainText('Take care');
  await expect(result).toContainText('Go gently with actives');
  await expect(result).not.toContainText('Not until');
  await page.clock.resume();
  await expectNoAxeViolations(page, 'aftercare at 72:00');
});

test('quick picks, unknown names and empty input', async ({ page }) => {
  await page.clock.install({ time: new Date(SESSION_END) });
  await seed(page, oneSession);
  await page.clock.fastForward(hm(2, 0));
  const result = page.locator('.product-result');

  await page.getByRole('group', { name: 'Common products' }).getByRole('button', { name: 'Hyaluronic acid' }).click();
  await expect(page.getByLabel('Product or ingredient')).toHaveValue('hyaluronic acid');
  await expect(result).toContainText('Yes, you can use it now');

  await page.getByRole('button', { name: 'Makeup' }).click();
  await expect(result).toContainText('Not until Tue 3 Mar, 9:20');

  await ask(page, 'Glycolic acid 7% toner');
  await expect(result).toContainText('Not until Thu 5 Mar, 9:20');

  await ask(page, 'Mystery elixir');
  await expect(result).toContainText("Rollwise doesn't know this one");
  await expect(result).toContainText('wait 7 days after a session if unsure');

  await ask(page, '   ');
  await expect(page.getByText('Type a product or ingredient name first.')).toBeVisible();
  await expect(page.getByLabel('Product or ingredient')).toHaveAttribute('aria-invalid', 'true');
  // The last answer stays as it was.
  await expect(result).toContainText('Mystery elixir');

  const sauna = page.locator('.activity').filter({ has: page.locator('.activity-name', { hasText: /^Sauna$/ }) });
  await expect(sauna).toContainText('Not until Thu 5 Mar, 9:20');
  await expectNoAxeViolations(page, 'aftercare answers');
});

test('with no session yet it says so and shows the general guidance', async ({ page }) => {
  await page.goto('./aftercare');
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'No session recorded yet' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Aftercare at a glance' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No actives for 72 hours' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Good habits' })).toBeVisible();
  await expect(page.getByText('Hands off, clean pillowcase')).toHaveCount(1);
  await expect(page.getByText('Not medical advice').first()).toBeVisible();
  await ask(page, 'retinol');
  await expect(page.locator('.product-result')).toContainText('Yes, you can use it now');
  await expectNoAxeViolations(page, 'aftercare without a session');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot in ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.clock.install({ time: new Date(SESSION_END) });
    await seed(page, oneSession);
    await page.clock.fastForward(hm(30, 0));
    await ask(page, 'retinol');
    await expect(page.locator('.product-result')).toContainText('Not until');
    await expectNoAxeViolations(page, `aftercare ${scheme}`);
    await page.screenshot({ path: `e2e/screenshots/aftercare-${scheme}.png`, fullPage: true });
  });
}
