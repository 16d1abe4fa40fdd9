// The session flow, from a seeded stored document and
// Playwright's clock: today's check with the face maps, the soak timer
// (blocked start while it runs, reload mid-soak), the guided session
// (reload mid-session resumes at the right second, SES-4 stop for
// bleeding), cleaning with the second soak, and the recorded session.
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, expectNoAxeViolations, adultProfile as profile, storedText, readable } from './fixtures';


type Flow = { soak: unknown; guided: unknown };

function storedDoc(opts: { flow?: Flow; sessions?: unknown[]; withSetup?: boolean; skinType?: string } = {}) {
  const withSetup = opts.withSetup ?? true;
  return {
    schema_version: 1,
    revision: 2,
    profile: withSetup ? { ...profile, skin_type: opts.skinType ?? profile.skin_type } : null,
    device: withSetup
      ? {
          kind: 'manual_roller',
          needle_um: 250,
          first_use: null,
          sessions_used: 0,
          damage: { bent: false, hooked: false, rusted: false, missing_needle: false, drags_or_jerks: false, dropped: false },
          only_mine: true,
        }
      : null,
    replaced_devices: [],
    sessions: opts.sessions ?? [],
    reactions: [],
    preferences: { passes_per_direction: 4, sound: true, vibration: true, reminder_lead_minutes: 60 },
    flow: opts.flow ?? { soak: null, guided: null },
    reminder: { sequence: 0, next_session_at: null },
  };
}

async function seed(page: Page, doc: unknown) {
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(doc));
  await page.goto('./session');
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session');
}

async function stored(page: Page) {
  return readable(await page.evaluate(() => JSON.parse(localStorage.getItem('rollwise.data') ?? 'null')));
}

async function screenshots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/screenshots/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const questions = [
  'Have you had alcohol or taken drugs today?',
  'In the last 3 days, have you used a retinoid, an AHA or BHA acid, or benzoyl peroxide?',
  'Do you have a cold sore anywhere on your face right now?',
  'Is skin across much of your face broken, infected or very irritated?',
];

const allZones = [
  'Forehead',
  'Nose',
  'Left cheek',
  'Right cheek',
  'Above the upper lip',
  'Chin',
  'Jawline',
  'Neck',
  'Chest (décolletage)',
];

const problemMap = (page: Page) => page.getByRole('group', { name: 'Zones with a problem today' });
const rollMap = (page: Page) => page.getByRole('group', { name: 'Zones to roll today' });
const startButton = (page: Page) => page.getByRole('button', { name: 'Start the session' });
const soakClock = (page: Page) => page.locator('.soak-clock');
const zoneClock = (page: Page) => page.locator('.zone-clock');
const liveSoak = (page: Page) => page.locator('.soak-panel [aria-live="polite"]');

/// Today's check: set-up re-confirmed, every question "no", acne on the
/// nose, only `keep` zones to roll, the checklist and a bland serum.
async function fillTodayCheck(page: Page, keep: string[]) {
  await page.getByRole('button', { name: 'Nothing has changed since set-up' }).click();
  await expect(page.getByRole('button', { name: 'Nothing has changed since set-up' })).toHaveAttribute('aria-pressed', 'true');
  for (const q of questions) {
    await page.getByRole('group', { name: q }).getByRole('radio', { name: 'No', exact: true }).check();
  }
  // Today's skin: acne on the nose takes the nose out, with its reason.
  await problemMap(page).getByRole('checkbox', { name: 'Nose', exact: true }).check();
  const nose = page.getByRole('group', { name: 'What is on your nose?' });
  await expect(nose).toBeVisible();
  await nose.getByRole('checkbox', { name: 'Inflamed spots or acne with pus' }).check();
  const blockedNose = rollMap(page).getByRole('checkbox', { name: /^Nose Not today: Active breakouts here/ });
  await expect(blockedNose).toBeDisabled();
  await expect(blockedNose).not.toBeChecked();
  // Zones to roll: untick all but `keep`.
  for (const zone of allZones.filter((z) => z !== 'Nose')) {
    const box = rollMap(page).getByRole('checkbox', { name: zone, exact: true });
    if (keep.includes(zone)) await expect(box).toBeChecked();
    else await box.uncheck();
  }
  await expect(page.locator('.zones-summary')).toHaveText(
    `${keep.length} zone${keep.length === 1 ? '' : 's'} · about ${Math.floor((keep.length * 32) / 60)} min ${String((keep.length * 32) % 60).padStart(2, '0')} s of rolling`,
  );
  for (const item of [/Wash your hands/, /Take off makeup/, /Cleanse gently/]) {
    await page.getByRole('checkbox', { name: item }).check();
  }
  // PRE-5: the engine recognises an active serum, then a bland one.
  const serum = page.getByLabel('Serum you\'ll use while rolling (optional)');
  await serum.fill('Vitamin C serum');
  await expect(page.locator('#serum-feedback')).toContainText('vitamin C (an active)');
  await expect(page.getByRole('heading', { name: 'Serum not suitable' })).toBeVisible();
  await serum.fill('plain hyaluronic acid serum');
  await expect(page.locator('#serum-feedback')).toContainText('Plain and bland');
  await expect(page.getByRole('heading', { name: 'Serum not suitable' })).toHaveCount(0);
}

