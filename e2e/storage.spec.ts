// The person's data across reloads, tabs and files: recovery from
// corrupted storage, two tabs editing in turn, export then import, and a
// truncated backup refused. Needs DataProvider, StorageBanner and
// DataSettings wired into the shell (see src/ui/data/mod.rs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForApp, expectNoAxeViolations, holdModule, APP_MODULE, readable } from './fixtures';

const DOC_KEY = 'rollwise.data';
const UNREADABLE_KEY = 'rollwise.data.unreadable';
const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'stored-v1.json'), 'utf8'),
);

/// The same canonical JSON as src/storage/backup.rs: sorted keys, no spaces.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/// A valid backup file holding `data` (a stored v1 document).
function backup(data: unknown): string {
  const file: Record<string, unknown> = {
    format: 'rollwise-backup',
    schema_version: 1,
    exported_at: '2025-06-01T10:00:00Z',
    data,
  };
  file.checksum = 'sha256:' + createHash('sha256').update(canonical(file)).digest('hex');
  return JSON.stringify(file, null, 2);
}

/// The fixture with only the sessions whose ids are given.
function withSessions(ids: number[]) {
  const data = structuredClone(fixture);
  data.sessions = ids.map((id, i) => ({ ...fixture.sessions[0], id, started_at: `2025-02-0${i + 1}T09:00:00Z` }));
  data.reactions = [];
  return data;
}

const stored = (page: Page, key = DOC_KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const storedSessionIds = async (page: Page) => {
  const text = await stored(page);
  return text === null ? [] : readable(JSON.parse(text)).sessions.map((s) => s.id as number).sort();
};

async function chooseBackup(page: Page, text: string, name = 'backup.json') {
  await page.locator('#settings-import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

async function openSettings(page: Page) {
  await page.goto('./settings');
  await waitForApp(page);
  await expect(page.getByRole('heading', { name: 'Your data', exact: true })).toBeVisible();
}

test('corrupted data opens recovery and the raw text survives navigation', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  const garbage = '{"schema_version": 1, "sessions": [ {"id": 1, "started_at": "2025-';
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, garbage]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: "Your saved data couldn't be read" })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'on the recovery screen');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the raw data' }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(garbage);
  // Navigating, even by a full load, never overwrites or drops the text.
  await page.goto('./settings');
  await expect(page.getByRole('heading', { level: 1, name: "Your saved data couldn't be read" })).toBeVisible();
  expect(await stored(page)).toBe(garbage);
  expect(await stored(page, UNREADABLE_KEY)).toBe(garbage);
  // Starting afresh is an explicit choice, and the kept copy stays.
  await page.getByRole('button', { name: 'Start with empty data', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, start with empty data' }).click();
  await waitForApp(page);
  expect(await stored(page, UNREADABLE_KEY)).toBe(garbage);
});

test('data stored by an older version is updated once, its original kept, and the person told', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  // Version 1 wrote sessions and reactions as objects; version 2 as rows.
  const original = readFileSync(join(__dirname, '..', 'tests', 'fixtures', 'stored-v1.json'), 'utf8');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DOC_KEY, original]);
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'Your data was updated to the new format.' });
  await expect(notice).toContainText('A copy of the old one is kept in this browser.');
  await expectNoAxeViolations(page, 'with the notice of an update of the stored format');
  const updated = JSON.parse((await stored(page))!);
  expect(updated.sessions[0]).toEqual([1, '2025-01-01T09:00:00Z', '2025-01-01T09:20:00Z', 250, ['forehead', 'nose'], [], true, true]);
  expect(readable(updated).sessions).toEqual(fixture.sessions);
  expect(readable(updated).reactions).toEqual(fixture.reactions);
  expect(await stored(page, `${DOC_KEY}.v1-before-migration`)).toBe(original);
  // Once read, the notice goes; the update is not done again.
  await notice.getByRole('button', { name: 'OK, got it' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByText('Your data was updated to the new format.')).toHaveCount(0);
  expect(await stored(page, `${DOC_KEY}.v1-before-migration`)).toBe(original);
  expect(readable(JSON.parse((await stored(page))!)).sessions).toEqual(fixture.sessions);
});

test('two tabs edit in turn and neither edit is lost', async ({ page, context }) => {
  await openSettings(page);
  const other = await context.newPage();
  await openSettings(other);
  await chooseBackup(page, backup(withSessions([101])));
  await page.getByRole('button', { name: 'Add this backup to my data' }).click();
  await expect(page.getByText('1 session and 0 reactions were added')).toBeVisible();
  await chooseBackup(other, backup(withSessions([202])));
  await other.getByRole('button', { name: 'Add this backup to my data' }).click();
  await expect(other.getByText('1 session and 0 reactions were added')).toBeVisible();
  // The import is saved after the frame that shows its result.
  await expect.poll(() => storedSessionIds(page)).toEqual([101, 202]);
  await page.reload();
  await waitForApp(page);
  expect(await storedSessionIds(page)).toEqual([101, 202]);
});

test('an exported backup is accepted by import', async ({ page }) => {
  await openSettings(page);
  await chooseBackup(page, backup(fixture));
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Done: your data now comes from the backup.')).toBeVisible();
  const before = JSON.parse((await stored(page))!);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^rollwise-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  // Delete everything, then restore from the downloaded file.
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await expect(page.getByText(/This deletes 3 sessions, 3 reactions, 2 rollers/)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  expect(await stored(page)).toBeNull();
  await chooseBackup(page, text, file.suggestedFilename());
  await expect(page.getByText(/It holds 3 sessions and 3 reactions/)).toBeVisible();
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  const after = JSON.parse((await stored(page))!);
  expect(after.sessions).toEqual(before.sessions);
  expect(after.reactions).toEqual(before.reactions);
  expect(after.profile).toEqual(before.profile);
});

test('a truncated backup is refused and nothing changes', async ({ page }) => {
  await openSettings(page);
  await chooseBackup(page, backup(withSessions([7])));
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  await expect(page.getByText('Done: your data now comes from the backup.')).toBeVisible();
  const before = await stored(page);
  const full = backup(fixture);
  await chooseBackup(page, full.slice(0, Math.floor(full.length * 0.6)));
  const alert = page.getByRole('alert').filter({ hasText: 'cut short' });
  await expect(alert).toContainText('Nothing was changed.');
  await expect(page.getByRole('button', { name: 'Replace my data with this backup' })).toHaveCount(0);
  expect(await stored(page)).toBe(before);
});

test('a backup chosen on the welcome before the app has loaded is read once it has', async ({ page }) => {
  const { release } = await holdModule(page, APP_MODULE);
  await page.goto('./');
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  await page.locator('#home-import').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup(fixture)),
  });
  await expect(page.getByRole('status').filter({ hasText: 'Reading the file' })).toBeVisible();
  expect(await stored(page)).toBeNull();

  release();
  await expect(page.getByText(/It holds 3 sessions and 3 reactions/)).toBeVisible();
  await page.getByRole('button', { name: 'Replace my data with this backup' }).click();
  // With data, Home shows the dashboard instead of the welcome.
  await expect.poll(() => storedSessionIds(page)).toHaveLength(3);
  await expect(page.getByRole('heading', { name: 'Welcome to Rollwise' })).toHaveCount(0);
});
