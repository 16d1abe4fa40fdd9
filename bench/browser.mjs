// The browser every bench script measures in: Debian Chromium with the
// launch flags that work on these machines, and a phone-sized window.
import { chromium } from '@playwright/test';

const args = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/// The size of the window every measurement uses.
export const viewport = { width: 390, height: 844 };

/// Starts Chromium.
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args });
}