test('a complete guided session, from today\'s check through both soaks to the recorded session', async ({ page, baseURL }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  await seed(page, storedDoc());
  await expect(page.getByRole('heading', { level: 2, name: 'Since set-up' })).toBeVisible();
  await expect(page.getByText('your left cheek is on the left').first()).toBeVisible();
  await expectNoAxeViolations(page, "on today's check");
  await screenshots(page, 'session-today-check');

  await fillTodayCheck(page, ['Forehead', 'Chin']);
  await expect(problemMap(page).locator('svg')).toHaveAttribute('aria-hidden', 'true');
  await expectNoAxeViolations(page, "on today's check, filled in");

  // Not disinfected yet: the start is blocked, with the reason.
  await expect(startButton(page)).toBeDisabled();
  await expect(page.getByRole('heading', { name: 'Disinfect your roller', level: 3 })).toBeVisible();

  // The soak runs: still blocked, with "Roller still soaking".
  await page.getByRole('button', { name: 'Start the 10-minute soak' }).click();
  await expect(soakClock(page)).toHaveText(/^(10:00|9:59)$/);
  await expect(page.getByRole('heading', { name: 'Roller still soaking' })).toBeVisible();
  await expect(startButton(page)).toBeDisabled();
  await expect(page.locator('#start-missing')).toContainText('Sort out the points marked “Not allowed”.');
  await expect(page.locator('.soak-ring .ring-value')).toHaveAttribute('stroke-dashoffset', /^3[0-9]{2}\./);
  await expectNoAxeViolations(page, 'with the soak timer running');
  await page.getByRole('heading', { name: 'Disinfect your roller', level: 2 }).scrollIntoViewIfNeeded();
  await screenshots(page, 'session-soak-timer');

  // Sparse announcements: nothing, then "5 minutes left", then "Done".
  await expect(liveSoak(page)).toHaveText('');
  await page.clock.fastForward('05:01');
  await expect(liveSoak(page)).toHaveText('5 minutes left');
  await expect(startButton(page)).toBeDisabled();
  await page.clock.fastForward('05:00');
  await expect(liveSoak(page)).toHaveText('Done');
  await expect(soakClock(page)).toHaveText('0:00');
  await expect(page.locator('.soak-state')).toContainText('Done: take it out and let it air-dry');
  await expect(page.getByRole('heading', { name: 'Roller still soaking' })).toHaveCount(0);

  // Ready: 4 passes (the default), then start.
  await expect(page.getByRole('radio', { name: /^4 passes/ })).toBeChecked();
  await expect(startButton(page)).toBeEnabled();
  // From here the clock only moves when told, so each step is exact.
  const fakeNow = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(new Date(Math.ceil(fakeNow / 1000) * 1000 + 1000));
  await startButton(page).click();

  // The guided session: a 5-second lead-in, then zone by zone.
  const zoneHeading = page.getByRole('heading', { level: 2, name: /^Zone / });
  await expect(zoneHeading).toHaveText('Zone 1 of 2 · Forehead');
  await expect(page.locator('.lead-in')).toContainText('Get ready: starting in');
  await page.clock.fastForward('00:05');
  await expect(page.locator('.guided-direction')).toHaveText('Direction 1 of 4 · Vertical ↕');
  await expect(page.locator('.guided-pass')).toHaveText('Pass 1 of 4');
  await expect(page.locator('.arrow-move')).toHaveAttribute('data-turn', '0');
  await expect(page.locator('.pressure')).toContainText('Light pressure');
  await page.clock.fastForward('00:20');
  await expect(page.locator('.guided-direction')).toHaveText('Direction 3 of 4 · Diagonal ↗');
  await expect(page.locator('.guided-pass')).toHaveText('Pass 3 of 4');
  await expect(zoneClock(page)).toHaveText('0:12');
  await expect(page.locator('.arrow-move')).toHaveAttribute('data-turn', '45');
  await page.clock.fastForward('00:12');
  await expect(zoneHeading).toHaveText('Zone 2 of 2 · Chin');
  await expect(zoneClock(page)).toHaveText('0:32');
  // axe needs a running clock; the chin's 32 s leave time for it.
  await page.clock.resume();
  await expectNoAxeViolations(page, 'on the guided session');
  await screenshots(page, 'session-guided');

  // Rolling done: clean the roller and soak it again.
  await page.clock.fastForward('00:35');
  await expect(page.getByRole('heading', { level: 2, name: 'Rolling done' })).toBeVisible();
  await expect(page.locator('.session-summary')).toContainText('Forehead, Chin');
  await expect(page.getByText('Rinse the roller', { exact: true })).toBeVisible();
  await expect(page.getByText('Never boil it', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Finish and record the session' })).toBeDisabled();
  await page.getByRole('button', { name: 'Start the 10-minute soak' }).click();
  await expect(soakClock(page)).toHaveText(/^(10:00|9:59)$/);
  await expectNoAxeViolations(page, 'on the cleaning step');
  await screenshots(page, 'session-cleaning');
  await page.clock.fastForward('10:01');
  await expect(liveSoak(page)).toHaveText('Done');
  await page.getByRole('button', { name: 'Finish and record the session' }).click();

  // Recorded: off to Aftercare, where the clocks now run.
  await expect(page).toHaveURL(new URL('aftercare', baseURL).href);
  const doc = await stored(page);
  expect(doc.sessions).toHaveLength(1);
  const session = doc.sessions[0];
  expect(session.zones_completed).toEqual(['forehead', 'chin']);
  expect(session.zones_stopped_bleeding).toEqual([]);
  expect(session.disinfected_before).toBe(true);
  expect(session.disinfected_after).toBe(true);
  expect(session.needle_um).toBe(250);
  const rolled = (Date.parse(session.ended_at) - Date.parse(session.started_at)) / 1000;
  expect(rolled).toBe(64);
  expect(doc.device.sessions_used).toBe(1);
  expect(doc.device.first_use).toBe(session.started_at);
  expect(doc.flow).toEqual({ soak: null, guided: null });

  // A second session is now refused (7 days), kindly, with Log and Aftercare.
  await page.goto('./session');
  await expect(page.getByRole('heading', { level: 2, name: 'No session today' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Too soon since last session' })).toBeVisible();
  await expect(page.locator('.session-blocked').getByRole('link', { name: 'Open the log' })).toBeVisible();
  await expect(page.locator('.session-blocked').getByRole('link', { name: 'Open aftercare' })).toBeVisible();
  await expectNoAxeViolations(page, 'when blocked');
});

test('a reload in the middle of the soak timer resumes at the right second, paused or running', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  await seed(page, storedDoc());
  await page.clock.pauseAt(new Date('2026-03-02T09:01:00Z'));
  await page.getByRole('button', { name: 'Start the 10-minute soak' }).click();
  await expect(soakClock(page)).toHaveText('10:00');
  await page.clock.fastForward('04:00');
  await expect(soakClock(page)).toHaveText('6:00');
  await page.reload();
  await waitForApp(page);
  await expect(soakClock(page)).toHaveText('6:00');
  await expect(page.locator('.soak-banner')).toContainText('6:00');
  await page.clock.fastForward('01:00');
  await expect(soakClock(page)).toHaveText('5:00');
  await expect(liveSoak(page)).toHaveText('5 minutes left');

  // Paused: a locked phone or a reload loses nothing, and no time counts.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.locator('.soak-state')).toContainText('Paused');
  await page.clock.fastForward('30:00');
  await page.reload();
  await waitForApp(page);
  await expect(soakClock(page)).toHaveText('5:00');
  await expect(page.locator('.soak-state')).toContainText('Paused');
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await page.clock.fastForward('04:10');
  await expect(soakClock(page)).toHaveText('0:50');
  await expect(liveSoak(page)).toHaveText('1 minute left');
  const doc = await stored(page);
  expect(doc.flow.soak.started_at).toBe('2026-03-02T09:01:00Z');
  expect(doc.flow.soak.paused_total_ms).toBe(30 * 60 * 1000);
});

test('the confirmation path: "I already soaked it for 10 minutes" lifts the soak block', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  await seed(page, storedDoc());
  await fillTodayCheck(page, ['Forehead']);
  await expect(startButton(page)).toBeDisabled();
  await page.getByRole('button', { name: 'I already soaked it for 10 minutes' }).click();
  await expect(page.getByRole('button', { name: 'I already soaked it for 10 minutes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(startButton(page)).toBeEnabled();
  await startButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Zone 1 of 1 · Forehead' })).toBeVisible();
});

test('a warning is acknowledged with one tap before the start', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  // PER-13: skin type IV warns (lighter pressure) and needs acknowledging.
  await seed(page, storedDoc({ skinType: 'i_v' }));
  await fillTodayCheck(page, ['Forehead']);
  await page.getByRole('button', { name: 'I already soaked it for 10 minutes' }).click();
  await expect(page.locator('#start-missing')).toContainText('Tap “I understand” on 1 warning.');
  await expect(startButton(page)).toBeDisabled();
  const ack = page.locator('.reason-warn .ack');
  await expect(ack).toHaveCount(1);
  await expect(ack).toHaveText('I understand');
  await ack.click();
  await expect(ack).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#start-missing')).toHaveCount(0);
  await expect(startButton(page)).toBeEnabled();
  await expect(page.locator('.today-blocked')).toHaveCount(0);
  await expectNoAxeViolations(page, 'with a warning acknowledged');

  // PER-15: alcohol today blocks, kindly, with Log and Aftercare still there.
  await page.getByRole('group', { name: questions[0] }).getByRole('radio', { name: 'Yes', exact: true }).check();
  await expect(startButton(page)).toBeDisabled();
  await expect(page.locator('.reason-block').first()).toContainText('Not allowed');
  await expect(page.locator('.today-blocked')).toContainText('You can still note how your skin feels in the log');
  await expect(page.locator('.today-blocked').getByRole('link', { name: 'Open the log' })).toBeVisible();
  await expectNoAxeViolations(page, 'when today is ruled out');
});

const run = (events: unknown[] = []) => ({
  soak: null,
  guided: { zones: ['forehead', 'nose'], passes_per_direction: 4, started_at: '2026-03-02T09:10:00Z', events },
});

test('a reload in the middle of a guided session resumes at the right second', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:09:00Z') });
  await seed(page, storedDoc({ flow: run() }));
  // 40 s in: zone 2, 8 s into it (direction 2, pass 1), 24 s left.
  await page.clock.pauseAt(new Date('2026-03-02T09:10:40Z'));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Zone 2 of 2 · Nose');
  await expect(page.locator('.guided-direction')).toHaveText('Direction 2 of 4 · Horizontal ↔');
  await expect(page.locator('.guided-pass')).toHaveText('Pass 1 of 4');
  await expect(zoneClock(page)).toHaveText('0:24');
  await page.clock.fastForward('00:03');
  await expect(zoneClock(page)).toHaveText('0:21');
  await expect(page.locator('.guided-pass')).toHaveText('Pass 2 of 4');
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Zone 2 of 2 · Nose');
  await expect(zoneClock(page)).toHaveText('0:21');
  await expect(page.locator('.guided-pass')).toHaveText('Pass 2 of 4');

  // Pause, reload later: still paused at the same second.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByText('Paused. Tap Resume when you\'re ready.')).toBeVisible();
  await page.clock.fastForward('05:00');
  await page.reload();
  await waitForApp(page);
  await expect(zoneClock(page)).toHaveText('0:21');
  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await page.clock.fastForward('00:05');
  await expect(zoneClock(page)).toHaveText('0:16');
  await expect(page.locator('.guided-direction')).toHaveText('Direction 3 of 4 · Diagonal ↗');
});

test('"Stop this zone — bleeding" needs a second tap and is recorded', async ({ page, baseURL }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:09:00Z') });
  await seed(page, storedDoc({ flow: run() }));
  await page.clock.pauseAt(new Date('2026-03-02T09:10:10Z'));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Zone 1 of 2 · Forehead');
  await page.getByRole('button', { name: 'Stop this zone — bleeding' }).click();
  await expect(page.getByRole('alert')).toContainText('Stop rolling the forehead because of bleeding?');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Zone 1 of 2 · Forehead');
  await page.clock.resume();
  await expectNoAxeViolations(page, 'while confirming a bleeding stop');
  await page.getByRole('button', { name: 'Yes, stop this zone' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Zone / })).toHaveText('Zone 2 of 2 · Nose');
  await expect(page.getByRole('heading', { name: 'Stopped for bleeding' })).toBeVisible();
  await page.clock.fastForward('00:40');
  await expect(page.getByRole('heading', { level: 2, name: 'Rolling done' })).toBeVisible();
  await expect(page.locator('.session-summary')).toContainText('Stopped for bleeding:');
  await expect(page.locator('.session-summary dd').nth(1)).toHaveText('Forehead');
  await page.getByRole('button', { name: "Record now, I'll clean the roller later" }).click();
  await expect(page).toHaveURL(new URL('aftercare', baseURL).href);
  const doc = await stored(page);
  expect(doc.sessions).toHaveLength(1);
  expect(doc.sessions[0].zones_stopped_bleeding).toEqual(['forehead']);
  expect(doc.sessions[0].zones_completed).toEqual(['nose']);
  expect(doc.sessions[0].disinfected_after).toBe(false);
  expect(doc.device.sessions_used).toBe(1);
});

test('ending a session: nothing recorded before rolling, a partial session after', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:09:00Z') });
  await seed(page, storedDoc({ flow: run() }));
  // Before the start: nothing was rolled, so nothing is recorded.
  await page.getByRole('button', { name: 'End the session' }).click();
  await expect(page.getByRole('alert')).toContainText("You haven't rolled yet, so nothing is recorded.");
  await page.getByRole('button', { name: 'Yes, end it' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Since set-up' })).toBeVisible();
  let doc = await stored(page);
  expect(doc.sessions).toHaveLength(0);
  expect(doc.flow.guided).toBeNull();

  // After some rolling: it counts as a session, and says so.
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(storedDoc({ flow: run() })));
  await page.clock.fastForward('01:20');
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Zone 1 of 2 · Forehead');
  await page.getByRole('button', { name: 'End the session' }).click();
  await expect(page.getByRole('alert')).toContainText('this counts as a session');
  await page.getByRole('button', { name: 'No, keep rolling' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'End the session' }).click();
  await page.getByRole('button', { name: 'Yes, end it' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Session ended early' })).toBeVisible();
  await page.getByRole('button', { name: "Record now, I'll clean the roller later" }).click();
  doc = await stored(page);
  expect(doc.sessions).toHaveLength(1);
  expect(doc.sessions[0].zones_completed).toEqual([]);
});

test('without set-up, a friendly card leads to set-up', async ({ page, baseURL }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  await seed(page, storedDoc({ withSetup: false }));
  await expect(page.getByRole('heading', { level: 2, name: 'Set up Rollwise first' })).toBeVisible();
  await expectNoAxeViolations(page, 'without set-up');
  await page.getByRole('link', { name: 'Start set-up' }).click();
  await expect(page).toHaveURL(new URL('setup', baseURL).href);
});
