// Shared fixtures for every journey. Each test fails if the page logs a
// console error, violates its Content-Security-Policy, throws an uncaught
// exception, or sends a request to any host other than 127.0.0.1.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

type Guards = {
  problems: string[];
};

export const test = base.extend<Guards>({
  problems: [
    async ({ page, context }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
      context.on('request', (request) => {
        const url = new URL(request.url());
        const local = url.hostname === '127.0.0.1';
        const inline = url.protocol === 'data:' || url.protocol === 'blob:';
        if (!local && !inline) problems.push(`request to another host: ${request.url()}`);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await use(problems);
      expect(problems, 'console errors, CSP violations or third-party requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/// The app has mounted when its bottom navigation bar is visible and the
/// pre-rendered copy is gone: on a first visit of the start page, the
/// welcome's first stage shows the same bar from the copy's container
/// until the app has loaded and taken its place.
export async function waitForApp(page: Page) {
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.locator('#rw-shell')).toHaveCount(0);
}

/// Holds back the download of the files whose URL matches `pattern`:
/// `requested` resolves once the page asks for one, and they are sent once
/// `release` is called.
export async function holdModule(page: Page, pattern: RegExp) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = () => {};
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await page.route(pattern, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  return { requested, release: () => release() };
}

/// The app's own module (its chunks and the module itself): until it has
/// loaded, a first visit shows the welcome's first stage, which the main
/// module renders.
export const APP_MODULE = /\/(chunks|split)_app[-_][^/]*\.wasm$/;

/// WCAG 2.2 AA (and everything below it) by axe-core: zero violations.
export async function expectNoAxeViolations(page: Page, context = '') {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations ${context}`).toEqual([]);
}

/// A stored set-up profile (the same in formats v1 and v2) of an adult with nothing that blocks
/// or warns, for journeys that start from a seeded document.
export const adultProfile = {
  age: 'confirmed_adult',
  pregnant_or_breastfeeding: 'no',
  isotretinoin_now: 'no',
  isotretinoin_past: { answer: 'no', date: null },
  bleeding_risk: 'no',
  chemo_or_radiotherapy: { answer: 'no', first_day: null, last_day: null },
  other_immunosuppression: 'no',
  keloid_tendency: 'no',
  metal_allergy: 'no',
  uncontrolled_diabetes: 'no',
  controlled_diabetes_or_slow_healing: 'no',
  cold_sore_history: 'no',
  koebner_history: 'no',
  skin_type: 'i',
  product_allergy: 'no',
  allergens: [],
  peel_or_laser: { answer: 'no', date: null },
  filler: { answer: 'no', entries: [] },
  facial_surgery: { answer: 'no', entries: [] },
  recent_scars: { answer: 'no', entries: [] },
};

/// A document in the shape the seeds here are written in (format v1's:
/// sessions and reactions as objects, easy to read; `storedText` writes it
/// as format v2): the adult profile and a manual roller of
/// 0.25 mm, nothing recorded yet. `device` overrides the roller's fields.
export function setUpDoc(device: Record<string, unknown> = {}, revision = 1) {
  return {
    schema_version: 1,
    revision,
    profile: adultProfile,
    device: {
      kind: 'manual_roller',
      needle_um: 250,
      first_use: '2026-02-20T09:00:00Z',
      sessions_used: 0,
      damage: { bent: false, hooked: false, rusted: false, missing_needle: false, drags_or_jerks: false, dropped: false },
      only_mine: true,
      ...device,
    },
    replaced_devices: [],
    sessions: [],
    reactions: [],
    preferences: { passes_per_direction: 4, sound: true, vibration: true, reminder_lead_minutes: 60 },
    flow: { soak: null, guided: null },
    reminder: { sequence: 0, next_session_at: null },
  };
}

/// Format v2 (src/storage/format/v2.rs) writes each session and reaction as
/// a row: these are its cells, in order. A reaction's row then ends with
/// its status: its state, and when it ended (null while still present).
const SESSION_CELLS = [
  'id', 'started_at', 'ended_at', 'needle_um', 'zones_completed', 'zones_stopped_bleeding',
  'disinfected_before', 'disinfected_after',
];
const REACTION_CELLS = ['id', 'session', 'noticed_at', 'kind', 'severity', 'zones', 'worsening'];

type Doc = Record<string, unknown> & { sessions: Record<string, unknown>[]; reactions: Record<string, unknown>[] };

/// The text to store for a seed written in format v1's shape: the same
/// document in format v2, as the app writes it, so a seeded page opens
/// without migrating.
export function storedText(doc: unknown): string {
  const d = doc as Doc;
  return JSON.stringify({
    ...d,
    schema_version: 2,
    sessions: d.sessions.map((s) => SESSION_CELLS.map((cell) => s[cell])),
    reactions: d.reactions.map((r) => {
      const status = r.status as { state: string; at?: string };
      return [...REACTION_CELLS.map((cell) => r[cell]), status.state, status.at ?? null];
    }),
  });
}

/// A stored document (format v2, parsed) with its rows as objects again,
/// to assert on by name.
export function readable(stored: Record<string, unknown>) {
  expect(stored.schema_version).toBe(2);
  const object = (cells: string[], row: unknown[]) => Object.fromEntries(cells.map((cell, i) => [cell, row[i]]));
  return {
    ...stored,
    sessions: (stored.sessions as unknown[][]).map((row) => object(SESSION_CELLS, row)),
    reactions: (stored.reactions as unknown[][]).map((row) => ({
      ...object(REACTION_CELLS, row),
      status: row[8] === null ? { state: row[7] } : { state: row[7], at: row[8] },
    })),
  };
}
