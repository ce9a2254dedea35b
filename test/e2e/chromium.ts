/**
 * Debian's Chromium (never a downloaded browser) and the flags it runs with, for the
 * browser tests and the browser benches alike.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Docker's default /dev/shm is 64 MB; without this Chromium can crash on CI containers.
  '--disable-dev-shm-usage',
];
