// Browser measurements for `cargo xtask bench`, in Debian Chromium through
// Playwright: start-up to interactive with an empty store and with five years
// of data (and the main thread's CPU time in it, from traces), the time one
// save takes after an edit, the stored size, and how long an interaction
// takes to render (Event Timing, from the input to the
// next paint, and the main thread's part: from the click to the end of the
// frame that renders it). Prints one JSON object; xtask prints the figures.
//
// Usage: node bench/measure.mjs BASE_URL FIVE_YEARS_JSON
import { readFileSync } from 'node:fs';
import { launch, viewport } from './browser.mjs';
import { clickFigures, median, pooledFigures, watchClicks } from './clicks.mjs';

const [base, dataPath] = process.argv.slice(2);
const data = readFileSync(dataPath, 'utf8');
const RUNS = 9;
/// First visits vary more (every file is fetched and compiled), so they
/// take more runs.
const FIRST_VISIT_RUNS = 21;
/// The smallest store with data: five years' profile and rollers with only
/// the last session, no reaction and no note. Start-up with it shows what
/// having any data costs (the code that reads it and Home's dashboard),
/// apart from how much there is.
const oneSession = (() => {
  const doc = JSON.parse(data);
  doc.sessions = doc.sessions.slice(-1);
  doc.reactions = [];
  delete doc.notes;
  return JSON.stringify(doc);
})();

const browser = await launch();

/// Opens a fresh context (no service worker, so every run loads the same
/// way), seeds the stored document when given, and returns the page.
async function open(seed, path = '') {
  const { context, page } = await seeded(seed, 'block');
  await page.goto(new URL(path, base).href);
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  if (await page.evaluate(() => localStorage.getItem('rollwise.data.unreadable') !== null)) {
    throw new Error('the seeded document could not be read: it was set aside');
  }
  return { context, page };
}

/// A fresh context at a phone's size whose store starts with `seed` (when
/// given), service workers allowed or blocked, and a page in it.
///
/// The document is in the store before the first visit starts, as a
/// person's data is: Playwright writes it while it makes the context, not
/// during the measured navigation. (An init script that wrote it there, as
/// the bench once did, put a 213 KB write of its own into the five years'
/// start-up: about 25 to 50 ms here.)
async function seeded(seed, serviceWorkers) {
  const storageState = seed
    ? {
        cookies: [],
        origins: [{ origin: new URL(base).origin, localStorage: [{ name: 'rollwise.data', value: seed }] }],
      }
    : undefined;
  const context = await browser.newContext({ viewport, serviceWorkers, storageState });
  return { context, page: await context.newPage() };
}

/// Runs `visit(seed)` `rounds` times for each store in `seeds` and returns
/// each store's results. The stores' runs take turns (each round runs
/// every store once, in the opposite order to the round before), so a
/// stretch of a busier machine slows them alike and their differences stay
/// fair.
async function inTurns(seeds, rounds, visit) {
  const runs = seeds.map(() => []);
  for (let i = 0; i < rounds; i++) {
    const order = seeds.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) runs[k].push(await visit(seeds[k]));
  }
  return runs;
}

/// Start-up to interactive of a first visit, for each store in `seeds`
/// (null: empty), the stores taking turns (`inTurns`): the median of
/// FIRST_VISIT_RUNS runs each, and the median of each of its parts: until
/// the app mounts (the files load and compile), from there until the stored
/// data is open (read and decoded), and from there until the first screen
/// has rendered.
async function startups(seeds) {
  const runs = await inTurns(seeds, FIRST_VISIT_RUNS, async (seed) => {
    const { context, page } = await open(seed);
    const marks = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return { mount: at('rollwise:mount'), opened: at('rollwise:data-opened'), interactive: at('rollwise:interactive') };
    });
    await context.close();
    return marks;
  });
  // A part missing from any run (a mark the build does not set) is null.
  const part = (list, of) => {
    const values = list.map(of);
    return values.includes(null) ? null : median(values);
  };
  const between = (from, to) => (from === null || to === null ? null : to - from);
  return runs.map((list) => ({
    interactive: part(list, (r) => r.interactive),
    mount: part(list, (r) => r.mount),
    opening: part(list, (r) => between(r.mount, r.opened)),
    firstScreen: part(list, (r) => between(r.opened, r.interactive)),
  }));
}

