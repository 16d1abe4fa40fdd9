// Reminders on Home, from a seeded stored document with one
// session that ended Mon 2 Mar 2026 09:20 (London = UTC in early March), and
// Playwright's clock: a time before the earliest (9 Mar 09:20) is refused,
// "Add to calendar" downloads an RFC 5545 file, rescheduling keeps the UID
// and raises SEQUENCE, "actives OK again" has its own event, and once the
// clock passes the reminder time the in-app banner shows.
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect, waitForApp, expectNoAxeViolations, adultProfile as profile, storedText } from './fixtures';


const storedDoc = {
  schema_version: 1,
  revision: 3,
  profile,
  device: {
    kind: 'manual_roller',
    needle_um: 250,
    first_use: '2026-02-20T09:00:00Z',
    sessions_used: 1,
    damage: { bent: false, hooked: false, rusted: false, missing_needle: false, drags_or_jerks: false, dropped: false },
    only_mine: true,
  },
  replaced_devices: [],
  sessions: [
    {
      id: 1,
      started_at: '2026-03-02T09:00:00Z',
      ended_at: '2026-03-02T09:20:00Z',
      needle_um: 250,
      zones_completed: ['forehead', 'left_cheek', 'right_cheek'],
      zones_stopped_bleeding: [],
      disinfected_before: true,
      disinfected_after: true,
    },
  ],
  reactions: [],
  preferences: { passes_per_direction: 4, sound: true, vibration: true, reminder_lead_minutes: 45 },
  flow: { soak: null, guided: null },
  reminder: { sequence: 0, next_session_at: null },
};

async function seed(page: Page, doc: unknown = storedDoc) {
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate((text) => localStorage.setItem('rollwise.data', text), storedText(doc));
  await page.reload();
  await waitForApp(page);
}

const card = (page: Page) => page.locator('section.reminder-card');

/// The unfolded content lines of a downloaded calendar file, checking the
/// RFC 5545 line rules on the way.
async function calendarLines(download: Download): Promise<string[]> {
  const path = await download.path();
  const bytes = await readFile(path);
  const text = bytes.toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r')).toBe(false);
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  }
  return text.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
}

function value(lines: string[], name: string): string {
  const line = lines.find((l) => l.startsWith(`${name}:`));
  expect(line, `${name} present`).toBeDefined();
  return line!.slice(name.length + 1);
}

async function pick(page: Page, local: string) {
  await card(page).getByLabel('Date and time of your next session').fill(local);
}

