// What the page fetches before it is interactive, for `cargo xtask bench`:
// opens each given route of the release build in Debian Chromium (fresh
// context, no service worker, empty cache) and lists every URL requested
// before the `rollwise:interactive` mark (by Resource Timing), the document
// and the manifest included. xtask adds up the brotli sizes of those files.
// Prints one JSON object: { route: [url, ...] }.
//
// Usage: node bench/first_load.mjs BASE_URL ROUTE...
import { launch, viewport } from './browser.mjs';

const [base, ...routes] = process.argv.slice(2);
const browser = await launch();
const result = {};
for (const route of routes) {
  const context = await browser.newContext({
    viewport,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  let requested = [];
  let interactive = false;
  page.on('request', (request) => {
    if (!interactive) requested.push(request.url());
  });
  await page.goto(new URL(route, base).href);
  await page.waitForFunction(() => performance.getEntriesByName('rollwise:interactive').length > 0);
  interactive = true;
  // Requests the page started after the mark (the page may have gone on
  // while this script waited) are not part of the first load. A resource's
  // timing entry appears once it has loaded: wait for the network first.
  await page.waitForLoadState('networkidle');
  const late = await page.evaluate(() => {
    const mark = performance.getEntriesByName('rollwise:interactive')[0].startTime;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime > mark)
      .map((entry) => entry.name);
  });
  requested = requested.filter((url) => !late.includes(url));
  // The manifest is fetched by the browser, outside the page's requests.
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]')?.href);
  if (manifest && !requested.includes(manifest)) requested.push(manifest);
  result[route] = requested;
  await context.close();
}
console.log(JSON.stringify(result));
await browser.close();