/// Traced first visits per store: tracing slows the page, so these give
/// only the CPU figures, not times.
const TRACED_RUNS = 7;

/// The main thread's CPU time from mount to interactive of a first visit,
/// for each store in `seeds` (null: empty), from a Chromium trace of each
/// run (the stores taking turns, `inTurns`): the thread time of its tasks
/// in that span (a task that straddles an end counts in proportion), and
/// how many functions V8 compiled on their first call (lazy compilation)
/// in it, with their thread time. Unlike the times above, this leaves out
/// the waits for a CPU (on two CPUs shared with the browser's other
/// processes, the main thread waits about as long as it runs), so the
/// machine's load moves it less; the count of functions is exact. Medians
/// of TRACED_RUNS runs.
async function startupCpu(seeds) {
  const runs = await inTurns(seeds, TRACED_RUNS, tracedStartup);
  return runs.map((list) => ({
    cpu: median(list.map((r) => r.cpu)),
    compiled: median(list.map((r) => r.compiled)),
    compileCpu: median(list.map((r) => r.compileCpu)),
  }));
}

/// One traced first visit with `seed` stored: see `startupCpu`.
async function tracedStartup(seed) {
  const { context, page } = await seeded(seed, 'block');
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (batch) => events.push(...batch.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'v8.wasm', 'blink.user_timing'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(base);
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const mark = (name) => events.find((e) => e.name === name);
  const mount = mark('rollwise:mount');
  const interactive = mark('rollwise:interactive');
  if (!mount || !interactive) throw new Error('a traced start-up has no mount or interactive mark');
  const onMain = (e) => e.pid === mount.pid && e.tid === mount.tid;
  const [from, to] = [mount.ts, interactive.ts];
  let cpu = 0;
  let compiled = 0;
  let compileCpu = 0;
  // The main thread's work comes in tasks, and in microtask checkpoints
  // that run outside any task (a module script's continuation, such as the
  // one that starts the WASM on a first visit): those count unless a task
  // holds them.
  const tasks = events.filter(
    (e) => onMain(e) && e.ph === 'X' && e.dur > 0 && e.name === 'ThreadControllerImpl::RunTask',
  );
  const inTask = (e) => tasks.some((t) => t.ts <= e.ts && e.ts + e.dur <= t.ts + t.dur);
  for (const e of events) {
    if (!onMain(e) || e.ph !== 'X') continue;
    const work =
      e.name === 'ThreadControllerImpl::RunTask' ||
      (e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && !inTask(e));
    if (work && e.dur > 0) {
      const overlap = Math.max(0, Math.min(e.ts + e.dur, to) - Math.max(e.ts, from));
      cpu += ((e.tdur ?? 0) * overlap) / e.dur;
    } else if (e.name === 'wasm.CompileLazy' && e.ts >= from && e.ts < to) {
      compiled += 1;
      compileCpu += e.tdur ?? 0;
    }
  }
  // Trace times are in microseconds.
  return { cpu: cpu / 1000, compiled, compileCpu: compileCpu / 1000 };
}

/// Start-up of a returning visit: the service worker the first visit
/// installed serves every file from its cache, as it does for anyone with
/// data stored. One context per store; the first load installs the worker,
/// then the page is reloaded until the worker controls it, then measured.
async function returningStartup(seed) {
  const { context, page } = await seeded(seed, 'allow');
  const interactive = () =>
    page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  await page.goto(base);
  await interactive();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let i = 0; i < 5; i++) {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) break;
    await page.reload();
    await interactive();
  }
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    throw new Error('the service worker never took control of the page');
  }
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    await interactive();
    times.push(await page.evaluate(() => performance.getEntriesByName('rollwise:interactive')[0].startTime));
  }
  await context.close();
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

/// Page loads per interaction journey. One load is one sample of how the
/// page presents its frames: with the session's arrow animating, some loads
/// present every tap a frame later than others do, all the load long.
const INTERACTION_LOADS = 3;

