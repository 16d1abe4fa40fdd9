// Browser measurements for `cargo xtask bench`, in Debian Chromium through
// Playwright: start-up to interactive with an empty store and with five years
// of data, the time one save takes after an edit, the stored size, and how
// long an interaction takes to render (Event Timing: from the input to the
// next paint). Prints one JSON object; xtask prints the figures.
//
// Usage: node bench/measure.mjs BASE_URL FIVE_YEARS_JSON
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [base, dataPath] = process.argv.slice(2);
const data = readFileSync(dataPath, 'utf8');
const RUNS = 9;
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });

/// Opens a fresh context (no service worker, so every run loads the same
/// way), seeds the stored document when given, and returns the page.
async function open(seed, path = '') {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
  });
  if (seed) {
    await context.addInitScript((text) => {
      if (!localStorage.getItem('rollwise.data')) localStorage.setItem('rollwise.data', text);
    }, seed);
  }
  const page = await context.newPage();
  await page.goto(new URL(path, base).href);
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  return { context, page };
}

async function startup(seed) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await open(seed);
    times.push(await page.evaluate(() => performance.getEntriesByName('rollwise:interactive')[0].startTime));
    await context.close();
  }
  return median(times);
}

async function saves(seed) {
  const { context, page } = await open(seed, 'settings');
  const sound = page.getByRole('switch', { name: 'Sound at each step' });
  for (let i = 0; i < 11; i++) {
    await sound.click();
    // Each edit is saved within the debounce delay.
    await page.waitForFunction((n) => performance.getEntriesByName('rollwise:save').length >= n, i + 1);
  }
  const durations = await page.evaluate(() => performance.getEntriesByName('rollwise:save').map((e) => e.duration));
  const size = await page.evaluate(() => (localStorage.getItem('rollwise.data') ?? '').length);
  await context.close();
  return { median: median(durations), size };
}

/// Event Timing durations (input to next paint) of the clicks `act` makes:
/// their median, and how many clicks were made and how many were reported.
/// Event Timing reports only events of 16 ms or more (its lowest threshold),
/// so a click missing from the entries took less than 16 ms, and the median
/// is null when no click took that long.
async function interaction(seed, path, act) {
  const { context, page } = await open(seed, path);
  await page.evaluate(() => {
    window.__rollwiseEvents = [];
    window.__rollwiseClicks = 0;
    addEventListener('click', () => { window.__rollwiseClicks += 1; }, { capture: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'click') window.__rollwiseEvents.push(entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 0, buffered: false });
  });
  await act(page);
  await page.waitForTimeout(300);
  const [durations, clicks] = await page.evaluate(() => [window.__rollwiseEvents, window.__rollwiseClicks]);
  await context.close();
  return { median: durations.length ? median(durations) : null, clicks, reported: durations.length };
}

const result = {};
result.startupEmptyMs = await startup(null);
result.startupFiveYearsMs = await startup(data);
const empty = await saves(null);
const full = await saves(data);
result.saveMedianEmptyMs = empty.median;
result.saveMedianFiveYearsMs = full.median;
result.storedBytesFiveYears = full.size;
// Logging a reaction: pick the kind, the severity, then save (three clicks).
const log = await interaction(data, 'log', async (page) => {
  await page.getByRole('radio').first().check();
  const severity = page.getByRole('radiogroup').nth(1).getByRole('radio').first();
  if (await severity.count()) await severity.check();
  await page.getByRole('button', { name: 'Save to my log' }).click();
});
result.logReactionMs = log.median;
result.logReactionClicks = log.clicks;
result.logReactionClicksOver16Ms = log.reported;
// Advancing a guided session: "Next direction" in a session under way.
const guided = JSON.parse(data);
guided.flow = {
  soak: null,
  guided: {
    started_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    events: [],
    passes_per_direction: 4,
    zones: ['forehead', 'nose', 'chin'],
  },
};
const step = await interaction(JSON.stringify(guided), 'session', async (page) => {
  for (let i = 0; i < 6; i++) {
    const next = page.getByRole('button', { name: /^Next (direction|zone)$/ });
    if (!(await next.count())) break;
    await next.first().click();
    await page.waitForTimeout(50);
  }
});
result.sessionStepMs = step.median;
result.sessionStepClicks = step.clicks;
result.sessionStepClicksOver16Ms = step.reported;
console.log(JSON.stringify(result));
await browser.close();