test('the reminder is picked inside the window, downloads as a calendar file and updates on reschedule', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-03T10:00:00Z') });
  await seed(page);
  const reminder = card(page);
  await expect(reminder.getByRole('heading', { name: 'Reminder for your next session' })).toBeVisible();
  await expect(reminder).toContainText('You can roll again from Mon 9 Mar, 9:20');
  await expect(reminder).toContainText('No reminder is set yet.');
  await expect(reminder).toContainText('Add to Home Screen');
  const input = reminder.getByLabel('Date and time of your next session');
  // The default is the recommended day at 09:00, moved to the next day
  // because 09:00 on the 9th is before the earliest 09:20.
  await expect(input).toHaveValue('2026-03-10T09:00');
  await expect(input).toHaveAttribute('min', '2026-03-09T09:20');
  await expectNoAxeViolations(page, 'on the reminder card');

  // Too soon: refused, nothing stored.
  await pick(page, '2026-03-09T09:19');
  await reminder.getByRole('button', { name: 'Save reminder' }).click();
  const error = reminder.getByRole('alert');
  await expect(error).toContainText('That is too soon');
  await expect(error).toContainText('Mon 9 Mar, 9:20');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(reminder.getByRole('button', { name: 'Add to calendar' })).toHaveCount(0);
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('rollwise.data') ?? '{}').reminder);
  await page.clock.runFor(2000); // past the debounced save, if any
  expect(await stored()).toEqual({ sequence: 0, next_session_at: null });
  await expectNoAxeViolations(page, 'with a refused time');

  // At the earliest instant: accepted.
  await pick(page, '2026-03-09T09:20');
  await expect(reminder.getByRole('alert')).toHaveCount(0);
  await reminder.getByRole('button', { name: 'Save reminder' }).click();
  await expect(reminder).toContainText('Saved: your next session is planned for Mon 9 Mar, 9:20.');
  await expect(reminder).toContainText('Your next session is planned for Mon 9 Mar, 9:20 (in 5 days 23 h).');
  await page.clock.runFor(2000);
  expect(await stored()).toEqual({ sequence: 1, next_session_at: '2026-03-09T09:20:00Z' });

  // Add to calendar: an RFC 5545 file.
  let downloading = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Add to calendar' }).click();
  let download = await downloading;
  expect(download.suggestedFilename()).toBe('rollwise-next-session-20260309.ics');
  const first = await calendarLines(download);
  expect(first.slice(0, 5)).toEqual([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rollwise//Rollwise reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ]);
  const uid = value(first, 'UID');
  expect(uid).toBe('next-session-after-20260302T092000Z@rollwise.local');
  expect(value(first, 'SEQUENCE')).toBe('1');
  expect(value(first, 'DTSTART')).toBe('20260309T092000Z');
  expect(value(first, 'DTEND')).toBe('20260309T095000Z');
  expect(value(first, 'DTSTAMP')).toMatch(/^20260303T10\d{4}Z$/);
  expect(value(first, 'SUMMARY')).toBe('Rollwise: next dermaroller session');
  expect(value(first, 'DESCRIPTION')).toContain('70 % isopropyl alcohol');
  expect(first).toContain('BEGIN:VALARM');
  expect(first).toContain('ACTION:DISPLAY');
  expect(value(first, 'TRIGGER')).toBe('-PT45M');
  await expect(reminder).toContainText('Calendar file downloaded: rollwise-next-session-20260309.ics');

  // Rescheduled: the same UID with SEQUENCE + 1; far away gets a gentle warning.
  await pick(page, '2026-05-20T18:30');
  await reminder.getByRole('button', { name: 'Change reminder' }).click();
  await expect(reminder).toContainText('Saved: your next session is planned for Wed 20 May, 18:30.');
  await expect(reminder).toContainText('more than 8 weeks away');
  downloading = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Add to calendar' }).click();
  download = await downloading;
  const second = await calendarLines(download);
  expect(value(second, 'UID')).toBe(uid);
  expect(value(second, 'SEQUENCE')).toBe('2');
  // 18:30 in London on 20 May is 17:30 UTC (summer time).
  expect(value(second, 'DTSTART')).toBe('20260520T173000Z');
  await expectNoAxeViolations(page, 'with a reminder set');

  // Actives OK again: its own event at the AFT-5 end (72 hours).
  downloading = page.waitForEvent('download');
  await reminder.getByRole('button', { name: 'Add “actives OK again” to calendar' }).click();
  download = await downloading;
  const actives = await calendarLines(download);
  expect(value(actives, 'UID')).toBe('actives-ok-after-20260302T092000Z@rollwise.local');
  expect(value(actives, 'DTSTART')).toBe('20260305T092000Z');
  expect(value(actives, 'SUMMARY')).toBe('Rollwise: actives OK again');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await reminder.screenshot({ path: `e2e/screenshots/reminders-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
});

test('when the clock passes the reminder time the in-app banner shows', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-09T09:00:00Z') });
  await seed(page);
  const reminder = card(page);
  await pick(page, '2026-03-09T09:30');
  await reminder.getByRole('button', { name: 'Save reminder' }).click();
  await expect(reminder).toContainText(/Your next session is planned for Mon 9 Mar, 9:30 \(in (29|30) min\)\./);
  const banner = reminder.locator('.reminder-due');
  await expect(banner).toHaveCount(0);
  // Notices were never asked for: the button is there, no prompt on load.
  await expect(reminder.getByRole('button', { name: 'Allow reminder notices' })).toBeVisible();

  await page.clock.fastForward('31:00');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Your next session is due: Mon 9 Mar, 9:30.');
  await expect(banner.getByRole('link', { name: "Start today's check" })).toBeVisible();
  await expectNoAxeViolations(page, 'with a due reminder');

  // Reopened later: still due, still shown.
  await page.reload();
  await waitForApp(page);
  await expect(card(page).locator('.reminder-due')).toContainText('Your next session is due');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await card(page).screenshot({ path: `e2e/screenshots/reminders-due-${scheme}.png` });
  }
});

test('with notices allowed, a due reminder is shown once through the service worker', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await page.clock.install({ time: new Date('2026-03-09T09:00:00Z') });
  await seed(page);
  const reminder = card(page);
  await expect(reminder).toContainText('Notices are on');
  await expect(reminder.getByRole('button', { name: 'Allow reminder notices' })).toHaveCount(0);
  await pick(page, '2026-03-09T09:30');
  await reminder.getByRole('button', { name: 'Save reminder' }).click();
  await expect(reminder).toContainText('Saved:');
  const shown = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const notices = await registration.getNotifications();
      return notices.map((n) => ({ title: n.title, tag: n.tag, body: n.body }));
    });
  expect(await shown()).toEqual([]);

  await page.clock.fastForward('31:00');
  await expect(reminder.locator('.reminder-due')).toBeVisible();
  await expect.poll(shown).toEqual([
    {
      title: 'Rollwise: your next session is due',
      tag: 'next-session-after-20260302T092000Z@rollwise.local',
      body: 'Start with today\'s skin check. Get your roller soaking in 70 % alcohol for 10 minutes.',
    },
  ]);
  // Dismissed by the person: later ticks do not show it again.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    for (const notice of await registration.getNotifications()) notice.close();
  });
  await expect.poll(shown).toEqual([]);
  await page.clock.fastForward('05:00');
  // Nor does leaving Home and coming back (the card is mounted afresh).
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'History' }).click();
  await expect(card(page)).toHaveCount(0);
  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(card(page).locator('.reminder-due')).toBeVisible();
  await page.clock.runFor(2000);
  expect(await shown()).toEqual([]);
});

test('a reaction that holds sessions turns the due reminder into a hold, with no notice', async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await page.clock.install({ time: new Date('2026-03-10T08:00:00Z') });
  await seed(page, {
    ...storedDoc,
    reactions: [
      {
        id: 10,
        kind: 'redness',
        noticed_at: '2026-03-03T10:00:00Z',
        session: 1,
        severity: 'mild',
        status: { state: 'still_present' },
        worsening: false,
        zones: ['left_cheek'],
      },
    ],
    reminder: { sequence: 4, next_session_at: '2026-03-10T07:30:00Z' },
  });
  const banner = card(page).locator('.reminder-due');
  await expect(banner).toContainText('Your session planned for Tue 10 Mar, 7:30 is on hold.');
  await expect(banner.getByRole('link', { name: 'Open the reaction log' })).toBeVisible();
  await expect(card(page)).not.toContainText('Your next session is due');
  await expectNoAxeViolations(page, 'with a held reminder');
  await page.clock.runFor(2000);
  const count = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).length;
  });
  expect(count).toBe(0);
});