/// The figures of the clicks `act` makes on `path` (bench/clicks.mjs), in
/// INTERACTION_LOADS fresh page loads, pooled. `seed` makes the stored
/// document for each load.
async function interaction(seed, path, act) {
  const loads = [];
  for (let i = 0; i < INTERACTION_LOADS; i++) {
    const { context, page } = await open(seed(), path);
    await watchClicks(page);
    await act(page);
    loads.push(await clickFigures(page, path));
    await context.close();
  }
  return pooledFigures(loads);
}

/// Puts an interaction journey's figures into the result, under `name`.
function recordInteraction(name, figures) {
  result[`${name}Ms`] = figures.median;
  result[`${name}Clicks`] = figures.clicks;
  result[`${name}ClicksOver16Ms`] = figures.reported;
  result[`${name}MainThreadMs`] = figures.mainThread;
  result[`${name}LoadMs`] = figures.loadMedians;
}

const result = {};
const [emptyStartup, oneStartup, fullStartup] = await startups([null, oneSession, data]);
result.startupEmptyMs = emptyStartup.interactive;
result.startupOneSessionMs = oneStartup.interactive;
result.startupFiveYearsMs = fullStartup.interactive;
result.startupParts = { empty: emptyStartup, oneSession: oneStartup, fiveYears: fullStartup };
const [emptyCpu, oneCpu, fullCpu] = await startupCpu([null, oneSession, data]);
result.startupCpu = { empty: emptyCpu, oneSession: oneCpu, fiveYears: fullCpu };
result.startupReturningEmptyMs = await returningStartup(null);
result.startupReturningFiveYearsMs = await returningStartup(data);
const empty = await saves(null);
const full = await saves(data);
result.saveMedianEmptyMs = empty.median;
result.saveMedianFiveYearsMs = full.median;
result.storedBytesFiveYears = full.size;
// Logging a reaction, five times: pick the kind, the strength, then save
// (three clicks each). Each save must show its result and reach storage, so
// the figures never measure clicks that did nothing.
const LOG_ROUNDS = 5;
const storedReactions = (page) => page.evaluate(
  () => JSON.parse(localStorage.getItem('rollwise.data') ?? '{"reactions":[]}').reactions.length,
);
const log = await interaction(() => data, 'log', async (page) => {
  const before = await storedReactions(page);
  for (let round = 0; round < LOG_ROUNDS; round++) {
    await page.getByRole('group', { name: 'Expected after rolling' }).getByRole('radio').first().check();
    await page.getByRole('group', { name: 'How strong is it?' }).getByRole('radio', { name: 'Moderate' }).check();
    await page.getByRole('button', { name: 'Save to my log' }).click();
    await page.locator('.log-result').getByText('Saved to your log.').waitFor();
    await page.evaluate(() => { window.__rollwiseSkip = true; });
    await page.getByRole('button', { name: 'Log another reaction' }).click();
    await page.getByRole('button', { name: 'Save to my log' }).waitFor();
    await page.evaluate(() => { window.__rollwiseSkip = false; });
  }
  await page.waitForFunction(
    ([n]) => JSON.parse(localStorage.getItem('rollwise.data')).reactions.length === n,
    [before + LOG_ROUNDS],
  );
});
recordInteraction('logReaction', log);
// Advancing a guided session: "Next direction" in a session under way,
// started as each page load opens (so every load is at the same point).
const guided = () => {
  const doc = JSON.parse(data);
  doc.flow = {
    soak: null,
    guided: {
      started_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      events: [],
      passes_per_direction: 4,
      zones: ['forehead', 'nose', 'chin'],
    },
  };
  return JSON.stringify(doc);
};
const step = await interaction(guided, 'session', async (page) => {
  const heading = page.locator('#guided-heading');
  const direction = page.locator('.guided-direction');
  await heading.waitFor();
  for (let i = 0; i < 6; i++) {
    const shown = `${await heading.textContent()} ${await direction.textContent()}`;
    await page.getByRole('button', { name: /^Next (direction|zone)$/ }).first().click();
    // Each click moves the session on (a new direction, or the next zone).
    await page.waitForFunction(
      ([before]) => `${document.querySelector('#guided-heading')?.textContent} ${document.querySelector('.guided-direction')?.textContent}` !== before,
      [shown],
    );
    await page.waitForTimeout(50);
  }
});
recordInteraction('sessionStep', step);
console.log(JSON.stringify(result));
await browser.close();
