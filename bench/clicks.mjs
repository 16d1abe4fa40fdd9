// How long clicks take to render, measured the same way for Rollwise
// (bench/measure.mjs) and for the interaction floor (bench/click_floor.mjs):
// - Event Timing (input to next paint, as the browser reports it, rounded
//   to 8 ms and including the presentation delay of the software
//   compositor): the median, how many clicks were made and how many were
//   reported. Event Timing reports only events of 16 ms or more (its lowest
//   threshold), so a click missing from the entries took less than 16 ms,
//   and the median is null when no click took that long.
// - Main thread: from the click event's timestamp to the end of the frame
//   that renders it (a capturing listener records the timestamp and asks
//   for the next animation frame; a message posted from that frame's
//   callback runs once the frame is done). Every click has this figure.
// A click made while `window.__rollwiseSkip` is true (moving between
// rounds) counts in neither.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/// Starts recording the page's clicks.
export async function watchClicks(page) {
  await page.evaluate(() => {
    window.__rollwiseSkip = false;
    window.__rollwiseEvents = [];
    window.__rollwiseClicks = [];
    window.__rollwiseMainThread = [];
    addEventListener('click', (event) => {
      const start = event.timeStamp;
      const skipped = window.__rollwiseSkip;
      window.__rollwiseClicks.push({ start, skipped });
      if (skipped) return;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__rollwiseMainThread.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    }, { capture: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'click') window.__rollwiseEvents.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'event', durationThreshold: 0, buffered: false });
  });
}

/// The figures of the clicks recorded since `watchClicks`, once the last
/// one has had time to render. `label` names the journey in an error.
export async function clickFigures(page, label) {
  await page.waitForTimeout(300);
  const { events, clicks, mainThread } = await page.evaluate(() => ({
    events: window.__rollwiseEvents,
    clicks: window.__rollwiseClicks,
    mainThread: window.__rollwiseMainThread,
  }));
  const skipped = clicks.filter((c) => c.skipped).map((c) => c.start);
  const durations = events
    .filter((e) => !skipped.some((s) => Math.abs(s - e.start) < 0.01))
    .map((e) => e.duration);
  const measured = clicks.length - skipped.length;
  if (measured === 0 || mainThread.length !== measured) {
    throw new Error(`${label}: ${measured} clicks measured, ${mainThread.length} frames seen`);
  }
  return {
    median: durations.length ? median(durations) : null,
    clicks: measured,
    reported: durations.length,
    mainThread: median(mainThread),
    durations,
    mainThreads: mainThread,
  };
}

/// The figures of several page loads' clicks (each from `clickFigures`)
/// together: the medians over every click, and each load's own Event
/// Timing median (null when it reported no click), since a page load can
/// settle into presenting its frames a frame later than another load does.
export function pooledFigures(loads) {
  const durations = loads.flatMap((l) => l.durations);
  return {
    median: durations.length ? median(durations) : null,
    clicks: loads.reduce((sum, l) => sum + l.clicks, 0),
    reported: durations.length,
    mainThread: median(loads.flatMap((l) => l.mainThreads)),
    loadMedians: loads.map((l) => l.median),
  };
}
