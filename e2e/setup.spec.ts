// Set-up: the first-run questionnaire, one topic per screen, through to the
// result and Home; "not sure" answers treated conservatively; a blocked
// person told why and still able to reach the log and aftercare; the back
// button; bad input.
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, expectNoAxeViolations } from './fixtures';

const TODAY = new Date('2026-03-02T09:00:00Z');
const TOTAL = 21;

/// Answers for the yes/no/not-sure questions, by their legend text (a
/// substring); everything else gets "No".
type Overrides = Record<string, 'Yes' | 'No' | 'Not sure'>;

const stepHeading = (page: Page) => page.locator('#setup-step-heading');

async function next(page: Page) {
  await page.getByRole('button', { name: /^(Next|See my result)$/ }).click();
}

async function expectStep(page: Page, n: number) {
  await expect(page.getByText(`Step ${n} of ${TOTAL}`, { exact: true })).toBeVisible();
  // The first step is also plain /setup.
  await expect(page).toHaveURL(n === 1 ? /\/setup(\?step=1)?$/ : new RegExp(`[?&]step=${n}$`));
}

/// Answers the roller steps (1–6, age included) with a good manual roller.
async function answerRollerAndAge(page: Page) {
  await expectStep(page, 1);
  await page.getByRole('radio', { name: '0.25 mm' }).check();
  await next(page);
  await expectStep(page, 2);
  await page.getByRole('radio', { name: /A manual roller/ }).check();
  await next(page);
  await expectStep(page, 3);
  await page.getByRole('radio', { name: /It's new/ }).check();
  await next(page);
  await expectStep(page, 4);
  await page.getByRole('radio', { name: 'Yes, nobody else uses it' }).check();
  await next(page);
  await expectStep(page, 5);
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await next(page);
  await expectStep(page, 6);
  await page.getByRole('radio', { name: "I'm 18 or over" }).check();
  await next(page);
}

/// Answers steps 7–21: every question "No" unless overridden, skin type II.
async function answerPerson(page: Page, overrides: Overrides = {}) {
  for (let n = 7; n <= TOTAL; n++) {
    await expectStep(page, n);
    const groups = page.locator('fieldset.setup-question');
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      const legend = (await group.locator('legend').count()) ? await group.locator('legend').innerText() : '';
      if (!legend) {
        // The skin type step.
        await group.getByRole('radio', { name: /^Type II:/ }).check();
        continue;
      }
      const key = Object.keys(overrides).find((k) => legend.includes(k));
      const answer = key ? overrides[key] : 'No';
      await group.getByRole('radio', { name: answer, exact: true }).check();
    }
    await next(page);
  }
}

async function start(page: Page) {
  await page.clock.setFixedTime(TODAY);
  await page.goto('./setup');
  await waitForApp(page);
}

test('a first run goes through set-up to the result and Home', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await page.goto('./');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Rollwise' })).toBeVisible();
  await expectNoAxeViolations(page, 'on the first-run Home');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/screenshots/home-first-run-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('link', { name: 'Set up Rollwise' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Rollwise' })).toBeVisible();
  await expect(stepHeading(page)).toHaveText('How long are the needles?');
  await expectNoAxeViolations(page, 'on set-up step 1');
  await answerRollerAndAge(page);
  await expectStep(page, 7);
  await expect(page.getByText("If you're not sure, Rollwise treats it as a yes to keep you safe.")).toBeVisible();
  await expectNoAxeViolations(page, 'on set-up step 7');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/screenshots/setup-step-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await answerPerson(page);
  await expect(page).toHaveURL(/step=result$/);
  await expect(page.getByRole('heading', { level: 2, name: 'What your answers mean' })).toBeVisible();
  await expect(page.getByText('Nothing in your answers stops you from rolling')).toBeVisible();
  await expect(page.getByText('Your roller passes every check.')).toBeVisible();
  await expect(page.getByText(/Areas you can treat: Forehead, Nose/)).toBeVisible();
  await expectNoAxeViolations(page, 'on the set-up result');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/screenshots/setup-result-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('link', { name: 'Go to Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: "Yes, you can start today's check" })).toBeVisible();
  await expect(page.getByRole('link', { name: "Start today's check" })).toBeVisible();
  await expect(page.getByText('0 of 10 sessions used')).toBeVisible();
  await expectNoAxeViolations(page, 'on Home after set-up');
  // The answers were saved: a reload keeps them, and editing starts from them.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: "Yes, you can start today's check" })).toBeVisible();
  await page.goto('./setup?step=2');
  await expect(page.getByRole('heading', { level: 1, name: 'Your set-up answers' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /A manual roller/ })).toBeChecked();
});

test('"not sure" answers warn or block conservatively', async ({ page }) => {
  await start(page);
  await answerRollerAndAge(page);
  await answerPerson(page, {
    'pregnant, or breastfeeding': 'Not sure',
    'heal slowly': 'Not sure',
  });
  await expect(page.getByText("Rolling isn't safe for you right now")).toBeVisible();
  const blocks = page.locator('section', { has: page.getByRole('heading', { name: 'What stops a session' }) });
  await expect(blocks.getByRole('heading', { name: 'Pregnancy: not sure' })).toBeVisible();
  const warns = page.locator('section', { has: page.getByRole('heading', { name: 'What to take care with' }) });
  await expect(warns.getByRole('heading', { name: 'Healing: not sure' })).toBeVisible();
  await expect(warns.getByText('Take care').first()).toBeVisible();
  await expectNoAxeViolations(page, 'on a result with "not sure" answers');
});

test('a blocked person sees why and can still reach the log and aftercare', async ({ page, baseURL }) => {
  await start(page);
  await answerRollerAndAge(page);
  await answerPerson(page, { 'pregnant, or breastfeeding': 'Yes' });
  await expect(page.getByText("Rolling isn't safe for you right now")).toBeVisible();
  const card = page.locator('article.reason-block', { has: page.getByRole('heading', { name: 'Pregnancy or breastfeeding' }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('Not allowed')).toBeVisible();
  await card.getByText('Why?').click();
  await expect(card.getByText(/PER-2/)).toBeVisible();
  await expectNoAxeViolations(page, 'on a blocked result with Why? open');
  await page.getByRole('link', { name: 'Reaction log' }).click();
  await expect(page).toHaveURL(new URL('log', baseURL).href);
  await expect(page.getByRole('heading', { level: 1, name: 'Reaction log' })).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: 'Aftercare guidance' }).click();
  await expect(page).toHaveURL(new URL('aftercare', baseURL).href);
  await expect(page.getByRole('heading', { level: 1, name: 'Aftercare' })).toBeVisible();
  // Home says so too, with the way to change it.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2, name: 'Not today' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Review your answers' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pregnancy or breastfeeding' })).toBeVisible();
  await expectNoAxeViolations(page, 'on a blocked Home');
});

test('the back button steps back through set-up', async ({ page }) => {
  await start(page);
  await page.getByRole('radio', { name: '0.3 mm' }).check();
  await next(page);
  await page.getByRole('radio', { name: /An electric microneedling pen/ }).check();
  await next(page);
  await expectStep(page, 3);
  await page.goBack();
  await expectStep(page, 2);
  await expect(stepHeading(page)).toHaveText('What kind of device is it?');
  await expect(stepHeading(page)).toBeFocused();
  await expect(page.getByRole('radio', { name: /An electric microneedling pen/ })).toBeChecked();
  await page.getByRole('button', { name: 'Back' }).click();
  await expectStep(page, 1);
  await expect(page.getByRole('radio', { name: '0.3 mm' })).toBeChecked();
  await page.goForward();
  await expectStep(page, 2);
  // A deep link below the entry step: Back replaces the address.
  await page.goto('./setup?step=5');
  await expectStep(page, 5);
  await page.getByRole('button', { name: 'Back' }).click();
  await expectStep(page, 4);
});

test('bad input gets a clear message and changes nothing', async ({ page }) => {
  await start(page);
  // Nothing chosen.
  await next(page);
  await expect(page.getByRole('alert')).toHaveText('Choose an answer to go on.');
  await expectStep(page, 1);
  // "Another length" left empty, then a typing slip.
  await page.getByRole('radio', { name: 'Another length' }).check();
  await next(page);
  await expect(page.getByRole('alert')).toHaveText('Enter the needle length, for example 0.75.');
  await page.getByLabel('Needle length in millimetres').fill('25');
  await next(page);
  await expect(page.getByRole('alert')).toContainText("doesn't look right");
  await expect(page.getByLabel('Needle length in millimetres')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Needle length in millimetres').fill('0.75');
  await next(page);
  await page.getByRole('radio', { name: /A manual roller/ }).check();
  await next(page);
  // A first use after today.
  await expectStep(page, 3);
  await page.getByRole('radio', { name: "I've used it before" }).check();
  await page.getByLabel('Date of its first use').fill('2026-03-10');
  await page.getByLabel('Sessions done with it so far').fill('2');
  await next(page);
  await expect(page.getByRole('alert')).toContainText("The first use can't be after today");
  await expectStep(page, 3);
  await expectNoAxeViolations(page, 'on a step with an error');
  await page.getByLabel('Date of its first use').fill('2026-02-20');
  await next(page);
  await expectStep(page, 4);
  // Straight to the last step: "See my result" goes back to the first
  // unanswered step and says why.
  await page.goto('./setup?step=21');
  await expectStep(page, 21);
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await next(page);
  await expectStep(page, 1);
  await expect(page.getByRole('alert')).toHaveText('Choose an answer to go on.');
  // Nothing was saved on the way: Home still welcomes a first run.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Rollwise' })).toBeVisible();
});

test('a needle over 0.5 mm is judged by the engine (DEV-1)', async ({ page }) => {
  await start(page);
  await page.getByRole('radio', { name: 'Another length' }).check();
  await page.getByLabel('Needle length in millimetres').fill('0.75');
  await next(page);
  await page.getByRole('radio', { name: /A manual roller/ }).check();
  await next(page);
  await page.getByRole('radio', { name: /It's new/ }).check();
  await next(page);
  await page.getByRole('radio', { name: 'Yes, nobody else uses it' }).check();
  await next(page);
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await next(page);
  await page.getByRole('radio', { name: "I'm 18 or over" }).check();
  await next(page);
  await answerPerson(page);
  await expect(page.getByText("Rolling isn't safe for you right now")).toBeVisible();
  const card = page.locator('article.reason-block').first();
  await card.getByText('Why?').click();
  await expect(card.getByText(/DEV-1/)).toBeVisible();
  await expect(page.getByText('Your roller passes every check.')).toHaveCount(0);
});
