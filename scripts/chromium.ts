/**
 * The Chromium that the browser tests and the README's screenshots drive (Debian's package), and the flags
 * it is launched with: headless, no sandbox (containers), no GPU, and nothing fetched in the background.
 */

/** Where the system's Chromium is (`apt-get install -y chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags every launch passes. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
