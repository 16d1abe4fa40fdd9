// Pre-renders the first screen of a first visit for `cargo xtask dist`: it
// opens the built app in Chromium with an empty store and no service worker,
// waits until the app marks itself interactive, and prints the markup of
// everything the app put into <body> as one JSON string.
//
// Usage: node xtask/scripts/prerender.mjs APP_URL
import { chromium } from '@playwright/test';

const [url] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    serviceWorkers: 'block',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(
    () => performance.getEntriesByName('rollwise:interactive').length > 0,
    null,
    { timeout: 30_000 },
  );
  if (problems.length) throw new Error(`the page reported errors: ${problems.join('; ')}`);
  const html = await page.evaluate(() => {
    const parts = [];
    for (const node of document.body.children) {
      if (['NOSCRIPT', 'SCRIPT'].includes(node.tagName) || node.id === 'rw-shell') continue;
      const copy = node.cloneNode(true);
      // The framework's placeholders are comments; a static page needs none.
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      for (const c of comments) c.remove();
      parts.push(copy.outerHTML);
    }
    return parts.join('\n');
  });
  console.log(JSON.stringify(html));
} finally {
  await browser.close();
}
