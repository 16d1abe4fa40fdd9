// The interaction floor for `cargo xtask bench`: pages that do the least a
// page can do in answer to a click (a button that changes its own text),
// clicked and measured as bench/measure.mjs measures Rollwise (the same
// browser flags, phone-sized window and harness, bench/clicks.mjs). What
// they measure is what this browser on this machine adds to any click.
//
// Usage: node bench/click_floor.mjs NAME=URL...
// Prints one JSON object: for each NAME, the figures of clickFigures.
import { launch, viewport } from './browser.mjs';
import { clickFigures, watchClicks } from './clicks.mjs';

const CLICKS = 15;
const pages = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf('=');
  return { name: arg.slice(0, at), url: arg.slice(at + 1) };
});

const browser = await launch();
const result = {};
for (const { name, url } of pages) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  const button = page.getByRole('button', { name: /^Count: \d+$/ });
  await button.waitFor();
  await page.waitForLoadState('networkidle');
  await watchClicks(page);
  for (let i = 0; i < CLICKS; i++) {
    // Each click renders its new count before the next.
    await button.click();
    await page.getByRole('button', { name: `Count: ${i + 1}` }).waitFor();
    await page.waitForTimeout(50);
  }
  result[name] = await clickFigures(page, name);
  await context.close();
}
console.log(JSON.stringify(result));
await browser.close();
